# fsum is exact where sum accumulates rounding error.
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(sum([1e100, 1.0, -1e100, 1.0]), math.fsum([1e100, 1.0, -1e100, 1.0]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
print(math.fsum([1e-16] * 10 + [1.0]), sum([1.0] + [1e-16] * 10))
print(math.fsum([2 ** 53, 1, 1]), sum([2 ** 53, 1.0, 1.0]))
x = 0.0
for i in range(1, 11):
    x += i / 10
print(x, math.fsum([0.1, 0.2, 0.30000000000000004]))
