/** tuple: the type's slots and methods (cf. CPython tupleobject.c), and the exact 64-bit hashes
 *  tuples need (xxHash-based tuplehash over the items' full Python hashes). */
import type { Ref } from '../heap/layout.js';
import { PyRaise, TP_FLAGS, TP_MODULE, TPF_HEAPTYPE, TPF_HIDDEN_MASK, type Runtime } from '../runtime.js';
import { checkArity } from '../builtins/args.js';
import { constructorFor, defineConstructor } from './constructors.js';
import { excType, newException } from './exceptions.js';
import { newSeqIter, SeqFlavor } from './iterators.js';
import { Kind } from './kinds.js';
import { listItems, listItemsRef } from './list.js';
import { reprEnter, reprLeave } from './list-type.js';
import { eq, hash as hashOf, iterateToArray, repr, richCompare } from './protocols.js';
import { asSsize, isIndexLike, sliceIndexArg, sliceIndices } from './slice.js';
import { defineSlots } from './slots.js';
import { newTuple, tupleItem, tupleItems, tupleRealSize, tupleSize, tupleSteal, TUPLE_ITEMS, TUPLE_SIZE } from './tuple.js';
import { defineMethod, defineStaticMethod } from './type.js';

// ================= exact hashes =================
/** High word of the last `hash64` result (the low word is its return value). */
let hashHi = 0;
const TWO32 = 4294967296;
const MODULUS = (1n << 61n) - 1n;
const HASH_INF = 314159;

/** Sets the 64-bit two's complement of a safe integer or bigint as (hashHi, return value). */
function split64(v: number | bigint): number {
  if (typeof v === 'number') {
    const hi = Math.floor(v / TWO32);
    hashHi = hi | 0;
    return (v - hi * TWO32) >>> 0;
  }
  const u = BigInt.asUintN(64, v);
  hashHi = Number(u >> 32n) | 0;
  return Number(u & 0xffffffffn) >>> 0;
}

/** CPython's hash of an int (exact, 64-bit). */
function intHash(v: number | bigint): number | bigint {
  if (typeof v === 'number' && v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER) return v === -1 ? -2 : v;
  const b = BigInt(v);
  let h = (b < 0n ? -b : b) % MODULUS;
  if (b < 0n) h = -h;
  return h === -1n ? -2n : h;
}

/** CPython's _Py_HashDouble for a finite or infinite float (NaN: null, its hash is its identity). */
function floatHash(x: number): number | bigint | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
  if (Number.isInteger(x)) return intHash(Math.abs(x) <= Number.MAX_SAFE_INTEGER ? x : BigInt(x));
  // x = num / 2**k exactly; 2**-k is 2**(61 - k % 61) modulo 2**61 - 1
  let k = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const e = BigInt((61 - (k % 61)) % 61);
  let h = ((BigInt(m) % MODULUS) << e) % MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** The full 64-bit Python hash of `r`: returns the low word and leaves the high word in hashHi.
 *  Objects whose hash is only known to 32 bits (str, user classes) are sign-extended. */
function hash64(rt: Runtime, r: Ref): number {
  const heap = (rt.i32[(rt.typeOf(r) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
  if (!heap) {
    switch (rt.kindOf(r)) {
      case Kind.INT: case Kind.BOOL:
        return split64(intHash(rt.intValue(r)));
      case Kind.FLOAT: {
        const h = floatHash(rt.floatValue(r));
        if (h !== null) return split64(h);
        break;
      }
      case Kind.TUPLE:
        return tupleHash64(rt, tupleItems(rt, r));
      default:
        break;
    }
  }
  const h = hashOf(rt, r);
  hashHi = h < 0 ? -1 : 0;
  return h >>> 0;
}

/** Low 64 bits of a 32x32-bit product: high word in mulHi, low word returned. */
let mulHi = 0;
function mul32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const lo0 = a0 * b0;
  const t = a1 * b0 + a0 * b1 + Math.floor(lo0 / 65536);
  mulHi = (a1 * b1 + Math.floor(t / 65536)) >>> 0;
  return Math.imul(a, b) >>> 0;
}

// xxHash primes (cf. CPython pyhash.h _PyHASH_XXPRIME_*)
const P1_HI = 0x9e3779b1;
const P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d;
const P2_LO = 0x27d4eb4f;
const P5_HI = 0x27d4eb2f;
const P5_LO = 0x165667c5;
const LEN_MIX_LO = 0x1663b4b6; // low word of P5 ^ 3527539 (the high word is P5's)

/** CPython's tuplehash over `items` (borrowed): low word returned, high word in hashHi. */
export function tupleHash64(rt: Runtime, items: readonly Ref[]): number {
  let accHi = P5_HI;
  let accLo = P5_LO;
  for (const item of items) {
    const laneLo = hash64(rt, item);
    const laneHi = hashHi;
    // acc += lane * PRIME2
    const pLo = mul32(laneLo, P2_LO);
    const pHi = (mulHi + Math.imul(laneLo, P2_HI) + Math.imul(laneHi, P2_LO)) >>> 0;
    let lo = accLo + pLo;
    let hi = (accHi + pHi + (lo >= TWO32 ? 1 : 0)) >>> 0;
    lo >>>= 0;
    // acc = rotate left 31
    const rHi = ((hi << 31) | (lo >>> 1)) >>> 0;
    const rLo = ((lo << 31) | (hi >>> 1)) >>> 0;
    // acc *= PRIME1
    lo = mul32(rLo, P1_LO);
    hi = (mulHi + Math.imul(rLo, P1_HI) + Math.imul(rHi, P1_LO)) >>> 0;
    accHi = hi;
    accLo = lo;
  }
  // acc += len ^ (PRIME5 ^ 3527539)
  const addLo = (items.length ^ LEN_MIX_LO) >>> 0;
  const lo = accLo + addLo;
  accHi = (accHi + P5_HI + (lo >= TWO32 ? 1 : 0)) >>> 0;
  accLo = lo >>> 0;
  if (accHi === 0xffffffff && accLo === 0xffffffff) {
    hashHi = 0;
    return 1546275796;
  }
  hashHi = accHi | 0;
  return accLo;
}

/** The hash of a tuple of `items` as the VM's tables use it: CPython's, folded to its low 32 bits. */
export function hashItems(rt: Runtime, items: readonly Ref[]): number {
  return tupleHash64(rt, items) | 0;
}

/** CPython's exact hash of `r` as a bigint, where gilpy knows it (ints, floats, tuples of them). */
export function fullHash(rt: Runtime, r: Ref): bigint {
  const lo = hash64(rt, r);
  return (BigInt(hashHi) << 32n) | BigInt(lo);
}

// ================= slots =================
function isTuple(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.TUPLE;
}
function isExactTuple(rt: Runtime, r: Ref): boolean {
  return rt.typeOf(r) === rt.types[Kind.TUPLE];
}

/** A new tuple (of the built-in type) holding items [lo, lo + n*step) of `t` by `step`. */
function tupleSlice(rt: Runtime, t: Ref, start: number, step: number, n: number): Ref {
  const out = newTuple(rt, n);
  const src = (t + TUPLE_ITEMS) >> 2;
  const dst = (out + TUPLE_ITEMS) >> 2;
  for (let i = 0, j = start; i < n; i++, j += step) {
    const x = rt.i32[src + j]!;
    rt.incref(x as Ref);
    rt.i32[dst + i] = x;
  }
  return out;
}

function tupleRepeat(rt: Runtime, t: Ref, count: Ref): Ref {
  const n = asSsize(rt, count, 'OverflowError');
  const size = tupleSize(rt, t);
  if (size === 0 || n <= 0) {
    rt.incref(rt.emptyTuple);
    return rt.emptyTuple;
  }
  if (n === 1 && isExactTuple(rt, t)) {
    rt.incref(t);
    return t;
  }
  if (size * n > 0x7fffffff / 4) throw new PyRaise(newException(rt, excType(rt, 'MemoryError'), null));
  const items = tupleItems(rt, t);
  const out = newTuple(rt, size * n);
  const dst = (out + TUPLE_ITEMS) >> 2;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < size; i++) {
      rt.incref(items[i]!);
      rt.i32[dst + k * size + i] = items[i]!;
    }
  }
  return out;
}

/** The `n` in `seq * n` for a sequence's mul slot: the count object, or 0 to let the other operand try. */
export function repeatCount(rt: Runtime, seq: Ref, other: Ref): Ref | 0 {
  if (isIndexLike(rt, other)) return other;
  // a user class may still answer with __rmul__ / __mul__
  if ((rt.i32[(rt.typeOf(other) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) return 0;
  void seq;
  return rt.raise('TypeError', `can't multiply sequence by non-int of type '${rt.typeNameOf(other)}'`);
}

/** Lexicographic comparison of two sequences, as list_richcompare / tuplerichcompare (new reference).
 *  Sizes and items are read afresh at each step (a list may change while its items compare).
 *  `lengthShortcut`: lists answer == and != from their lengths first. */
export function compareItems(rt: Runtime, a: Ref, b: Ref, op: number, size: (r: Ref) => number,
  item: (r: Ref, i: number) => Ref, lengthShortcut: boolean): Ref {
  if (lengthShortcut && (op === 2 || op === 3) && size(a) !== size(b)) return rt.bool(op === 3);
  let i = 0;
  for (; i < size(a) && i < size(b); i++) {
    const x = item(a, i);
    const y = item(b, i);
    if (x === y) continue;
    rt.incref(x);
    rt.incref(y);
    let same: boolean;
    try {
      same = eq(rt, x, y);
    } finally {
      rt.decref(x);
      rt.decref(y);
    }
    if (!same) break;
  }
  const na = size(a);
  const nb = size(b);
  if (i >= na || i >= nb) {
    const c = na < nb ? -1 : na > nb ? 1 : 0;
    return rt.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!);
  }
  if (op === 2) return rt.False;
  if (op === 3) return rt.True;
  const x = item(a, i);
  const y = item(b, i);
  rt.incref(x);
  rt.incref(y);
  try {
    return richCompare(rt, x, y, op);
  } finally {
    rt.decref(x);
    rt.decref(y);
  }
}

defineSlots(Kind.TUPLE, {
  dealloc(rt, t) {
    // cf. CPython tupledealloc: last item first; a half-built tuple may hold NULLs
    const base = (t + TUPLE_ITEMS) >> 2;
    for (let i = tupleRealSize(rt, t) - 1; i >= 0; i--) rt.xdecref(rt.i32[base + i]! as Ref);
  },
  repr(rt, t) {
    const n = tupleSize(rt, t);
    if (n === 0) return '()';
    if (!reprEnter(rt, t)) return '(...)';
    try {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(repr(rt, tupleItem(rt, t, i)));
      return n === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    } finally {
      reprLeave(rt, t);
    }
  },
  hash(rt, t) {
    return tupleHash64(rt, tupleItems(rt, t)) | 0;
  },
  richcompare(rt, a, b, op) {
    if (!isTuple(rt, a) || !isTuple(rt, b)) return 0;
    return compareItems(rt, a, b, op, (r) => tupleSize(rt, r), (r, i) => tupleItem(rt, r, i), false);
  },
  len(rt, t) {
    return tupleSize(rt, t);
  },
  getitem(rt, t, key) {
    if (isIndexLike(rt, key)) {
      let i = asSsize(rt, key);
      const n = tupleSize(rt, t);
      if (i < 0) i += n;
      if (i < 0 || i >= n) rt.raise('IndexError', 'tuple index out of range');
      const x = tupleItem(rt, t, i);
      rt.incref(x);
      return x;
    }
    if (rt.kindOf(key) === Kind.SLICE) {
      const [start, , step, n] = sliceIndices(rt, key, tupleSize(rt, t));
      if (n === tupleSize(rt, t) && step === 1 && isExactTuple(rt, t)) {
        rt.incref(t);
        return t;
      }
      return tupleSlice(rt, t, start, step, n);
    }
    return rt.raise('TypeError', `tuple indices must be integers or slices, not ${rt.typeNameOf(key)}`);
  },
  contains(rt, t, item) {
    for (let i = 0; i < tupleSize(rt, t); i++) if (eq(rt, tupleItem(rt, t, i), item)) return true;
    return false;
  },
  iter(rt, t) {
    return newSeqIter(rt, t, SeqFlavor.TUPLE);
  },
  add(rt, a, b) {
    if (!isTuple(rt, a) || !isTuple(rt, b)) return 0;
    const na = tupleSize(rt, a);
    const nb = tupleSize(rt, b);
    if (nb === 0 && isExactTuple(rt, a)) {
      rt.incref(a);
      return a;
    }
    if (na === 0 && isExactTuple(rt, b)) {
      rt.incref(b);
      return b;
    }
    const out = newTuple(rt, na + nb);
    const dst = (out + TUPLE_ITEMS) >> 2;
    const items = [...tupleItems(rt, a), ...tupleItems(rt, b)];
    for (let i = 0; i < items.length; i++) {
      rt.incref(items[i]!);
      rt.i32[dst + i] = items[i]!;
    }
    return out;
  },
  mul(rt, a, b) {
    if (isTuple(rt, a)) {
      const n = repeatCount(rt, a, b);
      return n === 0 ? 0 : tupleRepeat(rt, a, n);
    }
    const n = repeatCount(rt, b, a);
    return n === 0 ? 0 : tupleRepeat(rt, b, n);
  },
});

// ================= methods =================
/** `(start, stop)` arguments of index(): clamped and made non-negative as CPython does. */
export function searchBounds(rt: Runtime, args: Ref[], size: number): [number, number] {
  let start = args.length > 1 ? sliceIndexArg(rt, args[1]!) : 0;
  let stop = args.length > 2 ? sliceIndexArg(rt, args[2]!) : Number.MAX_SAFE_INTEGER;
  if (start < 0) {
    start += size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += size;
    if (stop < 0) stop = 0;
  }
  return [start, stop];
}

/** Argument-clinic arity errors: `index expected at least 1 argument, got 0`. */
export function clinicArity(rt: Runtime, qualName: string, args: Ref[], kwargs: Map<string, Ref> | null,
  min: number, max: number): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${qualName}() takes no keyword arguments`);
  const short = qualName.slice(qualName.lastIndexOf('.') + 1);
  const n = args.length;
  const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  if (min === max && n !== min) rt.raise('TypeError', `${short} expected ${plural(min)}, got ${n}`);
  if (n < min) rt.raise('TypeError', `${short} expected at least ${plural(min)}, got ${n}`);
  if (n > max) rt.raise('TypeError', `${short} expected at most ${plural(max)}, got ${n}`);
}

defineMethod(Kind.TUPLE, 'tuple', 'index', (rt, args, kwargs, self) => {
  clinicArity(rt, 'tuple.index', args, kwargs, 1, 3);
  const [start, stop] = searchBounds(rt, args, tupleSize(rt, self));
  for (let i = start; i < stop && i < tupleSize(rt, self); i++) {
    if (eq(rt, tupleItem(rt, self, i), args[0]!)) return rt.newInt(i);
  }
  return rt.raise('ValueError', 'tuple.index(x): x not in tuple');
});

defineMethod(Kind.TUPLE, 'tuple', 'count', (rt, args, kwargs, self) => {
  checkArity(rt, 'tuple.count', args, kwargs, 1, 1);
  let c = 0;
  for (let i = 0; i < tupleSize(rt, self); i++) if (eq(rt, tupleItem(rt, self, i), args[0]!)) c++;
  return rt.newInt(c);
});

// ================= constructor =================
/** `tuple(iterable)` (new reference): a tuple argument is returned itself. */
export function tupleOf(rt: Runtime, iterable: Ref): Ref {
  if (isExactTuple(rt, iterable)) {
    rt.incref(iterable);
    return iterable;
  }
  if (rt.kindOf(iterable) === Kind.LIST && rt.containerLocks !== null) {
    return tupleSteal(rt, listItemsRef(rt, iterable)); // (no-GIL: read and counted under the list's lock)
  }
  if (rt.kindOf(iterable) === Kind.LIST) {
    const items = listItems(rt, iterable);
    const t = newTuple(rt, items.length);
    const dst = (t + TUPLE_ITEMS) >> 2;
    for (let i = 0; i < items.length; i++) {
      rt.incref(items[i]!);
      rt.i32[dst + i] = items[i]!;
    }
    return t;
  }
  return tupleSteal(rt, iterateToArray(rt, iterable));
}

defineConstructor(Kind.TUPLE, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'tuple() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `tuple expected at most 1 argument, got ${args.length}`);
  const t = args.length === 0 ? (rt.incref(rt.emptyTuple), rt.emptyTuple) : tupleOf(rt, args[0]!);
  if (type === rt.types[Kind.TUPLE]) return t;
  // a subclass: a new object of that type with the same items
  const items = tupleItems(rt, t);
  const sub = rt.alloc(type, TUPLE_ITEMS + items.length * 4);
  rt.i32[(sub + TUPLE_SIZE) >> 2] = items.length;
  for (let i = 0; i < items.length; i++) {
    rt.incref(items[i]!);
    rt.i32[((sub + TUPLE_ITEMS) >> 2) + i] = items[i]!;
  }
  rt.gcTrack(sub);
  rt.decref(t);
  return sub;
});

// tuple.__new__(cls, iterable=()), which a subclass's own __new__ calls (namedtuple's does) (cf. CPython
// tuple_new_impl / tuple_subtype_new)
defineStaticMethod(Kind.TUPLE, 'tuple', '__new__', (rt, args, kwargs) => {
  const cls = args[0];
  if (cls === undefined) rt.raise('TypeError', 'tuple.__new__(): not enough arguments');
  if (rt.kindOf(cls) !== Kind.TYPE) rt.raise('TypeError', `tuple.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
  if (!rt.isSubtype(cls, rt.types[Kind.TUPLE]!)) {
    rt.raise('TypeError', `tuple.__new__(${rt.typeName(cls)}): ${rt.typeName(cls)} is not a subtype of tuple`);
  }
  if ((rt.i32[(cls + TP_FLAGS) >> 2]! & TPF_HIDDEN_MASK) !== 0) {
    // a struct sequence with fields past its items has its own __new__ (cf. CPython tp_new_wrapper)
    const name = `${rt.strValue(rt.i32[(cls + TP_MODULE) >> 2]! as Ref)}.${rt.typeName(cls)}`;
    rt.raise('TypeError', `tuple.__new__(${name}) is not safe, use ${name}.__new__()`);
  }
  return constructorFor(Kind.TUPLE)!(rt, cls, args.slice(1), kwargs);
});
