matrix = [[1, 2, 3], [4, 5, 6]]
for row in matrix: print(*row)
for _ in range(3): pass
else: print("no break")
for (i), (j) in [(1, 2)]:
    pass
for ((a, b), *c) in [((1, 2), 3, 4)]:
    print(a, b, c)
for x in (yield_ := [1, 2]):
    print(x, yield_)
