# User descriptors: __get__ on class and instance access, __set__/__delete__ take precedence over the
# instance dict (data descriptors), a non-data descriptor is shadowed by the instance dict.
class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("deleting", self.name)
        del obj.__dict__[self.name]

class Point:
    x = Typed("x", int)
    y = Typed("y", int)
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y, type(Point.x).__name__)
try:
    p.x = "one"
except TypeError as e:
    print("TypeError:", e)
del p.y
print(p.y)

class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "class access"
        value = self.f(obj)
        obj.__dict__[self.f.__name__] = value   # non-data: the instance dict shadows it from now on
        print("computed")
        return value

class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        return 3 * self.r * self.r

c = Circle(2)
print(c.area)
print(c.area)
print(Circle.area)

class Const:
    def __get__(self, obj, objtype=None):
        return 42
class Holder:
    answer = Const()
h = Holder()
print(h.answer, Holder.answer)
h.answer = 7
print(h.answer)
