# log, log2, log10, exp: exact cases printed exactly, others rounded to 12 places.
import math
print(math.log2(8), math.log2(1024), math.log2(1), math.log2(0.5), math.log2(2 ** 100))
print(math.log10(1000), math.log10(1), math.log10(0.001), math.log10(10 ** 20))
print(math.log(1), math.exp(0), math.log(math.e) == 1.0)
print(round(math.log(10), 12), round(math.log(2), 12), round(math.exp(1), 12), round(math.exp(-1), 12))
print(round(math.log(100, 10), 12), round(math.log(8, 2), 12), round(math.log(81, 3), 12))
print(round(math.log(10 ** 100), 10), round(math.log2(3), 12), round(math.log10(2), 12))
print(round(math.exp(10), 6), round(math.exp(-10), 15), math.exp(-1000))
print(round(math.log1p(1e-10) * 1e10, 10), round(math.expm1(1e-10) * 1e10, 10))
print(math.log(2 ** 1000) > 693, round(math.log(2 ** 1000) / math.log(2), 9))
