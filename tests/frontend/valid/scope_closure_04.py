def param_is_cell(x, y=1, *rest, z, **kw):
    def uses_x():
        return x

    def uses_rest():
        return rest, kw

    def assigns_y():
        nonlocal y
        y = 2

    z = z + 1
    return uses_x, uses_rest, assigns_y


def free_through_middle():
    secret = 42

    def middle():
        def inner():
            return secret
        return inner

    return middle
