# BaseException.__init__ sets args (super().__init__(msg) in a subclass); SystemExit.code and
# StopIteration.value come from the arguments, and other exceptions take any attribute (self.code = ...).
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
e = E('m', 3)
print(e.args, str(e), e.code)
class F(Exception):
    def __init__(self, x):
        self.x = x
print(F(1).args, F(1).x)
class G(ValueError):
    pass
print(G(1, 2).args, hasattr(G(), 'code'), hasattr(ValueError(), 'value'))
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(StopIteration().value, StopIteration(5).value, StopIteration(5, 6).value)
it = iter([])
try:
    next(it)
except StopIteration as s:
    print("value", s.value)
class MyExit(SystemExit):
    def __init__(self):
        super().__init__(7)
print(MyExit().code, MyExit().args)
try:
    raise E('bad', 1)
except E as x:
    print(x, x.code, repr(x))
import sys
try:
    sys.exit(4)
except SystemExit as s:
    print(s.code)
raise MyExit()
