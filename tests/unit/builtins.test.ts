/** The built-in functions (bltinmodule.c) and the sys and time modules: small programs whose output was
 *  recorded from python3 3.11 (with gilpy's documented differences: immortal objects report
 *  4294967295 from sys.getrefcount as in CPython 3.12, sys.implementation.name is 'gilpy'), run with
 *  heap checking on. */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/vm/embed.js';

/** [name, program, what python3 printed, exit status] */
const PROGRAMS: [string, string, string, number][] = [
  ["hash(): CPython's full values for numbers, tuples, frozensets, ranges", String.raw`print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(42), hash(-42), hash(-1), hash(-2), hash(0), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 61)), hash(10 ** 30))
print(hash(0.5), hash(1.5), hash(-0.5), hash(1e100), hash(float("inf")), hash(float("-inf")), hash(0.1), hash(5e-324))
print(hash((1, 2)), hash(()), hash((1.5, -1)), hash(((1, 2), 3)), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(frozenset()), hash(frozenset([1, 2])), hash(frozenset([2, 1])), hash(range(3)), hash(range(0, 10, 3)))
o = object()
print(hash(o) == hash(o), type(hash("x")) is int, hash(None) == hash(None))
`, "True True\n42 -42 -2 -2 0 1 8 -2 465258685558744706\n1152921504606846976 1152921504606846977 -1152921504606846976 1822893315824342674 314159 -314159 230584300921369408 16777216\n-3550055125485641917 5740354900026072187 -9002791676578425913 -333907151259015829 True\n133146708735736 -1826646154956904602 -1826646154956904602 -8338477496398685190 -1816567394155750349\nTrue True True\n", 0],
  ["argument checking and error messages", String.raw`def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(hash, []); t(hash)
t(isinstance, 1, 1); t(isinstance, 1); t(issubclass, 1, int); t(issubclass, int, 1); t(issubclass, int, (1,))
t(isinstance, 1, (int, 1)); t(isinstance, 1, (str, 1)); t(isinstance, True, (str, (list, int)))
t(max); t(max, []); t(max, 1); t(max, 1, 2, default=0); t(max, [1], foo=1); t(min, [], key=None); t(max, [], default=None)
t(sum); t(sum, ['a'], ''); t(sum, [b'a'], b''); t(sum, 1); t(sum, [1], start=2); t(sum, [1], 2, 3)
t(sorted); t(sorted, [1], [2]); t(sorted, 1); t(sorted, [1], foo=2)
t(iter); t(iter, 1); t(iter, 1, 2); t(iter, 1, 2, 3); t(next, 1); t(next, []); t(next); t(next, iter([])); t(next, iter([]), 5)
t(any); t(all, 1, 2); t(any, 1)
t(round); t(round, 1.5, 'a'); t(round, 'a'); t(round, float('inf')); t(round, float('nan')); t(round, 1.7976931348623157e308, -308)
t(divmod, 1, 0); t(divmod, 1.0, 0); t(divmod, 'a', 1)
t(pow, 2, 3, 0); t(pow, 2.0, 3, 5); t(pow, 2, -1, 4); t(pow, 0, -1); t(pow); t(pow, 'a', 2, 3)
t(chr, -1); t(chr, 0x110000); t(chr, 1.5); t(chr, 2**70); t(chr, 'a'); t(chr)
t(ord, 'ab'); t(ord, 1); t(ord, b'ab'); t(ord, ''); t(hex, 1.5); t(hex, 'a')
t(format, 1, 2); t(format, [], 'x'); t(format)
t(getattr, 1); t(getattr, 1, 2); t(getattr, 1, 'x'); t(setattr, 1, 'x', 2); t(hasattr, 1, 2); t(delattr, 1, 'x')
t(vars, 1); t(vars, 1, 2); t(dir, 1, 2); t(object, 1); t(object, x=1); t(type); t(type, 1, 2); t(type, 1, 2, 3)
t(callable); t(callable, 1, 2); t(abs, 'a'); t(abs)
`, "TypeError: unhashable type: 'list'\nTypeError: hash() takes exactly one argument (0 given)\nTypeError: isinstance() arg 2 must be a type, a tuple of types, or a union\nTypeError: isinstance expected 2 arguments, got 1\nTypeError: issubclass() arg 1 must be a class\nTypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union\nTypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union\nTrue\nTypeError: isinstance() arg 2 must be a type, a tuple of types, or a union\nTrue\nTypeError: max expected at least 1 argument, got 0\nValueError: max() arg is an empty sequence\nTypeError: 'int' object is not iterable\nTypeError: Cannot specify a default for max() with multiple positional arguments\nTypeError: 'foo' is an invalid keyword argument for max()\nValueError: min() arg is an empty sequence\nNone\nTypeError: sum() takes at least 1 positional argument (0 given)\nTypeError: sum() can't sum strings [use ''.join(seq) instead]\nTypeError: sum() can't sum bytes [use b''.join(seq) instead]\nTypeError: 'int' object is not iterable\n3\nTypeError: sum() takes at most 2 arguments (3 given)\nTypeError: sorted expected 1 argument, got 0\nTypeError: sorted expected 1 argument, got 2\nTypeError: 'int' object is not iterable\nTypeError: 'foo' is an invalid keyword argument for sort()\nTypeError: iter expected at least 1 argument, got 0\nTypeError: 'int' object is not iterable\nTypeError: iter(v, w): v must be callable\nTypeError: iter expected at most 2 arguments, got 3\nTypeError: 'int' object is not an iterator\nTypeError: 'list' object is not an iterator\nTypeError: next expected at least 1 argument, got 0\nStopIteration: \n5\nTypeError: any() takes exactly one argument (0 given)\nTypeError: all() takes exactly one argument (2 given)\nTypeError: 'int' object is not iterable\nTypeError: round() missing required argument 'number' (pos 1)\nTypeError: 'str' object cannot be interpreted as an integer\nTypeError: type str doesn't define __round__ method\nOverflowError: cannot convert float infinity to integer\nValueError: cannot convert float NaN to integer\nOverflowError: rounded value too large to represent\nZeroDivisionError: integer division or modulo by zero\nZeroDivisionError: float divmod()\nTypeError: unsupported operand type(s) for divmod(): 'str' and 'int'\nValueError: pow() 3rd argument cannot be 0\nTypeError: pow() 3rd argument not allowed unless all arguments are integers\nValueError: base is not invertible for the given modulus\nZeroDivisionError: 0.0 cannot be raised to a negative power\nTypeError: pow() missing required argument 'base' (pos 1)\nTypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'\nValueError: chr() arg not in range(0x110000)\nValueError: chr() arg not in range(0x110000)\nTypeError: 'float' object cannot be interpreted as an integer\nOverflowError: Python int too large to convert to C int\nTypeError: 'str' object cannot be interpreted as an integer\nTypeError: chr() takes exactly one argument (0 given)\nTypeError: ord() expected a character, but string of length 2 found\nTypeError: ord() expected string of length 1, but int found\nTypeError: ord() expected a character, but string of length 2 found\nTypeError: ord() expected a character, but string of length 0 found\nTypeError: 'float' object cannot be interpreted as an integer\nTypeError: 'str' object cannot be interpreted as an integer\nTypeError: format() argument 2 must be str, not int\nTypeError: unsupported format string passed to list.__format__\nTypeError: format expected at least 1 argument, got 0\nTypeError: getattr expected at least 2 arguments, got 1\nTypeError: attribute name must be string, not 'int'\nAttributeError: 'int' object has no attribute 'x'\nAttributeError: 'int' object has no attribute 'x'\nTypeError: attribute name must be string, not 'int'\nAttributeError: 'int' object has no attribute 'x'\nTypeError: vars() argument must have __dict__ attribute\nTypeError: vars expected at most 1 argument, got 2\nTypeError: dir expected at most 1 argument, got 2\nTypeError: object() takes no arguments\nTypeError: object() takes no arguments\nTypeError: type() takes 1 or 3 arguments\nTypeError: type() takes 1 or 3 arguments\nTypeError: type.__new__() argument 1 must be str, not int\nTypeError: callable() takes exactly one argument (0 given)\nTypeError: callable() takes exactly one argument (2 given)\nTypeError: bad operand type for abs(): 'str'\nTypeError: abs() takes exactly one argument (0 given)\n", 0],
  ["min/max/sum/sorted/iter/next/round/divmod/pow/chr/ord/format/isinstance/object", String.raw`print(min(3, 1, 2), max([4, 2, 8]), min("hello"), min(["bb", "a", "ccc"], key=len), max([], default="none"))
print(max(1, 2.0), max(2.0, 2), min(2, 2.0), max(True, 1), max(1, True), min([(1, 'b'), (1, 'a')]))
print(sum([1, 2, 3], 10), sum([0.1] * 10), sum([[1], [2]], []), sum([1, 2.5]), sum(range(101)), sum([10 ** 20, 1]))
print(sorted([5, 2, 9, 1], reverse=True), sorted("Banana", key=str.lower), any([0, '', 1]), all([]), all([1, 0]))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), list(iter([3, 2, 1, 0].pop, 1)))
print(round(3.7), round(-3.7), round(3.14159, 2), round(1234, -2), round(0.5), round(1.5), round(2.675, 2), round(-0.4, 0))
print(round(25, -1), round(-25, -1), round(True), round(2.5, None), round(float('inf'), 2))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-0.5, 1), divmod(-0.0, 1), divmod(-5, float('inf')))
print(pow(2, 8), pow(2, -1), pow(2, 100, 17), pow(3, -2, 11), pow(-2, 3, 7), pow(2, 3, -5), pow(base=2, exp=3, mod=None))
print(chr(65), chr(0x1F600), ord("€"), ord(b"a"), hex(-255), oct(2 ** 70), bin(-10), hex(True))
print(format(3.14159, ".2f"), format(42, "08b"), format(1), callable(print), callable(None), abs(-2.5), abs(-(10 ** 30)))
print(isinstance(1.0, (int, float)), isinstance(True, int), issubclass(bool, int), issubclass(str, int), type(type(1)))
o = object()
print(type(o), repr(o)[:18], o == o, o != object(), getattr(1, 'x', 5), hasattr(1, 'real'), hasattr(1, 'nope'))
x = 10
`, "1 8 e a none\n2.0 2.0 2 True 1 (1, 'a')\n16 0.9999999999999999 [1, 2] 3.5 5050 100000000000000000001\n[9, 5, 2, 1] ['a', 'a', 'a', 'B', 'n', 'n'] True True False\n1 2 default [0]\n4 -4 3.14 1200 0 2 2.67 -0.0\n20 -20 1 2 inf\n(3, 2) (-4, 3) (3.0, 2.5) (-1.0, 0.5) (-0.0, 0.0) (-1.0, inf)\n256 0.5 16 5 6 -2 8\nA 😀 8364 97 -0xff 0o200000000000000000000000 -0b1010 0x1\n3.14 00101010 1 True False 2.5 1000000000000000000000000000000\nTrue True True False <class 'type'>\n<class 'object'> <object object at  True True 5 True False\n", 0],
  ["time: struct_time, strftime, sleep errors, clocks", String.raw`import time
print(time.gmtime(0))
print(time.gmtime(-1), time.gmtime(0).tm_year, len(time.gmtime(0)), time.struct_time)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %%', time.gmtime(86400 * 365.25 * 30)))
print(time.strftime('%e|%D|%T|%R|%h|%C|%G|%g|%V|%u|%U|%W', time.gmtime(1e9)), time.asctime(time.gmtime(0)))
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(time.sleep, -1); t(time.sleep, 'a'); t(time.sleep); t(time.gmtime, 1e20); t(time.strftime, 1); t(time.strftime, '%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))
a = time.perf_counter(); b = time.perf_counter()
print(b >= a, type(time.time_ns()), time.monotonic_ns() >= 0, time.sleep(0) is None)
`, "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)\ntime.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=59, tm_wday=2, tm_yday=365, tm_isdst=0) 1970 9 <class 'time.struct_time'>\n2000-01-01 12:00:00 Sat Saturday Jan January 001 PM 12 00 6 %\n 9|09/09/01|01:46:40|01:46|Sep|20|2001|01|36|7|36|36 Thu Jan  1 00:00:00 1970\nValueError: sleep length must be non-negative\nTypeError: 'str' object cannot be interpreted as an integer\nTypeError: time.sleep() takes exactly one argument (0 given)\nOverflowError: timestamp out of range for platform time_t\nTypeError: strftime() argument 1 must be str, not int\nValueError: month out of range\nTrue <class 'int'> True True\n", 0],
  ["sys: getrefcount in the seed scenarios, intern, version facts, streams, limits, exit", String.raw`import sys
a = []
b = a
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
l = [a, a]
print(sys.getrefcount(a), sys.getrefcount(l[0]))
def param(p):
    return sys.getrefcount(p)
def local_only():
    x = []
    return sys.getrefcount(x)
print(param(a), local_only(), sys.getrefcount(None), sys.getrefcount(7))
s = "".join(["ab", "cd!"])
print(sys.intern(s) is s, sys.intern("".join(["a", "bcd!"])) is s)
print(sys.version_info[:2] == (3, 11), sys.version_info.major, sys.version_info >= (3, 0), len(sys.version_info))
print(sys.version_info, type(sys.version_info), sys.version.startswith('3.11.7'))
print(sys.float_info)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.int_info.bits_per_digit, sys.maxsize, sys.flags.optimize, len(sys.flags))
print(sys.implementation.name, sys.platform, sys.byteorder, sys.getrecursionlimit(), sys.getswitchinterval())
sys.setswitchinterval(0.001)
sys.setrecursionlimit(500)
print(sys.getswitchinterval(), sys.getrecursionlimit(), sys.getcheckinterval(), sys._is_gil_enabled())
print(sys.stdout, sys.stderr, sys.stdout.write("héllo 😀\n"))
print("to stdout", file=sys.stdout)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError('k')
except KeyError:
    e = sys.exc_info()
    print(e[0], repr(e[1]), sys.exception() is e[1])
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(sys.getrefcount); t(sys.intern, 1); t(sys.setrecursionlimit, 0); t(sys.setrecursionlimit, 1); t(sys.setswitchinterval, 0)
t(sys.setswitchinterval, 'a'); t(sys.stdout.write, 1); t(sys.exit, 1, 2); t(sys.getrecursionlimit, 1)
sys.exit(3)
`, "3\n2\n4 4\n5 2 4294967295 4294967295\nTrue True\nTrue 3 True 5\nsys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0) <class 'sys.version_info'> True\nsys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)\nTrue 30 9223372036854775807 0 18\ngilpy linux little 1000 0.005\n0.001 500 10000 True\nhéllo 😀\n<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'> <_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'> 8\nto stdout\n(None, None, None) None\n<class 'KeyError'> KeyError('k') True\nTypeError: sys.getrefcount() takes exactly one argument (0 given)\nTypeError: intern() argument must be str, not int\nValueError: recursion limit must be greater or equal than 1\nRecursionError: cannot set the recursion limit to 1 at the recursion depth 3: the limit is too low\nValueError: switch interval must be strictly positive\nTypeError: must be real number, not str\nTypeError: write() argument must be str, not int\nTypeError: exit expected at most 1 argument, got 2\nTypeError: sys.getrecursionlimit() takes no arguments (1 given)\n", 3],
  ["globals(), locals() in functions (cells included) and class bodies, vars, dir, getattr family", String.raw`x = 10
g = globals()
print(g["x"], g is globals(), locals() is g, "x" in g, g["__name__"])
def show(a, b=2):
    c = a + b
    return locals()
print(show(1), sorted(show(5, b=10)), show(0) is show(0))
def outer():
    v = 1
    def inner():
        return v
    w = inner()
    return locals()
print(sorted(outer()))
def modify():
    globals()["x"] = 11
modify()
print(x, vars() is g, "show" in dir(), dir()[0] < dir()[-1])
class C:
    y = 1
    print(sorted(locals()), locals() is not globals())
print('y' in dir(C), vars(C)['y'], getattr(C, 'y'), hasattr(C, 'z'))
setattr(C, 'z', 5)
print(C.z, 'z' in dir(C))
delattr(C, 'z')
print(hasattr(C, 'z'))
import sys
print('version_info' in dir(sys), vars(sys) is sys.__dict__)
t = {'a': 1}
print(min(t), max({'x': 9, 'a': 1}.values()), sorted(t.items()), sum({1: 2, 3: 4}), hash((1, 'a')) == hash((1, 'a')))
`, "10 True True True __main__\n{'a': 1, 'b': 2, 'c': 3} ['a', 'b', 'c'] False\n['inner', 'v', 'w']\n11 True True True\n['__module__', '__qualname__', 'y'] True\nTrue 1 1 False\n5 True\nFalse\nTrue True\na 9 [('a', 1)] 4 True\n", 0],
  ["user classes: __hash__ reduction, __round__/__divmod__/__pow__/__index__/__dir__, isinstance, print(file=obj)", String.raw`import sys
class P:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 2 ** 64 + self.v
    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v
    def __lt__(self, o):
        return self.v < o.v
    def __round__(self, n=None):
        return ('round', n)
    def __divmod__(self, o):
        return ('divmod', o)
    def __rdivmod__(self, o):
        return ('rdivmod', o)
    def __pow__(self, e, m=None):
        return ('pow', e, m)
    def __index__(self):
        return 65
    def __dir__(self):
        return ['b', 'a']
class Q(P):
    pass
class NoHash:
    def __eq__(self, o):
        return True
p = P(1)
print(hash(p), hash(P(-1)), round(p), round(p, 2), divmod(p, 1), divmod(1, p), pow(p, 2), pow(p, 2, 3))
print(chr(p), hex(p), max(P(3), P(1), P(2)).v, min([P(3), P(1)]).v, sorted([P(2), P(1)])[0].v, dir(p))
print(isinstance(Q(1), P), issubclass(Q, P), isinstance(p, (int, Q)), issubclass(Q, (int, P)), type(p) is P, type(P))
print(callable(P), callable(p), vars(p), getattr(p, 'v'), hasattr(p, 'w'))
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("a", 1, sep="-", file=w)
print(w.parts)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(type(3, ) is int)
`, "9 7 ('round', None) ('round', 2) ('divmod', 1) ('rdivmod', 1) ('pow', 2, None) ('pow', 2, 3)\nA 0x41 3 1 1 ['a', 'b']\nTrue True False True True <class 'type'>\nTrue False {'v': 1} 1 False\nunhashable type: 'NoHash'\n['a', '-', '1', '\\n']\n'object' object has no attribute 'x'\nTrue\n", 0],
];

describe('built-in functions, sys and time', () => {
  for (const [name, source, want, status] of PROGRAMS) {
    it(name, () => {
      const r = runInMemory(source, 'prog.py', { debugHeap: true });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(want);
      expect(r.status).toBe(status);
    });
  }

  it('input() writes the prompt to stdout and raises EOFError at the end of input', () => {
    const src = 'a = input()\nb = input("n? ")\nprint(repr(a), int(b) + 1)\ntry:\n    input("> ")\nexcept EOFError as e:\n    print("EOF:", e)\n';
    const r = runInMemory(src, 'prog.py', { stdin: 'hello world\n41\n', debugHeap: true });
    expect(r.stdout).toBe("n? 'hello world' 42\n> EOF: EOF when reading a line\n");
  });

  it('print(file=sys.stderr) and sys.stderr.write go to stderr', () => {
    const r = runInMemory('import sys\nprint("out")\nprint("err", 1, file=sys.stderr)\nsys.stderr.write("w\\n")\n', 'prog.py');
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err 1\nw\n');
  });

  it('sys.exit with a message prints it to stderr and exits 1', () => {
    const r = runInMemory('import sys\nprint("a")\nsys.exit("bye")\n', 'prog.py');
    expect([r.stdout, r.stderr, r.status]).toEqual(['a\n', 'bye\n', 1]);
  });
});
