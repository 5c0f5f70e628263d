a, b, c = True, False, None
l1 = a or b and c
l2 = (a or b) and c
l3 = not a or not b
l4 = not not a
l5 = a and b or c and a
l6 = a or b or c or a
l7 = a and b and c and a
l8 = not a and b
l9 = not (a and b)
l10 = a if b else c or a
l11 = (a if b else c) or a
l12 = lambda: a or b
l13 = a == b or b != c and c is None
