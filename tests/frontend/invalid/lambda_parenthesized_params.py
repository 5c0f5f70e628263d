x = 1
g = lambda (a): a
