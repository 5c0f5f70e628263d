# __init_subclass__: class keywords reach it, super().__init_subclass__() ends at object's (which
# takes no arguments), registries built with it, and type(name, bases, dict, **kw) does the same.

registry = {}


class Plugin:
    def __init_subclass__(cls, name=None, *, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        registry[cls.plugin_name] = cls
        print("registered", cls.__name__, cls.plugin_name, priority, sorted(kwargs))


class Csv(Plugin, name="csv", priority=2):
    pass


class Json(Plugin):
    pass


class PrettyJson(Json, priority=5):
    pass


print(sorted(registry), [registry[k].priority for k in sorted(registry)])
print(PrettyJson.plugin_name, Json.plugin_name, "plugin_name" in Plugin.__dict__)
print(sorted(registry.items(), key=lambda kv: -kv[1].priority)[0][0])

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
print("bad" in registry)


class Plain:
    pass


try:
    class Child(Plain, flag=True):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Plain.__init_subclass__() is None, object.__init_subclass__() is None)
for call in (lambda: Plain.__init_subclass__(1), lambda: object.__init_subclass__(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Counting:
    subclasses = []

    def __init_subclass__(cls):
        Counting.subclasses.append(cls.__name__)


class A(Counting):
    pass


class B(A):
    pass


class C(B):
    def __init_subclass__(cls):
        super().__init_subclass__()
        print("C's hook for", cls.__name__)


class D(C):
    pass


print(Counting.subclasses)

T = type("T", (Plugin,), {"extra": 1}, name="tee", priority=9)
print(T.__name__, T.plugin_name, T.priority, T.extra, registry["tee"] is T)
U = type("U", (), {"x": 2, "double": lambda self: self.x * 2})
print(U.__name__, U.__qualname__, U.__module__, U.__bases__, U().double(), repr(U) == "<class '__main__.U'>")
print(type("V", (U,), {}).__mro__[1] is U, type(T) is type)
for args in [(1, (), {}), ("V", (), []), ("V", [], {}), ("A", "B")]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)


class Failing:
    def __init_subclass__(cls):
        raise ValueError(f"no subclasses of Failing ({cls.__name__})")


try:
    class Sub(Failing):
        pass
except ValueError as e:
    print("ValueError:", e)
print("Sub" in globals())
