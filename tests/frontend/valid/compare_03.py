x = 5
r1 = (x < 10) == True
r2 = x < (10 == True)
r3 = (1 < 2) < 3
r4 = 1 < (2 < 3)
r5 = x == (x,)[0]
r6 = x + 1 < x * 2 <= x ** 2
r7 = x | 1 == x & 7
r8 = not x < 1 or x > 9
r9 = -x < -1 < ~x
