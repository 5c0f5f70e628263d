a, b, c, d, x = 1, 2, 3, 4, 5
p1 = -2**2
p2 = 2**-1
p3 = a**b**c
p4 = not a == b
p5 = ~-+x
p6 = a << b + c
p7 = a | b ^ c & d
p8 = a + b * c
p9 = (a + b) * c
p10 = a - b - c
p11 = a - (b - c)
p12 = a / b / c
p13 = a // b % c * d
p14 = -a ** -b
