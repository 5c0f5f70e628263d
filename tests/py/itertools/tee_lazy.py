# tee and laziness: iterators pull from their source only when asked
from itertools import tee, islice, count, chain, zip_longest, accumulate, starmap, cycle

a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b, c = tee(iter('xyz'), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee('ab', 5)))
a, b = tee(count())
print([next(a) for _ in range(5)], next(b), next(b))
x, y = tee(range(3))
x2, = tee(x, 1)
print(list(x2), list(y))
x, y = tee('abc')
z = x.__copy__()
print(next(x), list(z), list(x), list(y))
print(type(x).__name__)

log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i
it = chain(src(3), src(2))
print(next(it), log)
print(list(it), log)
log.clear()
s = islice(src(100), 2, 4)
print(list(s), log)
log.clear()
t = accumulate(src(5))
print(next(t), next(t), log)
p, q = tee(src(4))
print(next(p), next(p), log, next(q), log)
print(list(zip_longest(src(2), 'abc')))
print(list(starmap(lambda *a: sum(a), [(1, 2), (3, 4, 5), ()])))
def gen():
    yield from cycle('ab')
print(list(islice(gen(), 5)))
