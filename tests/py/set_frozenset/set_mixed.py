# Sets with mixed hashable types; equality across int/float/bool.
s = {1, 1.0, True}
print(s, len(s))
t = {0, 0.0, False, -0.0}
print(t, len(t))
u = {None, (), 0}
print(len(u), None in u, () in u, 0 in u, 0.0 in u)
v = {2, 2.0, 3.5}
print(sorted(v), 3.5 in v)
w = set([1, 2]) | set([2.0, 3])
print(w)
print({1, 2} == {1.0, 2.0}, {1} < {1.0, 2})
