# keys(), values(), items() are live views.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
print(len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
del d["a"]
print(k, v, it)
print(list(k), list(v), list(it))
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(k == {"b", "c", "d"}, sorted(it & {("c", 3), ("c", 4)}))
for key, value in d.items():
    print(key, "->", value)
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k.isdisjoint(["x", "y"]), k.isdisjoint(["b"]))
e = {}
print(e.keys(), e.values(), e.items(), list(e))
