# A generator pipeline: a source generator, filters and maps as generator functions and generator
# expressions, yield from delegation, a coroutine fed with send(), and sum() over the result.
# The source is the Park-Miller generator (products stay below 2**47, small integers for both
# interpreters). Argument: the number of items the source yields.
import sys


def source(n):
    x = 1
    for i in range(n):
        x = x * 48271 % 2147483647
        yield x


def keep_odd(xs):
    for x in xs:
        if x & 1:
            yield x


def scale(xs, k):
    for x in xs:
        yield (x >> 8) * k % 1000003


def window_sums(xs, size):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) == size:
            yield sum(buf)
            buf = []


def chained(n):
    yield from keep_odd(source(n))
    yield from (x for x in source(n // 4) if x % 3 == 0)


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def run(n):
    sums = window_sums(scale(chained(n), 7), 16)
    acc = averager()
    next(acc)
    last = 0
    count = 0
    for s in sums:
        last = acc.send(s)
        count += 1
    squares = sum(v * v % 97 for v in scale(source(n // 2), 3))
    return count, last, squares


n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
print(run(n))
