# object.__init__ refuses extra arguments, as CPython's object_init does: the common slip of passing the
# constructor's arguments on to super().__init__() in a class whose base is object.
class Point:
    def __init__(self, x, y):
        super().__init__()
        self.x, self.y = x, y
print(Point(1, 2).x)

class Slip:
    def __init__(self, x):
        super().__init__(x)
try:
    Slip(1)
except TypeError as e:
    print("TypeError:", e)

class NewOnly:
    def __new__(cls, *args):
        return super().__new__(cls)
n = NewOnly(1, 2)
print(type(n).__name__)
object.__init__(n, 1, 2)
print("accepted: __new__ is overridden, __init__ is not")

class Plain:
    pass
try:
    object.__init__(Plain(), 1)
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
