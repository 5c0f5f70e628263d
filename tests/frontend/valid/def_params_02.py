def pos_only(a, b, /):
    return a - b


def pos_only_defaults(a, b=1, /, c=2):
    return a, b, c


def full(p1, p2=0, /, n1=1, *args, k1, k2=None, **kw):
    return p1, p2, n1, args, k1, k2, kw


def kw_only(*, key, reverse=False):
    return key, reverse


def pos_and_kw(a, /, *, b):
    return a, b
