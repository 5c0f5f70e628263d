# ValueError: not enough values to unpack.
first, second, third = [1, 2, 3]
print(first, second, third)
pair = [10, 20]
first, *rest = pair
print(first, rest)
x, y = pair
print(x, y)
print("unpacking", pair, "into three names")
a, b, c = pair
print(a, b, c)
