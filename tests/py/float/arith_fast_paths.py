# float arithmetic in the loop's fast paths: mixed int/float, signed zeros, overflow to inf, division by zero, subclasses
x = 1.5
y = 2
print(x + y, x - y, x * y, x / y, y / x, -0.0 + 0.0, 0.0 * -1, 1e308 * 10, -1e308 * 10, x + True)
try:
    x / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    x / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
z = 0.1
for i in range(10):
    z += 0.1
    z *= 1.01
    z -= 0.001
print(z, repr(z), 2 ** 60 + 0.5, (2 ** 60) * 1.0, float("nan") + 1)
class F(float):
    def __add__(self, o):
        return "sub"
print(F(1.0) + 2.0, 2.0 * F(3.0))
