/**
 * Entering no-GIL mode on a heap, and attaching a worker's Runtime to it: the per-heap and per-VM
 * switches that the rest of no-GIL mode (threads on workers, `--gil=off`) will plug into. Not reachable
 * from the command line yet; GIL mode's code paths are untouched (a no-GIL Runtime and Heap get their own
 * methods as own properties, see worker-heap.ts and brc.ts).
 */
import { HeapCorruption } from '../heap/heap.js';
import {
  FREED_TAG, GC_NEXT, GC_PREV, HEAP_START, IMMORTAL_REFCNT, META_CLASS_SHIFT, META_OWNER_MASK, META_OWNER_SHIFT, OB_META,
  OB_REF_SHARED, OB_TYPE, type Ref,
} from '../heap/layout.js';
import { classBytes } from '../heap/heap.js';
import { Kind } from '../objects/kinds.js';
import type { Runtime } from '../runtime.js';
import { BiasedRefcounts } from './brc.js';
import { automaticCollectionDue, ContainerLocks, installSyncBlock, sharedGcEnabled, sharedThresholds, SYNC_BYTES } from './sync.js';
import { FLAG_GC_TRACKED, GEN_MASK } from '../heap/layout.js';
import { enableHeapWeakrefLists } from '../objects/weakref.js';
import { makeAuxTypes } from '../objects/dict-type.js';
import { enableWorkerTable, TABLE_BYTES, WorkerHeap, workerTable } from './worker-heap.js';
import { DelayedDrops, installQsbrBlock, QSBR_BYTES } from './qsbr.js';

/** One worker's membership of a no-GIL heap. */
export class NoGilWorker {
  readonly id: number;
  readonly alloc: WorkerHeap;
  readonly refcounts: BiasedRefcounts;
  private detached = false;

  /** This worker's container locks and safepoints (also `rt.containerLocks`). */
  readonly locks: ContainerLocks;
  /** What dicts give up, dropped once every other worker passed a quiescent point (also
   *  `rt.delayedDrops`; qsbr.ts). */
  readonly drops: DelayedDrops;

  constructor(readonly rt: Runtime) {
    this.alloc = new WorkerHeap(rt.heap);
    this.id = this.alloc.id;
    this.refcounts = new BiasedRefcounts(rt, this.alloc);
    this.refcounts.install();
    this.locks = new ContainerLocks(rt, this.id);
    rt.containerLocks = this.locks;
    rt.atomicHeader = true;
    this.drops = new DelayedDrops(rt, this.id, this.locks, (wait) => this.blocking(wait));
    installHeapWalkingGc(rt, this.drops);
    rt.delayedDrops = this.drops;
    this.locks.enterRunning(); // (waits if a collection is stopping the world right now)
    this.drops.goOnline();
  }

  /** The owner's periodic duty (the interpreter's eval-breaker tick): a safepoint (parks while another
   *  worker has the world stopped), a quiescent point (qsbr.ts: drops what dicts gave up once the other
   *  workers passed theirs), then merges the objects other workers queued to it. Returns how many it
   *  merged. */
  tick(): number {
    this.locks.safepoint();
    this.drops.quiescent();
    return this.refcounts.drainMergeQueue();
  }

  /** The worker's threads all wait (its scheduler is about to sleep): the duties of a tick that free
   *  things, so that a `__del__` another thread waits for is not held back until this worker runs again:
   *  the drops due (qsbr.ts) and the objects other workers queued to it (brc.ts). May run Python code
   *  (finalizers). Not while a container lock is held. */
  whileWaiting(): void {
    if (this.locks.held !== 0) return;
    if (this.drops.pending > 0) this.drops.quiescent();
    this.refcounts.drainMergeQueue();
  }

  /** A safepoint only (cheap: one atomic load when nobody is stopping the world). True if it parked. */
  safepoint(): boolean {
    return this.locks.safepoint();
  }

  /** Before the worker blocks for a long time (a _thread lock, join, sleep, I/O): leaves the running set,
   *  so that a collection does not wait for it. It must not touch the heap until `blockingEnd`. */
  blockingBegin(): void {
    this.drops.goOffline();
    this.locks.leaveRunning();
  }

  /** After blocking: re-enters the running set (waits while the world is stopped). */
  blockingEnd(): void {
    this.locks.enterRunning();
    this.drops.goOnline();
  }

  /** Runs `wait` (which must not touch the heap) outside the running set: blockingBegin, wait, blockingEnd.
   *  (Also a quiescent point: no borrowed reference may be held across it, as with the GIL released.) */
  blocking<T>(wait: () => T): T {
    this.blockingBegin();
    try {
      return wait();
    } finally {
      this.blockingEnd();
    }
  }

  /** Runs `fn` with every other worker parked at a safepoint (a collection, a heap walk, fork). */
  stopTheWorld<T>(fn: () => T): T {
    return this.locks.stopTheWorld(fn);
  }

  /** The worker is leaving (its thread ends): closes and drains its merge queue, then leaves its free
   *  lists to the next worker that attaches. The Runtime must not be used afterwards. */
  detach(): void {
    if (this.detached) return;
    if (this.locks.held !== 0) throw new HeapCorruption(`worker ${this.id} detaches holding ${this.locks.held} container locks`);
    this.drops.drainForDetach();
    this.detached = true;
    this.refcounts.closeMergeQueue();
    this.alloc.markDetached();
    this.locks.leaveForGood();
  }
}

/**
 * In no-GIL mode the collector's generation lists (per Runtime, linked through the objects) cannot be
 * used: an object tracked by one worker may be freed by another. Tracking only sets or clears the flag
 * (Atomics.or / Atomics.and: the owner bits share the word), and every collection walks the heap with
 * the world stopped (gc.ts's `collect` does so when `rt.containerLocks` is set). The automatic
 * collection counts per worker (gcCounts[0], what gc.get_count() shows) and is run by the same path; it
 * discounts the references waiting in the worker's delayed drops (qsbr.ts), which would have been freed
 * (and uncounted) at once with the GIL: else a thread replacing dict values while others run (a tick's
 * worth of tuples waiting) would set off a stop-the-world collection every few ticks.
 */
function installHeapWalkingGc(rt: Runtime, drops: DelayedDrops): void {
  const i32 = rt.i32;
  const thresholds = sharedThresholds(rt);
  rt.gcTrack = (r: Ref): void => {
    const old = Atomics.or(i32, (r + OB_META) >> 2, FLAG_GC_TRACKED);
    if ((old & FLAG_GC_TRACKED) !== 0) return;
    const n = ++rt.gcCounts[0]! - drops.pending;
    const t0 = thresholds[0]!;
    if (n > t0 && t0 !== 0 && sharedGcEnabled(rt) && automaticCollectionDue(rt, n)) rt.gcPending = true;
  };
  rt.gcUntrack = (r: Ref): void => {
    Atomics.and(i32, (r + OB_META) >> 2, ~(FLAG_GC_TRACKED | GEN_MASK));
  };
}

/** Unlinks every object from `rt`'s generation lists (keeping the tracked flags): entering no-GIL mode. */
function dropGenerationLists(rt: Runtime): void {
  const i32 = rt.i32;
  for (let g = 0; g < 3; g++) {
    for (let p = rt.gcHeads[g]!; p !== 0;) {
      const next = i32[(p + GC_NEXT) >> 2]!;
      i32[(p + GC_PREV) >> 2] = 0;
      i32[(p + GC_NEXT) >> 2] = 0;
      i32[(p + OB_META) >> 2]! &= ~GEN_MASK;
      p = next;
    }
    rt.gcHeads[g] = 0;
  }
}

/** True if `rt`'s heap is in no-GIL mode. */
export function isNoGilHeap(rt: Runtime): boolean {
  return workerTable(rt.heap) !== 0;
}

/**
 * Puts a booted GIL-mode heap into no-GIL mode and makes `rt` its first worker (id 1), before any other
 * worker attaches (single-threaded). Every live object becomes worker 1's (its count stays local), as
 * every object the main thread made is the main thread's in free-threaded CPython.
 */
export function enableNoGilHeap(rt: Runtime): NoGilWorker {
  if (isNoGilHeap(rt)) throw new HeapCorruption('the heap is already in no-GIL mode');
  makeAuxTypes(rt); // (made lazily, two workers could each make one: see makeAuxTypes)
  const table = rt.allocKind(Kind.RAW, TABLE_BYTES);
  rt.makeImmortal(table);
  const i32 = rt.i32;
  const top = rt.heap.top;
  for (let p = HEAP_START; p < top;) {
    const meta = i32[(p + OB_META) >> 2]!;
    if (i32[(p + OB_TYPE) >> 2] !== FREED_TAG && i32[p >> 2]! < IMMORTAL_REFCNT) {
      if (i32[(p + OB_REF_SHARED) >> 2] !== 0) throw new HeapCorruption(`object ${p} has a shared count in GIL mode`);
      i32[(p + OB_META) >> 2] = (meta & ~META_OWNER_MASK) | (1 << META_OWNER_SHIFT);
    }
    p += classBytes(meta >>> META_CLASS_SHIFT);
  }
  const sync = rt.allocKind(Kind.RAW, SYNC_BYTES);
  rt.makeImmortal(sync);
  installSyncBlock(rt, sync as Ref);
  const qsbr = rt.allocKind(Kind.RAW, QSBR_BYTES);
  rt.makeImmortal(qsbr);
  installQsbrBlock(rt, qsbr as Ref);
  dropGenerationLists(rt);
  enableWorkerTable(rt.heap, table as Ref);
  const first = new NoGilWorker(rt);
  if (first.id !== 1) throw new HeapCorruption(`the first no-GIL worker got id ${first.id}`);
  enableHeapWeakrefLists(rt);
  return first;
}

/** Attaches `rt`, a Runtime over a no-GIL heap's buffer (roots loaded), as a new worker. */
export function attachNoGilWorker(rt: Runtime): NoGilWorker {
  if (!isNoGilHeap(rt)) throw new HeapCorruption('attaching a worker to a heap that is not in no-GIL mode');
  return new NoGilWorker(rt);
}
