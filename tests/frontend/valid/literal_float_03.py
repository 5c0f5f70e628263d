def stats(values):
    eps = 1e-9
    total = 0.
    for v in values:
        total += v * 1.0
    mean = total / max(len(values), 1)
    return round(mean, 2), mean > eps, mean < 1e300


print(stats([1.5, 2.25, .125, 8.]), 123456789.123456789, 1e16, 1e15, 100.0)
