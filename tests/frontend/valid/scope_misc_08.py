def augmented_free():
    n = 0

    def inc():
        nonlocal n
        n += 1

    def read():
        return n + 1

    return inc, read


def default_args_evaluated_outside(a, b=lambda: a):
    def inner(c=a, d=[a for _ in range(1)]):
        return c, d
    return inner, b
