/** The `random` module: CPython 3.11's Mersenne Twister (cf. Modules/_randommodule.c) and the methods
 *  of Lib/random.py's Random on top of it, so that a seeded program draws CPython's exact numbers.
 *
 *  random.Random is a native class whose data area holds the generator's state; the module's functions
 *  are bound methods of a hidden instance, as in random.py (`random = _inst.random`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Ref } from '../../heap/layout.js';
import { PyRaise, type Runtime } from '../../runtime.js';
import { bytesValue, newBytes } from '../../objects/bytes.js';
import { toBytes } from '../../objects/int-ops.js';
import { excMatches } from '../../objects/exceptions.js';
import { pyHashFloat } from '../../objects/float.js';
import { Kind } from '../../objects/kinds.js';
import * as libm from '../../objects/libm.js';
import { listSteal } from '../../objects/list.js';
import { setGlobal } from '../../objects/module.js';
import { dataOf, defineNativeClass, installNativeTypes, newNative, type Kwargs } from '../../objects/native-object.js';
import type { NativeImpl } from '../../objects/native.js';
import { getAttr, instanceDict } from '../../objects/attrs.js';
import { callObject } from '../../interp/call.js';
import { userDefined } from '../../objects/classes.js';
import { dictGet } from '../../objects/dict.js';
import { isHeapType, typeDict } from '../../objects/type.js';
import { TP_MRO } from '../../runtime.js';
import { binaryOp, getItem, indexValue, iterateToArray, len, repr, setItem } from '../../objects/protocols.js';
import { tupleItem, tupleItems, tupleSize, tupleSteal } from '../../objects/tuple.js';
import { strEncode } from '../../objects/str-codec.js';
import { defineModule } from '../registry.js';

const MOD = 'random';

// ================= the Mersenne Twister (cf. CPython _randommodule.c) =================
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** Data layout (bytes): mt[624] (uint32), index (int32), system flag (int32: non-zero for SystemRandom,
 *  whose draws come from the host's entropy source). gauss_next lives in the instance's __dict__, as in
 *  random.py. */
const D_INDEX = N * 4;
const D_SYSTEM = D_INDEX + 4;
const D_BYTES = D_SYSTEM + 4;

class MT {
  /** The heap's words and the index of mt[0] among them. */
  readonly u32: Uint32Array;
  readonly w: number;
  readonly system: boolean;
  readonly base: number;
  constructor(readonly rt: Runtime, readonly self: Ref) {
    this.base = dataOf(rt, self);
    this.u32 = rt.u32;
    this.w = this.base >> 2;
    this.system = rt.i32[(this.base + D_SYSTEM) >> 2] !== 0;
  }
  /** A view of the 624 state words (for getstate / setstate). */
  get mt(): Uint32Array {
    return this.u32.subarray(this.w, this.w + N);
  }
  get index(): number {
    return this.rt.i32[(this.base + D_INDEX) >> 2]!;
  }
  set index(v: number) {
    this.rt.i32[(this.base + D_INDEX) >> 2] = v;
  }
  /** self.gauss_next, which random.py keeps in the instance's __dict__ (borrowed, or 0 when absent). */
  get gaussRef(): Ref | 0 {
    const d = instanceDict(this.rt, this.self);
    if (d === 0) return 0;
    const k = this.rt.newStr('gauss_next');
    try {
      return dictGet(this.rt, d, k);
    } finally {
      this.rt.decref(k);
    }
  }
  get gaussNext(): number | null {
    const g = this.gaussRef;
    return g === 0 || g === this.rt.None ? null : floatArg(this.rt, g, 'gauss_next');
  }
  set gaussNext(v: number | null) {
    const d = instanceDict(this.rt, this.self);
    if (d === 0) return;
    const g = v === null ? this.rt.None : this.rt.newFloat(v);
    setGlobal(this.rt, d, 'gauss_next', g);
    this.rt.decref(g);
  }

  /** genrand_uint32 */
  next32(): number {
    const mt = this.u32;
    const w = this.w;
    const ip = (this.base + D_INDEX) >> 2;
    let i = this.rt.i32[ip]!;
    if (i >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[w + kk]! & UPPER_MASK) | (mt[w + kk + 1]! & LOWER_MASK);
        mt[w + kk] = mt[w + kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[w + kk]! & UPPER_MASK) | (mt[w + kk + 1]! & LOWER_MASK);
        mt[w + kk] = mt[w + kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[w + N - 1]! & UPPER_MASK) | (mt[w]! & LOWER_MASK);
      mt[w + N - 1] = mt[w + M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      i = 0;
    }
    let y = mt[w + i]!;
    this.rt.i32[ip] = i + 1;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** genrand_res53: a float in [0, 1) with 53 random bits. */
  random(): number {
    if (this.system) {
      // SystemRandom.random: (int.from_bytes(urandom(7)) >> 3) * RECIP_BPF
      const b = randomBytes(7);
      const hi = (b[0]! << 16) | (b[1]! << 8) | b[2]!;
      return (hi * 2 ** 29 + (b.readUInt32BE(3) >>> 3)) * 2 ** -53;
    }
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, p ^ (p >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  initByArray(key: readonly number[]): void {
    this.initGenrand(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const p = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** getrandbits(k) for k >= 0, as a number when it fits in 53 bits. */
  bits(k: number): number | bigint {
    if (k === 0) return 0;
    if (this.system) {
      const nbytes = Math.ceil(k / 8);
      const v = BigInt(`0x${randomBytes(nbytes).toString('hex')}`) >> BigInt(nbytes * 8 - k);
      return k <= 53 ? Number(v) : v;
    }
    if (k <= 32) return this.next32() >>> (32 - k);
    if (k <= 53) {
      const lo = this.next32();
      const hi = this.next32() >>> (64 - k);
      return hi * 4294967296 + lo;
    }
    // little-endian 32-bit words, the last one cut to the remaining bits
    let v = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32, shift += 32n) {
      let r = this.next32();
      if (left < 32) r >>>= 32 - left;
      v |= BigInt(r) << shift;
    }
    return v;
  }

  /** _randbelow_with_getrandbits(n), n > 0. */
  below(n: number | bigint): number | bigint {
    if (typeof n === 'number') {
      const k = bitLength(n);
      let r = this.bits(k) as number;
      while (r >= n) r = this.bits(k) as number;
      return r;
    }
    const k = n.toString(2).length;
    let r = BigInt(this.bits(k));
    while (r >= n) r = BigInt(this.bits(k));
    return r;
  }
  belowNum(n: number): number {
    return this.below(n) as number;
  }
}

function bitLength(n: number): number {
  return n === 0 ? 0 : n < 2 ** 31 ? 32 - Math.clz32(n) : n.toString(2).length;
}

/** The 32-bit words of |n|, least significant first ([0] for 0), as init_by_array's key. */
function keyOf(n: bigint): number[] {
  if (n < 0n) n = -n;
  const key: number[] = [];
  while (n > 0n) {
    key.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return key.length === 0 ? [0] : key;
}

// ================= Random =================
/**
 * The generator of a subclass that overrides random() or getrandbits(): draws go through the Python
 * methods, and _randbelow is chosen as random.py's __init_subclass__ does (the first class along the MRO
 * that defines getrandbits or random decides whether it uses getrandbits).
 */
class PyMT extends MT {
  constructor(rt: Runtime, self: Ref, readonly pyRandom: boolean, readonly pyBits: boolean, readonly withBits: boolean) {
    super(rt, self);
  }
  private call(name: string, args: Ref[]): Ref {
    const key = this.rt.newStr(name);
    let f: Ref;
    try {
      f = getAttr(this.rt, this.self, key);
    } finally {
      this.rt.decref(key);
    }
    try {
      return callObject(this.rt, f, args);
    } finally {
      this.rt.decref(f);
    }
  }
  override random(): number {
    if (!this.pyRandom) return super.random();
    const v = this.call('random', []);
    try {
      return floatArg(this.rt, v, 'random()');
    } finally {
      this.rt.decref(v);
    }
  }
  override bits(k: number): number | bigint {
    if (!this.pyBits) return super.bits(k);
    const kr = this.rt.newInt(k);
    let v: Ref;
    try {
      v = this.call('getrandbits', [kr]);
    } finally {
      this.rt.decref(kr);
    }
    try {
      const x = indexValue(this.rt, v);
      return k <= 53 ? Number(x) : x;
    } finally {
      this.rt.decref(v);
    }
  }
  override below(n: number | bigint): number | bigint {
    if (this.withBits) return super.below(n);
    // _randbelow_without_getrandbits
    const maxsize = 2 ** 53;
    if (n >= maxsize) return norm(BigInt(Math.floor(this.random() * Number(n))));
    const nn = Number(n);
    const rem = maxsize % nn;
    const limit = (maxsize - rem) / maxsize;
    let r = this.random();
    while (r >= limit) r = this.random();
    return Math.floor(r * maxsize) % nn;
  }
}

function mtOf(rt: Runtime, self: Ref): MT {
  const type = rt.typeOf(self);
  if (!isHeapType(rt, type)) return new MT(rt, self);
  const pyRandom = userDefined(rt, type, 'random') !== 0;
  const pyBits = userDefined(rt, type, 'getrandbits') !== 0;
  let withBits = true;
  for (const c of tupleItems(rt, rt.i32[(type + TP_MRO) >> 2]! as Ref)) {
    if (!isHeapType(rt, c)) break;
    const d = typeDict(rt, c);
    const has = (name: string): boolean => {
      const k = rt.newStr(name);
      try {
        return dictGet(rt, d, k) !== 0;
      } finally {
        rt.decref(k);
      }
    };
    if (has('_randbelow')) break;
    if (has('getrandbits')) break;
    if (has('random')) {
      withBits = false;
      break;
    }
  }
  return pyRandom || pyBits ? new PyMT(rt, self, pyRandom, pyBits, withBits) : new MT(rt, self);
}

type Impl = (rt: Runtime, mt: MT, args: Ref[], kwargs: Kwargs, self: Ref) => Ref;
const methods: Record<string, NativeImpl> = {};
function method(name: string, impl: Impl): void {
  methods[name] = (rt, args, kwargs, self) => impl(rt, mtOf(rt, self), args, kwargs, self);
}

/**
 * Binds the arguments of a method written in Python in random.py, with the messages a Python function
 * gives (`Random.randint() missing 1 required positional argument: 'b'`); `self` counts as in CPython.
 * `pos` are the positional parameters (the first `nreq` required), `kwonly` the keyword-only ones.
 */
function pyArgs(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs, pos: string[], nreq: number,
  kwonly: string[] = []): (Ref | undefined)[] {
  const fname = `Random.${name}()`;
  if (args.length > pos.length) {
    const max = pos.length + 1;
    const takes = nreq === pos.length ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${nreq + 1} to ${max} positional arguments`;
    rt.raise('TypeError', `${fname} takes ${takes} but ${args.length + 1} were given`);
  }
  const out: (Ref | undefined)[] = [...args];
  out.length = pos.length + kwonly.length;
  for (const [k, v] of kwargs ?? []) {
    let i = pos.indexOf(k);
    if (i >= 0 && i < args.length) rt.raise('TypeError', `${fname} got multiple values for argument '${k}'`);
    if (i < 0) {
      i = kwonly.indexOf(k);
      if (i < 0) rt.raise('TypeError', `${fname} got an unexpected keyword argument '${k}'`);
      i += pos.length;
    }
    out[i] = v;
  }
  const missing = pos.slice(0, nreq).filter((_, i) => out[i] === undefined).map((n) => `'${n}'`);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : missing.length === 2 ? `${missing[0]} and ${missing[1]}`
      : `${missing.slice(0, -1).join(', ')}, and ${missing[missing.length - 1]}`;
    rt.raise('TypeError', `${fname} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  return out;
}
/** The checks of a method written in C (random, getrandbits): no keywords, exactly `n` arguments. */
function cArgs(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs, n: 0 | 1): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `Random.${name}() takes no keyword arguments`);
  if (args.length !== n) {
    rt.raise('TypeError', `Random.${name}() takes ${n === 0 ? 'no arguments' : 'exactly one argument'} (${args.length} given)`);
  }
}

function intOf(rt: Runtime, r: Ref): number | bigint {
  return rt.intValue(r);
}
function isInt(rt: Runtime, r: Ref): boolean {
  return rt.isInstanceOfKind(r, Kind.INT);
}
/** A float from an int or float argument (TypeError otherwise, as float arithmetic would give). */
function floatArg(rt: Runtime, r: Ref, what: string): number {
  if (rt.isInstanceOfKind(r, Kind.FLOAT)) return rt.floatValue(r);
  if (isInt(rt, r)) return Number(intOf(rt, r));
  return rt.raise('TypeError', `must be real number, not ${rt.typeNameOf(r)} (${what})`);
}

/** random.seed(a): Random.seed of random.py, then _random.Random.seed (cf. random_seed). */
function seed(rt: Runtime, mt: MT, a: Ref | undefined): void {
  let n: bigint;
  if (a === undefined || a === rt.None) {
    const b = randomBytes(N * 4);
    const key: number[] = [];
    for (let i = 0; i < N; i++) key.push(b.readUInt32LE(i * 4));
    mt.initByArray(key);
    mt.gaussNext = null;
    return;
  }
  const k = rt.kindOf(a);
  if (isInt(rt, a)) n = BigInt(intOf(rt, a));
  else if (rt.isInstanceOfKind(a, Kind.FLOAT)) n = BigInt.asUintN(64, BigInt(pyHashFloat(rt, a))); // (size_t)hash
  else if (k === Kind.STR || k === Kind.BYTES || k === Kind.BYTEARRAY) {
    // version 2: int.from_bytes(a + sha512(a).digest(), 'big')
    let bytes: Uint8Array;
    if (k === Kind.STR) bytes = strEncode(rt.strValue(a));
    else if (k === Kind.BYTES) bytes = bytesValue(rt, a);
    else bytes = Uint8Array.from(iterateToArray(rt, a).map((x) => Number(intOf(rt, x))));
    const digest = createHash('sha512').update(bytes).digest();
    const all = Buffer.concat([Buffer.from(bytes), digest]);
    n = BigInt(`0x${all.toString('hex')}`);
  } else {
    return rt.raise('TypeError', 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  }
  mt.initByArray(keyOf(n));
  mt.gaussNext = null;
}

method('seed', (rt, mt, args, kwargs) => {
  const [a, version] = pyArgs(rt, 'seed', args, kwargs, ['a', 'version'], 0);
  const v1 = version !== undefined && isInt(rt, version) && intOf(rt, version) === 1;
  if (v1 && a !== undefined && (rt.kindOf(a) === Kind.STR || rt.kindOf(a) === Kind.BYTES)) {
    // version 1: the narrower hash of str and bytes that Python 2 used
    const codes = rt.kindOf(a) === Kind.STR ? Array.from(rt.strValue(a), (c) => c.codePointAt(0)!)
      : Array.from(bytesValue(rt, a));
    const mask = 0xffffffffffffffffn;
    let x = codes.length > 0 ? BigInt(codes[0]!) << 7n : 0n;
    for (const c of codes) x = ((1000003n * x) ^ BigInt(c)) & mask;
    x ^= BigInt(codes.length);
    mt.initByArray(keyOf(x));
    mt.gaussNext = null;
    return rt.None;
  }
  seed(rt, mt, a);
  return rt.None;
});

method('random', (rt, mt, args, kwargs) => {
  cArgs(rt, 'random', args, kwargs, 0);
  return rt.newFloat(mt.random());
});

method('getrandbits', (rt, mt, args, kwargs) => {
  cArgs(rt, 'getrandbits', args, kwargs, 1);
  const k = args[0];
  const v = indexValue(rt, k!);
  if (v < 0) rt.raise('ValueError', 'number of bits must be non-negative');
  return rt.newInt(mt.bits(Number(v)));
});

method('getstate', (rt, mt, args, kwargs) => {
  pyArgs(rt, 'getstate', args, kwargs, [], 0);
  const words = Array.from(mt.mt, (w) => rt.newInt(w));
  words.push(rt.newInt(mt.index));
  const g = mt.gaussNext;
  return tupleSteal(rt, [rt.newInt(3), tupleSteal(rt, words), g === null ? rt.None : rt.newFloat(g)]);
});

method('setstate', (rt, mt, args, kwargs) => {
  const [state] = pyArgs(rt, 'setstate', args, kwargs, ['state'], 1);
  const items = iterateToArray(rt, state!);
  try {
    const version = items[0];
    if (version === undefined || !isInt(rt, version) || (intOf(rt, version) !== 3 && intOf(rt, version) !== 2)) {
      rt.raise('ValueError', `state with version ${version === undefined ? '' : repr(rt, version)} passed to Random.setstate() of version 3`);
    }
    if (items.length !== 3) {
      rt.raise('ValueError', items.length > 3 ? 'too many values to unpack (expected 3)'
        : `not enough values to unpack (expected 3, got ${items.length})`);
    }
    const internal = items[1]!;
    if (rt.kindOf(internal) !== Kind.TUPLE) rt.raise('TypeError', 'state vector must be a tuple');
    if (tupleSize(rt, internal) !== N + 1) rt.raise('ValueError', 'state vector is the wrong size');
    const words: number[] = [];
    for (let i = 0; i <= N; i++) {
      const w = tupleItem(rt, internal, i);
      if (!isInt(rt, w)) rt.raise('TypeError', `an integer is required (got type ${rt.typeNameOf(w)})`);
      const v = BigInt(intOf(rt, w));
      words.push(Number(intOf(rt, version!) === 2 ? BigInt.asUintN(32, v) : v & 0xffffffffn));
    }
    const index = words[N]!;
    if (index < 0 || index > N) rt.raise('ValueError', 'invalid state');
    const g = items[2]!;
    const gauss = g === rt.None ? null : floatArg(rt, g, 'gauss_next');
    mt.mt.set(words.slice(0, N));
    mt.index = index;
    mt.gaussNext = gauss;
  } finally {
    for (const x of items) rt.decref(x);
  }
  return rt.None;
});

// ---- integers ----
/** `operator.index(x)` for randrange, with 3.11's deprecated fallback for integral floats. */
function rangeArg(rt: Runtime, r: Ref, which: string): number | bigint {
  try {
    return indexValue(rt, r);
  } catch (e) {
    if (!(e instanceof PyRaise) || !excMatches(rt, e.exc, 'TypeError') || !rt.isInstanceOfKind(r, Kind.FLOAT)) throw e;
    rt.decref(e.exc);
    const x = rt.floatValue(r);
    if (!Number.isInteger(x)) rt.raise('ValueError', `non-integer ${which} for randrange()`);
    return Number.isSafeInteger(x) ? x : BigInt(x);
  }
}

const big = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const norm = (v: bigint): number | bigint => (v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? Number(v) : v);

function randrange(rt: Runtime, mt: MT, start: Ref, stop: Ref | undefined, step: Ref | undefined): Ref {
  const istart = big(rangeArg(rt, start, 'arg 1'));
  if (stop === undefined || stop === rt.None) {
    if (step !== undefined) rt.raise('TypeError', 'Missing a non-None stop argument');
    if (istart > 0n) return rt.newInt(mt.below(norm(istart)));
    return rt.raise('ValueError', 'empty range for randrange()');
  }
  const istop = big(rangeArg(rt, stop, 'stop'));
  const width = istop - istart;
  const istep = step === undefined ? 1n : big(rangeArg(rt, step, 'step'));
  if (istep === 1n) {
    if (width > 0n) return rt.newInt(norm(istart + big(mt.below(norm(width)))));
    return rt.raise('ValueError', `empty range for randrange() (${istart}, ${istop}, ${width})`);
  }
  let n: bigint;
  if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
  else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
  else return rt.raise('ValueError', 'zero step for randrange()');
  if (n <= 0n) rt.raise('ValueError', 'empty range for randrange()');
  return rt.newInt(norm(istart + istep * big(mt.below(norm(n)))));
}
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

method('randrange', (rt, mt, args, kwargs) => {
  const [start, stop, step] = pyArgs(rt, 'randrange', args, kwargs, ['start', 'stop', 'step'], 1);
  return randrange(rt, mt, start!, stop, step);
});

method('randint', (rt, mt, args, kwargs) => {
  const [a, b] = pyArgs(rt, 'randint', args, kwargs, ['a', 'b'], 2);
  const one = rt.newInt(1);
  const b1 = binaryOp(rt, 0, b!, one);
  try {
    return randrange(rt, mt, a!, b1, undefined);
  } finally {
    rt.decref(b1);
  }
});

method('randbytes', (rt, mt, args, kwargs) => {
  const [n] = pyArgs(rt, 'randbytes', args, kwargs, ['n'], 1);
  const count = Number(indexValue(rt, n!));
  if (count < 0) rt.raise('ValueError', 'negative count');
  return newBytes(rt, toBytes(mt.bits(count * 8), count, 'little'));
});

// ---- sequences ----
/** seq[i] for an index drawn by the generator (new reference). */
function itemAt(rt: Runtime, seq: Ref, i: number | bigint): Ref {
  const k = rt.newInt(i);
  try {
    return getItem(rt, seq, k);
  } finally {
    rt.decref(k);
  }
}

method('choice', (rt, mt, args, kwargs) => {
  const [seq] = pyArgs(rt, 'choice', args, kwargs, ['seq'], 1);
  const n = len(rt, seq!);
  if (n === 0) rt.raise('IndexError', 'Cannot choose from an empty sequence');
  return itemAt(rt, seq!, mt.belowNum(n));
});

method('shuffle', (rt, mt, args, kwargs) => {
  const [x] = pyArgs(rt, 'shuffle', args, kwargs, ['x'], 1);
  for (let i = len(rt, x!) - 1; i >= 1; i--) {
    const j = mt.belowNum(i + 1);
    const a = itemAt(rt, x!, i);
    let b: Ref;
    try {
      b = itemAt(rt, x!, j);
    } catch (e) {
      rt.decref(a);
      throw e;
    }
    const ki = rt.newInt(i);
    const kj = rt.newInt(j);
    try {
      setItem(rt, x!, ki, b);
      setItem(rt, x!, kj, a);
    } finally {
      for (const r of [a, b, ki, kj]) rt.decref(r);
    }
  }
  return rt.None;
});

function isSequence(rt: Runtime, r: Ref): boolean {
  switch (rt.kindOf(r)) {
    case Kind.STR: case Kind.TUPLE: case Kind.LIST: case Kind.RANGE: case Kind.BYTES: case Kind.BYTEARRAY: return true;
    default: return false;
  }
}

function sample(rt: Runtime, mt: MT, population: Ref, k: number, counts: Ref | undefined): Ref {
  if (!isSequence(rt, population)) {
    rt.raise('TypeError', 'Population must be a sequence.  For dicts or sets, use sorted(d).');
  }
  const n = len(rt, population);
  if (counts !== undefined && counts !== rt.None) {
    const cs = iterateToArray(rt, counts);
    const cum: number[] = [];
    let total: number | bigint = 0;
    let allInts = true;
    try {
      for (const c of cs) {
        if (!isInt(rt, c)) allInts = false;
        total = allInts ? Number(total) + Number(intOf(rt, c)) : Number(total) + floatArg(rt, c, 'count');
        cum.push(Number(total));
      }
    } finally {
      for (const c of cs) rt.decref(c);
    }
    if (cum.length !== n) rt.raise('ValueError', 'The number of counts does not match the population');
    cum.pop();
    if (!allInts) rt.raise('TypeError', 'Counts must be integers');
    if (total <= 0) rt.raise('ValueError', 'Total of counts must be greater than zero');
    const picks = samplePositions(rt, mt, Number(total), k);
    return listSteal(rt, picks.map((s) => itemAt(rt, population, bisectRight(cum, s, 0, cum.length))));
  }
  if (!(k >= 0 && k <= n)) rt.raise('ValueError', 'Sample larger than population or is negative');
  return listSteal(rt, samplePositions(rt, mt, n, k).map((j) => itemAt(rt, population, j)));
}

/** The positions random.py's sample picks from a population of n (cf. its pool and set strategies). */
function samplePositions(rt: Runtime, mt: MT, n: number, k: number): number[] {
  if (!(k >= 0 && k <= n)) rt.raise('ValueError', 'Sample larger than population or is negative');
  const result: number[] = [];
  let setsize = 21;
  if (k > 5) setsize += 4 ** Math.ceil(libm.log(k * 3) / libm.log(4));
  if (n <= setsize) {
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = mt.belowNum(n - i);
      result.push(pool[j]!);
      pool[j] = pool[n - i - 1]!;
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = mt.belowNum(n);
      while (selected.has(j)) j = mt.belowNum(n);
      selected.add(j);
      result.push(j);
    }
  }
  return result;
}

function bisectRight(a: readonly number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

method('sample', (rt, mt, args, kwargs) => {
  const [population, k, counts] = pyArgs(rt, 'sample', args, kwargs, ['population', 'k'], 2, ['counts']);
  return sample(rt, mt, population!, Number(indexValue(rt, k!)), counts);
});

method('choices', (rt, mt, args, kwargs) => {
  const [population, weights, cumWeights, kArg] = pyArgs(rt, 'choices', args, kwargs, ['population', 'weights'], 1,
    ['cum_weights', 'k']);
  const n = len(rt, population!);
  const k = kArg === undefined ? 1 : Number(indexValue(rt, kArg));
  const out: Ref[] = [];
  const finish = (): Ref => listSteal(rt, out);
  const w = weights === undefined || weights === rt.None ? undefined : weights;
  const cw = cumWeights === undefined || cumWeights === rt.None ? undefined : cumWeights;
  try {
    if (cw === undefined) {
      if (w === undefined) {
        for (let i = 0; i < k; i++) out.push(itemAt(rt, population!, Math.floor(mt.random() * n)));
        return finish();
      }
    } else if (w !== undefined) rt.raise('TypeError', 'Cannot specify both weights and cumulative weights');
    let cum: number[];
    if (cw === undefined) {
      if (isInt(rt, w!)) {
        rt.raise('TypeError', `The number of choices must be a keyword argument: k=${repr(rt, w!)}`);
      }
      cum = accumulateWeights(rt, w!);
    } else cum = weightsOf(rt, cw);
    if (cum.length !== n) rt.raise('ValueError', 'The number of weights does not match the population');
    const total = cum[n - 1]! + 0.0;
    if (total <= 0.0) rt.raise('ValueError', 'Total of weights must be greater than zero');
    if (!Number.isFinite(total)) rt.raise('ValueError', 'Total of weights must be finite');
    for (let i = 0; i < k; i++) out.push(itemAt(rt, population!, bisectRight(cum, mt.random() * total, 0, n - 1)));
    return finish();
  } catch (e) {
    for (const x of out) rt.decref(x);
    throw e;
  }
});

/** Weights as numbers (ints and floats). */
function weightsOf(rt: Runtime, iterable: Ref): number[] {
  const items = iterateToArray(rt, iterable);
  try {
    return items.map((x) => floatArg(rt, x, 'weight'));
  } finally {
    for (const x of items) rt.decref(x);
  }
}
/** list(accumulate(weights)), exact while the sums stay ints, float once a float joins (as Python adds). */
function accumulateWeights(rt: Runtime, iterable: Ref): number[] {
  const items = iterateToArray(rt, iterable);
  const out: number[] = [];
  try {
    let intTotal: bigint | null = 0n;
    let total = 0;
    for (const x of items) {
      if (intTotal !== null && isInt(rt, x)) {
        intTotal += big(intOf(rt, x));
        total = Number(intTotal);
      } else {
        total = (intTotal !== null ? Number(intTotal) : total) + floatArg(rt, x, 'weight');
        intTotal = null;
      }
      out.push(total);
    }
  } finally {
    for (const x of items) rt.decref(x);
  }
  return out;
}

// ---- real-valued distributions ----
const TWOPI = 2 * Math.PI;
const NV_MAGICCONST = 4 * libm.exp(-0.5) / Math.sqrt(2.0);

method('uniform', (rt, mt, args, kwargs) => {
  const [a, b] = pyArgs(rt, 'uniform', args, kwargs, ['a', 'b'], 2);
  const diff = binaryOp(rt, 10, b!, a!);
  const u = rt.newFloat(mt.random());
  let prod: Ref;
  try {
    prod = binaryOp(rt, 5, diff, u);
  } finally {
    rt.decref(diff);
    rt.decref(u);
  }
  try {
    return binaryOp(rt, 0, a!, prod);
  } finally {
    rt.decref(prod);
  }
});

function muSigma(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs): [number, number] {
  const [mu, sigma] = pyArgs(rt, name, args, kwargs, ['mu', 'sigma'], 0);
  return [mu === undefined ? 0 : floatArg(rt, mu, 'mu'), sigma === undefined ? 1 : floatArg(rt, sigma, 'sigma')];
}

method('gauss', (rt, mt, args, kwargs) => {
  const [mu, sigma] = muSigma(rt, 'gauss', args, kwargs);
  let z = mt.gaussNext;
  mt.gaussNext = null;
  if (z === null) {
    const x2pi = mt.random() * TWOPI;
    const g2rad = Math.sqrt(-2.0 * libm.log(1.0 - mt.random()));
    z = libm.cos(x2pi) * g2rad;
    mt.gaussNext = libm.sin(x2pi) * g2rad;
  }
  return rt.newFloat(mu + z * sigma);
});

function normal(mt: MT, mu: number, sigma: number): number {
  let z: number;
  for (;;) {
    const u1 = mt.random();
    const u2 = 1.0 - mt.random();
    z = NV_MAGICCONST * (u1 - 0.5) / u2;
    const zz = z * z / 4.0;
    if (zz <= -libm.log(u2)) break;
  }
  return mu + z * sigma;
}

method('normalvariate', (rt, mt, args, kwargs) => {
  const [mu, sigma] = muSigma(rt, 'normalvariate', args, kwargs);
  return rt.newFloat(normal(mt, mu, sigma));
});

method('lognormvariate', (rt, mt, args, kwargs) => {
  const [mu, sigma] = pyArgs(rt, 'lognormvariate', args, kwargs, ['mu', 'sigma'], 2);
  return rt.newFloat(libm.exp(normal(mt, floatArg(rt, mu!, 'mu'), floatArg(rt, sigma!, 'sigma'))));
});

method('expovariate', (rt, mt, args, kwargs) => {
  const [lambd] = pyArgs(rt, 'expovariate', args, kwargs, ['lambd'], 1);
  const l = floatArg(rt, lambd!, 'lambd');
  const x = -libm.log(1.0 - mt.random());
  if (l === 0) rt.raise('ZeroDivisionError', 'float division by zero');
  return rt.newFloat(x / l);
});

method('paretovariate', (rt, mt, args, kwargs) => {
  const [alpha] = pyArgs(rt, 'paretovariate', args, kwargs, ['alpha'], 1);
  const u = 1.0 - mt.random();
  const a = floatArg(rt, alpha!, 'alpha');
  if (a === 0) rt.raise('ZeroDivisionError', 'float division by zero');
  return rt.newFloat(libm.pow(u, -1.0 / a));
});

function gamma(rt: Runtime, mt: MT, alpha: number, beta: number): number {
  // cf. random.py gammavariate
  if (alpha <= 0.0 || beta <= 0.0) rt.raise('ValueError', 'gammavariate: alpha and beta must be > 0.0');
  if (alpha > 1.0) {
    const ainv = Math.sqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = mt.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1.0 - mt.random();
      const v = libm.log(u1 / (1.0 - u1)) / ainv;
      const x = alpha * libm.exp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= libm.log(z)) return x * beta;
    }
  }
  if (alpha === 1.0) return -libm.log(1.0 - mt.random()) * beta;
  let x: number;
  for (;;) {
    const u = mt.random();
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    x = p <= 1.0 ? libm.pow(p, 1.0 / alpha) : -libm.log((b - p) / alpha);
    const u1 = mt.random();
    if (p > 1.0) {
      if (u1 <= libm.pow(x, alpha - 1.0)) break;
    } else if (u1 <= libm.exp(-x)) break;
  }
  return x * beta;
}
const LOG4 = libm.log(4.0);
const SG_MAGICCONST = 1.0 + libm.log(4.5);

method('gammavariate', (rt, mt, args, kwargs) => {
  const [alpha, beta] = pyArgs(rt, 'gammavariate', args, kwargs, ['alpha', 'beta'], 2);
  return rt.newFloat(gamma(rt, mt, floatArg(rt, alpha!, 'alpha'), floatArg(rt, beta!, 'beta')));
});

method('betavariate', (rt, mt, args, kwargs) => {
  const [alpha, beta] = pyArgs(rt, 'betavariate', args, kwargs, ['alpha', 'beta'], 2);
  const a = floatArg(rt, alpha!, 'alpha');
  const b = floatArg(rt, beta!, 'beta');
  const y = gamma(rt, mt, a, 1.0);
  if (y === 0) return rt.newFloat(0.0);
  return rt.newFloat(y / (y + gamma(rt, mt, b, 1.0)));
});

method('weibullvariate', (rt, mt, args, kwargs) => {
  const [alpha, beta] = pyArgs(rt, 'weibullvariate', args, kwargs, ['alpha', 'beta'], 2);
  const a = floatArg(rt, alpha!, 'alpha');
  const b = floatArg(rt, beta!, 'beta');
  const u = 1.0 - mt.random();
  if (b === 0) rt.raise('ZeroDivisionError', 'float division by zero');
  return rt.newFloat(a * libm.pow(-libm.log(u), 1.0 / b));
});

method('vonmisesvariate', (rt, mt, args, kwargs) => {
  const [muA, kappaA] = pyArgs(rt, 'vonmisesvariate', args, kwargs, ['mu', 'kappa'], 2);
  const mu = floatArg(rt, muA!, 'mu');
  const kappa = floatArg(rt, kappaA!, 'kappa');
  if (kappa <= 1e-6) return rt.newFloat(TWOPI * mt.random());
  const s = 0.5 / kappa;
  const r = s + Math.sqrt(1.0 + s * s);
  let z: number;
  for (;;) {
    const u1 = mt.random();
    z = libm.cos(Math.PI * u1);
    const d = z / (r + z);
    const u2 = mt.random();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * libm.exp(d)) break;
  }
  const q = 1.0 / r;
  const f = (q + z) / (1.0 + q * z);
  const u3 = mt.random();
  const theta = u3 > 0.5 ? pyMod(mu + libm.acos(f), TWOPI) : pyMod(mu - libm.acos(f), TWOPI);
  return rt.newFloat(theta);
});

/** Python's float `%` (the result takes the divisor's sign). */
function pyMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0 && (m < 0) !== (b < 0)) m += b;
  return m;
}

method('triangular', (rt, mt, args, kwargs) => {
  const [lowA, highA, modeA] = pyArgs(rt, 'triangular', args, kwargs, ['low', 'high', 'mode'], 0);
  let low = lowA === undefined ? 0.0 : floatArg(rt, lowA, 'low');
  let high = highA === undefined ? 1.0 : floatArg(rt, highA, 'high');
  const u0 = mt.random();
  let c: number;
  if (modeA === undefined || modeA === rt.None) c = 0.5;
  else {
    if (high - low === 0) return rt.newFloat(low);
    c = (floatArg(rt, modeA, 'mode') - low) / (high - low);
  }
  let u = u0;
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    [low, high] = [high, low];
  }
  return rt.newFloat(low + (high - low) * Math.sqrt(u * c));
});

/** random.Random.__init__(self, x=None): self.seed(x) (a subclass's seed if it has one). */
function init(rt: Runtime, self: Ref, args: Ref[], kwargs: Kwargs): void {
  const [x] = pyArgs(rt, '__init__', args, kwargs, ['x'], 0);
  const type = rt.typeOf(self);
  if (isHeapType(rt, type) && userDefined(rt, type, 'seed') !== 0) {
    const key = rt.newStr('seed');
    const f = getAttr(rt, self, key);
    rt.decref(key);
    try {
      rt.decref(callObject(rt, f, x === undefined ? [] : [x]));
    } finally {
      rt.decref(f);
    }
  } else seed(rt, new MT(rt, self), x);
  new MT(rt, self).gaussNext = null;
}
methods.__init__ = (rt, args, kwargs, self) => {
  init(rt, self, args, kwargs);
  return rt.None;
};

// declared last: `methods` is filled by the method() calls above
const RANDOM = defineNativeClass({
  module: MOD, name: 'Random', refs: 0, data: D_BYTES, basetype: true, dict: true,
  construct(rt, type, args, kwargs) {
    if (isHeapType(rt, type)) {
      // a subclass: seeded from entropy as _random.Random.__new__ does; then __init__ (the class's own,
      // run by the caller, or ours) seeds with the argument
      const r = newNative(rt, RANDOM, [], undefined, type);
      try {
        seed(rt, new MT(rt, r), undefined);
        if (userDefined(rt, type, '__init__') === 0) init(rt, r, args, kwargs);
      } catch (e) {
        rt.decref(r);
        throw e;
      }
      return r;
    }
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'Random() takes no keyword arguments');
    if (args.length > 1) {
      rt.raise('TypeError', `Random.__init__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
    }
    const r = newNative(rt, RANDOM, []);
    try {
      seed(rt, mtOf(rt, r), args[0]);
    } catch (e) {
      rt.decref(r);
      throw e;
    }
    return r;
  },
  methods,
});

const SYSTEM_RANDOM = defineNativeClass({
  module: MOD, name: 'SystemRandom', refs: 0, data: D_BYTES, dict: true,
  construct(rt, _type, args, kwargs) {
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'SystemRandom() takes no keyword arguments');
    if (args.length > 1) {
      rt.raise('TypeError', `Random.__init__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
    }
    const r = newNative(rt, SYSTEM_RANDOM, []);
    rt.i32[(dataOf(rt, r) + D_SYSTEM) >> 2] = 1;
    new MT(rt, r).gaussNext = null;
    return r;
  },
  methods: {
    ...methods,
    seed: (rt) => rt.None, // a stub, as random.py's SystemRandom.seed
    getstate: noState,
    setstate: noState,
    randbytes(rt, args, kwargs) {
      const [n] = pyArgs(rt, 'randbytes', args, kwargs, ['n'], 1);
      const count = Number(indexValue(rt, n!));
      if (count < 0) rt.raise('ValueError', 'negative argument not allowed');
      return newBytes(rt, new Uint8Array(randomBytes(count)));
    },
  },
});
function noState(rt: Runtime): Ref {
  return rt.raise('NotImplementedError', 'System entropy source does not have state.');
}

defineModule(MOD, (rt, dict) => {
  installNativeTypes(rt, MOD, dict);
  const consts: [string, number][] = [['NV_MAGICCONST', NV_MAGICCONST], ['TWOPI', TWOPI], ['LOG4', LOG4],
    ['SG_MAGICCONST', SG_MAGICCONST], ['RECIP_BPF', 2 ** -53]];
  for (const [name, v] of consts) {
    const f = rt.newFloat(v);
    setGlobal(rt, dict, name, f);
    rt.decref(f);
  }
  setGlobal(rt, dict, 'BPF', rt.newInt(53));
  const inst = newNative(rt, RANDOM, []);
  seed(rt, mtOf(rt, inst), undefined);
  setGlobal(rt, dict, '_inst', inst);
  for (const name of Object.keys(methods).filter((n) => !n.startsWith('_'))) {
    const key = rt.newStr(name);
    const bound = getAttr(rt, inst, key);
    rt.decref(key);
    setGlobal(rt, dict, name, bound);
    rt.decref(bound);
  }
  rt.decref(inst);
  const all = listSteal(rt, ['Random', 'SystemRandom', ...Object.keys(methods).filter((n) => !n.startsWith('_'))].sort().map((n) => rt.newStr(n)));
  setGlobal(rt, dict, '__all__', all);
  rt.decref(all);
});
