import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


@trace
def add(a, b):
    return a + b


@functools.lru_cache(maxsize=None)
@trace
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
