class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __iter__(self):
        yield self.x
        yield self.y


p = Point(1, 2)
x, y = p
p.x, p.y = p.y, p.x
d = {}
d["lo"], d["hi"], *d["rest"] = sorted([5, 3, 9, 1])
[p.x, *p.y] = range(4)
