# None, True, False are singletons; comparisons return them.
a = None
b = None
print(a is b, id(a) == id(b), a is None)
t = 1 < 2
f = 1 > 2
print(t is True, f is False, bool(1) is True, bool(0) is False)
print((not None) is True, (5 == 5) is True, ([] == []) is True)


def nothing():
    pass


print(nothing() is None, print is print, len is len)
x = True
y = not not x
print(y is x, y is True)
print(type(None)() is None, bool() is False)
