/**
 * fork() from a no-GIL heap (multiprocessing in `-X gil=0`): the child gets a byte copy of the heap taken
 * with the world stopped (every other worker parked at a safepoint, so no count, list or dict is half
 * changed), made consistent for a single-threaded VM in GIL mode:
 *
 * - biased counts folded: each object's count becomes local + shared, less the references its merge-queue
 *   nodes hold (a queued object counts one more until its owner merges it, brc.ts rule 5); shared word 0,
 *   owner bits cleared. An object whose folded count is 0 (its last reference was dropped in the parent
 *   and it waits in a queue to be freed there) is kept with a count of 1 in the child, never freed: its
 *   finalizer is the parent's to run.
 * - the merge-queue nodes, the worker table's free lists and the per-worker counters are dropped (the
 *   child allocates fresh blocks; the free blocks of the parent are lost to it), the heap header no longer
 *   names a worker table or a sync block, and the live-object count is recounted;
 * - the tracked containers (no-GIL mode keeps only their flags) are linked into generation 2 of the child's
 *   collector (its image's list heads), and the weak-reference lists come from the heap's registry.
 *
 * The child runs with the GIL (free-threaded CPython's child stays free-threaded: docs/NOGIL.md).
 */
import {
  CLASS_COUNT, FLAG_GC_TRACKED, FREED_TAG, GC_NEXT, GC_PREV, GEN_MASK, GEN_SHIFT, H_FREE_LISTS, H_LIVE_OBJECTS, H_NOGIL_NEXT_ID,
  H_NOGIL_QSBR, H_NOGIL_SYNC, H_NOGIL_TABLE, H_TOP, HEAP_START, IMMORTAL_REFCNT, META_CLASS_SHIFT, META_OWNER_MASK, OB_META, OB_REF_SHARED,
  OB_TYPE,
} from '../heap/layout.js';
import { classBytes } from '../heap/heap.js';
import type { Runtime } from '../runtime.js';
import { NODE_NEXT, NODE_OBJECT, QUEUE_CLOSED, SHARED_SHIFT } from './brc.js';
import { MAX_WORKER_ID, SLOT_QUEUE, slotOf } from './worker-heap.js';

/** What a child forked from a no-GIL heap starts from (besides the rest of the ForkImage). */
export interface NoGilForkCopy {
  heap: SharedArrayBuffer;
  /** The child's generation lists: everything tracked is in generation 2. */
  gcHeads: number[];
}

/**
 * Copies `rt`'s no-GIL heap for a child, with every other worker parked, and makes the copy a GIL-mode
 * heap (see the module comment). `keep` runs inside the pause before the bytes are copied (the caller
 * takes the child's references there) and `after` right after (the weak-reference lists are read there).
 */
export function copyNoGilHeap(rt: Runtime, keep: () => void, after: (copy: SharedArrayBuffer) => void): NoGilForkCopy {
  const locks = rt.containerLocks!;
  const heap = locks.stopTheWorld(() => {
    keep();
    const src = rt.heap.buffer;
    const copy = new SharedArrayBuffer(src.byteLength);
    const top = Atomics.load(rt.i32, H_TOP >> 2);
    new Uint8Array(copy, 0, top).set(new Uint8Array(src, 0, top));
    after(copy);
    return copy;
  });
  return { heap, gcHeads: foldForChild(new Int32Array(heap)) };
}

/** Makes a copied no-GIL heap a single-threaded GIL-mode heap; returns the generation list heads. */
function foldForChild(i32: Int32Array): number[] {
  const table = i32[H_NOGIL_TABLE >> 2]!;
  // the references queue nodes hold, by object; the nodes themselves are dropped
  const queued = new Map<number, number>();
  const nodes = new Set<number>();
  for (let id = 0; id <= MAX_WORKER_ID; id++) {
    for (let n = i32[(slotOf(table, id) + SLOT_QUEUE) >> 2]!; n !== 0 && n !== QUEUE_CLOSED; n = i32[(n + NODE_NEXT) >> 2]!) {
      nodes.add(n);
      const r = i32[(n + NODE_OBJECT) >> 2]!;
      queued.set(r, (queued.get(r) ?? 0) + 1);
    }
  }
  let live = 0;
  let head = 0;
  const top = i32[H_TOP >> 2]!;
  for (let p = HEAP_START; p < top;) {
    const meta = i32[(p + OB_META) >> 2]!;
    const next = p + classBytes(meta >>> META_CLASS_SHIFT);
    const type = i32[(p + OB_TYPE) >> 2]!;
    if (type === FREED_TAG || type === 0) {
      p = next;
      continue;
    }
    if (nodes.has(p)) {
      i32[(p + OB_TYPE) >> 2] = FREED_TAG; // lost to the child (on no free list)
      p = next;
      continue;
    }
    live++;
    if (i32[p >> 2]! < IMMORTAL_REFCNT) {
      const count = i32[p >> 2]! + (i32[(p + OB_REF_SHARED) >> 2]! >> SHARED_SHIFT) - (queued.get(p) ?? 0);
      i32[p >> 2] = Math.max(count, 1);
      i32[(p + OB_REF_SHARED) >> 2] = 0;
    }
    let m = meta & ~META_OWNER_MASK;
    if ((m & FLAG_GC_TRACKED) !== 0) {
      m = (m & ~GEN_MASK) | (2 << GEN_SHIFT);
      i32[(p + GC_PREV) >> 2] = 0;
      i32[(p + GC_NEXT) >> 2] = head;
      if (head !== 0) i32[(head + GC_PREV) >> 2] = p;
      head = p;
    }
    i32[(p + OB_META) >> 2] = m;
    p = next;
  }
  for (let c = 0; c < CLASS_COUNT; c++) i32[(H_FREE_LISTS >> 2) + c] = 0;
  i32[H_LIVE_OBJECTS >> 2] = live;
  i32[H_NOGIL_TABLE >> 2] = 0;
  i32[H_NOGIL_SYNC >> 2] = 0;
  i32[H_NOGIL_QSBR >> 2] = 0;
  i32[H_NOGIL_NEXT_ID >> 2] = 0;
  return [0, 0, head];
}
