import itertools

pairs = list(itertools.product("ab", repeat=2))
filtered = list(filter(None, [0, 1, "", "x"]))
mapped = list(map(lambda a, b: a + b, [1, 2], [3, 4]))
nested = list(map(list, zip(*[[1, 2], [3, 4]])))
print(*pairs, sep="\n", file=None, flush=False)
obj = type("X", (object,), dict(a=1, b=2))()
print(isinstance(obj, (int, str)), callable(print))
print(max(1, 2, key=None), min([3, 4], default=0))
print(sum([[1], [2]], start=[]))
