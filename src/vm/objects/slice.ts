/** slice objects and the index arithmetic of sequences (cf. CPython sliceobject.c PySlice_Unpack,
 *  PySlice_AdjustIndices). */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { indexValue, repr } from './protocols.js';
import { defineSlots } from './slots.js';

export const SLICE_START = 16;
export const SLICE_STOP = 20;
export const SLICE_STEP = 24;

const MAX = Number.MAX_SAFE_INTEGER;

/** The value of a slice bound as a JS number (clamped like Py_ssize_t), or null for None. */
function bound(rt: Runtime, r: Ref): number | null {
  if (r === rt.None) return null;
  let v: number | bigint;
  try {
    v = indexValue(rt, r);
  } catch (e) {
    throw e;
  }
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
