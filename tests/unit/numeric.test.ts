/** Differential tests of int-ops, float-ops and format-spec against python3: one python3 process computes every expected answer. */
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import * as F from '../../src/vm/objects/float-ops.js';
import * as S from '../../src/vm/objects/format-spec.js';
import * as I from '../../src/vm/objects/int-ops.js';
import { PyErrorSpec } from '../../src/vm/objects/py-error-spec.js';
import { strAscii, strRepr } from '../../src/vm/objects/str-repr.js';

type PyIntValue = I.PyIntValue;

const HAVE_PYTHON = spawnSync('python3', ['--version']).status === 0;
if (!HAVE_PYTHON) console.warn('numeric.test.ts: python3 not found, skipping the differential tests against CPython');

// ---------------------------------------------------------------- value encoding shared with python3

/** A Python value as JSON: {i: hex int}, {f: 16 hex digits of the bits | 'nan'}, {s}, {b}, {t: []}, {l: []}, {d: [[k, v]]}, {y: hex bytes}, {n}, {c} (complex). */
type Enc = Record<string, unknown>;
/** A test-side Python object, for percentFormat's host. */
type TV =
  | { k: 'i'; v: PyIntValue }
  | { k: 'f'; v: number }
  | { k: 's'; v: string }
  | { k: 'b'; v: boolean }
  | { k: 't'; v: TV[] }
  | { k: 'l'; v: TV[] }
  | { k: 'd'; v: [TV, TV][] }
  | { k: 'n' };

const bitsView = new DataView(new ArrayBuffer(8));
function floatBits(x: number): string {
  bitsView.setFloat64(0, x);
  return bitsView.getBigUint64(0).toString(16).padStart(16, '0');
}
function bitsFloat(h: string): number {
  bitsView.setBigUint64(0, BigInt('0x' + h));
  return bitsView.getFloat64(0);
}

const eI = (v: PyIntValue): Enc => ({ i: I.toString(v, 16) });
const eF = (x: number): Enc => ({ f: x !== x ? 'nan' : floatBits(x) });
const eS = (s: string): Enc => ({ s });
const eB = (b: boolean): Enc => ({ b });
const eT = (xs: Enc[]): Enc => ({ t: xs });
const eN: Enc = { n: 1 };
const eY = (b: Uint8Array): Enc => ({ y: Buffer.from(b).toString('hex') });

function encTV(x: TV): Enc {
  switch (x.k) {
    case 'i':
      return eI(x.v);
    case 'f':
      return eF(x.v);
    case 's':
      return eS(x.v);
    case 'b':
      return eB(x.v);
    case 't':
      return { t: x.v.map(encTV) };
    case 'l':
      return { l: x.v.map(encTV) };
    case 'd':
      return { d: x.v.map(([a, b]) => [encTV(a), encTV(b)]) };
    case 'n':
      return eN;
  }
}

const PY_SCRIPT = String.raw`
import sys, json, struct, math
def dec(e):
    if 'i' in e: return int(e['i'], 16)
    if 'f' in e: return float('nan') if e['f'] == 'nan' else struct.unpack('>d', bytes.fromhex(e['f']))[0]
    if 's' in e: return e['s']
    if 'b' in e: return bool(e['b'])
    if 't' in e: return tuple(dec(x) for x in e['t'])
    if 'l' in e: return [dec(x) for x in e['l']]
    if 'd' in e: return {dec(k): dec(v) for k, v in e['d']}
    if 'y' in e: return bytes.fromhex(e['y'])
    if 'n' in e: return None
    raise ValueError(e)
def enc(v):
    if v is None: return {'n': 1}
    if isinstance(v, bool): return {'b': v}
    if isinstance(v, int): return {'i': hex(v)}
    if isinstance(v, float): return {'f': 'nan'} if v != v else {'f': struct.pack('>d', v).hex()}
    if isinstance(v, str): return {'s': v}
    if isinstance(v, tuple): return {'t': [enc(x) for x in v]}
    if isinstance(v, bytes): return {'y': v.hex()}
    if isinstance(v, complex): return {'c': 1}
    raise TypeError(type(v))
def f_pow(a, b):
    # Negative ** non-integer is complex in Python (or an OverflowError from complex pow).
    if a < 0 and math.isfinite(b) and b != math.floor(b): return 1j
    return a ** b
def cmp_if(i, x):
    return -1 if i < x else 1 if i > x else 0 if i == x else None
OPS = {
    'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
    'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
    'truediv': lambda a, b: a / b, 'pow': lambda a, b: a ** b, 'pow3': pow,
    'neg': lambda a: -a, 'abs': abs, 'invert': lambda a: ~a,
    'lshift': lambda a, b: a << b, 'rshift': lambda a, b: a >> b,
    'and': lambda a, b: a & b, 'or': lambda a, b: a | b, 'xor': lambda a, b: a ^ b,
    'cmp': lambda a, b: (a > b) - (a < b), 'eq': lambda a, b: a == b, 'bool': bool,
    'bit_length': lambda a: a.bit_length(), 'bit_count': lambda a: a.bit_count(),
    'str': str, 'hex': hex, 'oct': oct, 'bin': bin, 'int_parse': int, 'hash': hash,
    'int_to_float': float, 'float_to_int': int, 'int_round': round,
    'to_bytes': lambda a, n, order, signed: a.to_bytes(n, order, signed=signed),
    'from_bytes': lambda b, order, signed: int.from_bytes(b, order, signed=signed),
    'f_repr': repr, 'f_floordiv': lambda a, b: a // b, 'f_mod': lambda a, b: a % b,
    'f_truediv': lambda a, b: a / b, 'f_divmod': divmod, 'f_pow': f_pow,
    'f_round': round, 'f_round1': round, 'f_hash': lambda x: None if x != x else hash(x),
    'f_is_integer': lambda x: x.is_integer(), 'f_ratio': lambda x: x.as_integer_ratio(),
    'f_hex': lambda x: x.hex(), 'f_fromhex': float.fromhex, 'f_parse': float, 'cmp_if': cmp_if,
    'format': format, 'percent': lambda t, a: t % a,
}
out = []
for op, args in json.load(sys.stdin):
    try:
        out.append({'ok': enc(OPS[op](*[dec(a) for a in args]))})
    except Exception as e:
        out.append({'err': [type(e).__name__, str(e)]})
json.dump(out, sys.stdout)
`;

// ---------------------------------------------------------------- seeded random values

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(0x5eed);
const randInt = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[randInt(xs.length)]!;

function randBig(bits: number): bigint {
  let s = '';
  for (let b = 0; b < bits; b += 4) s += randInt(16).toString(16);
  return BigInt('0x' + s) >> BigInt(s.length * 4 - bits);
}

const CORNER_INTS: PyIntValue[] = [
  0, 1, -1, 2, -2, 3, 7, 10, -10, 255, 256, -128, -129, 0x7fffffff, -0x80000000, 0x80000000, 2 ** 32, -(2 ** 32),
  2 ** 52, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, -(2n ** 63n),
  2n ** 61n - 1n, 2n ** 61n, -(2n ** 61n), 10n ** 20n, -(10n ** 30n), 2n ** 1024n, 2n ** 1024n - 1n, 2n ** 1023n * 3n,
  10n ** 308n, 2n ** 54n - 1n,
].map((v) => I.normInt(v));

function randIntValue(): PyIntValue {
  const sign = rnd() < 0.5 ? -1 : 1;
  switch (randInt(9)) {
    case 0:
      return randInt(21) - 10;
    case 1:
      return pick(CORNER_INTS);
    case 2:
      return I.normInt(sign * randInt(2 ** 31));
    case 3:
      return I.normInt(sign * Math.floor(rnd() * 2 ** 53));
    case 4:
    case 5:
      return I.normInt(BigInt(sign) * randBig(54 + randInt(150)));
    case 6:
      return I.normInt(BigInt(sign) * randBig(200 + randInt(1800)));
    case 7:
      return I.normInt(BigInt(sign) * (2n ** 53n + BigInt(randInt(5) - 2)));
    default:
      return I.normInt(sign * randInt(1000));
  }
}

const CORNER_FLOATS = [
  0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
  1.7976931348623157e308, -1.7976931348623157e308, 1e300, 1e-300, 0.1, 0.2, 0.3, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375,
  1e16, 1e15, 9999999999999998, 1e17, 1e21, 1e22, 123.456, 1e-5, 1e-4, 0.0001, 9.999999999999999e-5, 1 / 3, 2 / 3,
  100, 1, -1, 2, 3, 10, 1234567.0, 0.001, 2.675, 1.005, 4.35, 0.045, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** 1023,
  Math.PI, Math.E, -Math.PI, 1e23, 5e-310, 0.7, 8.5, 9.5, 0.05, 1.25, -1.25, 1e100,
];

function randFloat(): number {
  switch (randInt(8)) {
    case 0:
      return pick(CORNER_FLOATS);
    case 1: {
      // Any bit pattern (a few NaNs and infinities come out too).
      bitsView.setUint32(0, randInt(2 ** 32));
      bitsView.setUint32(4, randInt(2 ** 32));
      return bitsView.getFloat64(0);
    }
    case 2:
      return (rnd() < 0.5 ? -1 : 1) * randInt(1e6) / 10 ** randInt(8);
    case 3:
      return (rnd() < 0.5 ? -1 : 1) * rnd() * 10 ** (randInt(40) - 20);
    case 4:
      return (rnd() < 0.5 ? -1 : 1) * randInt(2 ** 20);
    case 5:
      return (rnd() < 0.5 ? -1 : 1) * (randInt(2000) + 0.5) / 2 ** randInt(6);
    case 6:
      return rnd() * 10 ** (randInt(600) - 300);
    default:
      return (rnd() - 0.5) * 200;
  }
}

// ---------------------------------------------------------------- cases

interface Case {
  index: number;
  op: string;
  args: Enc[];
  /** Our answer, computed lazily (so a throw is recorded per case). */
  ours: () => Enc;
  /** For reporting. */
  label: string;
}

const cases: Case[] = [];
const byGroup = new Map<string, Case[]>();
function add(group: string, op: string, args: Enc[], ours: () => Enc, label: string): void {
  const c = { index: cases.length, op, args, ours, label };
  cases.push(c);
  let g = byGroup.get(group);
  if (g === undefined) byGroup.set(group, (g = []));
  g.push(c);
}
const show = (v: PyIntValue | number): string => String(v);

// -- int arithmetic
for (let n = 0; n < 1200; n++) {
  const a = randIntValue();
  const b = n % 10 === 0 ? 0 : randIntValue();
  const L = `${show(a)}, ${show(b)}`;
  add('int-arith', 'add', [eI(a), eI(b)], () => eI(I.add(a, b)), L);
  add('int-arith', 'sub', [eI(a), eI(b)], () => eI(I.sub(a, b)), L);
  add('int-arith', 'mul', [eI(a), eI(b)], () => eI(I.mul(a, b)), L);
  add('int-arith', 'floordiv', [eI(a), eI(b)], () => eI(I.floordiv(a, b)), L);
  add('int-arith', 'mod', [eI(a), eI(b)], () => eI(I.mod(a, b)), L);
  add('int-arith', 'divmod', [eI(a), eI(b)], () => eT(I.divmod(a, b).map(eI)), L);
  add('int-arith', 'truediv', [eI(a), eI(b)], () => eF(I.truediv(a, b)), L);
  add('int-arith', 'cmp', [eI(a), eI(b)], () => eI(I.compare(a, b)), L);
  add('int-arith', 'eq', [eI(a), eI(b)], () => eB(I.eq(a, b)), L);
  add('int-arith', 'and', [eI(a), eI(b)], () => eI(I.and(a, b)), L);
  add('int-arith', 'or', [eI(a), eI(b)], () => eI(I.or(a, b)), L);
  add('int-arith', 'xor', [eI(a), eI(b)], () => eI(I.xor(a, b)), L);
  add('int-unary', 'neg', [eI(a)], () => eI(I.neg(a)), L);
  add('int-unary', 'abs', [eI(a)], () => eI(I.abs(a)), L);
  add('int-unary', 'invert', [eI(a)], () => eI(I.invert(a)), L);
  add('int-unary', 'bool', [eI(a)], () => eB(I.bool(a)), L);
  add('int-unary', 'bit_length', [eI(a)], () => eI(I.bitLength(a)), L);
  add('int-unary', 'bit_count', [eI(a)], () => eI(I.bitCount(a)), L);
  add('int-unary', 'hash', [eI(a)], () => eI(I.hash(a)), L);
  add('int-unary', 'int_to_float', [eI(a)], () => eF(I.intToFloat(a)), L);
  const sh = pick([0, 1, 3, 31, 32, 52, 53, 54, 64, 100, 1000, -1, randInt(200)]);
  add('int-arith', 'lshift', [eI(a), eI(sh)], () => eI(I.lshift(a, sh)), `${L}, ${sh}`);
  add('int-arith', 'rshift', [eI(a), eI(sh)], () => eI(I.rshift(a, sh)), `${L}, ${sh}`);
}
// Exact true division near the rounding boundaries: quotients of huge ints, subnormal and overflowing results.
for (let n = 0; n < 1500; n++) {
  const kind = n % 5;
  let a: bigint;
  let b: bigint;
  if (kind === 0) {
    a = randBig(60 + randInt(200));
    b = randBig(60 + randInt(200)) + 1n;
  } else if (kind === 1) {
    a = randBig(1 + randInt(40));
    b = randBig(1074 + randInt(60)) + 1n; // subnormal quotients
  } else if (kind === 2) {
    a = randBig(1020 + randInt(10)) + 1n;
    b = randBig(1 + randInt(4)) + 1n; // near overflow
  } else if (kind === 3) {
    // A quotient that is (almost) exactly halfway between two doubles.
    const m = randBig(53) | (1n << 52n);
    b = randBig(20 + randInt(40)) + 1n;
    a = ((2n * m + 1n) * b) << BigInt(randInt(30));
    if (rnd() < 0.5) a += BigInt(randInt(3) - 1);
    b <<= 1n;
  } else {
    a = randBig(3000);
    b = randBig(2900 + randInt(200)) + 1n;
  }
  const x = I.normInt(rnd() < 0.5 ? -a : a);
  const y = I.normInt(b);
  add('int-truediv', 'truediv', [eI(x), eI(y)], () => eF(I.truediv(x, y)), `${x} / ${y}`);
}
// pow, 3-argument pow, round
for (let n = 0; n < 1500; n++) {
  const a = n % 3 === 0 ? randInt(41) - 20 : randIntValue();
  const b = pick([0, 1, 2, 3, 5, 10, 17, 33, 52, 53, 54, 64, 100, -1, -2, -3, randInt(40), -randInt(40)]);
  add('int-pow', 'pow', [eI(a), eI(b)], () => (b < 0 ? eF(F.pow(I.intToFloat(a), b)) : eI(I.pow(a, b))), `${a} ** ${b}`);
  const m = pick<PyIntValue>([0, 1, -1, 2, 7, -7, 97, 1000003, 2 ** 26 + 1, 2 ** 31 - 1, -(2 ** 40), 10n ** 30n + 7n, randIntValue()]);
  const e = pick<PyIntValue>([0, 1, -1, 2, -2, 65537, randIntValue()]);
  add('int-pow', 'pow3', [eI(a), eI(e), eI(m)], () => eI(I.pow(a, e, m)), `pow(${a}, ${e}, ${m})`);
  const nd = pick<PyIntValue>([0, 1, 5, -1, -2, -3, -5, -10, -20, -50, -400, 10n ** 30n]);
  add('int-pow', 'int_round', [eI(a), eI(nd)], () => eI(I.round(a, nd)), `round(${a}, ${nd})`);
}
// to_bytes / from_bytes
for (let n = 0; n < 800; n++) {
  const a = n % 4 === 0 ? randInt(600) - 300 : randIntValue();
  const len = pick([0, 1, 2, 3, 4, 7, 8, 9, 16, 33, 300, -1]);
  const order = pick(['big', 'little', 'big', 'little', 'mid']);
  const signed = rnd() < 0.5;
  add('int-bytes', 'to_bytes', [eI(a), eI(len), eS(order), eB(signed)], () => eY(I.toBytes(a, len, order, signed)), `${a}.to_bytes(${len}, ${order}, ${signed})`);
  const bytes = new Uint8Array(pick([0, 1, 2, 5, 6, 7, 8, 20]));
  for (let k = 0; k < bytes.length; k++) bytes[k] = randInt(256);
  add('int-bytes', 'from_bytes', [eY(bytes), eS(order), eB(signed)], () => eI(I.fromBytes(bytes, order, signed)), `from_bytes(${bytes}, ${order}, ${signed})`);
}
// str / hex / oct / bin, including the int_max_str_digits limit
for (let n = 0; n < 600; n++) {
  const a = n === 0 ? 10n ** 4300n : n === 1 ? -(10n ** 4299n) : n === 2 ? 10n ** 4299n : randIntValue();
  add('int-str', 'str', [eI(a)], () => eS(I.toString(a, 10)), String(a).slice(0, 50));
  add('int-str', 'hex', [eI(a)], () => eS(I.toString(a, 16)), String(a).slice(0, 50));
  add('int-str', 'oct', [eI(a)], () => eS(I.toString(a, 8)), String(a).slice(0, 50));
  add('int-str', 'bin', [eI(a)], () => eS(I.toString(a, 2)), String(a).slice(0, 50));
}
// int(str, base)
{
  const fixed: [string, number][] = [
    ['0', 10], ['-0', 10], [' 12 ', 10], ['1_000', 10], ['1__0', 10], ['_1', 10], ['1_', 10], ['+_1', 10], ['- 1', 10],
    ['0x1f', 16], ['0X1F', 0], ['0x_1f', 0], ['0x__1f', 0], ['0o17', 0], ['0O_17', 8], ['0b101', 0], ['0b101', 16], ['0b', 2],
    ['010', 0], ['00', 0], ['0_0', 0], ['0_x1', 0], ['0x', 16], ['z', 36], ['Z', 36], ['abc', 10], ['abc', 16], ['1', 1],
    ['1', 37], ['1', -1], ['', 10], ['   ', 10], ['\n', 10], ['1\n', 10], ['\t-5\f', 10], ['\x1c5', 10], ['5\x00', 10],
    [' \u20035\u3000', 10], ['\u0663', 0], ['\u0661\u0662', 10], ['\uff11\uff12', 16], ['1\u00a0', 10], ['1é', 10],
    ['a'.repeat(250), 10], ['1'.repeat(4300), 10], ['1'.repeat(4301), 10], ['1'.repeat(4301) + 'x', 10],
    ['f'.repeat(5000), 16], ['9007199254740993', 10], ['-9007199254740992', 10], ['zzzzzzzzzzzzzzzzzzzz', 36],
    ['123456789012345678901234567890', 7], ["it's", 10], ['"q"', 10], ['\ud800', 10], ['1\u00002', 10],
  ];
  for (const [s, base] of fixed) add('int-parse', 'int_parse', [eS(s), eI(base)], () => eI(I.parseInt(s, base)), `int(${strRepr(s).slice(0, 40)}, ${base})`);
  const alphabet = '0123456789abcdefxoXOB_ -+z\t';
  for (let n = 0; n < 2500; n++) {
    let s: string;
    const base = pick([0, 0, 2, 8, 10, 10, 16, 36, 3 + randInt(30)]);
    if (n % 3 === 0) {
      s = '';
      const len = 1 + randInt(8);
      for (let k = 0; k < len; k++) s += pick(alphabet.split(''));
    } else {
      const v = randIntValue();
      const b = base === 0 ? pick([2, 8, 10, 16] as const) : base;
      const neg = I.compare(v, 0) < 0;
      const mag = I.abs(v);
      let digits = b === 2 || b === 8 || b === 10 || b === 16 ? I.toString(mag, b).replace(/^0[xob]/, '') : I.toBig(mag).toString(b);
      if (rnd() < 0.3) digits = digits.replace(/(\d)(?=\d)/g, (d) => (rnd() < 0.3 ? d + '_' : d));
      if (rnd() < 0.3) digits = digits.toUpperCase();
      const prefix = base === 0 && b !== 10 ? { 2: '0b', 8: '0o', 16: '0x' }[b as 2 | 8 | 16] : base !== 0 && rnd() < 0.2 ? pick(['0x', '0o', '0b', '0x_']) : '';
      s = (neg ? '-' : rnd() < 0.1 ? '+' : '') + prefix + digits;
      if (rnd() < 0.2) s = ' ' + s + '\n';
    }
    add('int-parse', 'int_parse', [eS(s), eI(base)], () => eI(I.parseInt(s, base)), `int(${strRepr(s).slice(0, 40)}, ${base})`);
  }
}
// floats: repr, arithmetic, pow, round, hash, ratio, hex, conversions, int/float comparison
for (let n = 0; n < 2500; n++) {
  const x = randFloat();
  const y = n % 17 === 0 ? pick([0, -0]) : randFloat();
  const L = `${F.repr(x)}, ${F.repr(y)}`;
  add('float-repr', 'f_repr', [eF(x)], () => eS(F.repr(x)), F.repr(x));
  add('float-arith', 'f_truediv', [eF(x), eF(y)], () => eF(F.truediv(x, y)), L);
  add('float-arith', 'f_floordiv', [eF(x), eF(y)], () => eF(F.floordiv(x, y)), L);
  add('float-arith', 'f_mod', [eF(x), eF(y)], () => eF(F.mod(x, y)), L);
  add('float-arith', 'f_divmod', [eF(x), eF(y)], () => eT(F.divmod(x, y).map(eF)), L);
  add('float-misc', 'f_round1', [eF(x)], () => eI(F.roundToInt(x)), L);
  const nd = pick([0, 1, 2, 3, 5, 10, 15, 17, 20, 50, 300, 323, 324, -1, -2, -5, -20, -300, -308, -309, randInt(40) - 20]);
  add('float-round', 'f_round', [eF(x), eI(nd)], () => eF(F.round(x, nd)), `round(${F.repr(x)}, ${nd})`);
  add('float-misc', 'f_hash', [eF(x)], () => {
    const h = F.hash(x);
    return h === null ? eN : eI(h);
  }, L);
  add('float-misc', 'f_is_integer', [eF(x)], () => eB(F.isInteger(x)), L);
  add('float-misc', 'f_ratio', [eF(x)], () => eT(F.asIntegerRatio(x).map(eI)), L);
  add('float-misc', 'float_to_int', [eF(x)], () => eI(I.floatToInt(x)), L);
  add('float-hex', 'f_hex', [eF(x)], () => eS(F.hex(x)), L);
  const i = n % 3 === 0 && Number.isFinite(x) ? I.floatToInt(x) : randIntValue();
  add('float-cmp', 'cmp_if', [eI(i), eF(x)], () => {
    const c = F.compareIntFloat(i, x);
    return c !== c ? eN : eI(c);
  }, `${i} vs ${F.repr(x)}`);
}
// pow: glibc's rounding, case by case
for (let n = 0; n < 12000; n++) {
  let x: number;
  let y: number;
  switch (n % 7) {
    case 0:
      x = rnd() * 10;
      y = (rnd() - 0.5) * 40;
      break;
    case 1:
      x = randInt(100) + 1;
      y = randInt(61) - 30;
      break;
    case 2:
      x = rnd() * 2;
      y = (rnd() - 0.5) * 1000;
      break;
    case 3:
      x = Math.exp((rnd() - 0.5) * 1400);
      y = (rnd() - 0.5) * 6;
      break;
    case 4:
      x = randFloat();
      y = pick([0.5, -0.5, 1, -1, 2, -2, 3, 1 / 3, 0, -0, Infinity, -Infinity, NaN, 1e300, -1e300, randFloat()]);
      break;
    case 5:
      x = -(rnd() * 10);
      y = pick([randInt(21) - 10, rnd() * 4 - 2]);
      break;
    default:
      // Results near the overflow and subnormal thresholds, subnormal bases, tiny and huge exponents.
      x = pick([rnd() * 2, 5e-324 * randInt(1000), 1 + rnd() * 1e-10, 1 - rnd() * 1e-10, 10, 2, 0.5]);
      y = pick([(rnd() - 0.5) * 2200, 1e-20 * (rnd() - 0.5), 1e19 * (rnd() - 0.5), 1074.5 - rnd(), -1074.5 + rnd(), (rnd() - 0.5) * 1e12]);
      if (x === 0) x = 1e-300;
      break;
  }
  add('float-pow', 'f_pow', [eF(x), eF(y)], () => eF(F.pow(x, y)), `${F.repr(x)} ** ${F.repr(y)}`);
}
// float(str) and float.fromhex(str)
{
  const fixed = [
    'inf', '-inf', '+inf', 'Infinity', '-iNfInItY', 'infinit', 'infinityx', 'nan', '-nan', '+NaN', 'nan_', 'in_f', '1_0', '1__0',
    '_1', '1_', '1_0.5', '1._5', '1.5_e3', '1e1_0', '1e_10', '0x1p3', '.', '1.', '.5', '+.5', '-.e1', 'e5', '', '  ', '\u3000',
    ' 1.5 ', '\u20031.5', '1\u3000x', '\u0661\u0662.\u0665', '1e500', '-1e500', '1e-500', '-0', '-0.0', '0e0', '1E5', '1e+5',
    '4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308',
    '1.7976931348623159e308', '0.1e-1_0', "it's", '1\x00', 'abc', '1.5\n', '\t-2.5e-3\f', '9'.repeat(400), '0.' + '0'.repeat(400) + '1',
  ];
  for (const s of fixed) add('float-parse', 'f_parse', [eS(s)], () => eF(F.parseFloat(s)), strRepr(s));
  for (let n = 0; n < 2000; n++) {
    let s = F.repr(randFloat());
    const r = rnd();
    if (r < 0.2) s = s.replace(/(\d)(?=\d)/g, (d) => (rnd() < 0.3 ? d + '_' : d));
    else if (r < 0.3) s = ' ' + s.toUpperCase() + '  ';
    else if (r < 0.4) s = s.slice(0, randInt(s.length + 1)) + pick(['x', '_', '.', 'e', ' ', '+', '']) + s.slice(randInt(s.length + 1));
    else if (r < 0.5) s = (randInt(1e9) / 10 ** randInt(12)).toFixed(randInt(25)) + pick(['', 'e' + (randInt(700) - 350)]);
    add('float-parse', 'f_parse', [eS(s)], () => eF(F.parseFloat(s)), strRepr(s));
  }
  const hexFixed = [
    '0x1.8p1', ' -0X1.fP-3 ', 'inf', '-inFinity', 'nan', '1', '0x.8', '0x1.p1', '0x.p1', '1p', '0x1P+0x', '  0x1  ', '0x1\n',
    '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1.ffffffffffffffp1023', '0x1p-1075', '0x1.0000000000001p-1074',
    '0x1.8p-1074', '0x1p-1074', '0x1.8p-1075', '0x3p-1076', '0x1p-99999999999999999999999', '0x0p99999999999999999999',
    '0x1p99999999999999999999', '+0x1p-1074', '1.8', '0x', '', '-0x0p0', '0x1.000000000000080000001p0', '0x1.00000000000008p0',
    '0x1.00000000000018p0', '0x0.000000000000000000000001p100', 'ff.ffp-4', '0x1p+', '0x1p1_0', '0x_1',
  ];
  for (const s of hexFixed) add('float-hex', 'f_fromhex', [eS(s)], () => eF(F.fromHex(s)), strRepr(s));
  for (let n = 0; n < 1500; n++) {
    let s = F.hex(randFloat());
    const r = rnd();
    if (r < 0.2) s = s.replace(/0+p/, 'p');
    else if (r < 0.3) s = s.toUpperCase();
    else if (r < 0.4) s = s.replace('0x', '');
    else if (r < 0.6) {
      // Extra digits past 53 bits exercise the rounding.
      s = (rnd() < 0.5 ? '-' : '') + '0x' + randBig(4 * (1 + randInt(30))).toString(16) + '.' + randBig(4 * (1 + randInt(20))).toString(16) + 'p' + (randInt(2300) - 1150);
    }
    add('float-hex', 'f_fromhex', [eS(s)], () => eF(F.fromHex(s)), strRepr(s));
  }
}
// format(): ints, floats, strs
function randSpec(types: string[]): string {
  let s = '';
  const r = rnd();
  if (r < 0.15) s += pick(['*', '0', 'x', '😀', '\u0663', '{']) + pick(['<', '>', '=', '^']);
  else if (r < 0.35) s += pick(['<', '>', '=', '^']);
  if (rnd() < 0.3) s += pick(['+', '-', ' ']);
  if (rnd() < 0.08) s += 'z';
  if (rnd() < 0.2) s += '#';
  if (rnd() < 0.2) s += '0';
  if (rnd() < 0.5) s += String(randInt(25));
  if (rnd() < 0.2) s += pick([',', '_', ',_', '_,']);
  if (rnd() < 0.4) s += '.' + pick([String(randInt(20)), String(randInt(20)), '', '50', '120']);
  if (rnd() < 0.85) s += pick(types);
  return s;
}
const INT_TYPES = ['b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', '', 's', 'q'];
const FLOAT_TYPES = ['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '', '', 'd', 's'];
const STR_TYPES = ['s', '', 'd'];
for (let n = 0; n < 2500; n++) {
  const v = n % 4 === 0 ? randInt(200) : randIntValue();
  const spec = randSpec(INT_TYPES);
  add('format-int', 'format', [eI(v), eS(spec)], () => eS(S.formatInt(v, spec)), `format(${String(v).slice(0, 30)}, ${strRepr(spec)})`);
  const x = randFloat();
  const fspec = randSpec(FLOAT_TYPES);
  add('format-float', 'format', [eF(x), eS(fspec)], () => eS(S.formatFloat(x, fspec)), `format(${F.repr(x)}, ${strRepr(fspec)})`);
  const str = pick(['', 'a', 'abc', 'héllo', 'ab😀c', '😀', 'long string here', '\u0000x']);
  const sspec = randSpec(STR_TYPES);
  add('format-str', 'format', [eS(str), eS(sspec)], () => eS(S.formatStr(str, sspec)), `format(${strRepr(str)}, ${strRepr(sspec)})`);
}
for (const [v, spec] of [
  [1234567, ',d'], [1234567, '_d'], [12345, '0=+12,'], [1234, '#010_b'], [-255, '#010x'], [255, '#_b'], [65, 'c'], [0x1f600, '^5c'],
  [-1, 'c'], [2 ** 63, 'c'], [1, ',c'], [1, '+c'], [1, '#c'], [1, '_n'], [1, ',_'], [1, 'z'], [1, '.2d'], [1, 'x,'], [1, ',,'],
  [1, '\u0001'], [1, ',\u0001'], [1, '😀'], [1, '\u0663'], [1, '99999999999999999999'], [1, '.'], [5, '😀^5'], [12, '*^+7'],
  [1234567, '09,'], [1234567, '010,'], [1, '0^5'], [10n ** 400n, 'f'], [10n ** 4300n, 'd'], [10n ** 4300n, 'x'],
] as [PyIntValue, string][]) {
  add('format-int', 'format', [eI(I.normInt(v)), eS(spec)], () => eS(S.formatInt(I.normInt(v), spec)), `format(${v}, ${strRepr(spec)})`);
}
for (const [x, spec] of [
  [1e16, ''], [1.0, ''], [1e16, '.3'], [1.5, '10'], [123456789.0, ','], [0.0001, ''], [1e-5, ''], [12345.678, '.2'], [1.0, '.0'],
  [1.5, '%'], [-0.0, 'z.1f'], [-0.0001, 'z.1f'], [NaN, 'z'], [1234.5, 'n'], [Infinity, '010'], [-Infinity, '=+10'], [NaN, '010.2f'],
  [1.5, '#'], [1.0, '#'], [1.0, '#.0f'], [1e10, '#g'], [0.0, 'g'], [-0.0, ''], [123.0, '.5'], [-0.0, 'z'], [-0.00001, 'z.2e'],
  [-0.0, 'z.2e'], [-0.004, 'z.2%'], [-0.001, 'z.2g'], [1e16, '#'], [100.0, '#.3'], [1.0, '#.0'], [-1e-10, 'z.3f'], [-Infinity, 'z'],
  [1234.5, ',.1f'], [1234.5, '_e'], [1e6, '_g'], [1234.5, '010,'], [-1234.5, '010,'], [1234.5, '0<10'], [0.125, '.2f'], [0.375, '.2f'],
  [2.5, '.0f'], [1.5, '.0f'], [0.5, '.0f'], [1e22, 'f'], [1e300, 'f'], [5e-324, '.1100f'], [5e-324, '.1100e'], [1.5, '.2147483648f'],
  [125, '.1e'], [0.5, '.0e'], [1.5, 'c'], [1.5, '=s'], [1.5, ','], [1.5, ',n'], [1.5, '#_'], [1.5, '_'], [1.5, '.'],
] as [number, string][]) {
  add('format-float', 'format', [eF(x), eS(spec)], () => eS(S.formatFloat(x, spec)), `format(${F.repr(x)}, ${strRepr(spec)})`);
}
for (const [s, spec] of [['a', '+'], ['a', ' '], ['a', '='], ['a', 'z'], ['a', 'z<5'], ['a', '#'], ['a', '0'], ['a', '010'], ['a', ','], ['a', '.2,'], ['x', '=^5'], ['ab😀', '.2'], ['ab', '😀<5']]) {
  add('format-str', 'format', [eS(s), eS(spec)], () => eS(S.formatStr(s, spec)), `format(${strRepr(s)}, ${strRepr(spec)})`);
}

// percentFormat, with a host over test values
class KeyErr extends PyErrorSpec {}
function tvRepr(x: TV): string {
  switch (x.k) {
    case 'i':
      return I.toString(x.v, 10);
    case 'f':
      return F.repr(x.v);
    case 's':
      return strRepr(x.v);
    case 'b':
      return x.v ? 'True' : 'False';
    case 't':
      return '(' + x.v.map(tvRepr).join(', ') + (x.v.length === 1 ? ',' : '') + ')';
    case 'l':
      return '[' + x.v.map(tvRepr).join(', ') + ']';
    case 'd':
      return '{' + x.v.map(([a, b]) => tvRepr(a) + ': ' + tvRepr(b)).join(', ') + '}';
    case 'n':
      return 'None';
  }
}
const HOST: S.PercentFormatHost<TV> = {
  tupleItems: (x) => (x.k === 't' ? x.v : null),
  isMapping: (x) => x.k === 'd' || x.k === 'l' || x.k === 't' || x.k === 's',
  getItem(m, key) {
    if (m.k === 'l') throw new PyErrorSpec('TypeError', 'list indices must be integers or slices, not str');
    if (m.k !== 'd') throw new Error('not a mapping');
    for (const [k, v] of m.v) if (k.k === 's' && k.v === key) return v;
    throw new KeyErr('KeyError', strRepr(key));
  },
  str: (x) => (x.k === 's' ? x.v : tvRepr(x)),
  repr: tvRepr,
  ascii: (x) => (x.k === 's' ? strAscii(x.v) : tvRepr(x).replace(/[^\x00-\x7f]/gu, (c) => strAscii(c).slice(1, -1))),
  typeName: (x) => ({ i: 'int', f: 'float', s: 'str', b: 'bool', t: 'tuple', l: 'list', d: 'dict', n: 'NoneType' })[x.k],
  intValue: (x) => (x.k === 'i' ? x.v : x.k === 'b' ? (x.v ? 1 : 0) : null),
  strValue: (x) => (x.k === 's' ? x.v : null),
  toInt: (x, how) => (x.k === 'f' && how === 'int' ? I.floatToInt(x.v) : null),
  toFloat: (x) => (x.k === 'f' ? x.v : x.k === 'i' ? I.intToFloat(x.v) : x.k === 'b' ? (x.v ? 1 : 0) : null),
};
function randTV(): TV {
  switch (randInt(10)) {
    case 0:
    case 1:
    case 2:
      return { k: 'i', v: n3() };
    case 3:
    case 4:
      return { k: 'f', v: randFloat() };
    case 5:
    case 6:
      return { k: 's', v: pick(['', 'a', 'abc', 'héllo', '😀', 'x y', "it's"]) };
    case 7:
      return { k: 'b', v: rnd() < 0.5 };
    case 8:
      return { k: 'n' };
    default:
      return { k: 'l', v: [{ k: 'i', v: 1 }] };
  }
}
function safeRepr(x: TV): string {
  try {
    return tvRepr(x);
  } catch {
    return '<unprintable>';
  }
}
function n3(): PyIntValue {
  return rnd() < 0.7 ? randInt(2001) - 1000 : randIntValue();
}
{
  const fixed: [string, TV][] = [
    ['%5%', { k: 't', v: [] }], ['%-5%|', { k: 't', v: [] }], ['%%%d', { k: 'i', v: 1 }], ['%s%', { k: 'i', v: 1 }], ['%s %', { k: 't', v: [{ k: 'i', v: 1 }] }],
    ['abc%', { k: 't', v: [] }], ['%.', { k: 't', v: [] }], ['%5', { k: 'i', v: 1 }], ['%*', { k: 't', v: [{ k: 'i', v: 1 }] }], ['%l', { k: 'i', v: 1 }],
    ['%ld', { k: 'i', v: 5 }], ['%hhd', { k: 'i', v: 5 }], ['%z', { k: 't', v: [] }], ['%z', { k: 'i', v: 1 }], ['%é', { k: 'i', v: 1 }], ['%\x00', { k: 'i', v: 1 }],
    ['a😀%😀', { k: 'i', v: 1 }], ['%', { k: 't', v: [] }], ['', { k: 'i', v: 5 }], ['', { k: 'd', v: [] }], ['', { k: 'l', v: [] }], ['%s', { k: 't', v: [] }],
    ['%s %s', { k: 'l', v: [{ k: 'i', v: 1 }, { k: 'i', v: 2 }] }], ['%s', { k: 'l', v: [{ k: 'i', v: 1 }] }], ['%(a)s', { k: 'i', v: 1 }],
    ['%(a)s %(b)s', { k: 'd', v: [[{ k: 's', v: 'a' }, { k: 'i', v: 1 }], [{ k: 's', v: 'b' }, { k: 'f', v: 2.5 }]] }],
    ['%(a(b))s', { k: 'd', v: [[{ k: 's', v: 'a(b)' }, { k: 'i', v: 1 }]] }], ['%(a)s %s', { k: 'd', v: [[{ k: 's', v: 'a' }, { k: 'i', v: 1 }]] }],
    ['%s %(a)s', { k: 'd', v: [[{ k: 's', v: 'a' }, { k: 'i', v: 1 }]] }], ['%(a', { k: 'd', v: [] }], ['%(a)%', { k: 'd', v: [[{ k: 's', v: 'a' }, { k: 'i', v: 1 }]] }],
    ['%(x)d', { k: 'd', v: [] }], ['%(x)d', { k: 'l', v: [] }], ['%(a)d', { k: 'd', v: [[{ k: 's', v: 'a' }, { k: 's', v: 'q' }]] }],
    ['%c', { k: 's', v: 'ab' }], ['%c', { k: 'i', v: -1 }], ['%c', { k: 'i', v: 0x110000 }], ['%c', { k: 'i', v: 2n ** 70n }], ['%c', { k: 'f', v: 1.5 }],
    ['%c', { k: 's', v: '😀' }], ['%5c|', { k: 'i', v: 65 }], ['%x', { k: 'f', v: 1.5 }], ['%d', { k: 'f', v: Infinity }], ['%d', { k: 'f', v: NaN }],
    ['%d', { k: 's', v: 'a' }], ['%f', { k: 's', v: 'a' }], ['%d', { k: 'd', v: [] }], ['%i', { k: 'f', v: 1e300 }], ['%*d', { k: 't', v: [{ k: 's', v: 'a' }, { k: 'i', v: 1 }] }],
    ['%.*d', { k: 't', v: [{ k: 's', v: 'a' }, { k: 'i', v: 1 }] }], ['%*d', { k: 't', v: [{ k: 'i', v: 2n ** 63n }, { k: 'i', v: 1 }] }],
    ['%.*d', { k: 't', v: [{ k: 'i', v: 2 ** 31 }, { k: 'i', v: 1 }] }], ['%.2147483648d', { k: 'i', v: 1 }], ['%99999999999999999999d', { k: 'i', v: 1 }],
    ['%*.*f|', { k: 't', v: [{ k: 'i', v: -8 }, { k: 'i', v: 2 }, { k: 'f', v: 1.2345 }] }], ['%d', { k: 'i', v: 10n ** 4300n }], ['%s', { k: 'i', v: 10n ** 4300n }],
    ['%05f', { k: 'f', v: Infinity }], ['%+f', { k: 'f', v: NaN }], ['%#o', { k: 'i', v: 8 }], ['%#x', { k: 'i', v: -255 }], ['%#08x', { k: 'i', v: 255 }],
    ['%#8X', { k: 'i', v: 255 }], ['%.5x', { k: 'i', v: 255 }], ['%#.5x', { k: 'i', v: -255 }], ['%#010.5x', { k: 'i', v: 255 }], ['%d', { k: 'b', v: true }],
    ['%a', { k: 's', v: 'é😀' }], ['%r', { k: 's', v: "it's" }], ['%.0s|', { k: 's', v: 'abc' }], ['%5.2s|', { k: 's', v: 'abc' }], ['%-6.1s|', { k: 's', v: '😀😀' }],
  ];
  for (const [t, a] of fixed) add('percent', 'percent', [eS(t), encTV(a)], () => eS(S.percentFormat(t, a, HOST)), `${strRepr(t)} % ${safeRepr(a)}`);
  for (let n = 0; n < 3000; n++) {
    let t = pick(['', 'x=', 'a b ', '😀']);
    const args: TV[] = [];
    const nconv = 1 + randInt(3);
    for (let c = 0; c < nconv; c++) {
      const type = pick('sdiouxXeEfFgGcra%'.split('').concat(['d', 'f', 's', 'x', 'g', 'q']));
      let conv = '%';
      for (const fl of ['-', '+', ' ', '#', '0']) if (rnd() < 0.15) conv += fl;
      const w = rnd();
      if (w < 0.3) conv += String(randInt(15));
      else if (w < 0.4) {
        conv += '*';
        args.push({ k: 'i', v: randInt(21) - 10 });
      }
      const p = rnd();
      if (p < 0.3) conv += '.' + String(randInt(12));
      else if (p < 0.35) {
        conv += '.*';
        args.push({ k: 'i', v: randInt(21) - 10 });
      } else if (p < 0.38) conv += '.';
      if (rnd() < 0.05) conv += pick(['l', 'h', 'L']);
      conv += type;
      t += conv + pick(['', ' ', '|', ', ']);
      if (type !== '%') {
        if (type === 'c') args.push(rnd() < 0.5 ? { k: 'i', v: randInt(0x3000) } : { k: 's', v: pick(['a', 'é', '😀', 'ab']) });
        else if ('diouxX'.includes(type)) args.push(rnd() < 0.8 ? { k: 'i', v: n3() } : randTV());
        else if ('eEfFgG'.includes(type)) args.push(rnd() < 0.8 ? { k: 'f', v: randFloat() } : randTV());
        else args.push(randTV());
      }
    }
    if (rnd() < 0.05 && args.length > 0) args.pop();
    else if (rnd() < 0.05) args.push({ k: 'i', v: 7 });
    const a: TV = args.length === 1 && rnd() < 0.5 ? args[0]! : { k: 't', v: args };
    add('percent', 'percent', [eS(t), encTV(a)], () => eS(S.percentFormat(t, a, HOST)), `${strRepr(t)} % ${safeRepr(a)}`);
  }
}

// ---------------------------------------------------------------- running

function runOurs(c: Case): Enc {
  try {
    return { ok: c.ours() };
  } catch (e) {
    if (e instanceof PyErrorSpec) {
      if (e.pyType === 'NotImplementedComplex') return { ok: { c: 1 } };
      return { err: [e.pyType, e.pyMessage] };
    }
    return { crash: String(e) };
  }
}

let expected: Enc[] = [];
beforeAll(() => {
  if (!HAVE_PYTHON) return;
  const input = JSON.stringify(cases.map((c) => [c.op, c.args]));
  const outText = execFileSync('python3', ['-c', PY_SCRIPT], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  expected = JSON.parse(outText) as Enc[];
}, 120_000);

function describeEnc(e: Enc): string {
  return JSON.stringify(e, (_k, v: unknown) => (typeof v === 'object' && v !== null && 'f' in v && typeof (v as { f: unknown }).f === 'string' && (v as { f: string }).f !== 'nan' ? { f: F.repr(bitsFloat((v as { f: string }).f)) } : v)).slice(0, 300);
}

describe.skipIf(!HAVE_PYTHON)('numeric semantics match python3', () => {
  for (const [group, list] of byGroup) {
    it(`${group} (${list.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of list) {
        const want = expected[c.index]!;
        const got = runOurs(c);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`${c.op}(${c.label}): python ${describeEnc(want)} / ours ${describeEnc(got)}`);
        }
      }
      expect(failures.slice(0, 15), `${failures.length} of ${list.length} differ`).toEqual([]);
    });
  }
});

describe('numeric fast paths stay in the compact representation', () => {
  it('keeps safe results as numbers and never returns -0', () => {
    expect(I.add(2 ** 53 - 2, 1)).toBe(2 ** 53 - 1);
    expect(typeof I.add(2 ** 53 - 1, 1)).toBe('bigint');
    expect(Object.is(I.mul(0, -5), 0)).toBe(true);
    expect(Object.is(I.floordiv(0, -5), 0)).toBe(true);
    expect(Object.is(I.mod(-4, 2), 0)).toBe(true);
    expect(I.sub(2n ** 53n, 1)).toBe(2 ** 53 - 1);
    expect(I.normInt(-(2n ** 53n) + 1n)).toBe(-(2 ** 53) + 1);
  });
});
