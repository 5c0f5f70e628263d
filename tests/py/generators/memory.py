# Generators and memory: what a suspended frame keeps alive, finalization, cycles through a frame
import gc
import sys

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def holder():
    r = Res("local of generator")
    yield 1
    yield 2

g = holder()
print("created")
next(g)
print("suspended")
del g
print("after del g")

# a finished generator has released its frame
g = holder()
for _ in g:
    pass
print("exhausted")
del g

# refcounts: a suspended generator holds a reference to its arguments
x = Res("argument")
def keep(obj):
    yield obj
print(sys.getrefcount(x))
k = keep(x)
print(sys.getrefcount(x))
next(k)
print(sys.getrefcount(x))
k.close()
print(sys.getrefcount(x))
del k, x

# a cycle through a suspended frame: only the collector frees it
gc.disable()
def cyclic():
    me = yield
    yield me
c = cyclic()
next(c)
c.send(c)          # the frame now holds the generator itself
del c
print("collected", gc.collect() > 0)

def cyc_fin():
    box = []
    try:
        v = yield box
        yield v
    finally:
        print("finally of a collected generator")
c = cyc_fin()
b = next(c)
b.append(c)
del b, c
print("before collect")
print("found", gc.collect())
print("after collect")
gc.enable()

# a cycle of plain objects through a suspended generator's frame is counted object by object
class Node:
    pass
def holds(n):
    yield n
n = Node()
h = holds(n)
next(h)
n.gen = h
del n, h
print("found", gc.collect())
