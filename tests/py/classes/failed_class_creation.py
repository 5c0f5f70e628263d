# Class statements that fail (an inconsistent MRO, a layout conflict, bad or conflicting __slots__, a
# failing __init_subclass__) raise CPython's errors and leave nothing behind: the classes involved
# stay usable and are freed normally.


class A:
    pass


class B:
    pass


class X(A, B):
    pass


class Y(B, A):
    pass


attempts = [
    ("mro", lambda: type("Z", (X, Y), {})),
    ("layout", lambda: type("IntList", (int, list), {})),
    ("slots type", lambda: type("S1", (), {"__slots__": (1,)})),
    ("slots conflict", lambda: type("S2", (), {"__slots__": ("a",), "a": 1})),
    ("not a base", lambda: type("NB", (bool,), {})),
]
for label, make in attempts:
    for _ in range(3):
        try:
            make()
            print(label, "made?")
        except (TypeError, ValueError) as e:
            err = e
    print(f"{label}: {type(err).__name__}: {err}")

try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("class statement:", e)


class Picky:
    def __init_subclass__(cls, **kwargs):
        if "bad" in cls.__name__.lower():
            raise ValueError(f"refusing {cls.__name__}")


class Good(Picky):
    pass


for _ in range(2):
    try:
        class BadChild(Picky):
            x = [1, 2, 3]
    except ValueError as e:
        print("ValueError:", e)
print([c.__name__ for c in X.__mro__], [c.__name__ for c in Y.__mro__], Good.__mro__[1].__name__)
print(isinstance(X(), A), "Z" in globals(), "BadChild" in globals())
