def nothing():
    return


def value():
    return 42


def pair(a, b):
    return a, b


def paren_pair(a, b):
    return (a, b)


def spread(a, b):
    return *a, b


def spread_both(a, b):
    return *a, *b, None
