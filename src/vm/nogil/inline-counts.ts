/**
 * The no-GIL loop's inline reference counts (loop-nogil.gen.ts): the owner's common case done in place,
 * as GIL mode's loop does (a plain change of the local count, when this JS thread's worker owns the
 * object and the count stays above zero), everything else through the runtime's biased counting
 * (nogil/brc.ts). Exactly BiasedRefcounts.incref / decref's owner paths, without the calls.
 */
import { IMMORTAL_REFCNT, META_OWNER_MASK, META_OWNER_SHIFT, OB_META, OB_REF_SHARED, OB_TYPE, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import type { WorkerHeap } from './worker-heap.js';

/** This JS thread's worker id in the owner field's position; -1 (never equal) in heap-checking mode or
 *  before a worker is attached, so that every count goes through the runtime. */
let ownerBits = -1;
/** This JS thread's allocator (for the number fast path of nogilDecref). */
let alloc: WorkerHeap | null = null;
export function setInlineOwner(id: number, debug: boolean, heap: WorkerHeap): void {
  ownerBits = debug ? -1 : id << META_OWNER_SHIFT;
  alloc = heap;
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
