# Exact integer functions: gcd, lcm, isqrt, factorial, comb, perm, prod.
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6))
print(math.gcd(2 ** 100, 6 ** 50), math.lcm(2 ** 40, 3 ** 20))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(17), math.isqrt(10 ** 40 + 1))
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(2 * 10 ** 30))
print(math.factorial(0), math.factorial(1), math.factorial(10), math.factorial(25))
print(len(str(math.factorial(100))), math.factorial(30) // math.factorial(28))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(3, 5), math.perm(20, 10))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 21)))
print(math.prod([1, 2], start=10), math.prod([]), type(math.prod([1, 2])).__name__)
