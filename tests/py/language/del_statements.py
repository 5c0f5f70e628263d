# del on names, attributes, subscripts and slices
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
class O:
    pass
o = O()
o.a = 1
del o.a
print(hasattr(o, "a"))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
