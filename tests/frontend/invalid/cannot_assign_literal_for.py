items = [1, 2]
for 1 in items:
    pass
