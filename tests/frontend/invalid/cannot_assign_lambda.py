g = 1
lambda: 1 = g
