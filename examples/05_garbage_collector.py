# The garbage collector and reference cycles. Reference counting frees an object as soon as nothing
# refers to it, but two objects that refer to each other keep each other's count above zero after the
# program has dropped them: such a cycle is garbage that counting alone never frees. The cycle
# collector (module gc) finds it by looking for objects referenced only from inside their own group.
# Look for `a` being finalized (its `__del__` runs) right at `del a`, the cycle staying alive after
# `del b, c` (the weak reference still finds it), and being freed only by gc.collect(), which returns
# how many unreachable objects it found. The automatic collector is turned off, so that only the
# explicit collect() runs; with it on, a collection would free the cycle at some later allocation.
import gc
import sys
import weakref

gc.disable()
gc.collect()   # start clean

freed = []

class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        freed.append(self.name)

# no cycle: the count falls to zero at `del`, and the object is freed at once
a = Node("a")
del a
print("after del a:", freed)

# a cycle: b and c refer to each other
b = Node("b")
c = Node("c")
b.partner = c
c.partner = b
print("references to b:", sys.getrefcount(b) - 1)   # the name b and c.partner
watch = weakref.ref(b)       # a weak reference does not count: it lets us look without keeping b alive
del b, c
print("after del b, c:", freed, "- the cycle is alive:", watch() is not None)

gc.collect()
print("after gc.collect():", sorted(freed), "- the cycle is alive:", watch() is not None)

# gc.collect() returns the number of unreachable objects it found: here, one list that contains itself
loop = []
loop.append(loop)
del loop
print("gc.collect() found", gc.collect())
