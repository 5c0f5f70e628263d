def f(*a, **k):
    return a

kw = {}
f(**kw, *[1])
