# sys.getrefcount with classes, instances in cycles, weak references, super() and lambdas.
import sys
import gc
import weakref
rc = sys.getrefcount


class Node:
    def __init__(self):
        self.peer = None


a = Node()
b = Node()
print("fresh", rc(a))
a.peer = b
b.peer = a
print("in a cycle", rc(a), rc(b))
w = weakref.ref(a)
print("weakref does not count", rc(a))
print("called weakref", rc(w()))
del a, b
print("cycle still alive", w() is not None, rc(w()))
gc.collect()
print("collected", w() is None)


class Base:
    def who(self):
        return rc(self)


class Derived(Base):
    def who(self):
        return super().who()


dv = Derived()
print("through super()", dv.who())
print("class refcount relation", rc(Derived) >= 2)
holder = ["x"]
lam = lambda y=holder: rc(y)
print("lambda default", lam(), rc(holder))
del lam
print("lambda gone", rc(holder))
lst = []
lst.append(lst)
print("self-referencing list", rc(lst))
del lst
print("collected count positive", gc.collect() >= 1)
d = {}
d["self"] = d
print("self-referencing dict", rc(d))
box = [d]
print("boxed", rc(d))
