# A class's __setattr__ and __delattr__ run for every store and delete, including setattr()/delattr();
# object.__setattr__ stores without them.
class Logged:
    def __init__(self):
        self.count = 0
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

a = Logged()
a.x = 1
setattr(a, "y", 2)
print(a.x, a.y, a.count)
del a.x
delattr(a, "y")
print(hasattr(a, "x"), hasattr(a, "y"))

class Frozen:
    __slots_like__ = ("x",)
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")

f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print("AttributeError:", e)
print(f.x)

class Child(Logged):
    pass
c = Child()
c.z = "zed"
print(c.z)
