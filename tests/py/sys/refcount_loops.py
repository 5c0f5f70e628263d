# Loop variables and iterators hold references while they are alive.
import sys
o = []
items = [o, o]
print(sys.getrefcount(o))
for item in items:
    print(sys.getrefcount(o))
print(sys.getrefcount(o))
item = None
print(sys.getrefcount(o))
it = iter(items)
first = next(it)
print(sys.getrefcount(o))
first = None
items = None
print(sys.getrefcount(o))
it = None
print(sys.getrefcount(o))
