# getrandbits, randrange, randint, randbelow through them, with CPython's exact values
import random

random.seed(2024)
for k in [0, 1, 2, 7, 31, 32, 33, 52, 53, 54, 63, 64, 65, 100, 128, 200, 1000]:
    print(k, random.getrandbits(k))
for args in [(10,), (1,), (2**40,), (10**30,), (0, 10), (-50, 50), (5, 100, 7), (100, 5, -7), (-10, -100, -3),
             (0, 2**70, 2**60), (3, 4)]:
    print(args, [random.randrange(*args) for _ in range(6)])
print([random.randint(1, 6) for _ in range(30)])
print([random.randint(-3, 3) for _ in range(20)])
print(random.randint(10**20, 10**21), random.randint(-2**80, -2**79))
print(random.randrange(10.0), random.randrange(2, 20.0, 3))
counts = [0] * 6
for _ in range(6000):
    counts[random.randint(0, 5)] += 1
print(counts, sum(counts))
print(random.randbytes(0), random.randbytes(7), len(random.randbytes(33)))
