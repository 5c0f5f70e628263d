# Rebinding with `+=` (the seed notebook's cell 4). An int cannot change, so `x += 1` computes a new int
# and points x at it: look for x's id changing and `False` for `id(x) == id(y)`, while y still names 10.
# A list can change, so `a += [3]` extends the list in place: look for a's id staying the same and for
# b, a second name for it, seeing the new item. `a = a + [4]`, by contrast, builds a new list and
# rebinds a, leaving b alone. ids differ between gilpy and python3; which ones are equal does not.

# In [4]: x += 1 rebinds x to another object (the int 11); y still names 10
x = 10
y = x
print(id(x))
x += 1
print(id(x))
print(id(x) == id(y))
print(x, y)

# a list's += mutates the list itself: same object, and b sees the change
a = [1, 2]
b = a
before = id(a)
a += [3]
print(id(a) == before, b)

# a = a + [...] makes a new list: a moves, b stays
a = a + [4]
print(id(a) == before, a, b)

# a tuple cannot change, so += on a tuple rebinds, as on an int
t = (1, 2)
u = t
t += (3,)
print(t is u, t, u)
