# KeyError with a tuple key.
grid = {(0, 0): "origin", (1, 0): "east"}
print(grid[(0, 0)], grid[1, 0])
moves = {}
for dx in (-1, 1):
    moves[(dx, 0)] = 'horizontal'
    moves[(0, dx)] = 'vertical'
print(moves)
print(moves.get((2, 3), 'no such move'))
print("looking up (2, 3)")
print(grid[(2, 3)])
