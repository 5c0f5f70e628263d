import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("collected", gc.collect() > 0)
l = []
l.append(l)
del l
print(gc.collect())
print(gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable()
d = {}
d['self'] = d
x = [d]
del d
print(gc.collect())
print(len(x[0]))
