# Number theory with big integers: a sieve, trial division and Pollard's rho factorisation,
# deterministic Miller-Rabin, modular inverses with the extended Euclid algorithm, the Chinese
# remainder theorem, a pi spigot, continued fractions of sqrt(n), perfect numbers, Collatz records.
import math


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, math.isqrt(limit) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, p in enumerate(is_prime) if p]


PRIMES = sieve(1000)


def is_probable_prime(n):
    if n < 2:
        return False
    for p in PRIMES[:12]:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in PRIMES[:12]:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def pollard_rho(n):
    if n % 2 == 0:
        return 2
    for c in range(1, 50):
        x = y = 2
        d = 1
        while d == 1:
            x = (x * x + c) % n
            y = (y * y + c) % n
            y = (y * y + c) % n
            d = math.gcd(abs(x - y), n)
        if d != n:
            return d
    raise ArithmeticError(f"no factor found for {n}")


def factorize(n):
    factors = {}
    for p in PRIMES:
        while n % p == 0:
            factors[p] = factors.get(p, 0) + 1
            n //= p
    stack = [n] if n > 1 else []
    while stack:
        m = stack.pop()
        if is_probable_prime(m):
            factors[m] = factors.get(m, 0) + 1
        else:
            d = pollard_rho(m)
            stack += [d, m // d]
    return dict(sorted(factors.items()))


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse modulo {m}")
    return x % m


def crt(residues, moduli):
    M = math.prod(moduli)
    total = 0
    for r, m in zip(residues, moduli):
        Mi = M // m
        total += r * Mi * modinv(Mi, m)
    return total % M


def pi_digits(n):
    # Gibbons' unbounded spigot
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))


def sqrt_cf(n):
    a0 = math.isqrt(n)
    if a0 * a0 == n:
        return [a0], []
    m, d, a = 0, 1, a0
    period = []
    while a != 2 * a0:
        m = d * a - m
        d = (n - m * m) // d
        a = (a0 + m) // d
        period.append(a)
    return [a0], period


def pell(n):
    a0, period = sqrt_cf(n)
    terms = a0 + period * 2
    h0, h1 = 1, terms[0]
    k0, k1 = 0, 1
    for a in terms[1:]:
        if h1 * h1 - n * k1 * k1 == 1:
            return h1, k1
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
    return h1, k1


print(len(PRIMES), PRIMES[:10], PRIMES[-3:], sum(PRIMES))
tests = [1, 2, 97, 561, 7919, 2 ** 61 - 1, 2 ** 64 + 1, 10 ** 18 + 9, 999999999989 * 1000000007, 2 ** 89 - 1]
for n in tests:
    print(n, is_probable_prime(n), factorize(n) if n > 1 else {})
print(factorize(math.factorial(20)), factorize(600851475143))
print(egcd(240, 46), modinv(17, 3120), modinv(3, 7))
try:
    modinv(6, 9)
except ValueError as e:
    print("ValueError:", e)
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))
digits = pi_digits(60)
print(digits[0] + "." + digits[1:])
for n in (2, 7, 13, 61):
    a0, per = sqrt_cf(n)
    print(f"sqrt({n}) = [{a0[0]}; {per}] pell {pell(n)}")
perfect = [n for n in range(2, 10000) if sum(d + n // d for d in range(2, math.isqrt(n) + 1) if n % d == 0)
           - (math.isqrt(n) if math.isqrt(n) ** 2 == n else 0) + 1 == n]
print("perfect:", perfect)
best, arg = 0, 0
for start in range(1, 3000):
    n, steps = start, 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    if steps > best:
        best, arg = steps, start
print("collatz record below 3000:", arg, best)
big = math.factorial(100)
print(len(str(big)), sum(int(c) for c in str(big)), str(big)[:20], big % (10 ** 9 + 7))
print(2 ** 1000 % 1000007, pow(3, 10 ** 18, 10 ** 9 + 7), pow(2, -1, 101), (-7) ** 21, (-2) ** 63 >> 3)
print(f"{2 ** 70:_}", f"{255:#x} {255:#o} {255:#b} {10 ** 20:e} {1 / 3:.5g} {123456789:,}")
print((12345678901234567890).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(divmod(-(10 ** 20), 7), divmod(10 ** 20, -7), -(10 ** 20) // 7, -(10 ** 20) % 7)
print(math.comb(100, 50), math.perm(20, 5), math.lcm(12, 18, 30), math.gcd(2 ** 64, 6 ** 20))
