# A class call whose __init__ is a Python function runs that __init__ in the running loop (Interpreter.enterInit):
# arguments of every kind, the instance as the result, errors from __init__ and from its binding, and the
# cases that take the general way (__new__, a metaclass's __call__, a built-in base, a generator __init__).
class Point:
    def __init__(self, x, y=0, *rest, z=1, **kw):
        self.v = (x, y, rest, z, sorted(kw.items()))

print(Point(1).v, Point(1, 2).v, Point(1, 2, 3, 4).v, Point(1, z=5).v, Point(x=7, q=8).v)
print(Point(*[1, 2], **{"z": 3}).v)

class Base:
    def __init__(self, name):
        self.name = name

class Child(Base):
    def __init__(self, name, n):
        super().__init__(name)
        self.n = n

c = Child("c", 3)
print(type(c).__name__, c.name, c.n)

class ReturnsInt:
    def __init__(self):
        return 5

try:
    ReturnsInt()
except TypeError as e:
    print("TypeError:", e)

class Fails:
    def __init__(self, v):
        self.v = v
        raise ValueError(v)

for i in range(3):
    try:
        Fails(i)
    except ValueError as e:
        print("ValueError:", e)

try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, w=2, x=3)
except TypeError as e:
    print("TypeError:", e)

class Gen:
    def __init__(self):
        yield 1

try:
    Gen()
except TypeError as e:
    print("TypeError:", e)

class Tree:
    def __init__(self, depth):
        self.kids = [Tree(depth - 1), Tree(depth - 1)] if depth else []

    def size(self):
        return 1 + sum(k.size() for k in self.kids)

print(Tree(6).size())

class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.made = "new"
        return o

    def __init__(self, x):
        self.x = x

w = WithNew(4)
print(w.made, w.x)

class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)

class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a

print(M(9).a)

class MyList(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

ml = MyList([1, 2], "t")
print(ml, ml.tag)

def make(cls, *a):
    return cls(*a)

print([make(Base, str(i)).name for i in range(5)])
print([p.v[0] for p in map(Point, range(3))])
