def pipeline(lines):
    stripped = (l.strip() for l in lines)
    nonempty = (l for l in stripped if l)
    numbers = (int(l) for l in nonempty if l.isdigit())
    return sum(numbers)


def first(it, default=None):
    return next((x for x in it), default)


print(pipeline(["1", " 2 ", "", "x"]), first(n for n in range(3) if n > 1))
