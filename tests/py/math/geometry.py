# A small program mixing math functions: areas, distances, primes by isqrt.
import math


def circle_area(r):
    return math.pi * r * r


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True


print(round(circle_area(1), 10), round(circle_area(2.5), 8))
print(math.hypot(6, 8), math.dist((1, 2), (4, 6)))
primes = []
for n in range(100):
    if is_prime(n):
        primes.append(n)
print(primes, len(primes))
print(math.lcm(*primes[:6]), math.gcd(*primes[5:8]))
print(math.ceil(10 / 3), math.floor(-10 / 3), math.trunc(-10 / 3), -10 // 3)
print(math.comb(52, 5), math.perm(10, 3), math.factorial(5) // (math.factorial(2) * math.factorial(3)))
