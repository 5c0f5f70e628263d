/** slice objects and the index arithmetic of sequences (cf. CPython sliceobject.c PySlice_Unpack,
 *  PySlice_AdjustIndices). */
import type { Ref } from '../heap/layout.js';
import { TP_FLAGS, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { eq, indexValue, repr } from './protocols.js';
import { defineConstructor } from './constructors.js';
import { defineGetter, defineMethod, refFieldGetter } from './type.js';
import { tupleSteal } from './tuple.js';
import { SLOTS, defineSlots } from './slots.js';
import { intern, typeLookup } from './type.js';

export const SLICE_START = 16;
export const SLICE_STOP = 20;
export const SLICE_STEP = 24;

const MAX = Number.MAX_SAFE_INTEGER;

/** The value of a slice bound as a JS number (clamped like Py_ssize_t), or null for None. */
function bound(rt: Runtime, r: Ref): number | null {
  if (r === rt.None) return null;
  if (!isIndexLike(rt, r)) rt.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
  const v = indexValue(rt, r);
  if (typeof v === 'bigint') return v > 0n ? MAX : -MAX;
  return v;
}

/** PySlice_Unpack + PySlice_AdjustIndices: [start, stop, step, length] for a sequence of `len` items. */
export function sliceIndices(rt: Runtime, s: Ref, len: number): [number, number, number, number] {
  const i32 = rt.i32;
  const stepV = bound(rt, i32[(s + SLICE_STEP) >> 2]! as Ref);
  const step = stepV ?? 1;
  if (step === 0) rt.raise('ValueError', 'slice step cannot be zero');
  const startV = bound(rt, i32[(s + SLICE_START) >> 2]! as Ref);
  const stopV = bound(rt, i32[(s + SLICE_STOP) >> 2]! as Ref);
  let start: number;
  let stop: number;
  if (startV === null) start = step < 0 ? len - 1 : 0;
  else {
    start = startV;
    if (start < 0) {
      start += len;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (stopV === null) stop = step < 0 ? -1 : len;
  else {
    stop = stopV;
    if (stop < 0) {
      stop += len;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  let length = 0;
  if (step < 0) {
    if (stop < start) length = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) length = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, length];
}

export function isSlice(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.SLICE;
}

defineSlots(Kind.SLICE, {
  dealloc(rt, s) {
    rt.decref(rt.i32[(s + SLICE_START) >> 2]! as Ref);
    rt.decref(rt.i32[(s + SLICE_STOP) >> 2]! as Ref);
    rt.decref(rt.i32[(s + SLICE_STEP) >> 2]! as Ref);
  },
  repr(rt, s) {
    const f = (o: number): string => repr(rt, rt.i32[(s + o) >> 2]! as Ref);
    return `slice(${f(SLICE_START)}, ${f(SLICE_STOP)}, ${f(SLICE_STEP)})`;
  },
});

// ================= index conversions shared by the sequences =================
const indexNames = new WeakMap<Runtime, Ref>();

/** True if `r` can be used as an index: an int, a bool, or an object whose type defines __index__
 *  (cf. CPython _PyIndex_Check). */
export function isIndexLike(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  if (k === Kind.INT || k === Kind.BOOL) return true;
  const type = rt.typeOf(r);
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) {
    let name = indexNames.get(rt);
    if (name === undefined) {
      name = intern(rt, '__index__');
      indexNames.set(rt, name);
    }
    if (typeLookup(rt, type, name) !== 0) return true;
  }
  return k !== Kind.FLOAT && SLOTS[k]!.index !== undefined;
}

const SSIZE_MAX = 2n ** 63n - 1n;

/**
 * PyNumber_AsSsize_t(key, IndexError) for subscripts: the index as a number. Values beyond a JS safe
 * integer but within Py_ssize_t come back as +-MAX_SAFE_INTEGER (out of range for any sequence);
 * beyond Py_ssize_t, `errType` is raised with CPython's "cannot fit" message.
 */
export function asSsize(rt: Runtime, key: Ref, errType = 'IndexError'): number {
  const v = indexValue(rt, key);
  if (typeof v === 'number') return v;
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) rt.raise(errType, "cannot fit 'int' into an index-sized integer");
  return v > 0n ? MAX : -MAX;
}

/** _PyEval_SliceIndexNotNone: a start/stop argument of index()/count() (clamped like Py_ssize_t). */
export function sliceIndexArg(rt: Runtime, r: Ref): number {
  if (!isIndexLike(rt, r)) rt.raise('TypeError', 'slice indices must be integers or have an __index__ method');
  const v = indexValue(rt, r);
  if (typeof v === 'bigint') return v > 0n ? MAX : -MAX;
  return v;
}

/** A slice bound as an exact integer (cf. evaluate_slice_index), or null for None. */
function bigBound(rt: Runtime, r: Ref): bigint | null {
  if (r === rt.None) return null;
  if (!isIndexLike(rt, r)) rt.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
  return BigInt(indexValue(rt, r));
}

/** _PySlice_GetLongIndices: exact [start, stop, step] for a sequence of `length` items (what
 *  slice.indices() returns, and how ranges are sliced). */
export function sliceIndicesBig(rt: Runtime, s: Ref, length: bigint): [bigint, bigint, bigint] {
  const i32 = rt.i32;
  const stepV = bigBound(rt, i32[(s + SLICE_STEP) >> 2]! as Ref);
  const step = stepV ?? 1n;
  if (step === 0n) rt.raise('ValueError', 'slice step cannot be zero');
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  const startV = bigBound(rt, i32[(s + SLICE_START) >> 2]! as Ref);
  let start: bigint;
  if (startV === null) start = neg ? upper : lower;
  else if (startV < 0n) {
    start = startV + length;
    if (start < lower) start = lower;
  } else start = startV > upper ? upper : startV;
  const stopV = bigBound(rt, i32[(s + SLICE_STOP) >> 2]! as Ref);
  let stop: bigint;
  if (stopV === null) stop = neg ? lower : upper;
  else if (stopV < 0n) {
    stop = stopV + length;
    if (stop < lower) stop = lower;
  } else stop = stopV > upper ? upper : stopV;
  return [start, stop, step];
}

defineConstructor(Kind.SLICE, (rt, _type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'slice() takes no keyword arguments');
  if (args.length === 0) rt.raise('TypeError', 'slice expected at least 1 argument, got 0');
  if (args.length > 3) rt.raise('TypeError', `slice expected at most 3 arguments, got ${args.length}`);
  const [a, b, c] = args.length === 1 ? [rt.None, args[0]!, rt.None] : [args[0]!, args[1]!, args[2] ?? rt.None];
  const s = rt.allocKind(Kind.SLICE, 32);
  for (const [off, v] of [[SLICE_START, a], [SLICE_STOP, b], [SLICE_STEP, c]] as const) {
    rt.incref(v);
    rt.i32[(s + off) >> 2] = v;
  }
  return s;
});
defineGetter(Kind.SLICE, 'slice', 'start', refFieldGetter(SLICE_START));
defineGetter(Kind.SLICE, 'slice', 'stop', refFieldGetter(SLICE_STOP));
defineGetter(Kind.SLICE, 'slice', 'step', refFieldGetter(SLICE_STEP));
defineMethod(Kind.SLICE, 'slice', 'indices', (rt, args, _k, self) => {
  if (args.length !== 1) rt.raise('TypeError', `slice.indices() takes exactly one argument (${args.length} given)`);
  const n = indexValue(rt, args[0]!);
  if (n < 0) rt.raise('ValueError', 'length should not be negative');
  const [start, stop, step] = sliceIndices(rt, self, Number(n));
  return tupleSteal(rt, [rt.newInt(start), rt.newInt(stop), rt.newInt(step)]);
});
defineSlots(Kind.SLICE, {
  richcompare(rt, a, b, op) {
    if ((op !== 2 && op !== 3) || rt.kindOf(b) !== Kind.SLICE) return 0;
    let same = true;
    for (const off of [SLICE_START, SLICE_STOP, SLICE_STEP]) {
      if (!eq(rt, rt.i32[(a + off) >> 2]! as Ref, rt.i32[(b + off) >> 2]! as Ref)) same = false;
    }
    return rt.bool(op === 2 ? same : !same);
  },
});
