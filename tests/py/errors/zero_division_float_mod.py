# ZeroDivisionError: float modulo by zero.
x = 7.5
print(x % 2, x % -2, -x % 2)
for d in [0.5, 0.25, 3.0]:
    print(x, '%', d, '=', x % d)
print(divmod(x, 2.0))
print('modulo by a tiny number works:', x % 1e-300 < 1e-300)
print(-x % 3.0, x % -3.0)
print("modulo 0.0")
print(x % 0.0)
