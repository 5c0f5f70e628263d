# ZeroDivisionError: float division by zero.
x = 1.5
print(x / 3, x // 0.5, x % 1.0)
print(x / float("inf"))
print(0.0 / 1, -0.0 / 1, 1 / 1e-300)
for d in [2.0, 0.5, 1e-10]:
    print(x, '/', d, '=', x / d)
print(x / -2.0, x // 2.0)
print("dividing", x, "by 0.0")
print(x / 0.0)
