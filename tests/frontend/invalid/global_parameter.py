x = 0

def f(x):
    global x
    return x
