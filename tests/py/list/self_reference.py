# A list that contains itself prints as [...].
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, a[2][2][0])
b = [a, [a]]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
e = {"self": None}
e["self"] = e
print(e)
t = ([],)
t[0].append(t)
print(t)
