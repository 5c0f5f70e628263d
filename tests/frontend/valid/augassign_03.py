def checksum(data):
    h = 0
    for b in data:
        h ^= b
        h <<= 1
        h &= 0xFFFFFFFF
        h |= b >> 7
        h %= 1_000_003
    return h


def grow(items, extra):
    items += extra
    items *= 2
    return items
