# Classic integer algorithms with plain loops.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 20))
primes = []
k = 0
while len(primes) < 20:
    if is_prime(k):
        primes.append(k)
    k += 1
print(primes)
a, b = 0, 1
fibs = []
while len(fibs) < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs[10], fibs[50], fibs[99])
n = 600851475143
f = 2
factors = []
while n > 1:
    if n % f == 0:
        factors.append(f)
        n //= f
    else:
        f += 1
print(factors)
print(2 ** 127 - 1)
