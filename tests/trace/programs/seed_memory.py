# Seed cells 1-7 (memory management and reference counting), printing relations, not addresses.
x = 10
print(id(x) == id(x))

y = x
print(id(y) == id(x))

print(id(x) == id(y))

x += 1
print(id(x) == id(y))
print(id(x) != id(y))

z = 10
print(id(z) == id(y))

import sys
a = []
b = a
print(sys.getrefcount(a))  # essa função tb ta referenciando a

b = None
print(sys.getrefcount(a))
