data = [1, 2]
sum(x for x in data, 0)
