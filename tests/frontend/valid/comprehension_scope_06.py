def walrus_nested(data):
    total = 0
    results = [[(total := total + v) for v in row] for row in data]
    return results, total


def genexp_first_iter(seq):
    return (a for a in seq for b in seq)


class Holder:
    values = [1, 2, 3]
    gen = (v for v in values)
    squares = list(v * v for v in values)
    lookup = {v: [w for w in range(v)] for v in values}
