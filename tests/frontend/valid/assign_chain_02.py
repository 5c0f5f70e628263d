class Node:
    pass

root = Node()
root.left = root.right = None
cache = {}
cache["a"] = cache["b"] = root
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = grid[1][1] = grid[2][2] = 1
root.value = size = len(grid)
i = j = k = -1
