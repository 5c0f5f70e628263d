# Names and objects (the seed notebook's cells 1 to 3). A Python variable is a name that points at an
# object; `y = x` copies no value, it makes a second name for the same object, and `id()` shows it:
# look for the same number printed twice and `True` after it. gilpy's ids are addresses in its own heap,
# so the numbers differ from python3's, but which ids are equal is the same. The list at the end shows
# why it matters: a change made through one name is seen through the other, while an equal list built
# separately is another object (`==` compares values, `is` compares identity).

# In [1]: x names the int 10
x = 10
print(id(x))

# In [2]: y = x makes y name the same object
y = x
print(id(y))

# In [3]: one object, two names
print(id(x) == id(y))
print(x is y)            # `is` is the same test as comparing ids

# The same with a list: the object is shared, so a change through b shows through a
a = [1, 2]
b = a
b.append(3)
print(a, id(a) == id(b))

# An equal list made separately is a different object
c = [1, 2, 3]
print(a == c, a is c)
