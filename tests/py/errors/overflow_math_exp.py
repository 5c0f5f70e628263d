# OverflowError: math range error.
import math
print(round(math.exp(1), 6), math.exp(0))
print(math.exp(700) > 1e300)
for x in [0, 1, 10, 100]:
    print(x, math.exp(x) > 0)
print(math.exp(-1000), math.isinf(math.exp(709)))
print(math.log(math.exp(2)) > 1.99)
print('exp(1000) next')
print(math.exp(1000))
