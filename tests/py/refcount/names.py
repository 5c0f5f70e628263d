# sys.getrefcount through names: locals, globals, parameters, default values, closures, del.
import sys
rc = sys.getrefcount

g = [1, 2]
print("global", rc(g))
alias = g
print("global alias", rc(g))
del alias
print("after del", rc(g))


def f_local():
    x = [0]
    y = x
    z = [x, x]
    return rc(x)


print("local with list holding it twice", f_local())


def f_param(a, b):
    return rc(a), rc(b)


obj = {"k": 1}
print("params", f_param(obj, obj))
print("params of a fresh list", f_param([], obj))

dflt = []


def f_default(x=dflt):
    return rc(x)


print("default value", f_default(), rc(dflt))
print("default value passed", f_default(g))


def make_closure():
    cell_obj = ["cell"]

    def inner():
        return rc(cell_obj)
    return inner, cell_obj


fn, co = make_closure()
print("closure cell", fn(), rc(co))
del fn
print("closure dropped", rc(co))


def f_kwargs(**kw):
    return rc(kw["v"])


print("keyword argument", f_kwargs(v=g))


def f_star(*args):
    return rc(args[0]), rc(args)


print("star args", f_star(g, 1))
