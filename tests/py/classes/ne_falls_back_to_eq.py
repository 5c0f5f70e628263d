# `!=` without a __ne__ asks __eq__ and inverts it (object.__ne__), unless __eq__ returns NotImplemented.
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
print(K(1) != K(1), K(1) != K(2), object.__ne__(K(1), K(1)), K(1) != 3)
class P: pass
p = P()
print(p != p, p != P(), object.__ne__(p, p), object.__eq__(p, P()))
class N:
    def __eq__(self, o): return NotImplemented
n = N()
print(n != n, n != N())
class Ne:
    def __ne__(self, o): return "custom"
print(Ne() != 1)
