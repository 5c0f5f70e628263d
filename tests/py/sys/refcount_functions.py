# Refcounts seen from inside functions: locals, parameters, globals.
import sys
g = []


def local_only():
    x = []
    return sys.getrefcount(x)


def param(p):
    return sys.getrefcount(p)


def two_locals():
    x = []
    y = x
    return sys.getrefcount(x)


def read_global():
    return sys.getrefcount(g)


print(local_only())
print(param(g))
print(param([]))
print(two_locals())
print(read_global())
print(sys.getrefcount(g))
h = g
print(read_global(), param(h))
keep = local_only
print(local_only() == 2)
