/**
 * Biased reference counting (PEP 703) for no-GIL mode: the count of an object is split in two.
 *
 * - OB_REFCNT is the LOCAL count, read and written only by the object's OWNER (the worker whose id is in
 *   OB_META's owner bits: the one that allocated it), with plain loads and stores: as fast as GIL mode.
 * - OB_REF_SHARED is the SHARED word, changed by every other worker with Atomics only:
 *   `count << SHARED_SHIFT | state`, the count signed (it can go below zero, see below), the state one of
 *   SHARED_DEFAULT, SHARED_QUEUED (the object waits in its owner's merge queue) or SHARED_MERGED (the
 *   local count has been folded in: the object has no owner any more and its whole count is shared).
 * - Immortal objects (OB_REFCNT >= IMMORTAL_REFCNT) are never written by either path.
 * - The total, what sys.getrefcount reports, is local + shared count.
 *
 * The rules (cf. CPython 3.13's Py_INCREF / Py_DECREF / _Py_DecRefShared / _Py_MergeZeroLocalRefcount /
 * _Py_ExplicitMergeRefcount / Python/brc.c):
 * 1. incref: the owner adds 1 to local; another worker Atomics.adds 1 << SHARED_SHIFT to shared.
 * 2. decref by the owner: local - 1. At zero, if shared is exactly 0 nobody else holds the object: free
 *    it. Otherwise the owner gives the object up (clears its owner bits, BEFORE publishing, cf. CPython
 *    gh-121794) and compare-and-swaps shared's state to MERGED; if the count in it was 0 too, it frees.
 * 3. decref by another worker, a compare-and-swap loop on shared:
 *    - shared exactly 0 (count 0, state DEFAULT): the reference dropped was counted in the owner's local
 *      count (it was handed over, e.g. through a list). Shared is set to QUEUED, NOT decremented: the
 *      reference now belongs to the owner's merge queue, which gets a node for the object.
 *    - otherwise: shared - 1 (may go below zero while the object is QUEUED); if the result is exactly
 *      MERGED with count 0, this worker frees the object.
 * 4. The owner drains its merge queue at its ticks (and when it detaches): for each object, it merges
 *    local into shared with the queue's reference subtracted (rule 5) and frees the object if that is 0.
 * 5. Merging (only ever by one worker per object: the owner, or the worker that queued it when the
 *    owner is gone) first stores local = 0 and clears the owner bits (cf. gh-119999: after the
 *    compare-and-swap another worker may free the object), then compare-and-swaps shared to
 *    `(shared count + local + extra) << SHARED_SHIFT | MERGED`.
 * 6. A worker that detaches closes its queue (Atomics.exchange with QUEUE_CLOSED) and drains what was
 *    in it. Its objects keep their local counts, frozen ("orphans"); a worker that would queue one finds
 *    the queue closed (its compare-and-swap fails against QUEUE_CLOSED) and merges the object itself.
 *    Owner ids are never reused, so no new owner can start writing an orphan's local count meanwhile.
 *
 * Why each object is freed exactly once. Every transition that can free is an atomic read-modify-write
 * of the one shared word (rule 2's compare-and-swap, rule 3's, rule 5's), and JS Atomics are sequentially
 * consistent, so they happen in one total order and exactly one of them takes the word to "MERGED,
 * count 0". The one free without a read-modify-write is rule 2's fast path: the owner's local count is 0
 * and it reads shared === 0; then no reference is counted anywhere (a non-owner's own reference makes
 * shared > 0, a handed-over one makes local > 0, a queued one makes the state QUEUED), so no other
 * worker can touch the word any more.
 * The Dekker-style race is the owner dropping its last local reference while another worker drops the
 * last shared one. Owner: plain store local = 0; ATOMIC load of shared; if not 0, Atomics.and on the
 * owner bits, then compare-and-swap to MERGED. Other worker: one compare-and-swap on shared. Both sides'
 * decisive accesses are atomic operations on the same word, so whichever comes second in the total order
 * sees the first one's value: either the owner loads 0 (or its compare-and-swap retries and finds count
 * 0) and frees, or the other worker takes MERGED|count 1 to MERGED and frees; never both, never
 * neither. Accesses that must be Atomics: every read and write of OB_REF_SHARED (a plain load could
 * also miss the happens-before edge from the other worker's last writes to the object, which its
 * release publishes), the owner-bit clearing (Atomics.and: it shares OB_META with bits other code
 * reads), the merge queue's head (compare-and-swap to push, exchange to take), and the heap top.
 * Plain accesses suffice for: the local count (written only by the owner; read by another worker only
 * when merging an orphan, after the owner's Atomics.exchange that closed its queue, which orders the
 * owner's last stores first), the owner bits' reads (a stale value is another worker's id or 0, never
 * the reader's own, since only the owner ever clears its own id), and the object's payload (each
 * worker's plain writes precede its own last atomic operation on the object, and the freeing worker's
 * atomic operation comes after all of those, so it sees the object complete and nobody touches it after).
 *
 * What this does NOT solve (see docs/NOGIL.md): reading a BORROWED reference out of a shared container
 * while another worker drops the container's reference (CPython's _Py_TryIncref + QSBR), finalizers that
 * resurrect an object another worker is increfing, OB_META flag updates by plain read-modify-write
 * elsewhere in the runtime.
 */
import { HeapCorruption } from '../heap/heap.js';
import { IMMORTAL_REFCNT, META_OWNER_MASK, META_OWNER_SHIFT, OB_META, OB_REF_SHARED, OB_TYPE, type Ref } from '../heap/layout.js';
import { Kind } from '../objects/kinds.js';
import type { Runtime } from '../runtime.js';
import { slotOf, SLOT_QUEUE, type WorkerHeap } from './worker-heap.js';

export const SHARED_SHIFT = 2;
export const SHARED_ONE = 1 << SHARED_SHIFT;
export const SHARED_STATE_MASK = SHARED_ONE - 1;
export const SHARED_DEFAULT = 0;
/** (1 is CPython's _Py_REF_MAYBE_WEAKREF; unused here so far.) */
export const SHARED_QUEUED = 2;
export const SHARED_MERGED = 3;
/** A merge queue's head after its worker detached: pushing fails, the pusher merges itself. */
export const QUEUE_CLOSED = -1;

/** Merge-queue nodes are 32-byte RAW blocks: the queued object (the node owns the reference the queuing
 *  worker dropped) and the next node. */
const NODE_CLASS = 1;
export const NODE_OBJECT = 16;
export const NODE_NEXT = 20;

/** The owner id recorded in an object's header (0: none, the object is merged). */
export function ownerOf(i32: Int32Array, r: Ref): number {
  return (i32[(r + OB_META) >> 2]! & META_OWNER_MASK) >>> META_OWNER_SHIFT;
}

/** One worker's reference counting over a no-GIL heap. */
export class BiasedRefcounts {
  readonly id: number;
  private readonly i32: Int32Array;
  private readonly queueWord: number;
  /** How many objects this worker merged from its queue (or as orphans), and how many queue nodes it
   *  pushed to other owners: for tests and statistics. */
  merged = 0;
  queued = 0;

  constructor(readonly rt: Runtime, readonly alloc: WorkerHeap) {
    this.id = alloc.id;
    this.i32 = rt.i32;
    this.queueWord = (slotOf(alloc.table, alloc.id) + SLOT_QUEUE) >> 2;
  }

  /** Routes rt.incref / rt.decref / rt.refcount to this worker's (own properties of that one Runtime,
   *  as trace/heap-hooks.ts does: every other Runtime keeps the shared GIL-mode methods). */
  install(): void {
    const rt = this.rt;
    rt.incref = (r: Ref): void => this.incref(r);
    rt.decref = (r: Ref): void => this.decref(r);
    rt.refcount = (r: Ref): number => this.refcount(r);
  }

  incref(r: Ref): void {
    const i32 = this.i32;
    const c = i32[r >> 2]!;
    if (c >= IMMORTAL_REFCNT) return;
    if (this.rt.heap.debug) this.rt.heap.check(r, 'incref');
    if ((i32[(r + OB_META) >> 2]! & META_OWNER_MASK) === this.id << META_OWNER_SHIFT) i32[r >> 2] = c + 1;
    else Atomics.add(i32, (r + OB_REF_SHARED) >> 2, SHARED_ONE);
  }

  decref(r: Ref): void {
    const i32 = this.i32;
    const c = i32[r >> 2]!;
    if (c >= IMMORTAL_REFCNT) return;
    if (this.rt.heap.debug) this.rt.heap.check(r, 'decref');
    if ((i32[(r + OB_META) >> 2]! & META_OWNER_MASK) === this.id << META_OWNER_SHIFT) {
      if (c > 1) {
        i32[r >> 2] = c - 1;
        return;
      }
      if (c < 1) throw new HeapCorruption(`decref of ${r} with local count ${c}`);
      i32[r >> 2] = 0;
      const rt = this.rt;
      const type = i32[(r + OB_TYPE) >> 2]!;
      if ((type === rt.intType || type === rt.floatType) && Atomics.load(i32, (r + OB_REF_SHARED) >> 2) === 0 &&
        rt.onDealloc === null && !rt.heap.debug) {
        this.alloc.freeNumber(r); // rule 2's "shared exactly 0: free now", for a number (no references)
        return;
      }
      this.mergeZeroLocal(r);
    } else {
      this.decrefShared(r);
    }
  }

  /** local + shared count (what sys.getrefcount reports in no-GIL mode, as in free-threaded CPython). */
  refcount(r: Ref): number {
    const c = this.i32[r >> 2]!;
    if (c >= IMMORTAL_REFCNT) return c;
    return c + (Atomics.load(this.i32, (r + OB_REF_SHARED) >> 2) >> SHARED_SHIFT);
  }

  /** Rule 2: the owner's local count reached zero. */
  private mergeZeroLocal(r: Ref): void {
    const i32 = this.i32;
    const word = (r + OB_REF_SHARED) >> 2;
    let shared = Atomics.load(i32, word);
    if (shared === 0) {
      this.free(r);
      return;
    }
    if ((shared & SHARED_STATE_MASK) === SHARED_QUEUED) {
      // the queue's reference is counted in local: local cannot reach 0 before the queue is drained
      throw new HeapCorruption(`object ${r} queued for merging lost its last local reference`);
    }
    Atomics.and(i32, (r + OB_META) >> 2, ~META_OWNER_MASK);
    for (;;) {
      const merged = (shared & ~SHARED_STATE_MASK) | SHARED_MERGED;
      const seen = Atomics.compareExchange(i32, word, shared, merged);
      if (seen === shared) {
        if (merged === SHARED_MERGED) this.free(r);
        return;
      }
      shared = seen;
    }
  }

  /** Rule 3: a worker other than the owner drops a reference. */
  private decrefShared(r: Ref): void {
    const i32 = this.i32;
    const word = (r + OB_REF_SHARED) >> 2;
    let shared = Atomics.load(i32, word);
    for (;;) {
      const queue = shared === 0;
      const next = queue ? SHARED_QUEUED : shared - SHARED_ONE;
      const seen = Atomics.compareExchange(i32, word, shared, next);
      if (seen !== shared) {
        shared = seen;
        continue;
      }
      if (queue) this.queueToOwner(r);
      else if (next === SHARED_MERGED) this.free(r);
      else if ((next & SHARED_STATE_MASK) === SHARED_MERGED && next < 0) {
        throw new HeapCorruption(`merged object ${r} decref'd below zero`);
      }
      return;
    }
  }

  /** Pushes `r` (whose reference the caller gives to the queue) on its owner's merge queue: a lock-free
   *  stack, pushed by compare-and-swap, emptied whole by the owner (so no ABA problem). If the owner has
   *  detached, merges `r` here (rule 6). */
  private queueToOwner(r: Ref): void {
    const i32 = this.i32;
    const owner = ownerOf(i32, r);
    if (owner === 0) throw new HeapCorruption(`object ${r} has no owner but was not merged`);
    const queue = (slotOf(this.alloc.table, owner) + SLOT_QUEUE) >> 2;
    let head = Atomics.load(i32, queue);
    if (head !== QUEUE_CLOSED) {
      const node = this.alloc.allocClassUnlimited(NODE_CLASS);
      i32[node >> 2] = 1;
      i32[(node + 4) >> 2] = this.rt.types[Kind.RAW]!;
      i32[(node + NODE_OBJECT) >> 2] = r;
      for (;;) {
        i32[(node + NODE_NEXT) >> 2] = head; // published by the compare-and-swap
        const seen = Atomics.compareExchange(i32, queue, head, node);
        if (seen === head) {
          this.queued++;
          return;
        }
        head = seen;
        if (head === QUEUE_CLOSED) break;
      }
      this.alloc.free(node);
    }
    this.mergeQueued(r);
  }

  /** Rule 4, at the owner's ticks: merges every object queued to this worker. Returns how many. */
  drainMergeQueue(): number {
    if (Atomics.load(this.i32, this.queueWord) === 0) return 0;
    return this.mergeList(Atomics.exchange(this.i32, this.queueWord, 0));
  }

  /** Rule 6: closes this worker's queue for good and merges what was in it. */
  closeMergeQueue(): number {
    return this.mergeList(Atomics.exchange(this.i32, this.queueWord, QUEUE_CLOSED));
  }

  private mergeList(node: number): number {
    const i32 = this.i32;
    let n = 0;
    while (node !== 0 && node !== QUEUE_CLOSED) {
      const r = i32[(node + NODE_OBJECT) >> 2]! as Ref;
      const next = i32[(node + NODE_NEXT) >> 2]!;
      this.alloc.free(node as Ref);
      this.mergeQueued(r);
      n++;
      node = next;
    }
    return n;
  }

  /** Merges an object whose queue reference the caller holds (rule 5, extra -1); frees it at zero. */
  private mergeQueued(r: Ref): void {
    this.merged++;
    if (explicitMerge(this.i32, r, -1) === 0) this.free(r);
  }

  /** Frees an object whose total count is zero and that this worker has claimed: makes it this worker's
   *  own with a zero count first (so a __del__ that runs counts locally, cf. _PyObject_ResurrectStart),
   *  then the runtime's dealloc releases what it references and gives its block to this worker's list. */
  private free(r: Ref): void {
    const i32 = this.i32;
    const rt = this.rt;
    const type = i32[(r + OB_TYPE) >> 2]!;
    if ((type === rt.intType || type === rt.floatType) && rt.onDealloc === null && !rt.heap.debug) {
      // ints and floats hold no references: straight to this worker's free list, as GIL mode's
      // Runtime.dealloc does (the block's owner and shared word are rewritten when it is handed out)
      this.alloc.freeNumber(r);
      return;
    }
    const m = (r + OB_META) >> 2;
    i32[m] = (i32[m]! & ~META_OWNER_MASK) | (this.id << META_OWNER_SHIFT);
    Atomics.store(i32, (r + OB_REF_SHARED) >> 2, 0);
    i32[r >> 2] = 0;
    this.rt.dealloc(r);
  }
}

/** Rule 5: folds the local count (plus `extra`) into shared, state MERGED, no owner; returns the total.
 *  Only one worker may merge a given object (its owner, or the worker that queued it to a gone owner). */
export function explicitMerge(i32: Int32Array, r: Ref, extra: number): number {
  const local = i32[r >> 2]!;
  i32[r >> 2] = 0;
  Atomics.and(i32, (r + OB_META) >> 2, ~META_OWNER_MASK);
  const word = (r + OB_REF_SHARED) >> 2;
  let shared = Atomics.load(i32, word);
  for (;;) {
    const total = (shared >> SHARED_SHIFT) + local + extra;
    if (total < 0) throw new HeapCorruption(`object ${r} merged to a negative count (${total})`);
    const seen = Atomics.compareExchange(i32, word, shared, (total << SHARED_SHIFT) | SHARED_MERGED);
    if (seen === shared) return total;
    shared = seen;
  }
}
