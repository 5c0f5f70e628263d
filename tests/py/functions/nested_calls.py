# Nested calls and call order of arguments.
log = []


def trace(tag, value):
    log.append(tag)
    return value


def add3(a, b, c):
    return a + b + c


print(add3(trace("a", 1), trace("b", 2), trace("c", 3)), log)
log.clear()
print(add3(trace("x", 1), add3(trace("y", 2), trace("z", 3), 0), trace("w", 4)), log)
print(len(str(abs(-12345))), max(min(5, 3), min(9, 7)), sum(map(abs, [-1, -2])))


def square(n):
    return n * n


def sum_squares(n):
    total = 0
    for i in range(1, n + 1):
        total += square(i)
    return total


print(sum_squares(10), square(square(square(2))))


def helper():
    def inner(x):
        return x + 1
    return inner(41)


print(helper())
