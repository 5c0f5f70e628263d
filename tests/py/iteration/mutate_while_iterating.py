# Mutating a list while iterating over it: defined but surprising results.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
n = 0
for x in b:
    if n < 3:
        b.append(x * 10)
    n += 1
print(b, n)
c = [0, 1, 2, 3]
it = iter(c)
print(next(it))
c.insert(0, "new")
print(next(it), next(it))
c.clear()
print(next(it, "stopped"))
d = [1, 2, 3]
for x in d[:]:
    d.remove(x)
print(d)
