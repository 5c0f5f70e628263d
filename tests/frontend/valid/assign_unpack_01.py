# Tuple and list unpacking
a, b = 1, 2
a, b = b, a
(c, d) = [3, 4]
[e, f] = (5, 6)
[g, h,] = 7, 8
i, = [9]
(j,) = (10,)
[k] = [11]
print(a, b, c, d, e, f, g, h, i, j, k)
