x = 1

def f(**kw, a):
    return a
