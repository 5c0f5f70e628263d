# Dicts keep insertion order; updating a key keeps its place, re-inserting moves it to the end.
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d, list(d))
d["a"] = 20
print(d)
del d["z"]
d["z"] = 100
print(d)
d[5] = "five"
d[1] = "one"
d[3] = "three"
print(d, list(d.keys()))
e = {3: "c", 1: "a", 2: "b"}
print(e, sorted(e), list(e.values()))
f = {"b": 1, "a": 2, "b": 3}
print(f)
print({1: "int", 1.0: "float", True: "bool"})
print({True: "bool", 1: "int"}, {0: "a", False: "b", 0.0: "c"})
g = dict([("x", 1), ("y", 2), ("x", 3)])
print(g)
