def f(s):
    return s

f('abc)
