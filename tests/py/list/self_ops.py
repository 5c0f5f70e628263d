# Operations whose argument is the list itself; remove/insert order.
a = [1, 2, 3]
a.extend(a)
print(a)
a += a
print(a, len(a))
a[:] = a[::-1]
print(a)
b = [1, 2, 1, 2, 1]
b.remove(1)
print(b)
b.remove(1)
print(b)
b.insert(1, b[0])
print(b)
c = ["x"]
c.append(c[:])
c.append(c[:])
print(c)
d = [3, 1, 2]
d.sort(reverse=True)
e = sorted(d)
print(d, e, d is e)
f = [0, 1, 2, 3, 4]
while f:
    print(f.pop(len(f) // 2), f)
