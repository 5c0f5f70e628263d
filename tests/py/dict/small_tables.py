# Small dicts (up to five items keep their table in the dict's own block in gilpy): growth past it,
# shrinking, clear and regrowth, copies, popitem order, updates, instance dicts and a cycle.
import copy
import gc
import pickle

d = {}
for i in range(8):
    d[f"k{i}"] = i
    print(len(d), list(d)[-1], d[f"k{i}"])
for i in range(0, 8, 2):
    del d[f"k{i}"]
print(d)
d.clear()
print(d, len(d))
for i in range(6):
    d[i] = i * i
print(d)
c = d.copy()
c[99] = 0
print(d == c, len(d), len(c))
print(copy.deepcopy({"a": [1], "b": {"c": 2}}))
print(pickle.loads(pickle.dumps({"x": 1, "y": (2, 3)})))
e = {"a": 1, "b": 2, "c": 3}
print(e.popitem(), e.popitem(), e)
e.update({"z": 26}, w=23)
e.setdefault("q", 0)
print(e, e.pop("w"), e)
print({1: 2} | {3: 4, 5: 6, 7: 8, 9: 10, 11: 12})

class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, f"a{i}", i)

for n in (0, 1, 5, 6, 9):
    p = P(n)
    print(n, sorted(vars(p)), p.__dict__.get(f"a{n - 1}"))
    p.__dict__.clear()
    p.b = 1
    print(vars(p))

loop = {}
loop["self"] = loop
del loop
print(gc.collect() >= 1)
