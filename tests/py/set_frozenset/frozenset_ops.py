# frozenset: immutable, hashable, mixes with set.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 1 in f, frozenset(), frozenset(range(4)))
print(f | {5}, f & {1, 9}, f - {1}, f ^ {1, 7})
print(type(f | {5}), type({5} | f), type(f.union([1])))
print(f == {1, 2, 3}, {1, 2, 3} == f, f <= {1, 2, 3, 4}, f.issubset(range(10)))
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
s = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(s), frozenset([1, 2]) in s)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
g = f.copy()
print(g == f, sorted(f), max(f), min(f), sum(f))
nested = frozenset([frozenset([1]), frozenset([2])])
print(len(nested), frozenset([1]) in nested)
print(frozenset("aab") == frozenset("ba"), sorted(frozenset("hello")))
