def divmod_safe(a, b):
    if b == 0:
        return
    elif a < 0:
        return -(-a // b), -(-a % b)
    return a // b, a % b


def chooser(flag):
    return lambda: 1 if flag else lambda: 2


def trailing(x):
    return x,


def expr(x):
    return not x or x and -x
