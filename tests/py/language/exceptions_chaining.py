# raise from, bare raise, __cause__ and __context__, exception hierarchy and user subclasses
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table):
        super().__init__(f"table {table}")
        self.table = table
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise DbError("users") from e
try:
    load()
except AppError as e:
    print(type(e).__name__, e, e.table, type(e.__cause__).__name__, e.__suppress_context__)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging, then re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("while converting")
except RuntimeError as e:
    print(e, "| context:", type(e.__context__).__name__)
try:
    raise ValueError("no context") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
for exc in [StopIteration, KeyError, IndexError, ZeroDivisionError, AttributeError, ValueError, TypeError,
            NameError, UnboundLocalError, RecursionError, AssertionError, KeyboardInterrupt, SystemExit,
            GeneratorExit, OverflowError, FileNotFoundError]:
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:-1]])
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
e = AppError("a", 1)
print(e.args, repr(e), str(DbError("t")))
