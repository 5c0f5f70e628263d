# sqrt (correctly rounded), pow, hypot on exact-looking inputs.
import math
for n in [0, 1, 2, 3, 4, 9, 10, 16, 0.25, 1e10, 2 ** 52, 1e-10]:
    print(n, math.sqrt(n))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -0.5), math.pow(0, 0), math.pow(2, -1))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(), math.hypot(-8), math.hypot(1, 1))
print(math.sqrt(2) ** 2, math.sqrt(2) * math.sqrt(2) == 2)
print(math.isqrt(99), math.sqrt(99) > 9.9)
print(math.dist((0, 0), (3, 4)), math.dist((1, 1, 1), (1, 1, 1)))
print(math.sqrt(10 ** 30), math.sqrt(float(2 ** 100)))
