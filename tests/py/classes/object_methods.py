# The methods of object called by name: super().__init__(), object.__new__(cls) in a singleton,
# object.__setattr__/__getattribute__/__delattr__, object.__eq__/__ne__/__hash__/__repr__/__str__.
class A:
    def __init__(self):
        super().__init__()
        print(super().__repr__().startswith("<__main__.A object at"))
class S:
    _i = None
    def __new__(cls):
        if cls._i is None:
            cls._i = super().__new__(cls)
        return cls._i
print(S() is S())
class P:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
p = P(3); print(p.x, object.__getattribute__(p, "x"))
object.__delattr__(p, "x"); print(hasattr(p, "x"))
a = A()
print(object.__eq__(a, a), object.__eq__(a, 1), object.__ne__(a, 1))
print(object.__hash__(a) == hash(a))
print(str(a) == repr(a), object.__str__(a) == repr(a))
print(type(object.__new__(object)).__name__)
class B(A): pass
B()
try:
    object.__new__(int)
except TypeError as e:
    print(e)
print('__init__' in dir(object), '__repr__' in dir(A))
