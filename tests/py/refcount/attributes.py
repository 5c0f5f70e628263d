# sys.getrefcount of objects held by attributes: instances, classes, bound methods, properties.
import sys
rc = sys.getrefcount


class C:
    shared = []

    def __init__(self, v):
        self.v = v

    def meth(self):
        return rc(self)


val = ["v"]
c = C(val)
print("instance attr", rc(val))
c2 = C(val)
print("two instances", rc(val))
print("class attribute", rc(C.shared))
print("instance", rc(c))
print("inside method", c.meth())
bm = c.meth
print("bound method holds self", rc(c))
bm2 = c.meth
print("two bound methods", rc(c), bm is bm2)
del bm, bm2
print("bound methods gone", rc(c))
c.other = c2
print("attr to instance", rc(c2))
del c.other
print("attr deleted", rc(c2))
setattr(c, "w", val)
print("setattr", rc(val))
print("getattr", rc(getattr(c, "w")))
delattr(c, "w")
print("delattr", rc(val))
C.shared.append(c)
print("in class attribute list", rc(c))
C.shared.pop()
print("popped", rc(c))
del c2
print("instance freed", rc(val))


def fn():
    pass


print("function", rc(fn))
fn.attr = val
print("function attribute", rc(val))
del fn.attr
print("function attribute gone", rc(val))
stored = c.meth
print("called through a stored bound method", stored())
print("called through getattr", getattr(c, "meth")())


class Callable:
    def __call__(self):
        return rc(self)


k = Callable()
print("__call__", k())
print("static and class methods",
      rc(C.__dict__["meth"]) == rc(C.meth) - 1 or rc(C.__dict__["meth"]) == rc(C.meth))
