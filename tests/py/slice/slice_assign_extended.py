# Extended slice assignment needs matching lengths; step-1 slices can resize.
a = list(range(10))
a[1:9:2] = "ABCD"
print(a)
a[::-1] = a
print(a)
a[::3] = [0, 0, 0, 0]
print(a)
b = [1, 2, 3, 4, 5]
b[1:4:1] = []
print(b)
b[::-2] = [50]
print(b)
c = list("abcdef")
c[-1:-7:-2] = "XYZ"
print(c)
d = [0, 1, 2, 3]
d[slice(1, 3)] = range(10, 15)
print(d)
e = [1, 2, 3]
e[3:] = [4]
e[:0] = [0]
print(e)
