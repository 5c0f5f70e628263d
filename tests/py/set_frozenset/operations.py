# Union, intersection, difference, symmetric difference, subsets.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a)
print({1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint({9}))
c = {1, 2, 3}
c |= {4}
print(c)
c &= {2, 3, 4, 5}
print(c)
c -= {3}
print(c)
c ^= {4, 6}
print(c)
d = {1, 2, 3, 4, 5}
d.update([6], {7})
print(d)
d.intersection_update({1, 3, 5, 7, 9})
print(d)
d.difference_update([1])
print(d)
d.symmetric_difference_update({5, 8})
print(d)
print(set() | set(), set() & {1}, {1} - set())
