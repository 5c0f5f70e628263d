class Counter:
    """Counts things."""

    instances = 0
    step = 1

    def __init__(self, start=0):
        self.value = start
        Counter.instances += 1

    def __repr__(self):
        return f"Counter({self.value})"

    def __add__(self, other):
        return Counter(self.value + getattr(other, "value", other))

    __radd__ = __add__

    @property
    def doubled(self):
        return self.value * 2

    @doubled.setter
    def doubled(self, v):
        self.value = v // 2

    @classmethod
    def zero(cls):
        return cls()
