a, b, c, d = 1, 2, 3, 4
ch1 = a < b <= c != d
ch2 = a == b == c
ch3 = a < b > c
ch4 = a is b is not c
ch5 = a in [b] not in [[c]]
ch6 = a <= b >= c == d != a
ch7 = not a in b if isinstance(b, list) else None
ch8 = not a is b
ch9 = a is not None
ch10 = a not in (b, c)
