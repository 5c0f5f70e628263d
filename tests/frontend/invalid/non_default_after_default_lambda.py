x = 1
g = lambda a=1, b: a
