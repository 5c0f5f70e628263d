# enumerate with start; zip with unequal lengths and strict=True when equal.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-2)))
print(list(enumerate([])), list(enumerate(range(3), 10 ** 20)))
print(list(zip()), list(zip([1])), list(zip([1, 2, 3], "ab")), list(zip("ab", "cd", "ef")))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
for i, (a, b) in enumerate(zip("xy", "XY")):
    print(i, a, b)
e = enumerate("hi")
print(type(e).__name__, next(e), list(e))
z = zip([1], [2])
print(type(z).__name__, list(z), list(z))
