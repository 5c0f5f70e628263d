/** tuple: an immutable, fixed-size array of references, inline after its size. */
import { OB_TYPE, type Ref } from '../heap/layout.js';
import { TP_FLAGS, TPF_HIDDEN_MASK, TPF_HIDDEN_SHIFT, TUPLE_ITEMS, TUPLE_SIZE, type Runtime } from '../runtime.js';
import { Kind } from './kinds.js';

export { TUPLE_ITEMS, TUPLE_SIZE };

/** A new tuple of `n` NULL items (new reference): the caller fills every item before anyone sees it. */
export function newTuple(rt: Runtime, n: number): Ref {
  if (n === 0) return rt.emptyTuple;
  const t = rt.allocKind(Kind.TUPLE, TUPLE_ITEMS + n * 4);
  rt.i32[(t + TUPLE_SIZE) >> 2] = n;
  rt.gcTrack(t);
  return t;
}

/** A new tuple holding `items` (each borrowed; the tuple takes its own references). */
export function tupleFrom(rt: Runtime, items: readonly Ref[]): Ref {
  const t = newTuple(rt, items.length);
  const base = (t + TUPLE_ITEMS) >> 2;
  for (let i = 0; i < items.length; i++) {
    rt.incref(items[i]!);
    rt.i32[base + i] = items[i]!;
  }
  return t;
}

/** A new tuple that steals the references in `items`. */
export function tupleSteal(rt: Runtime, items: readonly Ref[]): Ref {
  const t = newTuple(rt, items.length);
  rt.i32.set(items, (t + TUPLE_ITEMS) >> 2);
  return t;
}

export function tupleSize(rt: Runtime, t: Ref): number {
  return rt.i32[(t + TUPLE_SIZE) >> 2]!;
}
/** The references `t` holds: its items, and for a struct sequence the fields kept past them (see
 *  TPF_HIDDEN_SHIFT). What its dealloc releases and the collector visits. */
export function tupleRealSize(rt: Runtime, t: Ref): number {
  const i32 = rt.i32;
  const flags = i32[(i32[(t + OB_TYPE) >> 2]! + TP_FLAGS) >> 2]!;
  return i32[(t + TUPLE_SIZE) >> 2]! + ((flags & TPF_HIDDEN_MASK) >> TPF_HIDDEN_SHIFT);
}
/** Item `i` (borrowed). */
export function tupleItem(rt: Runtime, t: Ref, i: number): Ref {
  return rt.i32[((t + TUPLE_ITEMS) >> 2) + i]! as Ref;
}
/** The items (borrowed). */
export function tupleItems(rt: Runtime, t: Ref): Ref[] {
  const n = tupleSize(rt, t);
  const base = (t + TUPLE_ITEMS) >> 2;
  const i32 = rt.i32;
  const out = new Array<Ref>(n);
  for (let i = 0; i < n; i++) out[i] = i32[base + i]! as Ref; // (a subarray view costs more than the copy)
  return out;
}
