# Keys of many hashable types; lookups by equal values.
d = {}
d[1] = "int"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[2.5] = "float"
d[frozenset([1])] = "frozenset"
d[-1] = "minus one"
d[10 ** 30] = "big"
print(d)
print(d[1.0], d[True], d[(1, 2)], d[None], d[frozenset({1})], d[10 ** 30])
print(len(d), list(d)[:4])
d[True] = "replaced by True"
print(d[1], list(d)[0])
e = {0: "zero"}
e[0.0] = "float zero"
e[False] = "false"
print(e)
nested = {"outer": {"inner": {"deep": [1, 2, {"x": None}]}}}
print(nested["outer"]["inner"]["deep"][2]["x"], nested)
nested["outer"]["inner"]["new"] = ()
print(nested)
