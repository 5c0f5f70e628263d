x = 1

def f(a, b=1, c):
    return a
