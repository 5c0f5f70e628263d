# ZeroDivisionError: int // 0 has its own message.
for d in [3, 2, 1]:
    print(100, "//", d, "=", 100 // d)
print(100.0 // 7, -100 // 7.0)
print(100 // True)
d = 0
print(-100 // 7, 100 // -7, 0 // 5)
print(divmod(-100, 7))
print("dividing by", d)
print(100 // d)
