def f(**k):
    return k

f(x=1, y=2, x=3)
