# id() relations only: same object, same id; distinct live objects, distinct ids.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)
print(type(id(a)) is int, id(a) > 0)
d = {"x": a}
print(id(d["x"]) == id(a))
t = (a, a)
print(id(t[0]) == id(t[1]))
s = "hello"
u = s
print(id(s) == id(u), id(None) == id(None), id(True) == id(True))


def same(x):
    return x


print(id(same(a)) == id(a), same(a) is a)
e = a[:]
print(id(e) != id(a), e == a)
lst = [[], []]
print(id(lst[0]) != id(lst[1]))
