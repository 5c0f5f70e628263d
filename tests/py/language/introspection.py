# getattr/setattr/hasattr/delattr, vars, dir, callable, type(name, bases, dict), isinstance with tuples
class Base:
    kind = "base"
    def hello(self):
        return "hello from " + type(self).__name__
Dyn = type("Dyn", (Base,), {"extra": 42, "shout": lambda self: self.hello().upper()})
d = Dyn()
print(Dyn.__name__, Dyn.__bases__[0].__name__, d.extra, d.shout(), d.kind)
setattr(d, "color", "red")
print(getattr(d, "color"), getattr(d, "missing", "default"), hasattr(d, "color"))
delattr(d, "color")
print(hasattr(d, "color"), vars(d))
d.a = 1
d.b = 2
print(vars(d), sorted(k for k in dir(d) if not k.startswith("__")))
print(callable(d), callable(Dyn), callable(d.hello), callable(len), callable(3))
print(isinstance(d, (int, Base)), issubclass(Dyn, (str, Base)), issubclass(bool, int))
try:
    getattr(d, "nope")
except AttributeError as e:
    print("AttributeError:", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.created_by, type(WithMeta).__name__)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Decorated:
    pass
print(Decorated.decorated)
