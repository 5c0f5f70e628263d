# Which objects refuse weak references (CPython's messages): built-in atoms and containers, object(),
# exceptions of built-in types, subclasses of int and tuple; subclasses of list, dict, str and float accept.
import weakref


class L(list):
    pass


class D(dict):
    pass


class S(str):
    pass


class F(float):
    pass


class I(int):
    pass


class T(tuple):
    pass


class E(Exception):
    pass


for v in [1, 2 ** 70, "s", (1,), [1], {1: 2}, 1.5, b"b", None, True, object(), ValueError("x"),
          range(3), slice(1), 1j]:
    try:
        weakref.ref(v)
        print(type(v).__name__, "accepted")
    except TypeError as e:
        print(e)
for cls in [L, D, S, F, I, T, E]:
    try:
        x = cls()
        w = weakref.ref(x)
        print(cls.__name__, "accepted", w() is x)
    except TypeError as e:
        print(e)
try:
    weakref.ref(weakref.ref(L()))
except TypeError as e:
    print("ref to ref:", e)
