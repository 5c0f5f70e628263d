# True division, floor division and modulo on floats.
print(7.0 / 2, 7 / 2.0, 1 / 4, -1 / 4)
print(7.0 // 2, -7.0 // 2, 7.0 // -2, -7.0 // -2)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(5.0 % 0.5, 5.1 % 1, 0.3 % 0.1)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(1.0 // 0.1, 1.0 % 0.1)
print(1e300 // 1e-300 if False else 1e10 // 3)
print(-0.0 // 1, 0.0 % -1, -0.0 % 1)
print(3 // 0.7, 3 % 0.7)
print(10 / 4, 10 // 4, 10.0 // 4, 10 % 4.0)
print(2 ** 0.5, 2 ** -0.5, (-8) ** 2.0, 0.5 ** 2)
print(10.0 ** 20, 10.0 ** -20, 2.0 ** 1023, 2.0 ** -1074)
x = 1.0
x /= 3
print(x)
x *= 3
print(x)
x //= 0.25
print(x)
x %= 0.75
print(x)
