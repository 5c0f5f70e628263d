# For the replay test: sys.getrefcount of objects whose counts change, inside a function.
import sys


def f():
    a = [1, 2]
    print(id(a), sys.getrefcount(a))
    b = a
    c = (a, b)
    print(id(a), sys.getrefcount(a))
    d = {"k": a}
    print(id(a), sys.getrefcount(a))
    del b
    c = None
    print(id(a), sys.getrefcount(a))
    s = "x" * 50
    t = s
    print(id(s), sys.getrefcount(s))
    del d
    print(id(a), sys.getrefcount(a))
    for item in [a, a, a]:
        print(id(item), sys.getrefcount(item))


f()
g = [[], {}]
print(id(g), sys.getrefcount(g))
h = g
print(id(g), sys.getrefcount(g))
