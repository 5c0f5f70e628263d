# ValueError: math domain error.
import math
print(math.sqrt(16), math.sqrt(2))
print(math.log(1))
print(math.log(math.e), math.acos(1), math.asin(0))
for v in [0, 1, 4, 9]:
    print(v, math.sqrt(v))
print(math.sqrt(0.25), math.isqrt(17))
print("square root of -1")
print(math.sqrt(-1))
