# ValueError: too many values to unpack.
a, b = 1, 2
print(a, b)
x, y = "xy"
print(x, y)
triple = (1, 2, 3)
a, *rest = triple
print(a, rest)
print("unpacking", triple, "into two names")
p, q = triple
print(p, q)
