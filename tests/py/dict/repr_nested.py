# repr of dicts with various keys and values.
print({}, {"a": 1}, {1: "a"}, {(1, 2): [3, 4]}, {None: None})
print({"quote": "it's", "nl": "a\nb", 'dq': '"'})
print({1.5: 2.5, -0.0: float("inf"), 1e16: 1e-5})
print({"list": [], "tuple": (), "set": set(), "dict": {}, "fs": frozenset()})
print(str({"a": "b"}), repr({"a": "b"}), f"{ {'k': 1} }")
print({"é": "ü", "😀": 1})
d = {"b": 1, "a": 2}
print(sorted(d.items()), max(d), min(d.values()))
print(dict(sorted(d.items())))
