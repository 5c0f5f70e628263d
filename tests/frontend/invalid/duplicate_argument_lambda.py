y = 2
g = lambda x, *x: x
