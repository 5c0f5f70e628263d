# Tuples are immutable but may hold mutable objects.
t = ([], [1])
t[0].append("x")
t[1].extend([2, 3])
print(t)
u = t
u += (None,)
print(t, u, t is u, len(t), len(u))
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
c = (1, 2)
c *= 2
print(c)
lst = list(c)
lst[0] = 99
print(lst, c, tuple(lst))
print(tuple(t) is t, tuple(lst) == (99, 2, 1, 2))
s = (5, 3, 9)
print(sorted(s), s, tuple(sorted(s)), tuple(reversed(s)))
