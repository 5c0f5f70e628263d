x = 1
def f(None):
    pass
