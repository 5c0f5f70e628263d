def collect(items):
    if any((hit := x) > 10 for x in items):
        return hit
    seen = [last := i for i in items]
    nested = [[inner := j for j in range(i)] for i in items]
    return seen, last, nested, inner


flag = [(g := v) for v in range(3)]
print(g)
