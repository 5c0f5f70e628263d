def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


def counter_factory():
    counts = {}

    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]

    return count, lambda: dict(counts)
