# KeyError: popitem on an empty dict.
d = {"a": 1}
print(d.popitem())
print(d, len(d))
print(d.pop("a", "default"))
d['b'] = 2
d['c'] = 3
print(d.popitem(), d.popitem())
print(d)
d.popitem()
