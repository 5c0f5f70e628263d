# Exceptions raised by the instructions that push a result computed by a call: __exit__ raising while
# another exception propagates, f(*args) raising, a failing import, and `except` with something that
# is not an exception class. Each runs many times, and the reference counts of the objects involved
# (fresh, non-interned strings and a user class) must stay exact.
import sys


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise RuntimeError(f"exit failed while handling {exc_type.__name__}")


class QuietExit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


msg = "message-" + str(42)
print(sys.getrefcount(msg))
for i in range(5):
    try:
        with BadExit():
            raise KeyError(msg)
    except RuntimeError as e:
        ctx = e.__context__
        print(i, e, type(ctx).__name__, ctx.args[0] is msg, sys.getrefcount(msg))
        del ctx
print("after with:", sys.getrefcount(msg))

for i in range(3):
    try:
        with QuietExit():
            with BadExit():
                raise ValueError(msg)
    except RuntimeError as e:
        print("nested", i, e, repr(e.__context__))
print("after nested:", sys.getrefcount(msg))


def fail(*args, **kwargs):
    raise ValueError(f"fail got {len(args)} args and {sorted(kwargs)}")


args = (msg, msg)
kwargs = {"k": msg}
for i in range(3):
    try:
        fail(*args, **kwargs)
    except ValueError as e:
        print(e)
print("after f(*args):", sys.getrefcount(msg), sys.getrefcount(args), sys.getrefcount(kwargs))

for i in range(3):
    try:
        import no_such_module_here
    except ImportError as e:
        print(type(e).__name__, e)
    try:
        from math import no_such_name
    except ImportError as e:
        print(type(e).__name__, str(e).split(" (")[0])
print("after imports:", sys.getrefcount(msg))


class NotAnException:
    pass


print(sys.getrefcount(NotAnException) > 0)
before = sys.getrefcount(NotAnException)
for i in range(4):
    try:
        try:
            raise KeyError(msg)
        except NotAnException:
            print("never")
    except TypeError as e:
        print(i, e)
print("class count unchanged:", sys.getrefcount(NotAnException) == before, sys.getrefcount(msg))
