# groupby (with and without key, stale groups), accumulate, pairwise, starmap, zip_longest, chain
from itertools import groupby, accumulate, pairwise, starmap, zip_longest, chain
import operator

for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([k for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in groupby([])])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for k, g in groupby(words, key=lambda w: w[0]):
    print(k, list(g))
for k, g in groupby([1, 3, 2, 4, 5, 7, 6], lambda x: x % 2):
    print(k, list(g))
groups = [(k, g) for k, g in groupby('aabbc')]
print([(k, list(g)) for k, g in groups])
gb = groupby('xxyy')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)), list(accumulate([], initial=100)), list(accumulate([1, 2], initial=100)))
print(list(accumulate('abc')), list(accumulate([[1], [2], [3]])), list(accumulate(range(5), func=lambda a, b: a * 10 + b)))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])), list(pairwise(range(3))))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, ['ab', [3, 9, 1]])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest('ab')))
print(list(zip_longest([1], [2, 3], [4, 5, 6])))
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['xy', 'z', []])))
print(list(chain.from_iterable(map(range, range(4)))))
c = chain([1], iter([2, 3]))
print(next(c), next(c), list(c), list(c))
