# The seed's cells 1-5, printing relations instead of addresses.
x = 10
print(id(x) == id(x))
y = x
print(id(y) == id(x))
print(id(x) == id(y))
x += 1
print(x, y)
print(id(x) == id(y))
z = 10
print(id(z) == id(y))
print(z is y, x is y)
x = x - 1
print(x is y, id(x) == id(z))
