from collections import OrderedDict
from functools import wraps


class LRUCache:
    def __init__(self, capacity: int = 128):
        self.capacity = capacity
        self.data: OrderedDict = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, default=None):
        try:
            value = self.data.pop(key)
        except KeyError:
            self.misses += 1
            return default
        self.data[key] = value
        self.hits += 1
        return value

    def put(self, key, value):
        self.data.pop(key, None)
        self.data[key] = value
        while len(self.data) > self.capacity:
            self.data.popitem(last=False)


def lru(capacity=128):
    def decorator(fn):
        cache = LRUCache(capacity)
        sentinel = object()

        @wraps(fn)
        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())))
            if (result := cache.get(key, sentinel)) is sentinel:
                result = fn(*args, **kwargs)
                cache.put(key, result)
            return result

        wrapper.cache = cache
        return wrapper

    return decorator


@lru(capacity=2)
def slow_square(n):
    return n ** 2
