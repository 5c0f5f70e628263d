# copy.copy: new containers holding the same items, immutable values returned as they are
import copy

nums = [1, [2, 3], {'k': [4]}]
c = copy.copy(nums)
print(c, c == nums, c is nums, c[1] is nums[1], c[2] is nums[2])
c[1].append(99)
c.append('new')
print(nums, c)

d = {'a': [1], 'b': (2, [3])}
dc = copy.copy(d)
print(dc == d, dc is d, dc['a'] is d['a'])
s = {1, 2, 3}
sc = copy.copy(s)
sc.add(4)
print(sorted(s), sorted(sc))

for v in [None, 1, 2.5, True, 'text', (1, [2]), b'raw', frozenset({1}), range(3), len, copy.copy, int, Ellipsis]:
    print(repr(v) if not callable(v) or isinstance(v, type) else v.__name__, copy.copy(v) is v)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return f'Point({self.x}, {self.y}, {self.tags})'


p = Point(1, 2)
q = copy.copy(p)
q.x = 10
q.tags.append('shared')
print(p, q, type(q) is Point, q.tags is p.tags)


class WithCopy:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return WithCopy(self.v + 1)


w = copy.copy(WithCopy(1))
print(w.v)


class MyList(list):
    pass


ml = MyList([1, 2, [3]])
ml.note = 'attr'
mc = copy.copy(ml)
print(mc, type(mc).__name__, mc.note, mc[2] is ml[2], mc is ml)


class MyDict(dict):
    pass


md = MyDict(a=1)
print(copy.copy(md), type(copy.copy(md)).__name__)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b * 2))


r = copy.copy(Reduced(1, 2))
print(r.a, r.b)
try:
    copy.copy(x for x in [])
except TypeError as e:
    print(e)
