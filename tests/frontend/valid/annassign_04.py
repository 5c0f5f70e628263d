def process(data: bytes) -> int:
    count: int = 0
    header: bytes
    checksum: int = sum(data) % 256
    (tmp): list = []
    self_ref: "process" = process
    for b in data:
        count += b
    return count + checksum


class Local:
    def method(self):
        self.x: int = 1
        self.y: list[int] = []
        x: int
        return self.x
