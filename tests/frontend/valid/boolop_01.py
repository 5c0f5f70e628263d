a = b = c = d = 1
x1 = a and b
x2 = a or b
x3 = a and b and c
x4 = a or b or c
x5 = a and b or c and d
x6 = (a or b) and (c or d)
x7 = a or (b or c)
x8 = (a and b) and c
x9 = not a or not b and not c
x10 = a and not b or c
