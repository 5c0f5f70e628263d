# List comparison, equality and membership.
print([1, 2] == [1, 2], [1, 2] != [2, 1], [] == [], [1] == [1.0])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 100], [] < [0])
print([1, "a"] == [1, "a"], ["a", "b"] < ["a", "c"])
print(3 in [1, 2, 3], [1] in [[1], [2]], 1.0 in [1], "x" in ["xy"])
a = [1, 2, 3]
b = a
c = list(a)
print(a == b, a is b, a == c, a is c)
print(max([[1, 2], [1, 3], [0, 9]]), min([[3], [2, 5], [2]]))
print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] < [1, [2, 4]])
print([None] == [None], [True] == [1], [[]] != [[None]])
