x = 1

def f(a, b, a):
    return a
