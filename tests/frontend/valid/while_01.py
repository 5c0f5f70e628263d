def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def find_first(items, pred):
    i = 0
    while i < len(items):
        if pred(items[i]):
            break
        i += 1
    else:
        return -1
    return i
