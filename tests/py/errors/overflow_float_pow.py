# OverflowError: float ** that overflows reports errno 34.
x = 10.0
print(x ** 10, x ** 100, x ** 308)
print(2.0 ** 1023)
print(2 ** 1100 > 0, len(str(10 ** 400)))
print(10.0 ** -400, (-10.0) ** 3)
y = 1e308
print(y * 10, 'multiplication gives inf, not an error')
print("10.0 ** 400")
print(x ** 400)
