# RuntimeError: a dict changed size during iteration.
d = {"a": 1, "b": 2}
for k in list(d):
    d[k + k] = 0
print(d)
print(len(d), list(d.values()))
print("adding keys while looping")
for k in d:
    print("key", k)
    d["new"] = 1
