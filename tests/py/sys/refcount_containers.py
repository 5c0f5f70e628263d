# References held by containers: lists, tuples, dicts, repeats.
import sys
o = []
print(sys.getrefcount(o))
l1 = [o]
print(sys.getrefcount(o))
l2 = [o]
print(sys.getrefcount(o))
t = (o, o)
print(sys.getrefcount(o))
d = {"k": o}
print(sys.getrefcount(o))
many = [o] * 5
print(sys.getrefcount(o))
many.clear()
print(sys.getrefcount(o))
del t
print(sys.getrefcount(o))
d["k"] = None
print(sys.getrefcount(o))
l1.pop()
print(sys.getrefcount(o))
l2 = None
print(sys.getrefcount(o))
