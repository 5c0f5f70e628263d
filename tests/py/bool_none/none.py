# None: the single instance of NoneType.
x = None
print(x, repr(x), str(x), type(x))
print(x is None, x == None, x is not None, x != None)


def nothing():
    pass


def returns_none():
    return


r = nothing()
print(r, r is None, returns_none() is None)
print(print("inner") is None)
lst = [None, None, 1]
print(lst, lst.count(None), lst.index(None), None in lst)
d = {"a": None}
print(d, d.get("a"), d.get("b"), d.get("a", 5), "a" in d)
print(bool(None), None == 0, None == False, None == "")
print([1, 2].append(3), [3, 1, 2].sort())
print(f"{None}", "%s" % None, "%r" % (None,))
y = None
y = y or 7
print(y)
print(type(None).__name__, None.__class__ is type(None))
