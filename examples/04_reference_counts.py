# Reference counts (the seed notebook's cells 6 and 7). Every object counts the references to it, and
# is freed the moment the count falls to zero. `sys.getrefcount(obj)` reports the count, one higher
# than you might expect because its own argument is a reference too. Look for 3 then 2 (cells 6-7), the
# count going up inside a function (its parameter and local variables are references) and for each
# reference a container holds (a dict holding it twice adds two), and back down when they let go. gilpy
# keeps real counts in each object's header, so it prints the same numbers as python3.
import sys

# In [6]: a and b name one list; with getrefcount's argument, three references
a = []
b = a
print(sys.getrefcount(a))

# In [7]: b lets go
b = None
print(sys.getrefcount(a))

# a function's parameter is a reference while the call runs, and so is each local naming the object
def count_inside(arg):
    return sys.getrefcount(arg)

def count_with_local(arg):
    alias = arg
    return sys.getrefcount(arg)

print(count_inside(a))
print(count_with_local(a))
print(sys.getrefcount(a))   # the call is over: back to 2

# a container holds a reference for each place it holds the object
box = [a]
print(sys.getrefcount(a))
index = {"first": a, "again": a}
print(sys.getrefcount(a))
box.clear()
del index
print(sys.getrefcount(a))
