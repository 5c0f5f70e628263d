import itertools

result = [
    (i, j, k)
    for i in range(3)
    if i
    for j in itertools.repeat(i, i)
    for k in [j * m for m in range(j)]
    if k
]


def uses_global_in_comp():
    return [itertools.count for _ in range(1)]
