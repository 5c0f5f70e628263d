# random.SystemRandom: draws from the host's entropy; only relations are printed
import random

s = random.SystemRandom()
t = random.SystemRandom(42)
print(type(s).__name__, isinstance(s, random.SystemRandom), repr(type(s)))
xs = [s.random() for _ in range(200)]
print(all(0.0 <= x < 1.0 for x in xs), len(set(xs)) > 190)
print(all(1 <= s.randint(1, 6) <= 6 for _ in range(100)), set(s.randint(1, 3) for _ in range(200)) == {1, 2, 3})
print(s.getrandbits(0), 0 <= s.getrandbits(5) < 32, 0 <= s.getrandbits(100) < 2**100, s.getrandbits(64).bit_length() <= 64)
l = list(range(20))
s.shuffle(l)
print(sorted(l) == list(range(20)), len(s.sample(range(1000), 10)), s.choice('a') == 'a')
print(len(s.randbytes(16)), type(s.randbytes(3)).__name__, s.seed(123), t.seed())
print(-5 < s.gauss(0, 1) < 5 or True, 0 <= s.uniform(0, 1) <= 1, len(s.choices('ab', k=4)))
for f in (s.getstate, lambda: s.setstate(None)):
    try:
        f()
    except NotImplementedError as e:
        print('NotImplementedError:', e)
random.seed(10)
a = random.random()
random.seed(10)
s.random()
print(a == random.random())
