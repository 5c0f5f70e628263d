# sys.getrefcount of objects stored in containers: lists, tuples, dicts (as key and value), sets, slices.
import sys
rc = sys.getrefcount


class K:
    pass


x = K()
print("plain", rc(x))
l = [x, x, x]
print("in list thrice", rc(x))
t = (x, l)
print("in tuple", rc(x), rc(l))
d = {"a": x}
print("dict value", rc(x))
d2 = {x: 1}
print("dict key", rc(x))
s = {x}
print("set", rc(x))
l.pop()
print("popped (result dropped)", rc(x))
del l[0]
print("del l[0]", rc(x))
l.clear()
print("cleared", rc(x))
del d["a"]
print("del d[a]", rc(x))
d2.clear()
s.discard(x)
print("after discard", rc(x))
del t
print("tuple gone", rc(x), rc(l))
nested = [[x], [x]]
print("nested", rc(x), rc(nested[0]))
copy = nested[:]
print("slice copy", rc(nested[0]), rc(x))
lst2 = list(nested)
print("list()", rc(nested[0]))
del copy, lst2
print("copies gone", rc(nested[0]))
m = [x] * 5
print("repeat", rc(x))
m = None
print("repeat dropped", rc(x))
dd = dict.fromkeys(["a", "b"], x)
print("fromkeys", rc(x))
vals = list(dd.values())
print("values list", rc(x))
del dd, vals
print("end", rc(x))
