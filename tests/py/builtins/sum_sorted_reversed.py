# sum with start, sorted with key/reverse, reversed.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum(range(101)))
print(sum([0.1] * 10), sum([1, 2.5]), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([True, True, False]), sum([10 ** 20, 1]), sum([-1.5, 1.5]))
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("Banana"), sorted("Banana", key=str.lower), sorted(["b", "A", "c"]))
print(sorted({3: "c", 1: "a"}), sorted((2, 1)), sorted(range(3), reverse=True))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), "".join(reversed("stressed")))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
