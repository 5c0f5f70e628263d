# More changes the class attribute caches must see at once: hooks added to a base after a subclass's
# instances were used, classes made and freed in a loop (a new class may reuse a freed one's address),
# deep hierarchies, names built at run time, str subclasses as names, methods shadowed by instance data.
class A:
    def f(self):
        return "A.f"
class B(A):
    pass
class C(B):
    pass

c = C()
print(c.f(), getattr(c, "f")())
def ga(self, name):
    if name == "f":
        return lambda: "intercepted"
    return object.__getattribute__(self, name)
A.__getattribute__ = ga
print(c.f())
del A.__getattribute__
print(c.f())
B.__getattr__ = lambda self, name: "missing " + name
print(c.nothing, c.f())
del B.__getattr__
print(hasattr(c, "nothing"))

# a setattr hook on a base, after stores through the subclass's instances
c.v = 1
log = []
def sa(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)
A.__setattr__ = sa
c.w = 2
del A.__setattr__
c.u = 3
print(log, c.v, c.w, c.u)

# classes made and freed one after another: each new class must see only its own attributes
for i in range(30):
    class K:
        pass
    if i % 2:
        K.val = i
        def m(self, i=i):
            return i * 10
        K.m = m
    k = K()
    print(i, getattr(k, "val", None), k.m() if hasattr(k, "m") else "-", end="; ")
    del K, k
print()

# a deep hierarchy (longer MRO than the cache keeps inline)
bases = [object]
for i in range(12):
    bases.append(type("L%d" % i, (bases[-1],), {"level": i, "own%d" % i: i}))
deep = bases[-1]()
print(deep.level, deep.own0, deep.own11)
bases[3].own0 = "changed"
print(deep.own0)
bases[1].level = "root"
print(deep.level)
del bases[12].level
print(deep.level)
del bases[11].level, bases[10].level, bases[9].level
print(deep.level)

# names made at run time, not interned
for part in ("a", "b"):
    name = "attr_" + part * 2
    setattr(c, name, part)
    print(getattr(c, name), getattr(c, "attr_" + part * 2))
C.attr_aa = "class"
print(c.attr_aa)
del c.attr_aa
print(c.attr_aa)

# a str subclass as an attribute name
class S(str):
    pass
setattr(c, S("fancy"), 5)
print(c.fancy, getattr(c, S("fancy")))

# a method shadowed by instance data, then uncovered
c.f = lambda: "instance f"
print(c.f())
del c.f
print(c.f())

# a class attribute that changes on every step
class Tick:
    n = 0
    def bump(self):
        Tick.n += 1
        return self.n
t = Tick()
print([t.bump() for _ in range(5)], Tick.n)

# data descriptors added later win over the instance dict
class P:
    pass
p = P()
p.x = "instance"
print(p.x)
P.x = property(lambda self: "property")
print(p.x)
del P.x
print(p.x)
