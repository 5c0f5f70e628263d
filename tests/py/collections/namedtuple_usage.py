# namedtuple: fields, defaults, _make, _asdict, _replace, repr, indexing, unpacking, argument errors
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0] + p[1], p[-1], p[:1], len(p))
x, y = p
print(x, y, list(p), tuple(p), p == (11, 22), p == Point(11, 22), p < Point(12, 0))
print(Point, Point.__name__, Point.__doc__, Point._fields, Point._field_defaults)
print(Point.__module__, isinstance(p, tuple), issubclass(Point, tuple), type(p) is Point)
print(p._asdict(), Point(**p._asdict()), p._replace(x=100), p)
print(Point._make([3, 4]), Point._make(range(2)))
print(hash(p) == hash((11, 22)), {p: 'v'}[Point(11, 22)])
print(p.count(11), p.index(22), sorted([Point(2, 1), Point(1, 2)]))

Color = namedtuple('Color', 'red green blue alpha', defaults=[255])
print(Color(1, 2, 3), Color(1, 2, 3, 4), Color._field_defaults, Color.__new__.__doc__)
Opt = namedtuple('Opt', 'a, b c', defaults=(1, 2, 3))
print(Opt(), Opt(c=9), Opt._fields)
One = namedtuple('One', 'only')
print(One(5), One.__doc__, One(only=[1]))
Empty = namedtuple('Empty', '')
print(Empty(), len(Empty()), Empty._fields)
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields, R(1, 2, 3, 4))

for args, kwargs in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((1,), {'x': 2}), ((1,), {'z': 2})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print(e)
try:
    Color()
except TypeError as e:
    print(e)
try:
    Point._make([1, 2, 3])
except TypeError as e:
    print(e)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(e)
try:
    p.other = 5
except AttributeError as e:
    print('AttributeError')

for bad in [('1x', 'a'), ('P', 'a class'), ('P', 'a _b'), ('P', 'a b a')]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(e)
try:
    namedtuple('P', 'a', defaults=[1, 2])
except TypeError as e:
    print(e)


class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return 'P3<%d %d %d>' % self


q = Point3(1, -2, 3)
print(q, str(q), q.norm1, q._replace(z=0), q._asdict())
print(Point.x, Point.y.__doc__, Point(1, 2) + (3,), Point(1, 2) * 2, Point._make('ab'))
