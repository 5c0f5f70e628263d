# map (one and several iterables), filter (None and a function), any, all.
print(list(map(str, [1, 2, 3])), list(map(abs, [-1, 2, -3])), list(map(len, ["", "ab"])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(map(int, "123")), list(map(str.upper, ["a", "b"])), list(map(divmod, [7, 9], [2, 4])))


def is_even(n):
    return n % 2 == 0


def square(n):
    return n * n


print(list(filter(is_even, range(10))), list(filter(None, [0, 1, "", "x", [], [0], None])))
print(list(map(square, filter(is_even, range(7)))))
print(any([0, "", None]), any([0, 1]), any([]), any("a"), any(map(is_even, [1, 3, 4])))
print(all([1, "a", [0]]), all([1, 0]), all([]), all(""), all(map(is_even, [2, 4])))
m = map(square, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
f = filter(is_even, [1, 2, 3, 4])
print(type(f).__name__, list(f), list(f))
