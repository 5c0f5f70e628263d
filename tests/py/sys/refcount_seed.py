# The seed's cells 6 and 7: getrefcount counts its own argument too.
import sys
a = []
b = a
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
c = a
d = a
print(sys.getrefcount(a))
del c
print(sys.getrefcount(a))
d = 0
print(sys.getrefcount(a))
