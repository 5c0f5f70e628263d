# Tuple packing and unpacking, swaps and starred targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
one, *empty = [1]
print(one, empty)
a, b, c = [10, 20, 30]
print(a + b + c)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)


def pair():
    return 7, "seven"


n, word = pair()
print(n, word, pair())
i, j = j, i = 1, 2
print(i, j)
t = 1, 2
print(t, (*t, 3), (0, *t, *t))
print(*t, sep="|")
