# Looping over tuples and building them.
colors = ("red", "green", "blue")
for c in colors:
    print(c, len(c))
for i, c in enumerate(colors, 1):
    print(i, c.upper())
result = ()
for n in range(5):
    result = result + (n * n,)
print(result)
points = ((0, 0), (3, 4), (-1, 2))
for x, y in points:
    print(x, y, x * x + y * y)
pairs = tuple(zip(colors, (1, 2, 3)))
print(pairs)
print(tuple(map(len, colors)), tuple(reversed(colors)))
total = 0
for p in points:
    total += p[0] + p[1]
print(total)
