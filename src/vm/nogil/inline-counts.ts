/**
 * The no-GIL loop's inline reference counts (loop-nogil.gen.ts): the owner's common case done in place,
 * as GIL mode's loop does (a plain change of the local count, when this JS thread's worker owns the
 * object and the count stays above zero), everything else through the runtime's biased counting
 * (nogil/brc.ts). Exactly BiasedRefcounts.incref / decref's owner paths, without the calls.
 */
import {
  IMMORTAL_REFCNT, META_CLASS_SHIFT, META_OWNER_MASK, META_OWNER_SHIFT, OB_META, OB_REF_SHARED, OB_TYPE, SMALL_INT_MAX,
  SMALL_INT_MIN, type Ref,
} from '../heap/layout.js';
import { CLASS_24 } from '../heap/heap.js';
import { INT_VALUE, type Runtime } from '../runtime.js';
import type { WorkerHeap } from './worker-heap.js';

/** This JS thread's worker id in the owner field's position; -1 (never equal) in heap-checking mode or
 *  before a worker is attached, so that every count goes through the runtime. */
let ownerBits = -1;
/** This JS thread's allocator (for the number fast path of nogilDecref). */
let alloc: WorkerHeap | null = null;
/** Word indices of this worker's class-24 free-list head and allocation counter (-1: none). */
let numberList = -1;
let allocsWord = -1;
export function setInlineOwner(id: number, debug: boolean, heap: WorkerHeap): void {
  ownerBits = debug ? -1 : id << META_OWNER_SHIFT;
  alloc = heap;
  numberList = debug ? -1 : heap.numberList;
  allocsWord = heap.allocsWord;
}

/** Runtime.newCompactInt for the no-GIL loop (a new reference): a new int from this worker's own free list, popped in
 *  place as GIL mode's newCompactInt pops the heap's (the cached small ints and an empty list go through
 *  the runtime). Same block state as WorkerHeap.allocClassUninit leaves. */
export function nogilNewInt(rt: Runtime, v: number): Ref {
  const i32 = rt.i32;
  if (numberList >= 0 && (v < SMALL_INT_MIN || v > SMALL_INT_MAX)) {
    const r = i32[numberList]!;
    if (r !== 0) {
      i32[numberList] = i32[(r + 8) >> 2]!;
      i32[(r + OB_META) >> 2] = (CLASS_24 << META_CLASS_SHIFT) | ownerBits;
      i32[allocsWord]!++;
      i32[r >> 2] = 1;
      i32[(r + OB_TYPE) >> 2] = rt.intType;
      i32[(r + OB_REF_SHARED) >> 2] = 0;
      rt.f64[(r + INT_VALUE) >> 3] = v === 0 ? 0 : v;
      return r as Ref;
    }
  }
  return rt.newCompactInt(v);
}

export function nogilIncref(rt: Runtime, r: number): void {
  const i32 = rt.i32;
  const c = i32[r >> 2]!;
  if (c >= IMMORTAL_REFCNT) return;
  if ((i32[(r + OB_META) >> 2]! & META_OWNER_MASK) === ownerBits) i32[r >> 2] = c + 1;
  else rt.incref(r as Ref);
}

export function nogilDecref(rt: Runtime, r: number): void {
  const i32 = rt.i32;
  const c = i32[r >> 2]!;
  if (c >= IMMORTAL_REFCNT) return;
  if ((i32[(r + OB_META) >> 2]! & META_OWNER_MASK) === ownerBits) {
    if (c > 1) {
      i32[r >> 2] = c - 1;
      return;
    }
    // the last reference to one of its own numbers that no other worker counted: freed at once
    const type = i32[(r + OB_TYPE) >> 2]!;
    if (c === 1 && (type === rt.intType || type === rt.floatType) && rt.onDealloc === null &&
      Atomics.load(i32, (r + OB_REF_SHARED) >> 2) === 0) {
      alloc!.freeNumber(r as Ref);
      return;
    }
  }
  rt.decref(r as Ref);
}
