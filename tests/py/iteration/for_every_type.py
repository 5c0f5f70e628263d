# for over every built-in iterable type.
for x in [1, "two", 3.0]:
    print("list", x)
for x in (None, True):
    print("tuple", x)
for ch in "héllo😀":
    print("str", ch)
for k in {"b": 1, "a": 2}:
    print("dict", k)
for k, v in {"b": 1, "a": 2}.items():
    print("items", k, v)
for x in sorted({"pear", "fig", "kiwi"}):
    print("sorted set", x)
for x in {3, 1, 2}:
    print("int set", x)
for x in frozenset([5]):
    print("frozenset", x)
for i in range(2, 8, 3):
    print("range", i)
for i, x in enumerate("ab"):
    print("enumerate", i, x)
for a, b in zip("xyz", [1, 2]):
    print("zip", a, b)
for x in reversed([1, 2, 3]):
    print("reversed", x)
for x in map(len, ["a", "bb"]):
    print("map", x)
for x in filter(None, [0, 4, "", "s"]):
    print("filter", x)
for x in iter([7, 8]):
    print("iter", x)
for x in []:
    print("never")
print("done")
