# Rebinding names versus mutating objects.
x = [1]
y = x
x = [2]
print(x, y, x is y)
n = 5
m = n
n += 1
print(n, m, n is m)
s = "a"
t = s
s += "b"
print(s, t, s is t)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
tup = (1, 2)
talias = tup
tup += (3,)
print(tup, talias, tup is talias)
d = {"a": 1}
dalias = d
d = dict(d)
d["b"] = 2
print(d, dalias, d is dalias)


def rebind(v):
    v = [99]
    return v


def mutate(v):
    v.append(99)
    return v


orig = [0]
print(rebind(orig) is orig, orig)
print(mutate(orig) is orig, orig)
