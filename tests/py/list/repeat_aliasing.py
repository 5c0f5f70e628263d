# list * n copies references: the classic aliasing trap.
grid = [[0] * 3] * 3
print(grid)
grid[0][0] = 1
print(grid)
print(grid[0] is grid[1], grid[1] is grid[2])
good = []
for i in range(3):
    good.append([0] * 3)
good[0][0] = 1
print(good, good[0] is good[1])
row = [0] * 3
row[0] = 5
print(row)
a = [[]] * 2
a[0].append("x")
print(a)
b = [1, 2] * 0
print(b, [] * 10, [None] * 4)
c = [1, 2]
d = c
c += [3]
print(c, d, c is d)
c = c + [4]
print(c, d, c is d)
e = [0]
e *= 3
print(e)
