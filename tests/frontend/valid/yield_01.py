def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def delegate():
    yield from count_up(3)
    yield from [10, 20]
    result = yield from sub()
    return result


def sub():
    yield 1
    return "sub done"
