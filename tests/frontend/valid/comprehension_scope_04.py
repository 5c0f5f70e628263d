def outer(xs):
    offset = 10

    def inner():
        return [x + offset for x in xs if x > offset]

    gen = (x + offset for x in xs)
    dct = {x: offset for x in xs}
    st = {offset for _ in xs}
    return inner, gen, dct, st
