# A function shares its code object's name and qualname strs (CPython's MAKE_FUNCTION takes them from
# the code object), and a top-level function's qualname is its name, the same str.
import sys


def f():
    pass


class C:
    def m(self):
        pass

    class Inner:
        def g(self):
            pass


print(f.__name__ is f.__code__.co_name, f.__qualname__ is f.__code__.co_qualname)
print(f.__code__.co_qualname is f.__code__.co_name)
print(C.m.__qualname__, C.m.__qualname__ is C.m.__code__.co_qualname, C.m.__name__ is C.m.__code__.co_name)
print(C.Inner.g.__qualname__, C.Inner.g.__code__.co_qualname is C.Inner.g.__code__.co_name)
print(sys.getrefcount(f.__code__.co_qualname) == sys.getrefcount(f.__code__.co_name))
lam = lambda: 0
print(lam.__name__, lam.__qualname__ is lam.__code__.co_qualname)
f.__qualname__ = "renamed"
print(f.__qualname__, f.__code__.co_qualname, f.__qualname__ is f.__code__.co_qualname)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__code__.co_qualname is outer.__code__.co_consts[1].co_qualname)
