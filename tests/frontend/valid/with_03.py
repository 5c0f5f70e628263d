from contextlib import contextmanager


@contextmanager
def pair():
    yield 1, 2


with pair() as (x, y):
    print(x + y)
with pair() as [p, q]:
    pass
with pair() as (first, *rest):
    pass
obj = type("T", (), {})()
cache = {}
with pair() as obj.attr, pair() as cache["k"]:
    pass
