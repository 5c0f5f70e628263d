# Slices are shallow copies.
a = [[1], [2], [3]]
b = a[:]
c = a[::-1]
print(a == b, a is b, b[0] is a[0], c[0] is a[2])
b.append([4])
b[0].append("x")
print(a, b)
t = (1, 2, 3)
print(t[:] is t, t[::-1] == (3, 2, 1), t[0:3] == t)
s = "text"
print(s[:] == s, s[::-1][::-1] == s)
m = [[0, 0], [0, 0]]
n = m[:]
n[0] = [9, 9]
n[1][0] = 5
print(m, n)
