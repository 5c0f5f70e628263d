# Built-ins on sets: len, min, max, sum, sorted, any, all, list, tuple.
s = {4, 8, 15, 16, 23, 42}
print(len(s), min(s), max(s), sum(s), sorted(s), sorted(s, reverse=True))
print(any(s), all(s), all({0, 1}), any(set()), all(set()))
print(sorted(list(s)) == sorted(tuple(s)), 15 in s, 14 in s)
t = set()
for i in range(10):
    t.add(i % 4)
print(t, len(t))
u = set([(1, 2), (1, 2), (2, 1)])
print(len(u), (2, 1) in u, sorted(u))
print(set([1, 2]) == frozenset([1, 2]), set() == frozenset())
print(sorted({"b": 1, "a": 2}), set({"k": "v"}), sorted(set("cab")))
print(isinstance(s, set), isinstance(frozenset(), set), type(s).__name__)
