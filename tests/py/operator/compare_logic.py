# comparisons, truth, identity and containment
import operator
from operator import *

vals = [1, 1.0, 2, 'a', 'b', (1, 2), (1, 3)]
for a, b in [(1, 1.0), (1, 2), ('a', 'b'), ((1, 2), (1, 3)), ([1], [1]), (None, None)]:
    row = [eq(a, b), ne(a, b), is_(a, b), is_not(a, b)]
    if a is not None and not isinstance(a, list):
        row += [lt(a, b), le(a, b), gt(a, b), ge(a, b)]
    print(a, b, row)
print(not_(0), not_(''), not_([1]), truth(0), truth('x'), truth(None), truth([]), not_(None))
print(operator.__not__(1), operator.__eq__(1, 1), operator.__lt__(1, 2), operator.__ge__('a', 'b'))
print(contains([1, 2, 3], 2), contains('hello', 'ell'), contains({'k': 1}, 'k'), contains(range(5), 7))
print(operator.__contains__((1, 2), 3), contains({1, 2}, 1))
class Weird:
    def __eq__(self, other):
        return 'yes'
    def __lt__(self, other):
        return 42
w = Weird()
print(eq(w, 1), lt(w, 1), ne(w, 1))
print(sorted([3, 1, 2], key=neg), list(map(truth, [0, 1, '', 'a'])))
