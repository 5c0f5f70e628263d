/** dict, set and frozenset: small programs whose output was recorded from python3 3.11, run with heap
 *  checking and the leak check on; CPython's set table order (probing, dummies, resizes, merges) and
 *  frozenset hashes folded to 32 bits. */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/vm/embed.js';
import { frozensetHash, newFrozensetFrom } from '../../src/vm/objects/set.js';

/** [name, program, what python3 printed] */
const PROGRAMS: [string, string, string][] = [
  ["set iteration order with small, negative and colliding ints, inserts and deletes", String.raw`s = set()
for x in [9, 2, 7, 4, 0, 11, 5, 17, 33, -1, -2, -8, 1000, -1000]:
    s.add(x)
    print(s)
for x in [2, 7, 11, -1]:
    s.discard(x)
print(s)
s.add(9 + 8); s.add(25); s.add(-2 - 8)
print(s, len(s))
t = {1, 3, 6}
t.discard(1); t.discard(6); t.add(9)
print(t)
print(set(range(20, 0, -3)), frozenset([7, 6, 5, 4, 3, 2, 1]), set([8, 16, 24, 0]))
u = set()
for i in range(50):
    u.add(i * 37 % 101 - 50)
for i in range(0, 50, 3):
    u.discard(i - 25)
print(u)
print(set(u), u.copy() == u, frozenset(u) == u)
`, String.raw`{9}
{9, 2}
{9, 2, 7}
{9, 2, 4, 7}
{0, 2, 4, 7, 9}
{0, 2, 4, 7, 9, 11}
{0, 2, 4, 5, 7, 9, 11}
{0, 2, 4, 5, 7, 9, 11, 17}
{0, 33, 2, 4, 5, 7, 9, 11, 17}
{0, 33, 2, 4, 5, 7, 9, 11, 17, -1}
{0, 33, 2, 4, 5, 7, 9, 11, 17, -2, -1}
{0, 33, 2, 4, 5, 7, 9, 11, 17, -2, -8, -1}
{0, 33, 2, 4, 5, 7, 1000, 9, 11, 17, -2, -8, -1}
{0, 33, 2, 4, 5, 7, 1000, 9, 11, 17, -2, -8, -1000, -1}
{0, 33, 4, 5, 1000, 9, 17, -2, -8, -1000}
{0, 33, 4, 5, 1000, 9, 17, -2, -10, -8, -1000, 25} 12
{3, 9}
{2, 5, 8, 11, 14, 17, 20} frozenset({1, 2, 3, 4, 5, 6, 7}) {8, 16, 24, 0}
{0, 3, 6, 7, 9, 10, 13, 16, 24, 26, 27, 30, 33, 34, 36, 37, 40, 43, 44, 46, 47, 50, -50, -48, -47, -44, -41, -40, -38, -37, -34, -31, -30, -28, -27, -24, -21, -20, -17, -14, -11, -3}
{0, 3, 6, 7, 9, 10, 13, 16, 24, 26, 27, 30, 33, 34, 36, 37, 40, 43, 44, 46, 47, 50, -50, -48, -47, -44, -41, -40, -38, -37, -34, -31, -30, -28, -27, -24, -21, -20, -17, -14, -11, -3} True True
`],
  ["set and frozenset operators, methods and errors", String.raw`a = {1, 2, 3, 4, 17, -5}
b = {3, 4, 5, 6, 33, -5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [100, -100]), a.intersection(b, range(5)), a.difference({1}, [2]), a.symmetric_difference([4, 8]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, a == set(a), a != b)
print(a.issubset(range(-10, 40)), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint({99}))
c = set(a)
c |= {40}; print(c)
c &= {2, 3, 4, 40, 5}; print(c)
c -= {3}; print(c)
c ^= {4, 6}; print(c)
d = set(range(30))
d.difference_update(range(0, 30, 2), [1])
print(d)
d.intersection_update({3, 5, 7, 100}, range(6))
print(d)
d.symmetric_difference_update({5, 8})
print(d)
f = frozenset([3, 1, 2])
print(f | {5}, {5} | f, type(f | {5}).__name__, type({5} | f).__name__, f - {1}, f ^ {1, 7}, f & {1, 9})
print(frozenset(f) is f, f.copy() is f, set(f) == f, {f: 1}[frozenset({1, 2, 3})])
print(set({3: 'x', 1: 'y'}), {frozenset()} == {frozenset()}, set() in {frozenset()})
def t(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: {1}.remove(2))
t(lambda: {1}.remove(set()))
t(lambda: set().pop())
t(lambda: {1}.add([]))
t(lambda: set([[1]]))
t(lambda: hash({1}))
t(lambda: {1} | [2])
t(lambda: {1} < [2])
t(lambda: {1}.union(x=1))
t(lambda: {1}.symmetric_difference())
t(lambda: set(1, 2))
t(lambda: frozenset(x=1))
t(lambda: set.add({}, 1))
t(lambda: {1}.issubset(5))
s = {1, 2, 3}
def grow():
    for x in s:
        s.add(x + 10)
t(grow)
`, String.raw`{1, 2, 3, 4, 33, 5, 6, 17, -5} {3, 4, -5} {1, 2, 17} {33, 5, 6} {33, 1, 17, 5, 6, 2}
{1, 2, 3, 4, 33, 5, 6, 100, 17, -5, -100} {3, 4} {3, 4, 17, -5} {1, 2, 3, 8, 17, -5}
True True True False True False True True
True True False True
{1, 2, 3, 4, 17, 40, -5}
{40, 2, 3, 4}
{40, 2, 4}
{2, 6, 40}
{3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29}
{3, 5}
{8, 3}
frozenset({1, 2, 3, 5}) {1, 2, 3, 5} frozenset set frozenset({2, 3}) frozenset({2, 3, 7}) frozenset({1})
True True True 1
{1, 3} True True
KeyError: 2
KeyError: set()
KeyError: 'pop from an empty set'
TypeError: unhashable type: 'list'
TypeError: unhashable type: 'list'
TypeError: unhashable type: 'set'
TypeError: unsupported operand type(s) for |: 'set' and 'list'
TypeError: '<' not supported between instances of 'set' and 'list'
TypeError: set.union() takes no keyword arguments
TypeError: set.symmetric_difference() takes exactly one argument (0 given)
TypeError: set expected at most 1 argument, got 2
TypeError: frozenset() takes no keyword arguments
TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'dict' object
TypeError: 'int' object is not iterable
RuntimeError: Set changed size during iteration
`],
  ["dict methods, constructor, merge, repr, __missing__ and errors", String.raw`d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('zz'), d.get('zz', 0), d.setdefault('c', 3), d.setdefault('a', 100), d)
print(d.pop('c'), d.pop('missing', 'dflt'), d)
d.update({'b': 20, 'e': 5}); d.update([('f', 6), ['a', 10], 'gh']); d.update(i=7)
print(d, d.popitem(), d.popitem(), d)
c = d.copy(); c['new'] = True; print(c, c is d, c == d)
c.clear(); print(c, len(c))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 0, 1: 0}))
print(dict(), dict(a=1), dict([(1, 2)], x=3), dict({'k': 'v'}, k='w'), dict(zip('ab', 'cd')))
print({1: 'a'} == {1.0: 'a'}, {1: 'a'} != {1: 'b'}, {'x': 1} | {'y': 2}, {'x': 1} | {'x': 3})
e = {1: 2}; e |= {3: 4}; e |= [(5, 6)]; print(e)
print({}, {1: {}}, {(1, 2): [3]}, {None: None, True: 1.5})
s = {}; s['me'] = s; print(s); del s['me']
w = {}
for i in range(20):
    w[i] = i
for i in range(0, 20, 3):
    del w[i]
w[0] = 'back'
print(w, len(w), list(reversed(w))[:3])
class K(dict):
    def __missing__(self, key):
        return key * 2
k = K(a=1)
print(k['a'], k['bb'], k, 'bb' in k, type(k.copy()).__name__)
def t(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: d['zz'])
t(lambda: d[[]])
t(lambda: hash({}))
t(lambda: {} < {})
t(lambda: {}.popitem())
t(lambda: d.get())
t(lambda: d.get(key=1))
t(lambda: d.update(1, 2))
t(lambda: d.update([(1, 2, 3)]))
t(lambda: d.update([1]))
t(lambda: dict(1, 2))
t(lambda: d.keys(1))
t(lambda: d | [1])
t(lambda: {1: 2}.__setitem__(1))
m = {1: 1, 2: 2}
def mut():
    for k in m:
        m[k + 10] = 0
t(mut)
m = {1: 1, 2: 2}
def swap():
    for k in m:
        del m[k]
        m[k + 10] = 0
t(swap)
`, String.raw`1 None 0 3 1 {'a': 1, 'b': 2, 'c': 3}
3 dflt {'a': 1, 'b': 2}
{'a': 10, 'b': 20, 'e': 5, 'f': 6} ('i', 7) ('g', 'h') {'a': 10, 'b': 20, 'e': 5, 'f': 6}
{'a': 10, 'b': 20, 'e': 5, 'f': 6, 'new': True} False False
{} 0
{'a': None, 'b': None, 'c': None} {1: 0, 2: 0} {3: None, 1: None}
{} {'a': 1} {1: 2, 'x': 3} {'k': 'w'} {'a': 'c', 'b': 'd'}
True True {'x': 1, 'y': 2} {'x': 3}
{1: 2, 3: 4, 5: 6}
{} {1: {}} {(1, 2): [3]} {None: None, True: 1.5}
{'me': {...}}
{1: 1, 2: 2, 4: 4, 5: 5, 7: 7, 8: 8, 10: 10, 11: 11, 13: 13, 14: 14, 16: 16, 17: 17, 19: 19, 0: 'back'} 14 [0, 19, 17]
1 bbbb {'a': 1} False dict
KeyError: 'zz'
TypeError: unhashable type: 'list'
TypeError: unhashable type: 'dict'
TypeError: '<' not supported between instances of 'dict' and 'dict'
KeyError: 'popitem(): dictionary is empty'
TypeError: get expected at least 1 argument, got 0
TypeError: dict.get() takes no keyword arguments
TypeError: update expected at most 1 argument, got 2
ValueError: dictionary update sequence element #0 has length 3; 2 is required
TypeError: cannot convert dictionary update sequence element #0 to a sequence
TypeError: dict expected at most 1 argument, got 2
TypeError: dict.keys() takes no arguments (1 given)
TypeError: unsupported operand type(s) for |: 'dict' and 'list'
TypeError:  expected 2 arguments, got 1
RuntimeError: dictionary changed size during iteration
RuntimeError: dictionary keys changed during iteration
`],
  ["dict views: live contents, set operations, comparisons, reversed, type names", String.raw`d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, 2 in v, ('b', 2) in it, ('b', 3) in it, ['b', 2] in it)
d['d'] = 4
del d['a']
print(k, v, it, list(k), list(v), list(it))
print(k & {'b', 'x'} == {'b'}, k | {'z'} == {'b', 'c', 'd', 'z'}, k - {'b'} == {'c', 'd'}, k == {'b', 'c', 'd'})
n = {1: 'x', 2: 'y', 17: 'z'}
print(n.keys() & {2, 17, 99}, n.keys() | {5}, n.keys() - [1], n.keys() ^ {1, 40}, [1, 2] - n.keys() if False else 0)
print({1, 2, 3} - n.keys(), {1, 2, 3} & n.keys(), {1, 2, 3} | n.keys(), {1, 2, 3} ^ n.keys())
print(n.items() & {(1, 'x'), (2, 'q')}, {1: 2}.items() ^ {1: 3}.items(), {1: 2, 3: 4}.items() ^ {1: 2, 5: 6}.items())
print(n.keys() <= {1, 2, 17}, n.keys() < {1, 2, 17}, {1, 2, 17, 0} > n.keys(), n.keys() == n.keys())
print({1: 2}.values() == {1: 2}.values(), n.keys().isdisjoint([5]), n.items().isdisjoint([(1, 'x')]))
print(list(reversed(n)), list(reversed(n.values())), list(reversed(n.items())))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(type(reversed(n)).__name__, type(reversed(n.items())).__name__, type(iter(n)).__name__)
e = {}
print(e.keys(), e.values(), e.items(), list(e), bool(e.keys()))
i = iter(n.items())
print(next(i), i.__length_hint__(), list(i), list(i))
`, String.raw`dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)]) 3 True True True False False
dict_keys(['b', 'c', 'd']) dict_values([2, 3, 4]) dict_items([('b', 2), ('c', 3), ('d', 4)]) ['b', 'c', 'd'] [2, 3, 4] [('b', 2), ('c', 3), ('d', 4)]
True True True True
{17, 2} {1, 2, 5, 17} {2, 17} {40, 2, 17} 0
{3} {1, 2} {1, 2, 3, 17} {17, 3}
{(1, 'x')} {(1, 2), (1, 3)} {(5, 6), (3, 4)}
True False True True
False True False
[17, 2, 1] ['z', 'y', 'x'] [(17, 'z'), (2, 'y'), (1, 'x')]
dict_keys dict_values dict_items dict_valueiterator dict_itemiterator
dict_reversekeyiterator dict_reverseitemiterator dict_keyiterator
dict_keys([]) dict_values([]) dict_items([]) [] False
(1, 'x') 2 [(2, 'y'), (17, 'z')] []
`],
  ["random set operations on ints (seed 11)", String.raw`def show(*a):
    print(*a)
a = set([796971, -23462, 34, -9, -2253, -2048, -11])
b = set([36])
c = set()
c -= set([1024, -8])
c = set(dict.fromkeys(a))
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
b.discard(20)
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
a.add(-3)
show(a, len(a), frozenset(a) == a, a <= c, a < c, a >= c)
c.difference_update(set([-6, -19, 29, -14]), [-189423])
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
a.add(39)
b.difference_update(set([16, 2049, -1, 6, -16, -23]), [34])
show(b, len(b), frozenset(b) == b, b <= b, b < b, b >= b)
c.intersection_update(a | set([4, 6]))
if a: show('pop', a.pop())
show(a, len(a), frozenset(a) == a, a <= b, a < b, a >= b)
a.discard(34)
c.add(-552797)
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
a = c - set([-16, 17, 9, 9])
show(a, len(a), frozenset(a) == a, a <= c, a < c, a >= c)
if c: show('pop', c.pop())
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
b.update([38, 19], set([34, -587722, 2]))
show(b, len(b), frozenset(b) == b, b <= a, b < a, b >= a)
a.add(-4)
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
c = b | set([250880, 13, 26, -734920, 15, 128])
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
a.add(6)
show(a, len(a), frozenset(a) == a, a <= c, a < c, a >= c)
a.discard(13)
a = a ^ set([-305917, 258])
c.add(2)
a = set(list(a) + [-190])
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
a.add(3)
c.difference_update(set([-32, 25]), [-936520])
c = set(list(a) + [64])
a.update([-4, 527160], set([27, 1, -824296, 12, 18]))
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
a.difference_update(set([19]), [-64])
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
a = set(list(c) + [-10])
b -= set([-314314, -4, 7, 582573, 846057, -6, 0])
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
a = b ^ set()
b.add(-3)
b.update([23, 33], set([33, 35, 513, -1, -382, 9, 29]))
a.add(-758189)
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
c.update([-94, 32], set([25, 10, -18, -3, 258, 28, 34]))
a &= a | set([9, 36, -209788, 21, 670942, -280473])
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
c.add(3074)
a.discard(-815782)
c = b | set()
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
a -= set([29, 38, 31, -100460, 17])
a.add(888626)
c -= set([24, -6, 15, 26, -10, 33, -462053])
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
b.discard(-11)
if c: show('pop', c.pop())
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
b.add(18)
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
c = set(a)
c.add(24)
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
c &= b | set([10, 1, 32, 929417, 0, 6])
b.difference_update(set(), [-11])
show(b, len(b), frozenset(b) == b, b <= a, b < a, b >= a)
c = b - set([11, 26, 34, -4, 257])
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
c = set(b)
c.update([-7, 34], set([27, -63]))
a = set(dict.fromkeys(a))
a.discard(-15)
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
a &= b | set([20, -24])
b.add(769)
c.add(-19)
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
c = set(c)
b.discard(-7)
show(b, len(b), frozenset(b) == b, b <= a, b < a, b >= a)
a = a.union(b, [-17])
show(a, len(a), frozenset(a) == a, a <= b, a < b, a >= b)
c.add(1)
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
b.discard(18)
show(b, len(b), frozenset(b) == b, b <= b, b < b, b >= b)
show(a, b, c, frozenset(a), frozenset(b))
`, String.raw`{-2048, 34, -2253, -11, -9, -23462, 796971} 7 True True False True
{36} 1 True False False False
{-2048, 34, 796971, -2253, -11, -9, -23462, -3} 8 True False False True
{-2048, 34, -2253, -11, -9, -23462, 796971} 7 True True True False
{36} 1 True True False True
pop -2048
{34, 39, 796971, -2253, -11, -9, -23462, -3} 8 True False False False
{-2048, 34, -552797, 796971, -2253, -11, -9, -23462} 8 True False False False
{-2048, 34, -552797, 796971, -2253, -11, -9, -23462} 8 True True False True
pop -2048
{34, -552797, 796971, -2253, -11, -9, -23462} 7 True False False False
{34, 19, 36, 2, 38, -587722} 6 True False False False
{-2048, 34, -552797, 796971, -2253, -11, -9, -23462, -4} 9 True True False True
{250880, 128, 34, 2, 36, 38, 13, 15, 19, -587722, -734920, 26} 12 True False False True
{-2048, 34, -552797, 6, 796971, -2253, -11, -9, -23462, -4} 10 True False False False
{-2048, 258, -305917, 34, -552797, 6, -190, 796971, -2253, -11, -9, -23462, -4} 13 True True False True
{-2048, 1, 258, -305917, -190, 3, 6, 12, 18, -824296, -23462, 27, 34, -552797, 796971, -2253, -11, -9, 527160, -4} 20 True True False True
{-2048, 1, 258, -305917, -190, 3, 6, 12, 18, -824296, -23462, 27, 34, -552797, 796971, -2253, -11, -9, 527160, -4} 20 True True False True
{34, 19, 36, 2, 38, -587722} 6 True False False False
{2, 34, 36, 38, 19, -758189, -587722} 7 True True False True
{2, 34, 36, 38, 19, -758189, -587722} 7 True True False True
{513, 2, -382, 33, 34, 35, 36, 38, 9, -3, 19, -587722, 23, 29, -1} 15 True True False True
{513, 2, -382, 34, 35, 36, 38, 9, -3, 19, -587722, 23, 29, -1} 14 True True False True
pop 513
{2, -382, 34, 35, 36, 38, 9, -3, 19, -587722, 23, 29, -1} 13 True True True False
{513, 2, -382, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1} 16 True False False True
{2, 34, 36, 888626, 19, -758189, -587722, 24} 8 True True False True
{513, 2, -382, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1} 16 True False False False
{513, 2, -382, 33, 35, 36, 38, 9, -3, 18, 19, -587722, 23, 29, -1} 15 True True True False
{2, 34, 36, 888626, 19, -758189, -587722} 7 True True False True
{513, 2, -382, -63, 9, 18, 19, 23, 27, 29, 33, 34, 35, 36, 38, -19, -587722, -7, -3, -1} 20 True False False True
{513, 2, -382, 769, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1} 17 True False False True
{513, 2, -382, 769, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -17, -587722, -3, -1} 18 True False False True
{513, 2, -382, -63, 1, 9, 18, 19, 23, 27, 29, 33, 34, 35, 36, 38, -19, -587722, -7, -3, -1} 21 True False False False
{513, 2, -382, 769, 9, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1} 16 True True False True
{513, 2, -382, 769, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -17, -587722, -3, -1} {513, 2, -382, 769, 9, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1} {513, 2, -382, -63, 1, 9, 18, 19, 23, 27, 29, 33, 34, 35, 36, 38, -19, -587722, -7, -3, -1} frozenset({513, 2, -382, 769, 9, 18, 19, 23, 29, 33, 34, 35, 36, 38, -17, -587722, -3, -1}) frozenset({513, 2, -382, 769, 9, 19, 23, 29, 33, 34, 35, 36, 38, -587722, -3, -1})
`],
  ["random set operations on ints (seed 12)", String.raw`def show(*a):
    print(*a)
a = set([13, 0, 11957, 31, 35, -382, -64])
b = set([-876637, -8, 23, 429075, 33])
c = set([-17])
c.discard(7)
a &= c | set([36, 32])
c |= a
c ^= set([-382, 50, 40, 24, -1, -5, 3])
c.add(34)
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
c.discard(0)
a.discard(24)
show(a, len(a), frozenset(a) == a, a <= c, a < c, a >= c)
b ^= set([-766, -7, 9, 34, -10])
show(b, len(b), frozenset(b) == b, b <= b, b < b, b >= b)
c.discard(27)
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
c = a | set([30, -18, -13, 146224, -19])
c.update([30, 10], set([65, -659952, 19, -416353, 35, 24, 30]))
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
b = c | set()
c.add(-3)
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
a &= a | set([174262, 26, -459113, 2, 5, 129, 338116])
c.add(-48)
b.discard(192)
a = b | set([-14, 23, -5, 2, 23, 23, -1])
show(a, len(a), frozenset(a) == a, a <= b, a < b, a >= b)
a = a.union(c, [-64])
show(a, len(a), frozenset(a) == a, a <= c, a < c, a >= c)
b -= set([22, 9, 0, -6, 3, 34, 7])
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
c = set(a)
b = set(a)
show(b, len(b), frozenset(b) == b, b <= a, b < a, b >= a)
c.difference_update(set([30, 744138, 66]), [66])
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
a = a.copy()
b = set(dict.fromkeys(b))
b = b ^ set([10, 14, 11, 31])
show(b, len(b), frozenset(b) == b, b <= b, b < b, b >= b)
b = set(list(c) + [32])
c.add(21)
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
c |= c
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
c = c | set([4, 40, 31, 30, -4])
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
b.add(369446)
c.intersection_update(b | set([3073, -557066, -3070, -20]))
a.discard(-64)
c = set(list(a) + [-235327])
c -= set([21])
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
b ^= set([20, 788540, 13, 34])
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
a = set(dict.fromkeys(b))
c = c.union(a, [2])
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
a = a ^ set()
show(a, len(a), frozenset(a) == a, a <= a, a < a, a >= a)
b.add(956716)
show(b, len(b), frozenset(b) == b, b <= a, b < a, b >= a)
a = a.union(c, [39])
c.add(17)
b.discard(1)
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
c.discard(21)
a = c ^ set([39, -12])
a.discard(7)
b = b - set([1, 19, -128, 4, 16, 14])
b = c | set([-14, 17, -14, 19])
b = b & set([38, 12, -16, 5, 972057])
show(b, len(b), frozenset(b) == b, b <= b, b < b, b >= b)
b = c ^ set([1, 347036])
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
c.update([33, 25], set([-809855, 49]))
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
a.discard(-3)
if c: show('pop', c.pop())
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
c -= set([-178461, 4])
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
c.discard(30)
c = c.union(c, [2049])
show(c, len(c), frozenset(c) == c, c <= c, c < c, c >= c)
b.add(22)
b = c & set([33, 16, -4, 33, -17, 13, -10])
show(b, len(b), frozenset(b) == b, b <= c, b < c, b >= c)
c = set(b)
show(c, len(c), frozenset(c) == c, c <= b, c < b, c >= b)
c.discard(-6)
show(c, len(c), frozenset(c) == c, c <= a, c < a, c >= a)
c = set(b)
show(a, b, c, frozenset(a), frozenset(b))
`, String.raw`{-382, 3, 34, 40, -17, 50, 24, -5, -1} 9 True False False True
set() 0 True True True False
{33, -766, -876637, 34, 9, 429075, -10, 23, -8, -7} 10 True True False True
{-382, 3, 34, 40, -17, 50, 24, -5, -1} 9 True False False False
{65, 35, 10, -19, -18, 146224, -659952, -13, 19, 24, 30, -416353} 12 True False False False
{65, 35, 10, -19, -18, 146224, -659952, -13, 19, 24, -3, 30, -416353} 13 True False False True
{65, 2, 35, 10, -19, -18, 146224, -659952, -14, -13, 19, -1, 23, 24, -5, 30, -416353} 17 True False False True
{-64, 65, 2, 10, -659952, -48, 19, 23, 24, 30, -416353, 35, -19, -18, 146224, -14, -13, -5, -3, -1} 20 True False False True
{65, 35, 10, -19, -18, 146224, -659952, -13, 19, 24, 30, -416353} 12 True True True False
{-64, 65, 2, 10, -659952, -48, 19, 23, 24, 30, -416353, 35, -19, -18, 146224, -14, -13, -5, -3, -1} 20 True True False True
{-64, 65, 2, 10, -659952, -48, 19, 23, 24, -416353, 35, -19, -18, 146224, -14, -13, -5, -3, -1} 19 True True False True
{2, 11, 14, -659952, 19, 23, 24, 30, -416353, 31, 35, 146224, -64, 65, -48, -19, -18, -14, -13, -5, -3, -1} 22 True True False True
{-64, 65, 2, 10, -659952, -48, 19, 21, 23, 24, -416353, 35, -19, -18, 146224, -14, -13, -5, -3, -1} 20 True False False False
{-64, 65, 2, 10, -659952, -48, 19, 21, 23, 24, -416353, 35, -19, -18, 146224, -14, -13, -5, -3, -1} 20 True True False True
{-64, 65, 2, 4, 10, -659952, -48, 19, 21, 23, 24, 30, -416353, 31, 35, 40, -19, -18, 146224, -14, -13, -5, -4, -3, -1} 25 True True False True
{2, 10, -659952, 19, 23, 24, 30, -416353, 35, 146224, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 20 True False False True
{2, 10, 13, -659952, 19, 20, 23, 24, -416353, 32, 34, 35, 369446, 146224, 788540, -64, 65, -48, -19, -18, -14, -13, -5, -3, -1} 25 True False False False
{2, 10, 13, -659952, 19, 20, 23, 24, 30, -416353, 32, 34, 35, 369446, 146224, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 27 True False False True
{2, 10, 13, -659952, 19, 20, 23, 24, -416353, 32, 34, 35, 369446, 146224, 788540, -64, 65, -48, -19, -18, -14, -13, -5, -3, -1} 25 True True False True
{2, 10, 13, -659952, 19, 20, 23, 24, -416353, 32, 34, 35, 369446, 956716, 146224, 788540, -64, 65, -48, -19, -18, -14, -13, -5, -3, -1} 26 True False False True
{2, 10, 13, -659952, 19, 20, 23, 24, -416353, 32, 34, 35, 369446, 956716, 146224, 788540, -64, 65, -48, -19, -18, -14, -13, -5, -3, -1} 26 True False False False
set() 0 True True False True
{1, 2, 10, 13, -659952, 17, 19, 20, 23, 24, 347036, 30, -416353, 32, 34, 35, 369446, 146224, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 30 True False False True
{-809855, 2, 10, 13, -659952, 17, 19, 20, 23, 24, 25, 30, -416353, 32, 33, 34, 35, 369446, 146224, 49, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 32 True False False False
pop -809855
{2, 10, 13, -659952, 17, 19, 20, 23, 24, 25, 30, -416353, 32, 33, 34, 35, 369446, 146224, 49, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 31 True False False False
{2, 10, 13, -659952, 17, 19, 20, 23, 24, 25, 30, -416353, 32, 33, 34, 35, 369446, 146224, 49, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -5, -3, -1} 31 True False False False
{-64, 65, 2, -235327, 2049, 10, 13, -659952, 17, -48, 19, 20, 23, 24, 25, -416353, 32, 33, 34, 35, 369446, -19, -18, 146224, 49, -14, -13, -5, 788540, -3, -1} 31 True True False True
{33, 13} 2 True True True False
{33, 13} 2 True True False True
{33, 13} 2 True False False False
{2, 10, 13, -659952, 17, 19, 20, 23, 24, 30, -416353, 32, 34, 35, 369446, 39, 146224, 788540, -64, 65, -235327, -48, -19, -18, -14, -13, -12, -5, -1} {33, 13} {33, 13} frozenset({-64, 65, 2, -235327, 10, 13, -659952, 17, -48, 19, 20, 23, 24, 30, -416353, 32, 34, 35, 369446, 39, -19, -18, 146224, -14, -13, -12, -5, 788540, -1}) frozenset({33, 13})
`],
];

const LITERALS: [string, string, string] = ["set displays of constants: the compiler's frozenset constant merged into a new set", String.raw`# constant displays of 3+ items are a frozenset constant, built twice by the compiler, then merged
print({33, 1, 65, 97, -3, -8}, {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10}, {8, 16, 24, 0})
p = {5, 13, 21, 29}
print(p.pop(), p.pop(), p)
print(3 in {1, 2, 3}, {x for x in (33, 1, 65, 97)}, {*[33, 1, 65, 97]}, {*{33: 0, 1: 0, 65: 0, 97: 0}})
`, String.raw`{65, 97, 1, 33, -8, -3} {-1, -9, -8, -7, -6, -5, -4, -3, -2, -10} {8, 16, 24, 0}
5 13 {21, 29}
True {65, 33, 1, 97} {65, 33, 1, 97} {65, 33, 1, 97}
`];

function check(program: string, want: string): void {
  const r = runInMemory(program, 'prog.py', { debugHeap: true, checkLeaks: true });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(want);
  expect(r.leaks === null ? {} : Object.fromEntries(r.leaks)).toEqual({});
}

describe('dict, set and frozenset programs', () => {
  for (const [name, program, want] of PROGRAMS) it(name, () => check(program, want));
  // CPython compiles a display of 3+ constants to BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE, the frozenset
  // built twice (merge_consts_recursive) and SET_UPDATE merging tables (set_update_internal)
  it(LITERALS[0], () => check(LITERALS[1], LITERALS[2]));
});

/** hash(frozenset(ints)) & 0xffffffff from python3 3.11, for ints whose hashes fit in 32 bits. */
const HASHES: [number[], number][] = [
  [[], 2722559736],
  [[3, 1, 2], 75095480],
  [[-1, -2, 100000, 7], 3197305741],
  [[-50, -43, -36, -29, -22, -15, -8, -1, 6, 13, 20, 27, 34, 41, 48], 3102415112],
  [[-5, -100, 2147483647, -2147483648], 3373791917],
  [[0], 1927252606],
  [[1], 2679991570],
];

describe('frozenset hash', () => {
  it('matches CPython 3.11 folded to 32 bits', () => {
    const { vm } = runInMemory('', 'h.py');
    const rt = vm.rt;
    for (const [values, h] of HASHES) {
      const items = values.map((v) => rt.newInt(v));
      const fs = newFrozensetFrom(rt, items);
      expect([values, frozensetHash(rt, fs) >>> 0]).toEqual([values, h]);
      rt.decref(fs);
      for (const x of items) rt.decref(x);
    }
  });
});
