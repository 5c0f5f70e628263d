# decorators: with arguments, stacked, on classes and methods, functools.wraps
import functools

def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(n)]
        return wrapper
    return deco

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("->", fn.__name__, args)
        return fn(*args)
    return wrapper

@trace
@repeat(2)
def greet(name):
    """Say hello."""
    return f"hi {name}"
print(greet("ana"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Alpha:
    pass
@register
class Beta:
    pass
print(sorted(registry))

class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def valid(c):
        return c > -273.15
    @classmethod
    def freezing(cls):
        return cls(0)
print(Temperature.freezing().f, Temperature.valid(-300))

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(80), ways.cache_info().hits > 0)
