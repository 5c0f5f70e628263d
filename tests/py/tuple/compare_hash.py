# Tuples compare lexicographically; equal tuples hash equally.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, 2.0) == (1, 2), (1, "a") != (1, "b"))
print((1, (2, 3)) < (1, (2, 4)), ("a", 1) < ("b", 0), ("a", 2) > ("a", 1))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]))
print(max([(1, 2), (1, 3), (0, 9)]), min([(3,), (2, 5), (2,)]))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2)), hash(()) == hash(()))
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0], (0, 0) in d, (0, 1) in d)
print((1, 2) <= (1, 2), (1, 2) >= (1, 3), (3, 1) > (2, 9))
print((float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), [n] == [n], (n, 1) < (n, 2))
