# Closures, lambdas, comprehensions, generators, classes, calls with keywords and f-strings.
import sys


def outer(a, *args, key=1, **kw):
    def inner(b):
        return a + b + key
    square = lambda v: v * v
    evens = [x for x in args if x % 2 == 0]
    table = {k: v for k, v in kw.items()}
    return inner(square(a)), evens, table


def gen(n):
    for i in range(n):
        yield i
    yield from range(2)


class Point:
    scale: int = 2

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f'Point({self.x!r}, {self.y:>3})'

    @staticmethod
    def origin():
        return Point(0, 0)


print(outer(1, 2, 3, 4, key=5, z=6), list(gen(3)), Point(1, 2), sep='\n', file=sys.stdout)
