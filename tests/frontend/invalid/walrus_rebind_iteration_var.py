y = [1, 2]
z = [x := 0 for x in y]
