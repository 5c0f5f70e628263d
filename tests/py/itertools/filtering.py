# compress, dropwhile, takewhile, filterfalse, islice
from itertools import compress, dropwhile, takewhile, filterfalse, islice, count

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [1, 1])), list(compress('AB', [0, 1, 1, 1])))
print(list(compress(range(10), (x % 3 == 0 for x in range(10)))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [])))
tw = takewhile(lambda x: x < 3, count())
print(list(tw), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', [], [0], None])))
print(list(filterfalse(bool, [0, 2, False, True])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(100), 5, 50, 10)), list(islice('AB', 5)))
print(list(islice(count(), 3, 3)), list(islice(count(), None)) if False else '', list(islice('abc', None, 2)))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
it = iter(range(10))
s = islice(it, 2, 6, 3)
print(list(s), next(it))
def noisy():
    for i in range(5):
        print('yield', i)
        yield i
d = dropwhile(lambda x: x < 2, noisy())
print(next(d))
print(list(d))
