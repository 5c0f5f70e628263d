# Built-ins applied to lists.
a = [5, 3, 8, 1, 9, 2]
print(len(a), min(a), max(a), sum(a), sum(a, 10), sorted(a), a)
print(list(reversed(a)), a[::-1] == list(reversed(a)))
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
print(list(enumerate(a, start=1))[:3])
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(min([], default="empty"), max([], default=None))
print(sum([[1], [2, 3]], []), sum([0.5, 0.25, 0.125]))
print(a.index(max(a)), sorted(a)[len(a) // 2])
