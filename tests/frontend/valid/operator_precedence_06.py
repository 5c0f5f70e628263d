def hash_combine(seed, value):
    seed ^= value + 0x9E3779B9 + (seed << 6) + (seed >> 2)
    return seed & 0xFFFFFFFF


def lerp(a, b, t):
    return a + (b - a) * t


def is_power_of_two(n):
    return n > 0 and n & n - 1 == 0


def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v


mid = lerp(0, 10, .5) // 1 % 3 - -2 ** -1
