# Hashing and comparing weak references: the referent's hash, kept after it dies; equality of live
# referents, identity once dead.
import weakref


class P:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v


a = P(1)
b = P(1)
c = P(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print("hash", hash(ra) == hash(a), hash(rb) == hash(1))
print("eq live", ra == rb, ra == rc, ra != rc, ra != rb)
print("not ordered:")
try:
    ra < rb
except TypeError as e:
    print("TypeError", e)
print("eq other types", ra == a, ra == 1)
h = hash(ra)
del a
print("dead keeps hash", hash(ra) == h)
print("dead eq", ra == rb, ra == ra)
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError", e)
d = {rb: "b"}
print("as dict key", d[weakref.ref(b)])
s = {weakref.ref(b), weakref.ref(b)}
print("set of equal refs", len(s))
