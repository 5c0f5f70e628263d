# ZeroDivisionError: int / 0.
a = 10
b = 2
print(a / b, a // b, a % b)
b -= 2
print("b is", b)
print(0 / 5, -7 / 2, 2 ** -1)
for d in [4, 8]:
    print(a, '/', d, '=', a / d)
print(a / b)
