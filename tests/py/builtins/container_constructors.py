# list/tuple/dict/set/frozenset constructors from various iterables.
src = "abca"
print(list(src), tuple(src), sorted(set(src)), sorted(frozenset(src)))
print(list(), tuple(), dict(), set(), frozenset())
print(list(range(3)), tuple(range(3)), set(range(3)), frozenset(range(3)))
print(dict([("a", 1), ["b", 2]]), dict(a=1, b=2), dict({"x": 1}, y=2), dict(zip("ab", "cd")))
print(list({"k": 1, "j": 2}), tuple({"k": 1}.items()), set({"k": 1}.values()))
print(list((1, 2)) == [1, 2], tuple([1, 2]) == (1, 2), set([1]) == {1})
nested = [[1, 2], [3, 4]]
copy = list(nested)
copy[0].append(99)
print(nested, copy is nested, copy[0] is nested[0])
print(dict(dict(a=1)), list(list([1])), tuple(tuple((2,))), set(set([3])))
print(list(map(list, ["ab", "c"])), list(map(tuple, [[1], [2, 3]])))
