from enum import Enum, auto


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()

    def describe(self):
        return self.name.lower(), self.value

    @classmethod
    def default(cls):
        return cls.RED


class Flags(int, Enum, boundary=None):
    A = 1
    B = A << 1
    C = A | B
