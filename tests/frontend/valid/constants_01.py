t = True
f = False
n = None
e = ...
e2 = Ellipsis
stub = (..., ...)
sliced = [1, 2][...] if False else None


def placeholder(): ...


class Protocol:
    def method(self) -> None: ...
    attr: int = ...
