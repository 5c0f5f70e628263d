# hash() relations and CPython's numeric hash values (exact on 64-bit builds).
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(42), hash(-42), hash(-1), hash(-2), hash(0))
print(hash(2 ** 61 - 2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 61)))
print(hash(10 ** 30), hash(-(10 ** 30)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(2.0), hash(1e100))
print(hash(float("inf")), hash(float("-inf")))
print(hash(None) == hash(None), hash("abc") == hash("ab" + "c"))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(type(hash("x")) is int, type(hash(1.5)) is int)
d = {}
d[2 ** 61 - 1] = "a"
d[0] = "b"
print(d, len(d))
