# globals() and locals().
x = 10
y = "why"
g = globals()
print(g["x"], g["y"], "x" in g, "nope" in g, g["__name__"])
g["z"] = 99
print(z)


def show(a, b=2):
    c = a + b
    return locals()


print(show(1))
print(show(5, b=10))


def modify_global():
    globals()["x"] = 11


modify_global()
print(x)
print(locals() is globals(), "show" in globals(), callable(globals()["show"]))
print(type(globals()).__name__, type(show(0)).__name__)
