def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value


def echo():
    x = yield
    while x is not None:
        x = yield x


def bare():
    yield
    yield None
    yield 1, 2
    yield (1, 2)
    yield *[1], 2
