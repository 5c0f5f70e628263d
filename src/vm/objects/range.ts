/** range and its iterator (cf. CPython rangeobject.c): lazy arithmetic sequences of ints of any size.
 *
 *  Layout of a range (not a GC container): four int objects, exact ints as PyNumber_Index gives them,
 *  owned by the range — start, stop, step and the length (as CPython's rangeobject). Arithmetic
 *  takes a float64 fast path while every value involved is a safe integer, and BigInt otherwise.
 *
 *  A range_iterator holds no objects while its values stay well inside the float64-exact range
 *  (mode 0: next value, step and count left as float64s), so iterating allocates only the ints it
 *  yields; otherwise (mode 1) it holds int objects for them, as CPython's longrange_iterator.
 */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { checkArity } from '../builtins/args.js';
import { defineConstructor } from './constructors.js';
import { RangeIterLayout } from './iter-layout.js';
import { nextOrStop } from './iterators.js';
import { Kind } from './kinds.js';
import { eq, getIter, idOf, indexValue, iterNext } from './protocols.js';
import { isIndexLike, sliceIndicesBig } from './slice.js';
import { defineSlots } from './slots.js';
import { hashItems } from './tuple-type.js';
import { defineGetter, defineMethod } from './type.js';

export const RG_START = 16;
export const RG_STOP = 20;
export const RG_STEP = 24;
export const RG_LEN = 28;
const RG_BYTES = 32;

/** range_iterator: mode (0 compact, 1 int objects), whether CPython would call it longrange_iterator,
 *  then next value, step and count left (float64s in mode 0, int objects in mode 1). The layout is in
 *  iter-layout.ts, which the loop's FOR_ITER reads too. */
export const RI_MODE = RangeIterLayout.MODE;
export const RI_LONG_NAME = RangeIterLayout.LONG_NAME;
export const RI_NEXT = RangeIterLayout.NEXT;
export const RI_STEP = RangeIterLayout.STEP;
export const RI_LEFT = RangeIterLayout.LEFT;
/** Mode 1's int objects. */
const RI_NEXT_REF = RangeIterLayout.NEXT_REF;
const RI_STEP_REF = RangeIterLayout.STEP_REF;
export const RI_LEFT_REF = RangeIterLayout.LEFT_REF;
const RI_BYTES = RangeIterLayout.BYTES;

type Int = number | bigint;
const big = (v: Int): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const fitsLong = (v: bigint): boolean => v >= LONG_MIN && v <= LONG_MAX;
/** Values below this in magnitude stay exact through a few additions in float64 arithmetic. */
const COMPACT_LIMIT = 2 ** 52;

function field(rt: Runtime, r: Ref, off: number): Ref {
  return rt.i32[(r + off) >> 2]! as Ref;
}
function val(rt: Runtime, r: Ref, off: number): Int {
  return rt.intValue(field(rt, r, off));
}

/** The number of items of range(start, stop, step) (cf. compute_range_length). */
function rangeLength(start: Int, stop: Int, step: Int): Int {
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number'
    && Math.abs(start) < COMPACT_LIMIT && Math.abs(stop) < COMPACT_LIMIT) {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = big(start);
  const b = big(stop);
  const s = big(step);
  if (s > 0n) return a < b ? (b - a - 1n) / s + 1n : 0n;
  return b < a ? (a - b - 1n) / -s + 1n : 0n;
}

/** A new range from its parts (int objects stolen) and its computed length. */
function rangeSteal(rt: Runtime, start: Ref, stop: Ref, step: Ref): Ref {
  const len = rangeLength(rt.intValue(start), rt.intValue(stop), rt.intValue(step));
  const r = rt.allocKind(Kind.RANGE, RG_BYTES);
  rt.i32[(r + RG_START) >> 2] = start;
  rt.i32[(r + RG_STOP) >> 2] = stop;
  rt.i32[(r + RG_STEP) >> 2] = step;
  // range(n) has length n: share the object
  let lenRef: Ref;
  if (len === rt.intValue(stop) && rt.isIntExact(stop)) {
    rt.incref(stop);
    lenRef = stop;
  } else lenRef = rt.newInt(len);
  rt.i32[(r + RG_LEN) >> 2] = lenRef;
  return r;
}

/** `range(start, stop, step)` from values (new reference). */
export function newRange(rt: Runtime, start: Int, stop: Int, step: Int): Ref {
  return rangeSteal(rt, rt.newInt(start), rt.newInt(stop), rt.newInt(step));
}

/** PyNumber_Index as an exact int object (new reference). */
function exactIndex(rt: Runtime, r: Ref): Ref {
  if (rt.isIntExact(r)) {
    rt.incref(r);
    return r;
  }
  return rt.newInt(indexValue(rt, r));
}

defineConstructor(Kind.RANGE, (rt, _type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'range() takes no keyword arguments');
  if (args.length === 0) rt.raise('TypeError', 'range expected at least 1 argument, got 0');
  if (args.length > 3) rt.raise('TypeError', `range expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return rangeSteal(rt, rt.newInt(0), exactIndex(rt, args[0]!), rt.newInt(1));
  const start = exactIndex(rt, args[0]!);
  let stop: Ref;
  try {
    stop = exactIndex(rt, args[1]!);
  } catch (e) {
    rt.decref(start);
    throw e;
  }
  let step: Ref;
  try {
    step = args.length === 3 ? exactIndex(rt, args[2]!) : rt.newInt(1);
    const s = rt.intValue(step);
    if (s === 0) {
      rt.decref(step);
      rt.raise('ValueError', 'range() arg 3 must not be zero');
    }
  } catch (e) {
    rt.decref(start);
    rt.decref(stop);
    throw e;
  }
  return rangeSteal(rt, start, stop, step);
});

// ================= item arithmetic =================
/** start + i*step (no bounds check; cf. compute_item), new reference. */
function computeItem(rt: Runtime, r: Ref, i: Int): Ref {
  const start = val(rt, r, RG_START);
  const step = val(rt, r, RG_STEP);
  if (typeof i === 'number' && typeof start === 'number' && typeof step === 'number') {
    const p = i * step;
    if (Math.abs(p) < COMPACT_LIMIT && Math.abs(start) < COMPACT_LIMIT) return rt.newInt(start + p);
  }
  return rt.newInt(big(start) + big(i) * big(step));
}

/** r[i] with CPython's bounds check (new reference). */
function rangeItem(rt: Runtime, r: Ref, i: Int): Ref {
  const len = val(rt, r, RG_LEN);
  if (typeof i === 'number' && typeof len === 'number') {
    if (i < 0) i += len;
    if (i < 0 || i >= len) rt.raise('IndexError', 'range object index out of range');
    return computeItem(rt, r, i);
  }
  let b = big(i);
  if (b < 0n) b += big(len);
  if (b < 0n || b >= big(len)) rt.raise('IndexError', 'range object index out of range');
  return computeItem(rt, r, b);
}

/** True if the int `v` is one of r's values (cf. range_contains_long). */
function containsInt(rt: Runtime, r: Ref, v: Int): boolean {
  const start = val(rt, r, RG_START);
  const stop = val(rt, r, RG_STOP);
  const step = val(rt, r, RG_STEP);
  if (typeof v === 'number' && typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0 ? !(start <= v && v < stop) : !(stop < v && v <= start)) return false;
    return (v - start) % step === 0;
  }
  const [b, a, z, s] = [big(v), big(start), big(stop), big(step)];
  if (s > 0n ? !(a <= b && b < z) : !(z < b && b <= a)) return false;
  return (b - a) % s === 0n;
}

/** The position of the int `v` in r (it must be there). */
function indexOfInt(rt: Runtime, r: Ref, v: Int): Int {
  const start = val(rt, r, RG_START);
  const step = val(rt, r, RG_STEP);
  if (typeof v === 'number' && typeof start === 'number' && typeof step === 'number') return (v - start) / step;
  return (big(v) - big(start)) / big(step);
}

function isExactIntOrBool(rt: Runtime, r: Ref): boolean {
  return rt.isIntExact(r) || rt.kindOf(r) === Kind.BOOL;
}

/** _PySequence_IterSearch over a range: how many items equal `ob`, or the first one's index (-1). */
function iterSearch(rt: Runtime, r: Ref, ob: Ref, mode: 'count' | 'index' | 'contains'): number {
  const it = getIter(rt, r);
  let n = 0;
  let i = 0;
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it), i++) {
      let same: boolean;
      try {
        same = eq(rt, x, ob);
      } finally {
        rt.decref(x);
      }
      if (same) {
        if (mode !== 'count') return i;
        n++;
      }
    }
  } finally {
    rt.decref(it);
  }
  return mode === 'count' ? n : -1;
}

/** r[slice]: a new range (cf. compute_slice). */
function rangeSlice(rt: Runtime, r: Ref, s: Ref): Ref {
  const [start, stop, step] = sliceIndicesBig(rt, s, big(val(rt, r, RG_LEN)));
  const rstart = big(val(rt, r, RG_START));
  const rstep = big(val(rt, r, RG_STEP));
  return newRange(rt, rstart + start * rstep, rstart + stop * rstep, rstep * step);
}

function rangeLen(rt: Runtime, r: Ref): number {
  const n = val(rt, r, RG_LEN);
  if (typeof n === 'number') return n;
  if (n > LONG_MAX) rt.raise('OverflowError', 'Python int too large to convert to C ssize_t');
  return Number(n);
}

function rangeRepr(rt: Runtime, r: Ref): string {
  const start = val(rt, r, RG_START);
  const stop = val(rt, r, RG_STOP);
  const step = val(rt, r, RG_STEP);
  return step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
}

/** range_equals: ranges are equal when they produce the same sequence. */
function rangeEquals(rt: Runtime, a: Ref, b: Ref): boolean {
  if (a === b) return true;
  const la = val(rt, a, RG_LEN);
  if (la !== val(rt, b, RG_LEN)) return false;
  if (la === 0) return true;
  if (val(rt, a, RG_START) !== val(rt, b, RG_START)) return false;
  if (la === 1) return true;
  return val(rt, a, RG_STEP) === val(rt, b, RG_STEP);
}

defineSlots(Kind.RANGE, {
  dealloc(rt, r) {
    for (const off of [RG_START, RG_STOP, RG_STEP, RG_LEN]) rt.decref(field(rt, r, off));
  },
  repr: rangeRepr,
  hash(rt, r) {
    // cf. range_hash: the hash of (len, start, step), with None for what does not matter
    const len = field(rt, r, RG_LEN);
    const n = rt.intValue(len);
    if (n === 0) return hashItems(rt, [len, rt.None, rt.None]);
    if (n === 1) return hashItems(rt, [len, field(rt, r, RG_START), rt.None]);
    return hashItems(rt, [len, field(rt, r, RG_START), field(rt, r, RG_STEP)]);
  },
  richcompare(rt, a, b, op) {
    if ((op !== 2 && op !== 3) || rt.kindOf(a) !== Kind.RANGE || rt.kindOf(b) !== Kind.RANGE) return 0;
    return rt.bool(rangeEquals(rt, a, b) === (op === 2));
  },
  len: rangeLen,
  bool(rt, r) {
    const n = val(rt, r, RG_LEN);
    return n !== 0 && n !== 0n;
  },
  getitem(rt, r, key) {
    if (isIndexLike(rt, key)) return rangeItem(rt, r, indexValue(rt, key));
    if (rt.kindOf(key) === Kind.SLICE) return rangeSlice(rt, r, key);
    return rt.raise('TypeError', `range indices must be integers or slices, not ${rt.typeNameOf(key)}`);
  },
  contains(rt, r, ob) {
    if (isExactIntOrBool(rt, ob)) return containsInt(rt, r, rt.intValue(ob));
    return iterSearch(rt, r, ob, 'contains') >= 0;
  },
  iter(rt, r) {
    const start = val(rt, r, RG_START);
    const stop = val(rt, r, RG_STOP);
    const step = val(rt, r, RG_STEP);
    const len = val(rt, r, RG_LEN);
    if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number' && typeof len === 'number') {
      return newRangeIter(rt, start, step, len, false);
    }
    // cf. range_iter: CPython's fast iterator needs every value to fit a C long
    let long = !(fitsLong(big(start)) && fitsLong(big(stop)) && fitsLong(big(step)) && fitsLong(big(len)));
    if (!long && len !== 0 && len !== 0n) {
      long = big(step) > 0n ? big(stop) > LONG_MAX - (big(step) - 1n) : big(stop) < LONG_MIN + (-1n - big(step));
    }
    return newRangeIter(rt, start, step, len, long);
  },
});

defineGetter(Kind.RANGE, 'range', 'start', (rt, _a, _k, self) => {
  const v = field(rt, self, RG_START);
  rt.incref(v);
  return v;
});
defineGetter(Kind.RANGE, 'range', 'stop', (rt, _a, _k, self) => {
  const v = field(rt, self, RG_STOP);
  rt.incref(v);
  return v;
});
defineGetter(Kind.RANGE, 'range', 'step', (rt, _a, _k, self) => {
  const v = field(rt, self, RG_STEP);
  rt.incref(v);
  return v;
});

defineMethod(Kind.RANGE, 'range', 'count', (rt, args, kwargs, self) => {
  checkArity(rt, 'range.count', args, kwargs, 1, 1);
  const ob = args[0]!;
  if (isExactIntOrBool(rt, ob)) return rt.newInt(containsInt(rt, self, rt.intValue(ob)) ? 1 : 0);
  return rt.newInt(iterSearch(rt, self, ob, 'count'));
});

defineMethod(Kind.RANGE, 'range', 'index', (rt, args, kwargs, self) => {
  checkArity(rt, 'range.index', args, kwargs, 1, 1);
  const ob = args[0]!;
  if (!isExactIntOrBool(rt, ob)) {
    const i = iterSearch(rt, self, ob, 'index');
    if (i < 0) rt.raise('ValueError', 'sequence.index(x): x not in sequence');
    return rt.newInt(i);
  }
  const v = rt.intValue(ob);
  if (!containsInt(rt, self, v)) rt.raise('ValueError', `${v} is not in range`);
  return rt.newInt(indexOfInt(rt, self, v));
});

defineMethod(Kind.RANGE, 'range', '__reversed__', (rt, args, kwargs, self) => {
  checkArity(rt, 'range.__reversed__', args, kwargs, 0, 0);
  return reversedRange(rt, self);
});

/** `reversed(range)`: a range_iterator from the last value down (cf. range_reverse). */
export function reversedRange(rt: Runtime, r: Ref): Ref {
  const start = val(rt, r, RG_START);
  const stop = val(rt, r, RG_STOP);
  const step = val(rt, r, RG_STEP);
  const len = val(rt, r, RG_LEN);
  const bs = big(step);
  const long = !(fitsLong(big(start)) && fitsLong(big(stop)) && fitsLong(bs) && bs !== LONG_MIN
    && fitsLong(big(start) - bs) && fitsLong(big(len)));
  let last: Int;
  if (typeof start === 'number' && typeof step === 'number' && typeof len === 'number'
    && Math.abs(start) < COMPACT_LIMIT && Math.abs((len - 1) * step) < COMPACT_LIMIT) {
    last = len === 0 ? start : start + (len - 1) * step;
  } else last = big(len) === 0n ? big(start) : big(start) + (big(len) - 1n) * bs;
  return newRangeIter(rt, last, typeof step === 'number' ? -step : -bs, len, long);
}

// ================= range_iterator =================
/** A range_iterator yielding `len` ints from `start` by `step` (new reference). */
export function newRangeIter(rt: Runtime, start: Int, step: Int, len: Int, longName = false): Ref {
  const it = rt.allocKind(Kind.RANGE_ITER, RI_BYTES);
  rt.i32[(it + RI_LONG_NAME) >> 2] = longName ? 1 : 0;
  if (typeof start === 'number' && typeof step === 'number' && typeof len === 'number'
    && Math.abs(start) + len * Math.abs(step) < COMPACT_LIMIT) {
    rt.i32[(it + RI_MODE) >> 2] = 0;
    rt.f64[(it + RI_NEXT) >> 3] = start;
    rt.f64[(it + RI_STEP) >> 3] = step;
    rt.f64[(it + RI_LEFT) >> 3] = len;
    return it;
  }
  rt.i32[(it + RI_MODE) >> 2] = 1;
  rt.i32[(it + RI_NEXT_REF) >> 2] = rt.newInt(start);
  rt.i32[(it + RI_STEP_REF) >> 2] = rt.newInt(step);
  rt.i32[(it + RI_LEFT_REF) >> 2] = rt.newInt(len);
  return it;
}

defineSlots(Kind.RANGE_ITER, {
  dealloc(rt, it) {
    if (rt.i32[(it + RI_MODE) >> 2] === 1) {
      for (const off of [RI_NEXT_REF, RI_STEP_REF, RI_LEFT_REF]) rt.decref(field(rt, it, off));
    }
  },
  repr(rt, it) {
    const name = rt.i32[(it + RI_LONG_NAME) >> 2] === 1 ? 'longrange_iterator' : 'range_iterator';
    return `<${name} object at 0x${idOf(it).toString(16)}>`;
  },
  iter(rt, it) {
    rt.incref(it);
    return it;
  },
  next(rt, it) {
    const f64 = rt.f64;
    if (rt.i32[(it + RI_MODE) >> 2] === 0) {
      const left = f64[(it + RI_LEFT) >> 3]!;
      if (left <= 0) return 0;
      const v = f64[(it + RI_NEXT) >> 3]!;
      f64[(it + RI_NEXT) >> 3] = v + f64[(it + RI_STEP) >> 3]!;
      f64[(it + RI_LEFT) >> 3] = left - 1;
      return rt.newInt(v);
    }
    const leftRef = field(rt, it, RI_LEFT_REF);
    const left = rt.intValue(leftRef);
    if (left === 0 || left === 0n) return 0;
    const cur = field(rt, it, RI_NEXT_REF);
    const step = rt.intValue(field(rt, it, RI_STEP_REF));
    rt.i32[(it + RI_NEXT_REF) >> 2] = rt.newInt(big(rt.intValue(cur)) + big(step));
    rt.i32[(it + RI_LEFT_REF) >> 2] = rt.newInt(big(left) - 1n);
    rt.decref(leftRef);
    return cur; // the iterator's reference becomes the caller's
  },
});

defineMethod(Kind.RANGE_ITER, 'range_iterator', '__iter__', (rt, args, kwargs, self) => {
  checkArity(rt, 'range_iterator.__iter__', args, kwargs, 0, 0);
  rt.incref(self);
  return self;
});
defineMethod(Kind.RANGE_ITER, 'range_iterator', '__next__', (rt, args, kwargs, self) => {
  checkArity(rt, 'range_iterator.__next__', args, kwargs, 0, 0);
  return nextOrStop(rt, self);
});
