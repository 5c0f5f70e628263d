def func_with_global_read():
    return len(CONSTANT)


def func_with_global_write():
    global CONSTANT
    CONSTANT = [1]


def func_with_builtin_shadow():
    len = 3
    return len


CONSTANT = []
