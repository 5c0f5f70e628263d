def outer(a, b=lambda: outer, *c, d=lambda d=1: d, **e):
    def inner(x=a, y=b(), /, *, z=lambda q=c: q):
        return x, y, z
    return inner


def annotated_lambda_defaults(cb: "Callable" = lambda *args, key=None, **kw: (args, key, kw)):
    return cb


def nested_default(f=lambda x=lambda y=lambda z=0: z: y: x):
    return f
