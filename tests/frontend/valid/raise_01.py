def check(x):
    if x < 0:
        raise ValueError("negative")
    if x == 0:
        raise ZeroDivisionError
    if x > 100:
        raise OverflowError(f"{x} too big") from None
    return 1 / x


try:
    check(-1)
except ValueError:
    raise
