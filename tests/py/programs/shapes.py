# A geometry class hierarchy: an abstract base raising NotImplementedError, a registry filled by
# __init_subclass__, mixins with multiple inheritance and super() chains, properties with setters
# and deleters, a Vector with the numeric dunders (__iadd__, __radd__ for sum(), __abs__, __neg__,
# __format__, __iter__, __bool__), class decorators, __getattr__ delegation, and sorting.
import math


def registered(cls):
    cls.registered_by_decorator = True
    return cls


class Vector:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __iter__(self):
        yield self.x
        yield self.y

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, other):
        return isinstance(other, Vector) and tuple(self) == tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def __format__(self, spec):
        if not spec:
            return repr(self)
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

    def cross(self, other):
        return self.x * other.y - self.y * other.x


class Shape:
    registry = {}
    count = 0

    def __init_subclass__(cls, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Shape.registry[kind or cls.__name__.lower()] = cls

    def __init__(self, name=None):
        Shape.count += 1
        self.id = Shape.count
        self._name = name

    @property
    def name(self):
        return self._name or f"{type(self).__name__.lower()}#{self.id}"

    @name.setter
    def name(self, value):
        if not value:
            raise ValueError("name must not be empty")
        self._name = value

    @name.deleter
    def name(self):
        self._name = None

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area()")

    def perimeter(self):
        raise NotImplementedError(f"{type(self).__name__} must define perimeter()")

    def describe(self):
        return f"{self.name}: area={self.area():.3f} perimeter={self.perimeter():.3f}"

    def __lt__(self, other):
        return self.area() < other.area()

    @classmethod
    def create(cls, kind, *args, **kwargs):
        try:
            return cls.registry[kind](*args, **kwargs)
        except KeyError:
            raise ValueError(f"unknown shape {kind!r}; known: {sorted(cls.registry)}") from None


class ColorMixin:
    def __init__(self, *args, color="black", **kwargs):
        super().__init__(*args, **kwargs)
        self.color = color

    def describe(self):
        return super().describe() + f" [{self.color}]"


class Circle(Shape):
    def __init__(self, r, **kwargs):
        super().__init__(**kwargs)
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Polygon(Shape, kind="poly"):
    def __init__(self, *points, **kwargs):
        super().__init__(**kwargs)
        if len(points) < 3:
            raise ValueError(f"a polygon needs at least 3 points, got {len(points)}")
        self.points = [Vector(*p) for p in points]

    def edges(self):
        pts = self.points
        return [(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]

    def area(self):
        return abs(sum(a.cross(b) for a, b in self.edges())) / 2

    def perimeter(self):
        return sum(abs(b - a) for a, b in self.edges())

    def centroid(self):
        return sum(self.points) * (1 / len(self.points))


@registered
class Rectangle(Polygon):
    def __init__(self, w, h, **kwargs):
        super().__init__((0, 0), (w, 0), (w, h), (0, h), **kwargs)
        self.w, self.h = w, h


class Square(ColorMixin, Rectangle):
    def __init__(self, side, **kwargs):
        super().__init__(side, side, **kwargs)


class Blob(Shape):
    pass


class Labelled:
    """Wraps a shape and delegates everything it does not define."""

    def __init__(self, shape, label):
        self._shape = shape
        self.label = label

    def __getattr__(self, attr):
        return getattr(self._shape, attr)

    def describe(self):
        return f"'{self.label}' " + self._shape.describe()


print(sorted(Shape.registry), [c.__name__ for c in Square.__mro__])
print(getattr(Rectangle, "registered_by_decorator", False), getattr(Square, "registered_by_decorator", False),
      "registered_by_decorator" in Square.__dict__)
shapes = [
    Circle(1), Circle(2.5, name="big wheel"), Rectangle(3, 4), Square(2, color="red"),
    Polygon((0, 0), (4, 0), (4, 3)), Shape.create("square", 3, color="blue", name="tile"),
    Shape.create("poly", (0, 0), (2, 0), (3, 2), (1, 3), (-1, 2)),
]
for s in shapes:
    print(s.describe())
print([s.name for s in sorted(shapes)])
print([s.name for s in sorted(shapes, key=lambda s: (-s.perimeter(), s.name))])
print(max(shapes).name, min(shapes, key=lambda s: s.perimeter()).name)
by_type = {}
for s in shapes:
    by_type.setdefault(type(s).__name__, []).append(s.id)
print(by_type)
print(isinstance(shapes[3], Rectangle), isinstance(shapes[3], ColorMixin), issubclass(Square, Polygon))

sq = shapes[3]
sq.name = "red square"
print(sq.name)
del sq.name
print(sq.name)
try:
    sq.name = ""
except ValueError as e:
    print("ValueError:", e)

for bad in [lambda: Blob().describe(), lambda: Shape.create("hexagon"), lambda: Polygon((0, 0), (1, 1))]:
    try:
        bad()
    except (NotImplementedError, ValueError) as e:
        print(type(e).__name__ + ":", e)

lab = Labelled(Circle(3), "disc")
print(lab.describe(), "|", lab.r, round(lab.area(), 4), lab.label)
try:
    lab.corners
except AttributeError as e:
    print("AttributeError:", e)

v = Vector(3, 4)
w = Vector(-1, 0.5)
print(v + w, v - w, 2 * v, v * 2, -v, abs(v), bool(Vector()), bool(w))
print(f"{v}", f"{w:.2f}", f"{v:>5}", format(w, "+.1f"))
total = sum([v, w, Vector(1, 1)])
print(total, sum([], Vector()), list(v), dict(zip("xy", v)))
acc = Vector()
alias = acc
for p in shapes[4].points:
    acc += p
print(acc, acc is alias, shapes[4].centroid(), len({Vector(1, 2), Vector(1, 2), Vector(2, 1)}))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
