# The integer cache (the seed notebook's cell 5). CPython makes the ints -5 to 256 once, at start-up,
# and every computation whose result is one of them gets that same object back; any other int is a new
# object each time it is made. Look for `True` for `a is b` from -5 to 256 and `False` just outside,
# while `a == b` is always `True`. In the notebook, `z = 10` in cell 5 found the object of cell 1's
# `x = 10` because of the cache; in one script two equal literals are one constant of the compiled
# code anyway (the last line shows it, for 1000), so this script makes its ints at run time with int().
# gilpy has the same cache, so it prints the same lines as python3.

# In [5]: z = 10 is the very object y names (here both are made at run time)
y = int("10")
z = int("10")
print(id(z) == id(y), z is y)

# the edges of the cache: two ints of the same value, each made at run time
for value in (-6, -5, 0, 100, 256, 257, 1000):
    a = int(str(value))
    b = int(str(value))
    print(f"{value:>5}: a == b {a == b}, a is b {a is b}")

# arithmetic gives a cached result when there is one
n = 200
print(n + 56 is int("256"), n + 57 is int("257"))

# two equal literals in one compiled block are one constant (whatever the cache)
p = 1000
q = 1000
print(p is q)
