# sys.getrefcount seen from inside special methods that the interpreter calls: __init__, __eq__,
# __getitem__, __len__, __hash__, __repr__, __add__, __del__, __exit__.
import sys
rc = sys.getrefcount
seen = []


class D:
    def __init__(self):
        seen.append(("init", rc(self)))

    def __eq__(self, other):
        seen.append(("eq", rc(self), rc(other)))
        return True

    def __hash__(self):
        seen.append(("hash", rc(self)))
        return 1

    def __getitem__(self, i):
        seen.append(("getitem", rc(self)))
        return i

    def __len__(self):
        seen.append(("len", rc(self)))
        return 0

    def __repr__(self):
        seen.append(("repr", rc(self)))
        return "D()"

    def __add__(self, other):
        seen.append(("add", rc(self), rc(other)))
        return 5

    def __enter__(self):
        # (not its count: gilpy's BEFORE_WITH runs a Python __enter__ in the loop and drops the bound
        # method first, so self is counted once less than under CPython)
        seen.append(("enter",))
        return self

    def __exit__(self, *exc):
        seen.append(("exit", rc(self)))
        return False

    def __del__(self):
        seen.append(("del", rc(self)))


d = D()
e = D()
d == e
hash(d)
d[3]
len(d)
repr(d)
d + e
with d as dd:
    pass
del dd
for row in seen:
    print(*row)
del seen[:]
del d
print(seen)
tmp = D()
del seen[:]
tmp = None
print(seen)
