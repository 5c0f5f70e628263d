def primes_below(n):
    return [p for p in range(2, n) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def cartesian(*pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    return result


def group(items, key):
    return {key(i): [j for j in items if key(j) == key(i)] for i in items}
