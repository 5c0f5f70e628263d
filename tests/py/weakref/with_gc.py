# Weak references and the cycle collector: references to garbage are cleared before any __del__ runs,
# callbacks of live weakrefs run during gc.collect(), those of weakrefs inside the garbage never do.
import gc
import weakref

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(("del", self.name, self.wpeer() is None if hasattr(self, "wpeer") else "-"))


gc.collect()
gc.disable()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
a.wpeer = weakref.ref(b)
b.wpeer = weakref.ref(a)
outside = weakref.ref(a, lambda w: log.append(("callback", w() is None)))
del a, b
print("before collect", outside() is not None, log)
n = gc.collect()
print("collected", n > 0)
print(sorted(log, key=str))
print("outside ref dead", outside())
del log[:]

# a weakref with a callback that is itself part of the garbage: its callback is not called
c = Node("c")
c.self_ref = weakref.ref(c, lambda w: log.append("inner callback"))
c.loop = c
del c
gc.collect()
print("garbage weakref", log)
del log[:]

# resurrection: __del__ stores the object; weakrefs to it are still cleared
saved = []


class Phoenix:
    def __del__(self):
        saved.append(self)


p = Phoenix()
p.me = p
wp = weakref.ref(p)
del p
gc.collect()
print("resurrected", len(saved), wp())
gc.enable()
