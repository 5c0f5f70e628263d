def helper():
    return 1

def class():
    return 2
