# str() and repr() of many values; conversion round trips.
vals = [0, -1, 10 ** 20, 1.5, 1e16, -0.0, True, None, "s", [1, "a"], (1,), (), {"a": 1}, {1}, set(),
        frozenset(), range(3), [None, [True, 2.0]]]
for v in vals:
    print(str(v), repr(v), type(v).__name__)
print(str(), repr(str()), str("x"))
print(int(str(12345)) + 1, float(str(2.5)) * 2)
print(len(str(2 ** 100)), str(2 ** 100)[::-1][:5])
print(str(1e-7), str(123456789.0), str(-1e300), str(2 ** 0.5))
print(repr('x' * 3), str(['é']), repr('é'))
