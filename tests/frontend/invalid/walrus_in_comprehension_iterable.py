y = [1, 2]
z = [x for x in (w := y)]
