# functools.cmp_to_key: old-style comparison functions as sort keys
from functools import cmp_to_key

def by_length_then_reverse_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)

words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana', 'plum']
print(sorted(words, key=cmp_to_key(by_length_then_reverse_alpha)))
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)))
print(max([3, 7, 4], key=cmp_to_key(lambda a, b: a - b)), min(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(K(1) < K(2), K(2) > K(1), K(2) == K(2), K(1) <= K(1), K(3) >= K(4), K(5).obj)
print(type(K(1)).__name__)
try:
    hash(K(1))
except TypeError as e:
    print('TypeError')

# a stable sort: records equal under the comparison keep their order
records = [('b', 2), ('a', 1), ('c', 2), ('d', 1)]
print(sorted(records, key=cmp_to_key(lambda x, y: x[1] - y[1])))
words.sort(key=cmp_to_key(lambda a, b: ord(a[-1]) - ord(b[-1])), reverse=True)
print(words)

# compare mixed-type records by a custom rule
def version_cmp(a, b):
    pa = [int(x) for x in a.split('.')]
    pb = [int(x) for x in b.split('.')]
    return (pa > pb) - (pa < pb)

print(sorted(['1.10', '1.2', '1.9.1', '0.99', '1.2.0'], key=cmp_to_key(version_cmp)))
