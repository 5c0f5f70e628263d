x = 1

def one() -> int
    return 1
