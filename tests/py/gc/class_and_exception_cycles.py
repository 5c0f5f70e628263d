# Cycles through classes, instance dicts, bound methods and caught exceptions: all freed by gc.collect().
import gc

class Tree:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

root = Tree(None)
for i in range(10):
    Tree(root)
del root
print("tree nodes and their dicts collected:", gc.collect() >= 11)

class Holder:
    def poke(self):
        return self
h = Holder()
h.method = h.poke      # instance -> bound method -> instance
del h
print("bound-method cycle:", gc.collect() > 0)

def fail():
    raise ValueError("boom")
try:
    fail()
except ValueError as e:
    saved = e
    saved.me = saved        # an exception holding itself through its __dict__
del saved
print("exception cycle:", gc.collect() > 0)

def make_class():
    class Local:
        pass
    return Local
C = make_class()
del C
print("class cycle (type -> mro -> type):", gc.collect() > 0)
print("nothing left:", gc.collect())

class Finalized:
    def __del__(self):
        print("finalizer runs once")
f = Finalized()
f.self = f
del f
gc.collect()
print(gc.collect())
