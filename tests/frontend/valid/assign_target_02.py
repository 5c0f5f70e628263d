import numpy as np

grid = np.zeros((4, 4))
grid[0, 0] = 1
grid[1:3, 1:3] = 5
grid[:, 0] = grid[:, -1]
grid[..., 1] = 2
grid[::2, ::-1] = 0
table = {}
table[1, 2] = "pair"
table[(3, 4)] = "paren pair"
table[()] = "empty"
f = lambda: table
f()["k"] = f().get
