def outer():
    x = 1
    y = 2

    def middle():
        nonlocal x
        x += 1

        def inner():
            nonlocal x, y
            x, y = y, x
            return x + y

        return inner()

    middle()
    return x, y
