# TypeError: a list used as a dict key.
d = {}
d[(1, 2)] = "tuple ok"
d["s"] = "str ok"
print(d)
key = [1, 2]
print(hash(tuple(key)) == hash((1, 2)))
print("using", key, "as a key")
d[key] = "list"
print("not reached")
