# ZeroDivisionError: int % 0.
for d in [7, 5, 3]:
    print(100 % d)
print(divmod(100, 7))
print(-100 % 7, 100 % -7)
for d in [2, 4]:
    print(d, 100 % d == 0)
print(100 % 7.5)
print("modulo zero")
print(100 % 0)
