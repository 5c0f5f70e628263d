# OrderedDict: move_to_end, popitem(last=...), order-aware equality, the 3.11 repr, views
from collections import OrderedDict

od = OrderedDict()
print(od, repr(od))
od['b'] = 2
od['a'] = 1
od['c'] = 3
print(od, list(od), od['a'], len(od))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od)
od.move_to_end('c', last=False)
print(od)
print(od.popitem(), od)
print(od.popitem(last=False), od)
od.update([('x', 1), ('y', 2)], z=3)
print(od, list(reversed(od)))
print(od.keys(), od.values(), od.items())
print(list(od.keys()), 'x' in od.keys(), ('x', 1) in od.items(), ('x', 2) in od.items(), len(od.items()))
print(list(reversed(od.items())), od.keys() == {'a', 'x', 'y', 'z'}, od.keys() == ['a', 'x', 'y', 'z'])
print(od.items() == {('a', 1), ('x', 1), ('y', 2), ('z', 3)}, od.keys() == dict(od).keys(), od.keys() != {'a'})
print(sorted(od.keys() & {'a', 'q'}), sorted(od.keys() | {'q'}), sorted(od.keys() - {'a'}), sorted(od.keys() ^ {'a', 'q'}))

a = OrderedDict([(1, 'one'), (2, 'two')])
b = OrderedDict([(2, 'two'), (1, 'one')])
print(a == b, a != b, dict(a) == dict(b), a == {2: 'two', 1: 'one'}, {1: 'one', 2: 'two'} == b)
c = a.copy()
c[3] = 'three'
print(a, c, type(c).__name__, c == a)
print(OrderedDict.fromkeys('abc', 0), OrderedDict(zip('xy', range(2))))
print(a | {5: 'five'}, {0: 'zero'} | a)
a |= {4: 'four'}
print(a)
print(a.pop(1), a.setdefault(9, 'nine'), a)

for bad in [lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end('k')]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)
try:
    hash(OrderedDict())
except TypeError as e:
    print(e)

# a least-recently-used cache in the usual style
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get(self, key):
        value = self[key]
        self.move_to_end(key)
        return value

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


lru = LRU(3)
for k in 'abcd':
    lru.put(k, k.upper())
lru.get('b')
lru.put('e', 'E')
print(lru, list(lru))
r = OrderedDict(k=1)
r['self'] = r
print(r)
