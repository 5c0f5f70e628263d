# Index assignment, augmented assignment on elements, negative indices.
a = [0] * 5
for i in range(5):
    a[i] = i * 10
print(a)
a[-1] = "last"
a[-5] = "first"
print(a)
a[2] += 5
a[1] *= 3
print(a)
a[3] = [a[3]]
a[3].append("inner")
print(a)
b = ["x", "y"]
b[0], b[1] = b[1], b[0]
print(b)
c = [1, 2, 3]
i = 0
c[i], i = 99, 2
print(c, i)
d = [[0, 0], [0, 0]]
d[1][0] = 7
d[0][-1] += 1
print(d)
counts = [0] * 3
for n in [0, 1, 1, 2, 2, 2, 0]:
    counts[n] += 1
print(counts)
