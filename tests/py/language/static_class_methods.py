# staticmethod, classmethod, __new__, __init_subclass__, class attributes vs instance attributes
class Counter:
    instances = 0
    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, start=0):
        self.value = start
    @classmethod
    def from_string(cls, s):
        return cls(int(s))
    @staticmethod
    def describe():
        return "counts things"
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.tag = kw.get("tag", "none")
class Special(Counter, tag="special"):
    pass
c = Counter.from_string("5")
s = Special.from_string("7")
print(c.value, s.value, type(s).__name__, Counter.instances, Special.instances)
print(Counter.describe(), c.describe(), Special.tag)
c.instances = 100
print(c.instances, Counter.instances)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
