y = 3
x = 1 if y > 2
