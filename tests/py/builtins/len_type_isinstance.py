# len, type and isinstance on every basic type.
values = [0, 1.5, "abc", [1, 2], (1,), {"a": 1}, {1, 2}, frozenset(), range(5), None, True]
for v in values:
    print(type(v), type(v).__name__)
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2}), len(range(5)), len(""))
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance("s", str), isinstance([], (tuple, list)), isinstance(None, type(None)))
print(type(1) is int, type(True) is bool, type(1) == type(2), type("a") is type(""))
print(type(int), type(type), type(len), type(print).__name__)


def f():
    pass


print(type(f).__name__, type(f) == type(f), callable(f), callable(len), callable(5))
print(issubclass(bool, int), issubclass(int, object), issubclass(str, int))
print(int, float, str, list, dict, tuple, set, frozenset, bool, range, type(None))
