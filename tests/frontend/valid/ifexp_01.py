a, b, c, d, e = 1, 0, 2, 0, 3
r1 = a if b else c
r2 = a if b else c if d else e
r3 = (a if b else c) if d else e
r4 = a if (b if c else d) else e
r5 = [a if b else c for _ in range(2)]
r6 = lambda: a if b else c
r7 = a or b if c else d and e
r8 = not a if b else -c
r9 = (yield_ := a) if b else (yield_ := c)
