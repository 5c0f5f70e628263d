# Assigning a function's writable attributes: __name__, __qualname__, __doc__, __module__,
# __defaults__, __kwdefaults__ (with CPython's type checks), and arbitrary attributes in __dict__.


def f(a, b=2, *, c=3):
    "the doc"
    return (a, b, c)


print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__)
f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Outer.renamed at 0x"))
f.__doc__ = "new doc"
print(f.__doc__)
f.__doc__ = None
print(f.__doc__)
f.__module__ = "elsewhere"
print(f.__module__)

print(f(1))
f.__defaults__ = (20,)
print(f(1), f.__defaults__)
f.__defaults__ = (10, 20)
print(f(), f.__defaults__)
f.__defaults__ = None
print(f.__defaults__)
try:
    f()
except TypeError as e:
    print("TypeError:", e)
f.__kwdefaults__ = {"c": 30}
print(f(1, 2), f.__kwdefaults__)
f.__kwdefaults__ = None
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)

for attr, value in [("__name__", 5), ("__qualname__", None), ("__defaults__", [1]), ("__kwdefaults__", (1,))]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print(attr, "TypeError:", e)

f.tag = "x"
f.count = 0
f.count += 1
print(f.tag, f.count, sorted(f.__dict__))


def wraps(fn):
    def deco(wrapper):
        wrapper.__name__ = fn.__name__
        wrapper.__qualname__ = fn.__qualname__
        wrapper.__doc__ = fn.__doc__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco


def logged(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        inner.calls += 1
        return fn(*args, **kwargs)
    inner.calls = 0
    return inner


@logged
def add(x, y):
    "adds"
    return x + y


print(add(1, 2), add(3, 4), add.calls, add.__name__, add.__qualname__, add.__doc__, add.__wrapped__(5, 6))
