# product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement as cwr

print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])), list(product('ab', repeat=0)), len(list(product(range(3), range(4), range(5)))))
print(list(product([1, 2], 'a', repeat=2)))
print(list(permutations('ABC')), list(permutations('ABCD', 2)))
print(list(permutations(range(3), 0)), list(permutations(range(3), 4)), list(permutations([])))
print(len(list(permutations(range(6)))), list(permutations(range(5), 5))[:3], list(permutations(range(5), 5))[-1])
print(list(combinations('ABCD', 2)), list(combinations(range(5), 3)))
print(list(combinations('AB', 0)), list(combinations('AB', 3)), list(combinations([], 0)), list(combinations([], 1)))
print(len(list(combinations(range(10), 4))))
print(list(cwr('ABC', 2)), list(cwr(range(3), 3)))
print(list(cwr('AB', 0)), list(cwr([], 2)), list(cwr([], 0)), len(list(cwr(range(5), 3))))
p = permutations('xyz', 2)
print(next(p), next(p), list(p), list(p))
print(list(combinations(iter([3, 1, 2]), 2)), list(permutations(r=2, iterable='ab')))
print(type(product()).__name__, type(permutations('a')).__name__, type(cwr('a', 1)).__name__)
