# Mutable objects: aliases share identity, equal copies do not.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
b.append(4)
print(a, b, c)
a += [5]
print(a is b, b)
a = a + [6]
print(a is b, a, b)
d = {}
e = d
e["k"] = 1
print(d, d is e)
lists = [[]] * 3
print(lists[0] is lists[2])
lists2 = [[], [], []]
print(lists2[0] is lists2[2], lists2[0] == lists2[2])
empty1 = []
empty2 = []
print(empty1 is empty2, empty1 == empty2)
t = ()
u = ()
print(t is u, tuple() is t, tuple([]) is u, t + t is t)
