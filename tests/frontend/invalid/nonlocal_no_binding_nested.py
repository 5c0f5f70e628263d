def outer():
    y = 1
    def inner():
        nonlocal z
        z = y
    return inner
