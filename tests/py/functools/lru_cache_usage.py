# functools.lru_cache and cache: hits, misses, eviction order, cache_info / cache_clear, typed keys
from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(100), fib.cache_info())
print(fib.cache_info().hits, fib.cache_info()._fields, fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info())

calls = []

@lru_cache(maxsize=3)
def square(n):
    calls.append(n)
    return n * n

for n in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    square(n)
print(calls, square.cache_info())

@lru_cache
def bare(x, y=0):
    calls.append(('bare', x, y))
    return x + y

print(bare(1), bare(1), bare(1, 2), bare(1, y=2), bare(x=1, y=2), bare(1.0), bare.cache_info())
print(bare.__name__, bare.__wrapped__(5), bare.cache_parameters())

@lru_cache(maxsize=16, typed=True)
def typed(x):
    return type(x).__name__

print(typed(1), typed(1.0), typed(True), typed.cache_info())

@lru_cache(maxsize=0)
def never(x):
    return x * 2

print(never(2), never(2), never.cache_info())

@lru_cache(maxsize=-5)
def negative(x):
    return x
negative(1)
print(negative.cache_info())

@cache
def ways(n):
    """number of ways to climb n stairs by 1 or 2"""
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)

print(ways(60), ways.cache_info(), ways.__doc__, ways.__name__)
try:
    ways([1])
except TypeError as e:
    print(e)
try:
    lru_cache(maxsize='big')
except TypeError as e:
    print(e)


class Grid:
    def __init__(self, w):
        self.w = w

    @lru_cache(maxsize=None)
    def paths(self, r, c):
        if r == 0 or c == 0:
            return 1
        return self.paths(r - 1, c) + self.paths(r, c - 1)

    def __hash__(self):
        return self.w

    def __eq__(self, other):
        return self.w == other.w


g = Grid(5)
print(g.paths(10, 10), Grid.paths.cache_info().currsize > 0)
