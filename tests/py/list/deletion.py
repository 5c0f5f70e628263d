# del on indices and slices.
a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::2]
print(a)
del a[::-2]
print(a)
b = list(range(10))
del b[1:8:3]
print(b)
del b[5:]
print(b)
del b[:]
print(b, len(b))
c = [[1], [2], [3]]
x = c[1]
del c[1]
print(c, x)
d = list("abcdef")
del d[-3:-1]
print(d)
del d[10:]
print(d)
