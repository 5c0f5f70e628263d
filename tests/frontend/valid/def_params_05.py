DEFAULT = 10


def uses_globals_in_defaults(x=DEFAULT, y=DEFAULT * 2, *, z=len("abc")):
    return x, y, z


def trailing_comma(
    a,
    b,
    *args,
    c=1,
    **kwargs,
):
    return a


def trailing_comma_2(a, b=2, /,): return a
def trailing_comma_3(*, a,): return a
def trailing_comma_4(*args,): return args
