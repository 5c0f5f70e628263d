class A:
    x = 1
    yield x
