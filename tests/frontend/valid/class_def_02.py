import abc


class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, ns)


class Base(metaclass=Meta):
    pass


class Abstract(Base, abc.ABC, flag=True, other="x"):
    @abc.abstractmethod
    def run(self): ...


bases = (Base,)
options = {"flag": False}


class Dynamic(*bases, **options):
    pass


class Mixed(object, *bases, metaclass=Meta, **options):
    pass
