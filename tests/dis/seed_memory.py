# The seed notebook's memory cells (1 to 7): names point at objects, small ints are cached, `+=` on an
# int rebinds the name to another object, and a reference count is what `sys.getrefcount` reports.
# gilpy prints ids that are addresses in its own heap (different numbers from CPython's, but the same
# relations), and counts that are the real counts in each object's header.
import sys

# In [1] - [3]: two names, one object
x = 10
print(id(x))
y = x
print(id(y))
print(id(x) == id(y))

# In [4]: x += 1 makes x point at another object (the int 11)
x += 1
print(id(x))
print(id(x) == id(y))

# In [5]: 10 comes from the small-int cache (-5..256), so z is the very same object as y
z = 10
print(id(z))
print(id(z) == id(y))

# In [6] - [7]: reference counts (the call's argument is one of the references counted)
a = []
b = a
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
