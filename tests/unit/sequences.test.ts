/** list, tuple, range and the built-in iterators: small programs whose output was recorded from
 *  python3 3.11, run with heap checking on; CPython's timsort comparison order; exact tuple hashes. */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/vm/embed.js';
import { MergeState } from '../../src/vm/objects/list-type.js';
import { fullHash } from '../../src/vm/objects/tuple-type.js';
import { tupleSteal } from '../../src/vm/objects/tuple.js';
import type { Ref } from '../../src/vm/heap/layout.js';

/** [name, program, what python3 printed] */
const PROGRAMS: [string, string, string][] = [
  ['list indexing and slicing', String.raw`l = [5, 3, 8, 1, 9]
print(l[0], l[-1], l[1:3], l[::-1], l[::2], l[10:], l[-100:2], l[3:0:-1], l[True])
def t(f):
    try:
        print(f())
    except Exception as e:
        print(e.__class__.__name__ + ':', e)
t(lambda: l[5])
t(lambda: l['a'])
t(lambda: l[10**30])
t(lambda: l[::0])
t(lambda: l['a':])
`, `5 9 [3, 8] [9, 1, 8, 3, 5] [5, 8, 9] [] [5, 3] [1, 8, 3] 3
IndexError: list index out of range
TypeError: list indices must be integers or slices, not str
IndexError: cannot fit 'int' into an index-sized integer
ValueError: slice step cannot be zero
TypeError: slice indices must be integers or None or have an __index__ method
`],
  ['list slice assignment', String.raw`l = [5, 3, 8, 1]
l[1:3] = [9, 9, 9]; print(l)
l[::2] = ['a', 'b', 'c']; print(l)
del l[::2]; print(l)
l[0:0] = (7, 6); print(l)
l[len(l):] = range(3); print(l)
l[:] = l; print(l)
l[5:2] = 'xy'; print(l)
del l[-3:]; print(l)
a = [1, 2, 3]; a[::-1] = a; print(a)
del a[5:]; del a[::-2]; print(a)
def t(f):
    try:
        f()
    except Exception as e:
        print(e.__class__.__name__ + ':', e)
def s1():
    b = [1, 2, 3]
    b[::2] = [1]
def s2():
    b = [1, 2, 3]
    b[::2] = 1
def s3():
    b = [1, 2, 3]
    b[0:1] = 1
def s4():
    b = [1, 2, 3]
    b[5] = 1
t(s1)
t(s2)
t(s3)
t(s4)
`, `[5, 9, 9, 9, 1]
['a', 9, 'b', 9, 'c']
[9, 9]
[7, 6, 9, 9]
[7, 6, 9, 9, 0, 1, 2]
[7, 6, 9, 9, 0, 1, 2]
[7, 6, 9, 9, 0, 'x', 'y', 1, 2]
[7, 6, 9, 9, 0, 'x']
[3, 2, 1]
[2]
ValueError: attempt to assign sequence of size 1 to extended slice of size 2
TypeError: must assign iterable to extended slice
TypeError: can only assign an iterable
IndexError: list assignment index out of range
`],
  ['list operators', String.raw`a = [1, 2]
a += (3, 4); a += range(2); a += 'xy'
print(a, a * 2, 2 * a, a * -1, [] * 5, [0] * 3, a * False)
b = a; b *= 2; print(a is b, len(a)); b *= 0; print(a)
print([1, 2] + [3], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1] > [], [1, 2] != [1, 2], [2] >= [1, 5], [1] <= [1], [] == (), [1] == [1.0])
def t(f):
    try:
        print(f())
    except Exception as e:
        print(e.__class__.__name__ + ':', e)
t(lambda: [1] * 2.0)
t(lambda: 2.0 * [1])
t(lambda: [1] * [1])
t(lambda: [1] * 10**20)
t(lambda: [1] + (1,))
t(lambda: [1, 2] < [1, 'a'])
t(lambda: [1] < (1,))
r = [1]; r.append(r); print(r, [r, [r]], 1 in r, r in r)
r.clear()
`, `[1, 2, 3, 4, 0, 1, 'x', 'y'] [1, 2, 3, 4, 0, 1, 'x', 'y', 1, 2, 3, 4, 0, 1, 'x', 'y'] [1, 2, 3, 4, 0, 1, 'x', 'y', 1, 2, 3, 4, 0, 1, 'x', 'y'] [] [] [0, 0, 0] []
True 16
[]
[1, 2, 3] True True True True False True True False True
TypeError: can't multiply sequence by non-int of type 'float'
TypeError: can't multiply sequence by non-int of type 'float'
TypeError: can't multiply sequence by non-int of type 'list'
OverflowError: cannot fit 'int' into an index-sized integer
TypeError: can only concatenate list (not "tuple") to list
TypeError: '<' not supported between instances of 'int' and 'str'
TypeError: '<' not supported between instances of 'list' and 'tuple'
[1, [...]] [[1, [...]], [[1, [...]]]] True True
`],
  ['list methods', String.raw`x = [1, 2, 3, 2, 1]
print(x.index(2), x.index(2, 2), x.index(1, -1), x.index(3, -10**30, 10**30), x.count(2), x.count(9), 2 in x, 7 in x)
x.remove(2); print(x)
print(x.pop(), x.pop(0), x)
x.insert(0, 'z'); x.insert(100, 'end'); x.insert(-100, 'start'); x.insert(-1, 'pre'); print(x)
x.reverse(); print(x)
y = x.copy(); y.append(1); print(x, y)
x.clear(); print(x, len(x), bool(x), bool(y))
x.extend('abc'); x.extend(x); x.extend(range(2)); print(x)
print(list(), list('ab'), list((1, 2)), list(range(3)), list([4]))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(e.__class__.__name__ + ':', e)
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [1].pop('a'))
t(lambda: [1].pop(10**30))
t(lambda: [1, 2].index(5))
t(lambda: [1, 2].index('5'))
t(lambda: [1, 2].index(1, 'a'))
t(lambda: [1].remove(2))
t(lambda: [].append())
t(lambda: [].insert(1))
t(lambda: [].index())
t(lambda: [].clear(1))
t(lambda: list(1, 2))
t(lambda: list(x=1))
t(lambda: list(5))
t(lambda: [].extend(5))
`, `1 3 4 2 2 0 True False
[1, 3, 2, 1]
1 1 [3, 2]
['start', 'z', 3, 2, 'pre', 'end']
['end', 'pre', 2, 3, 'z', 'start']
['end', 'pre', 2, 3, 'z', 'start'] ['end', 'pre', 2, 3, 'z', 'start', 1]
[] 0 False True
['a', 'b', 'c', 'a', 'b', 'c', 0, 1]
[] ['a', 'b'] [1, 2] [0, 1, 2] [4]
IndexError: pop from empty list
IndexError: pop index out of range
TypeError: 'str' object cannot be interpreted as an integer
OverflowError: Python int too large to convert to C ssize_t
ValueError: 5 is not in list
ValueError: '5' is not in list
TypeError: slice indices must be integers or have an __index__ method
ValueError: list.remove(x): x not in list
TypeError: list.append() takes exactly one argument (0 given)
TypeError: insert expected 2 arguments, got 1
TypeError: index expected at least 1 argument, got 0
TypeError: list.clear() takes no arguments (1 given)
TypeError: list expected at most 1 argument, got 2
TypeError: list() takes no keyword arguments
TypeError: 'int' object is not iterable
TypeError: 'int' object is not iterable
`],
  ['list sort', String.raw`s = ['pear', 'Apple', 'fig', 'banana', 'kiwi', 'date']
s.sort(); print(s)
s.sort(key=len); print(s)
s.sort(key=str.lower, reverse=True); print(s)
s.sort(reverse=1); print(s)
n = []
for i in range(3000):
    n.append((i * 7919) % 1009)
n.sort(); print(n[:5], n[-5:])
p = []
for i in range(300):
    p.append(((i * 37) % 11, i))
p.sort(key=lambda q: q[0]); print(p[:6], p[-3:])
p.sort(key=lambda q: q[0], reverse=True); print(p[:6])
def t(f):
    try:
        print(f())
    except Exception as e:
        print(e.__class__.__name__ + ':', e)
l = [3, 'a', 1, 0]
t(lambda: l.sort()); print(l)
t(lambda: [1, None].sort())
t(lambda: [1].sort(1))
t(lambda: [1].sort(foo=1))
t(lambda: [1].sort(reverse=None))
t(lambda: [1, 2].sort(key=1))
print([].sort(key=1))
m = [3, 2, 1]
def k(v):
    m.append(v)
    print('key', v, m)
    return v
t(lambda: m.sort(key=k)); print(m)
`, `['Apple', 'banana', 'date', 'fig', 'kiwi', 'pear']
['fig', 'date', 'kiwi', 'pear', 'Apple', 'banana']
['pear', 'kiwi', 'fig', 'date', 'banana', 'Apple']
['pear', 'kiwi', 'fig', 'date', 'banana', 'Apple']
[0, 0, 0, 1, 1] [1007, 1007, 1008, 1008, 1008]
[(0, 0), (0, 11), (0, 22), (0, 33), (0, 44), (0, 55)] [(10, 272), (10, 283), (10, 294)]
[(10, 8), (10, 19), (10, 30), (10, 41), (10, 52), (10, 63)]
TypeError: '<' not supported between instances of 'str' and 'int'
[3, 'a', 1, 0]
TypeError: '<' not supported between instances of 'NoneType' and 'int'
TypeError: sort() takes no positional arguments
TypeError: 'foo' is an invalid keyword argument for sort()
TypeError: 'NoneType' object cannot be interpreted as an integer
TypeError: 'int' object is not callable
None
key 3 [3]
key 2 [3, 2]
key 1 [3, 2, 1]
ValueError: list modified during sort
[1, 2, 3]
`],
  ['tuples', String.raw`print((), (1,), (1, 2), ((1,), ()), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple((5, 6)), tuple())
t = (1, 2, 3, 2)
print(t[1], t[-1], t[1:3], t[::-1], t[:] is t, t.index(2), t.index(2, 2), t.count(2), 2 in t, 5 in t, len(t))
print((1, 2) + (3,), (1,) * 3, 2 * (0,), (1,) * 1 is (1,) * 1, (1, 2) < (1, 2, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) != (1, 2.0))
l = []; u = (l,); l.append(u); print(u, l)
l.clear()
a, *b = (1, 2, 3); print(a, b)
def f(e):
    try:
        print(e())
    except Exception as x:
        print(x.__class__.__name__ + ':', x)
f(lambda: (1, 2)[5])
f(lambda: (1, 2)['x'])
f(lambda: (1, 2).index(5))
f(lambda: (1,) * 2.0)
f(lambda: (1,) + [1])
f(lambda: (1, 2) < (1, 'a'))
f(lambda: tuple(1, 2))
f(lambda: tuple(x=1))
f(lambda: (1,).count())
`, `() (1,) (1, 2) ((1,), ()) (1, 2) ('a', 'b') (0, 1, 2) (5, 6) ()
2 2 (2, 3) (2, 3, 2, 1) True 1 3 2 True False 4
(1, 2, 3) (1, 1, 1) (0, 0) True True True True False
([(...)],) [([...],)]
1 [2, 3]
IndexError: tuple index out of range
TypeError: tuple indices must be integers or slices, not str
ValueError: tuple.index(x): x not in tuple
TypeError: can't multiply sequence by non-int of type 'float'
TypeError: can only concatenate tuple (not "list") to tuple
TypeError: '<' not supported between instances of 'int' and 'str'
TypeError: tuple expected at most 1 argument, got 2
TypeError: tuple() takes no keyword arguments
TypeError: tuple.count() takes exactly one argument (0 given)
`],
  ['ranges', String.raw`r = range(10)
print(r, range(1, 10, 2), range(10, 0, -3), len(r), r[0], r[-1], r[2:8:2], r[::-1], r[100:], r[-3:])
print(list(range(5)), list(range(2, 8, 3)), list(range(10, 0, -4)), list(range(0)), list(range(5, 0)), list(range(True, 4)))
print(3 in r, 10 in r, -1 in r, 3.0 in r, 'a' in r, r.index(7), r.count(3), r.count(3.0), range(0, 20, 5).index(15))
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)))
print(range(3) == range(0, 3), range(0) == range(5, 5), range(1, 4, 2) == range(1, 5, 2), range(3) != range(4), range(3) == [0, 1, 2])
big = range(10 ** 20)
print(big, big[-1], big[10 ** 19], 10 ** 20 - 1 in big, 10 ** 20 in big, big[::10 ** 19], big.index(123456789012345678))
print(list(range(2 ** 64, 2 ** 64 + 10, 3)), list(reversed(range(2 ** 60, 2 ** 60 + 6, 2))), len(range(0, 10 ** 12, 7)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
def f(e):
    try:
        print(e())
    except Exception as x:
        print(x.__class__.__name__ + ':', x)
f(lambda: range())
f(lambda: range(1, 2, 3, 4))
f(lambda: range(1.5))
f(lambda: range(1, 2, 0))
f(lambda: range(x=1))
f(lambda: range(10)[10])
f(lambda: range(10)['a'])
f(lambda: range(10).index(10))
f(lambda: range(10).index(1.5))
f(lambda: len(big))
f(lambda: range(3) < range(4))
`, `range(0, 10) range(1, 10, 2) range(10, 0, -3) 10 0 9 range(2, 8, 2) range(9, -1, -1) range(10, 10) range(7, 10)
[0, 1, 2, 3, 4] [2, 5] [10, 6, 2] [] [] [1, 2, 3]
True False False True False 7 1 1 3
0 10 1 False True
True True True True False
range(0, 100000000000000000000) 99999999999999999999 10000000000000000000 True False range(0, 100000000000000000000, 10000000000000000000) 123456789012345678
[18446744073709551616, 18446744073709551619, 18446744073709551622, 18446744073709551625] [1152921504606846980, 1152921504606846978, 1152921504606846976] 142857142858
[4, 3, 2, 1, 0] [7, 4, 1] []
TypeError: range expected at least 1 argument, got 0
TypeError: range expected at most 3 arguments, got 4
TypeError: 'float' object cannot be interpreted as an integer
ValueError: range() arg 3 must not be zero
TypeError: range() takes no keyword arguments
IndexError: range object index out of range
TypeError: range indices must be integers or slices, not str
ValueError: 10 is not in range
ValueError: sequence.index(x): x not in sequence
OverflowError: Python int too large to convert to C ssize_t
TypeError: '<' not supported between instances of 'range' and 'range'
`],
  ['iterators', String.raw`print(list(enumerate('abc', 5)), list(enumerate([], 3)), list(enumerate('xy', start=-1)), list(enumerate(iterable='q')))
print(list(zip('abc', range(10), [1, 2])), list(zip()), list(zip([1])), list(zip('ab', 'cd', strict=True)))
print(list(map(len, ['a', 'bb'])), list(map(lambda a, b: a - b, [1, 5], [3, 2])), list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda v: v % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed('')))
l = [1]
for v in l:
    if v < 5:
        l.append(v + 1)
print(l)
rv = reversed(l); l.pop(); l.pop(); print(list(rv))
it = enumerate([0, 1, 2, 3])
for _, v in it:
    print(v, end=' ')
    if v == 1:
        break
print(list(it), list(it))
s = 'h\u00e9\U0001f600'
print(list(s), list('ab'))
def f(e):
    try:
        print(e())
    except Exception as x:
        print(x.__class__.__name__ + ':', x)
f(lambda: list(zip([1, 2], [3], strict=True)))
f(lambda: list(zip([1], [3, 4], strict=True)))
f(lambda: list(zip([1], [3], [4, 5], strict=True)))
f(lambda: list(zip([1, 2], [3], [4, 5], strict=True)))
f(lambda: zip([], x=1))
f(lambda: enumerate())
f(lambda: enumerate([], 1, 2))
f(lambda: enumerate([], 1.5))
f(lambda: enumerate(5))
f(lambda: map(len))
f(lambda: filter(None))
f(lambda: reversed(1))
f(lambda: reversed())
f(lambda: zip(1))
`, `[(5, 'a'), (6, 'b'), (7, 'c')] [] [(-1, 'x'), (0, 'y')] [(0, 'q')]
[('a', 0, 1), ('b', 1, 2)] [] [(1,)] [('a', 'c'), ('b', 'd')]
[1, 2] [-2, 3] [1, 'a', [0]] [1, 3, 5]
[3, 2, 1] [2, 1] ['c', 'b', 'a'] []
[1, 2, 3, 4, 5]
[]
0 1 [(2, 2), (3, 3)] []
['h', 'é', '😀'] ['a', 'b']
ValueError: zip() argument 2 is shorter than argument 1
ValueError: zip() argument 2 is longer than argument 1
ValueError: zip() argument 3 is longer than arguments 1-2
ValueError: zip() argument 2 is shorter than argument 1
TypeError: 'x' is an invalid keyword argument for zip()
TypeError: enumerate() missing required argument 'iterable'
TypeError: enumerate() takes at most 2 arguments (3 given)
TypeError: 'float' object cannot be interpreted as an integer
TypeError: 'int' object is not iterable
TypeError: map() must have at least two arguments.
TypeError: filter expected 2 arguments, got 1
TypeError: 'int' object is not reversible
TypeError: reversed expected 1 argument, got 0
TypeError: 'int' object is not iterable
`],
];

/** The types this suite's code allocates: none may outlive a program. */
const OURS = /^(list|tuple|range|iterator|\w+_iterator|\w+_reverseiterator|enumerate|zip|map|filter|reversed)$/;

describe('sequences: programs', () => {
  for (const [name, src, expected] of PROGRAMS) {
    it(name, () => {
      const r = runInMemory(src, 'seq.py', { debugHeap: true, checkLeaks: true });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(expected);
      const leaked = [...r.leaks!].filter(([type]) => OURS.test(type));
      expect(leaked).toEqual([]);
    });
  }
});

// ---- timsort: the comparisons CPython 3.11's list.sort asks, traced with a logging __lt__ ----
/** [data kind, size, comparisons, checksum of the (left index, right index) pairs in order] */
const TRACES: [string, number, number, number][] = [['rand', 2, 1, 1000003], ['rand', 10, 23, 2441668575], ['rand', 63, 299, 1111935370], ['rand', 64, 300, 2469479439], ['rand', 65, 307, 3126580622], ['rand', 200, 1260, 3261779647], ['rand', 1000, 8621, 1522899005], ['rand', 5000, 54932, 3839139784], ['runs', 2, 1, 1000003], ['runs', 10, 9, 4172262355], ['runs', 63, 222, 1862942596], ['runs', 64, 63, 414173279], ['runs', 65, 64, 18470016], ['runs', 200, 659, 1523396945], ['runs', 1000, 6298, 522061523], ['runs', 5000, 42948, 1180580081], ['saw', 2, 1, 1000003], ['saw', 10, 21, 3108627847], ['saw', 63, 293, 2049584209], ['saw', 64, 303, 4204344687], ['saw', 65, 305, 2452798241], ['saw', 200, 1266, 2267563386], ['saw', 1000, 8654, 13691931], ['saw', 5000, 50254, 354036115]];

/** The generator the python3 tracer used (an LCG, so both sides make the same data). */
function data(kind: string, size: number, seed: number): number[] {
  let s = seed;
  const next = (m: number): number => {
    s = Number((BigInt(s) * 1103515245n + 12345n) % 2147483648n);
    return s % m;
  };
  if (kind === 'rand') return Array.from({ length: size }, () => next(Math.floor(size / 3) + 1));
  if (kind === 'runs') {
    const out: number[] = [];
    while (out.length < size) {
      const k = 1 + next(90);
      const base = next(1000);
      const seg = Array.from({ length: k }, () => base + next(500)).sort((a, b) => a - b);
      if (next(10) < 4) seg.reverse();
      out.push(...seg);
    }
    return out.slice(0, size);
  }
  return Array.from({ length: size }, (_, i) => ((i * 37) % 101) + Math.floor(i / 500));
}

describe('sequences: timsort', () => {
  it('asks the same comparisons as CPython, in the same order', () => {
    for (const [kind, size, count, checksum] of TRACES) {
      const values = data(kind, size, size + kind.length);
      const idx = values.map((_, i) => i);
      let n = 0;
      let h = 0;
      new MergeState(idx, null, (a, b) => {
        n++;
        h = (Math.imul(h, 31) + Math.imul(a, 1000003) + b) >>> 0;
        return values[a]! < values[b]!;
      }).sort();
      expect([kind, size, n, h]).toEqual([kind, size, count, checksum]);
      let stable = true;
      for (let i = 1; i < size; i++) {
        const p = idx[i - 1]!;
        const q = idx[i]!;
        if (!(values[p]! < values[q]! || (values[p] === values[q] && p < q))) stable = false;
      }
      expect(stable).toBe(true);
    }
  });
});

// ---- tuple hashes: CPython's exact 64-bit values ----
describe('sequences: tuple hash', () => {
  it('equals CPython 3.11 for ints, floats, bools and nested tuples', () => {
    const { vm } = runInMemory('', 'h.py');
    const rt = vm.rt;
    const tup = (...xs: Ref[]): Ref => tupleSteal(rt, xs);
    const int = (v: number | bigint): Ref => rt.newInt(v);
    const cases: [Ref, bigint][] = [
      [tup(int(1), int(2)), -3550055125485641917n],
      [tup(), 5740354900026072187n],
      [tup(int(1), tup(int(2), int(3)), rt.newFloat(1.5), int(-1), int(10n ** 30n), rt.True, rt.newFloat(Infinity)),
        8195178667931598096n],
      [tup(rt.newFloat(0.5), rt.newFloat(-0.25), int(2n ** 70n), rt.newFloat(1e300)), -9103675563984096130n],
    ];
    for (const [t, h] of cases) {
      expect(fullHash(rt, t)).toBe(h);
      rt.decref(t);
    }
  });
});
