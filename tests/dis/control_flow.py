# Branches, loops, exception handlers and with: jump targets (>>) and exception tables.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    return 'positive'


def total(items):
    s = 0
    for x in items:
        if x is None:
            continue
        s += x
    else:
        s -= 1
    while s > 100:
        s //= 2
    return s


def careful(path):
    try:
        value = int(path)
    except (ValueError, TypeError) as e:
        value = -1
    finally:
        print('done')
    with open(path) as f:
        return f.read(), value


print(classify(3), total([1, None, 2]))
