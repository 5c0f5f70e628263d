def f(*args, **kwargs):
    return args, kwargs


args = [1, 2]
kw = {"x": 1}
f()
f(1)
f(1, 2, 3)
f(a=1)
f(1, b=2)
f(*args)
f(**kw)
f(*args, **kw)
f(1, *args, 2, *args, c=3, **kw, d=4, **kw)
f(a=1, *args)
f(*args, a=1, *args, **kw)
f(x for x in args)
f((x for x in args), 1)
f(1, 2,)
f(*args,)
f(**kw,)
