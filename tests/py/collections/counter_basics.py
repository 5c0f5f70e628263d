# Counter: counting, most_common with ties in first-seen order, elements, update/subtract, repr
from collections import Counter

c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(c.elements()))
print(c.total(), sum(c.values()))

words = 'the cat and the hat and the bat sat'.split()
w = Counter(words)
print(w.most_common(3))
print(Counter(['b', 'a', 'c', 'a', 'b', 'c']).most_common())

c.update('zzz')
c.update({'a': 10, 'q': 1})
c.update(k=2)
print(c)
c.subtract('aaaa')
c.subtract({'z': 5}, q=1)
print(c)
print(+c, -c)
del c['missing']
del c['k']
print(c)
c['b'] = 0
print(c, list(c.elements()))

print(Counter(), Counter({'x': 3, 'y': -1}), Counter(a=2, b=3))
print(repr(Counter([1, 1, 2])), str(Counter((True, 1, 1.0))))
d = Counter(a=1)
e = d.copy()
e['a'] += 5
print(d, e, type(e).__name__)
print(Counter({'x': 'text', 'y': 1}) if False else Counter({'x': [1], 'y': [0]}))

try:
    Counter.fromkeys('abc')
except NotImplementedError as ex:
    print(ex)


class Letters(Counter):
    pass


print(Letters('hello'))
print(isinstance(Letters(), dict), Counter('ab') == {'a': 1, 'b': 1})
