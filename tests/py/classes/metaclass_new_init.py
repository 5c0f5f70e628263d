# a metaclass whose __new__ adds to the namespace and whose __init__ registers classes
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")))
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        print(sorted(k for k in cls.__dict__ if not k.startswith("__")))
        return cls
class WithMeta(metaclass=Meta):
    x = 1
print(WithMeta.created_by)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class A(metaclass=Registry): pass
class B(A): pass
print(Registry.classes, type(B).__name__)
