# Shifts on small, negative and huge ints.
print(1 << 0, 1 << 1, 1 << 10, 1 << 62, 1 << 63, 1 << 64)
print(1 << 100)
print(5 << 3, 5 >> 1, 5 >> 3, 5 >> 100)
print(-5 >> 1, -5 >> 3, -5 >> 100, -1 >> 100)
print(-5 << 3, -(1 << 70) >> 68)
big = 12345678901234567890123456789
print(big >> 40, big << 7)
print((big >> 40) << 40 == big, (big << 7) >> 7 == big)
x = 1
i = 0
while i < 5:
    x <<= 13
    print(x)
    i += 1
while x > 1:
    x >>= 21
    print(x)
print((2 ** 64 - 1) >> 32, (2 ** 64) >> 64)
