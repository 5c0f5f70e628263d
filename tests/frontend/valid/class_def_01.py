class Empty:
    pass


class WithDoc:
    """Only a docstring."""


class Child(Empty):
    attr = 1


class Multi(Child, WithDoc, object):
    pass


class Parens():
    pass
