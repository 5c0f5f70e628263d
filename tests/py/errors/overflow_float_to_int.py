# OverflowError: int() of float infinity.
print(int(1e300) > 0)
print(int(-2.5))
x = float("inf")
print(x)
print(int(2.0 ** 100))
print(int(-1e20), int(5e-324))
y = 1e308
print(y * 10, int(y) > 0)
print(int(x))
