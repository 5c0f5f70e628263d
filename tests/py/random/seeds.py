# random.seed(n) for many kinds of seed: ints small and big, negative, str, bytes, floats, bools
import random

seeds = [0, 1, 2, 42, -1, -42, 255, 2**31, 2**32 - 1, 2**32, 2**53 + 1, 2**64 + 12345, -(2**100) - 7,
         10**50, 3**200, '', 'a', 'hello', 'héllo wörld ✓', '🐍' * 10, b'', b'bytes', b'\x00\xff' * 40,
         0.5, 3.5, 2.0, -7.25, 1e300, True, False]
for s in seeds:
    random.seed(s)
    a = random.random()
    b = random.random()
    print(repr(s)[:40], a, b, random.randint(1, 6), random.getrandbits(32))
# -n and n give the same stream, as CPython takes abs()
random.seed(-12345)
x = [random.random() for _ in range(5)]
random.seed(12345)
print(x == [random.random() for _ in range(5)])
# a float with an int value seeds like that int (hash(2.0) == 2)
random.seed(2.0)
f = random.random()
random.seed(2)
print(f == random.random())
