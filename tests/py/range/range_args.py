# range() arguments: bools and ints, negative steps, equality and hashing relations.
print(list(range(True, 4)), list(range(False, True)))
print(range(0, 10, 3) == range(0, 11, 3), range(0, 10, 3) == range(0, 12, 3))
print(hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(4, 2)))
print(len(range(-10, 10, 3)), list(range(-10, 10, 3)))
print(len(range(10, -10, -3)), list(range(10, -10, -3)))
d = {range(3): "r3"}
print(d[range(0, 3, 1)])
print(list(range(5))[::-1] == list(range(4, -1, -1)))
print(range(1, 2, 3), range(-1), range(0, -1, -1), list(range(0, -1, -1)))
