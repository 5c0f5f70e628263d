# defaults evaluated once, positional-only, keyword-only, *args/**kwargs, call-site unpacking, errors
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2))
def f(a, b, /, c, *, d, e=5, **kw):
    return a, b, c, d, e, kw
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6, z=7))
def g(*args, **kwargs):
    return args, kwargs
print(g(*[1, 2], *(3,), **{"x": 1}, y=2))
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3), lambda: f(1, 2, 3, 4, d=5), lambda: g(**{1: 2}),
             lambda: f(1, 2, 3, d=4, c=5), lambda: (lambda x: x)(), lambda: (lambda: 0)(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def add(x, y):
    return x + y
print(add(2, 3))
def kw_only(*, flag=False):
    return flag
print(kw_only(flag=True))
print((lambda *a, **k: (a, k))(1, k=2))
def annotated(x: int, y: str = "s") -> list:
    return [x, y]
print(annotated.__annotations__, annotated.__defaults__)
