# functools.reduce: with and without an initial value, over any iterable, and its errors
from functools import reduce

print(reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(reduce(lambda a, b: a * b, range(1, 11)))
print(reduce(lambda a, b: a + b, ['x', 'y', 'z'], '>'))
print(reduce(lambda a, b: a + b, [], 0), reduce(lambda a, b: a + b, [42]))
print(reduce(max, [3, 9, 2, 7]), reduce(min, (3, 9, 2, 7), -1))
print(reduce(lambda acc, w: acc + [len(w)], 'the quick brown fox'.split(), []))
steps = []
def trace(a, b):
    steps.append((a, b))
    return a - b
print(reduce(trace, iter([10, 1, 2, 3])), steps)
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [('a', 1), ('b', 2)], {}))
flat = reduce(lambda a, b: a + b, [[1, 2], [3], [], [4, 5]])
print(flat)
for bad in [lambda: reduce(lambda a, b: a, []), lambda: reduce(lambda a, b: a, 5),
            lambda: reduce(lambda a, b: a + b, [1, 'x'])]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
