def dec(f):
    return f

@dec
x = 1
