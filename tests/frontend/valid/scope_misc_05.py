def decorated_scope(dec):
    @dec
    def inner(a=dec):
        return a

    @dec
    class K:
        pass

    return inner, K


def annotations_scope(T):
    def f(x: T, *args: T, **kw: T) -> T:
        return x

    class C:
        attr: T
        other: T = 1

    return f, C
