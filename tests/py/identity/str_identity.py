# Strings: equal strings built at run time are distinct objects unless interned.
a = "py"
b = "py"
print(a is b, a == b)
c = "".join(["p", "y"])
print(c == a, c is a)
d = "p"
d += "y"
print(d == a, d is a)
e = a[:]
print(e is a)
f = str(a)
print(f is a)
s = "hello"
g = s[0:5]
print(g is s, g == s)
h = s + ""
print(h == s)
i1 = "".join(["ab", "cd"])
i2 = "".join(["a", "bcd"])
print(i1 == i2, i1 is i2)
print(len(s) is len(s), s[0] == "h")
