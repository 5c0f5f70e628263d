class Shape:
    def __init__(self, name: str, /, *sides: float, closed: bool = True, **meta) -> None:
        self.name = name
        self.sides = sides
        self.closed = closed
        self.meta = meta

    def scale(self, factor: float = 1.0, /) -> "Shape":
        return Shape(self.name, *(s * factor for s in self.sides), closed=self.closed, **self.meta)

    @staticmethod
    def unit(*, n=4):
        return Shape("unit", *[1.0] * n)
