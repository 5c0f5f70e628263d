# // and % round toward negative infinity; the sign of % follows the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for p in pairs:
    a = p[0]
    b = p[1]
    print(a, b, "->", a // b, a % b, divmod(a, b))
big = 10 ** 30 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -7, big % -7)
print((-big) // (-10 ** 15), (-big) % (-10 ** 15))
print(2 ** 200 // 3 ** 50)
print(2 ** 200 % 3 ** 50)
q, r = divmod(-(2 ** 100), 12345)
print(q, r, q * 12345 + r == -(2 ** 100))
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3))
print(10 ** 20 / 10 ** 10)
print(1 / 3)
