def no_args():
    pass


def positional(a, b, c):
    return a + b + c


def defaults(a, b=2, c=3):
    return a, b, c


def star_args(*args):
    return args


def kw_args(**kwargs):
    return kwargs


def everything(a, b=1, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
