# Slice assignment: resizing, extended slices, insertion.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[2:4] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[3:3] = "xyz"
print(a)
b = list(range(10))
b[::2] = ["e0", "e2", "e4", "e6", "e8"]
print(b)
b[1::3] = [None, None, None]
print(b)
b[::-3] = range(4)
print(b)
c = [1, 2, 3]
c[:] = (7, 8, 9, 10)
print(c)
c[1:3] = c
print(c)
d = [0, 1, 2, 3, 4, 5]
d[4:1:-1] = ["four", "three", "two"]
print(d)
d[10:20] = ["tail"]
print(d)
d[-2:] = []
print(d)
e = [1, 2, 3, 4]
e[1:3] = [[], []]
e[1].append("shared?")
print(e)
