# weakref.ref: calling it gives the object while it lives and None after; the reference without callback
# is shared; getweakrefcount / getweakrefs; the type's names.
import weakref
import sys


class A:
    pass


a = A()
r = weakref.ref(a)
print("alive", r() is a, r() is not None)
print("shared", weakref.ref(a) is r, weakref.ref(a, None) is r)
print("count", weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
r2 = weakref.ref(a, lambda w: None)
print("with callback is new", r2 is not r, weakref.getweakrefcount(a))
print("refcount not raised", sys.getrefcount(a))
del a
print("dead", r(), r2())
print("dead count", weakref.getweakrefcount(r), weakref.getweakrefs(A()))
print("type", type(r).__name__, weakref.ref is weakref.ReferenceType, type(r) is weakref.ref)
print("repr of type", weakref.ref)
print("callable", callable(r))
try:
    r(1)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError", e)


def f():
    return 1


fr = weakref.ref(f)
print("function", fr() is f)
cr = weakref.ref(A)
print("class", cr() is A)
s = {1, 2}
sr = weakref.ref(s)
print("set", sr() is s)
fs = frozenset([3])
print("frozenset", weakref.ref(fs)() is fs)


def gen():
    yield 1


g = gen()
print("generator", weakref.ref(g)() is g)
print("module", weakref.ref(sys)() is sys)
print("builtin function", weakref.ref(len)() is len)
class B:
    def meth(self):
        return 1


m = B().meth
mr = weakref.ref(m)
print("bound method", mr() is m)
del m
print("bound method dies", mr())
