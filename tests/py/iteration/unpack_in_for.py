# Unpacking in for targets; enumerate/zip combos.
points = [(1, 2), (3, 4), (5, 6)]
for x, y in points:
    print(x + y)
for i, (x, y) in enumerate(points, start=10):
    print(i, x * y)
for (a, b), c in zip(points, "abc"):
    print(a, b, c)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
names = ["ann", "bob"]
ages = [31, 25]
for n, a in zip(names, ages):
    print(f"{n} is {a}")
for i in range(3):
    i = i * 100
    print(i)
print(i)
