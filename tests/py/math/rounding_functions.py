# floor, ceil, trunc, fabs, copysign, fmod, modf: exact for these inputs.
import math
values = [2.5, -2.5, 2.0, -0.5, 0.0, 1e20, 7, -7, 3.999]
for v in values:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), math.fabs(v))
print(type(math.floor(2.5)).__name__, type(math.fabs(-3)).__name__)
print(math.floor(10 ** 30), math.ceil(-(10 ** 30)))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), -7 % 3)
print(math.modf(3.75), math.modf(-3.75), math.modf(5.0), math.modf(0.5))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.frexp(-3.0))
print(math.ldexp(0.5, 4), math.ldexp(1, -2), math.ldexp(0.75, 10))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.degrees(0))
print(math.floor(-0.0), math.ceil(-0.4), math.trunc(-0.9))
