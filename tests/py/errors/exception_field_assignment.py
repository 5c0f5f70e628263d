# Assigning BaseException's fields: args (any iterable becomes a tuple), __cause__ (which also sets
# __suppress_context__), __context__, __traceback__; read-only properties say "has no setter".
e = ValueError(1)
e.args = (2, 3)
print(e.args, e)
e.args = [4]
print(e.args, str(e))
e.__cause__ = KeyError(2)
print(repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__context__ = TypeError("t")
print(repr(e.__context__))
e.__traceback__ = None
print(e.__traceback__)
try:
    e.__cause__ = 5
except TypeError as x:
    print("TypeError:", x)

def fail():
    try:
        raise KeyError("inner")
    except KeyError as k:
        err = RuntimeError("outer")
        err.__cause__ = k
        raise err
try:
    fail()
except RuntimeError as r:
    print(repr(r), repr(r.__cause__), r.__suppress_context__)

class RO:
    @property
    def r(self):
        return 1
o = RO()
try:
    o.r = 2
except AttributeError as x:
    print(x)
try:
    del o.r
except AttributeError as x:
    print(x)
