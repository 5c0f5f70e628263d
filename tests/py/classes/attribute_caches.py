# Class attribute lookups are cached: every change to a class (or to a base class) must show at once.
class Base:
    def who(self):
        return "base"
class Child(Base):
    pass

c = Child()
print(c.who())
Base.who = lambda self: "patched base"
print(c.who())
Child.who = lambda self: "child"
print(c.who())
del Child.who
print(c.who())
del Base.who
try:
    c.who()
except AttributeError as e:
    print("AttributeError:", e)

class Hooks:
    pass
h = Hooks()
h.x = 1
def loud_setattr(self, name, value):
    print("set", name)
    object.__setattr__(self, name, value)
Hooks.__setattr__ = loud_setattr
h.y = 2
del Hooks.__setattr__
h.z = 3
print(h.x, h.y, h.z)

def fallback(self, name):
    return "fallback " + name
Hooks.__getattr__ = fallback
print(h.missing)
del Hooks.__getattr__
print(hasattr(h, "missing"))

class Counted:
    count = 0
for i in range(3):
    Counted.count += 1
print(Counted.count, Counted().count)

class Eq:
    pass
a, b = Eq(), Eq()
print(a == b)
Eq.__eq__ = lambda self, other: True
print(a == b, a != b)

class Del:
    pass
Del.__del__ = lambda self: print("late __del__")
d = Del()
del d
print("end")
