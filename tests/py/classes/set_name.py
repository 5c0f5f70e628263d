# __set_name__: descriptors learn their attribute name when the class is created (class statements
# and type(name, bases, dict)), before __init_subclass__ runs; only objects whose type defines it are
# called; an error inside becomes RuntimeError with the original as __cause__.

calls = []


class Field:
    def __init__(self, default=None):
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        calls.append(f"{owner.__name__}.{name}")
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name} must be int, got {type(value).__name__}")
        setattr(obj, self.private, value)


class Base:
    def __init_subclass__(cls):
        calls.append(f"init_subclass {cls.__name__}")


class Point(Base):
    x = Field(0)
    y = Field(0)
    label = "not a descriptor"

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print(calls)
p = Point()
print(p, Point.x.name, Point.y.private)
p.x = 3
p.y = 4
print(p, vars(p))
try:
    p.x = "three"
except TypeError as e:
    print("TypeError:", e)

shared = Field(7)


class One:
    a = shared


class Two:
    b = shared


print(shared.name, One().a, Two().b)

Dyn = type("Dyn", (), {"z": Field(1), "w": 5})
print(Dyn.z.name, Dyn().z, calls[-1])


class Later:
    pass


late = Field(9)
Later.q = late
print(late.name)


class Boom:
    def __set_name__(self, owner, name):
        raise ValueError(f"no {name} here")


try:
    class Bad:
        ok = Field()
        bad = Boom()
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__), e.__cause__ is e.__context__)
print("Bad" in globals(), calls[-1])


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    m = Field(2)


print(WithMeta.m.name, WithMeta().m, type(WithMeta).__name__)
