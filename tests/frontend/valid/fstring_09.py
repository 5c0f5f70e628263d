class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

    def __format__(self, spec):
        return f"<{self.x:{spec}}, {self.y:{spec}}>"


p = Point(1.5, -2.0)
print(f"{p}", f"{p!r}", f"{p:.1f}", f"{p=}", f"{p.x=:.3f}", f"{p.y = }")
