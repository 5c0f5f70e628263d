data = [1, 2, 3]
a, *b, *c = data
