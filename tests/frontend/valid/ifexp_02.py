def sign(n):
    return "+" if n > 0 else "-" if n < 0 else "0"


def describe(n):
    return (
        "zero" if n == 0
        else "even" if n % 2 == 0
        else "odd"
    )


values = [sign(n) if n else describe(n) for n in range(-2, 3) if n if n != 1]
