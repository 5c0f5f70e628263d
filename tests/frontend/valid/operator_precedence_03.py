a, b, c, d = 1, 2, 3, 4
r1 = a | b | c
r2 = a & b | c & d
r3 = a ^ b & c
r4 = a << b >> c
r5 = a + b << c - d
r6 = a & b == c
r7 = a | b < c ^ d
r8 = ~a & ~b
r9 = a ** ~b
r10 = -a & -b
r11 = a + -b
r12 = a - +b
r13 = a * -b ** c
r14 = (a | b) & (c ^ d)
