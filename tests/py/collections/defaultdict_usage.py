# defaultdict: the factory, __missing__, repr, copy, and what stays a plain dict
from collections import defaultdict

groups = defaultdict(list)
for word in ['apple', 'bob', 'avocado', 'cat', 'banana', 'cherry']:
    groups[word[0]].append(word)
print(groups)
print(groups['a'], groups['z'], len(groups))
print('q' in groups, groups.get('q'), len(groups))

counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, sorted(counts.items()))
print(isinstance(counts, dict), type(counts).__name__, counts.default_factory)

nested = defaultdict(lambda: defaultdict(set))
nested['x']['y'].add(1)
nested['x']['z'].add(2)
print(sorted(nested['x'].items()), type(nested['x']).__name__)

d = defaultdict(None, {'a': 1})
print(d)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)

d2 = defaultdict(list, [('k', [1])], extra=[2])
print(d2)
c = d2.copy()
c['k'].append(3)
c['new']
print(d2, c, type(c).__name__, c.default_factory is list)
d2.default_factory = str
print(repr(d2['s']), d2)

print(defaultdict(int, a=1) == {'a': 1}, dict(defaultdict(int, a=1)))
print(defaultdict(int, a=1) | {'b': 2}, {'b': 2} | defaultdict(int, a=1))
m = defaultdict(tuple)
m |= {'z': 0}
print(m, m['w'])

try:
    defaultdict(3)
except TypeError as e:
    print(e)
try:
    hash(defaultdict())
except TypeError as e:
    print(e)


class Tally(defaultdict):
    def __init__(self):
        super().__init__(int)


t = Tally()
t['x'] += 5
print(t, t['y'], type(t).__name__)
# the dict holding a reference to itself through its factory's closure
cyc = defaultdict(list)
cyc['self'].append(cyc)
print(len(cyc['self']), cyc['self'][0] is cyc)
