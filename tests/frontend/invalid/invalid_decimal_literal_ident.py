x = 1
2nd = x
