y = 1
x if y else z = 1
