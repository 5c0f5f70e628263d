/**
 * No-GIL mode's shared synchronisation words, in one immortal RAW block of the heap (found through
 * H_NOGIL_SYNC): the stop-the-world protocol (safepoints) and the striped per-object locks that make the
 * built-in containers safe when several workers use the same object (cf. CPython 3.13's critical
 * sections, Py_BEGIN_CRITICAL_SECTION, and its stop-the-world, _PyEval_StopTheWorld).
 *
 * Layout (i32 words from the block's data):
 *   SYNC_STOP        0 while the world runs; the id of the worker that stopped it otherwise
 *   SYNC_RUNNING     how many attached workers are running Python/VM code (not parked, not blocked outside)
 *   SYNC_COLLECTOR   1 once the stop-the-world collector is on
 *   SYNC_LONG_LIVED  the objects that survived the last collection (the automatic collection's scale)
 *   SYNC_GC_DISABLED, SYNC_THRESHOLDS..  gc.disable() and gc.set_threshold(), for every worker
 *   SYNC_WEAKREFS    the heap's weak-reference registry (objects/weakref.ts)
 *   STRIPES..        LOCK_STRIPES lock words: 0 free, else owner id | (WAITERS if someone may sleep on it)
 *
 * Safepoint protocol (the Dekker pair is RUNNING vs STOP, both Atomics, so sequentially consistent):
 * - a worker becomes running with `Atomics.add(RUNNING, 1)` THEN `Atomics.load(STOP)`; if STOP is set it
 *   undoes the add (`Atomics.sub`, notify) and sleeps on STOP until it is 0, then tries again;
 * - a collector `compareExchange(STOP, 0, me)` THEN waits until `Atomics.load(RUNNING) === 1` (itself).
 *   Whichever of the two pairs' second access comes later in the total order sees the other's first:
 *   either the worker sees STOP and parks, or the collector counts the worker and waits for it. A worker
 *   that is counted reaches a safepoint (its tick) in bounded time, parks (Atomics.sub + notify) and
 *   sleeps; its plain writes before the Atomics.sub happen-before the collector's load that sees the
 *   count drop, and the collector's writes happen-before the parked workers' loads of STOP = 0.
 * - a worker about to block for long (a lock, join, sleep, I/O) leaves the running set the same way
 *   (`blockingBegin`), so a collection never waits for it; `blockingEnd` re-enters as above.
 *
 * Striped locks: why not a word in the object. OB_META's spare bits share a word with the flags and the
 * owner bits, which are written by other paths, and list/dict/set/bytearray payloads are fixed layouts
 * that GIL mode reads directly (the interpreter's inlined list and dict accesses): a lock word there
 * would change every layout for a mode that is off by default. A table of LOCK_STRIPES words keyed by
 * the object's address (address >> 4: blocks are 16-byte aligned) costs nothing in GIL mode, needs no
 * layout change and covers every kind alike. The price: two objects may share a stripe (false
 * contention, and a reason for locks to be RECURSIVE: one worker may lock two objects of one stripe), and
 * locking two objects at once must take their stripes in index order (`acquire2`) so that two workers
 * cannot deadlock. The recursion depth is per worker (a JS array: only the owner reads it).
 *
 * Lock words (cf. Drepper's "Futexes are tricky", mutex 3): acquire = compareExchange(0 -> me); on
 * failure spin a little, then set WAITERS and Atomics.wait on the word; a worker that had to wait takes
 * the lock with WAITERS set (there may be others). Release = Atomics.exchange(0) and Atomics.notify one
 * if WAITERS was set. Everything written under the lock happens-before the next owner's acquiring
 * compareExchange reads the released 0 (release and acquire are both sequentially consistent Atomics on
 * the same word), which is the whole memory-ordering argument for the containers: every read or write of
 * a locked container's fields happens with its stripe held.
 */
import { HeapCorruption } from '../heap/heap.js';
import { H_NOGIL_SYNC, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';

export const LOCK_STRIPES = 1024;
const RAW_DATA = 16;
const SYNC_STOP = 0;
const SYNC_RUNNING = 1;
/** Non-zero once the embedder enabled the stop-the-world collector (enableStopTheWorldCollector). */
const SYNC_COLLECTOR = 2;
/** The objects that survived the last collection (cf. CPython's long_lived_total): the automatic
 *  collection waits until a worker made a quarter as many containers (see automaticCollectionDue). */
const SYNC_LONG_LIVED = 3;
/** gc.disable() / gc.enable() for the whole heap (1: disabled), as in CPython (interpreter-wide). */
const SYNC_GC_DISABLED = 4;
/** gc.set_threshold()'s three thresholds, shared by every worker (words 5..7). */
const SYNC_THRESHOLDS = 5;
/** The heap's weak-reference lists (objects/weakref.ts: an immortal dict), 0 until made. */
const SYNC_WEAKREFS = 8;
/** The first lock word (words before it: the ones above). */
export const STRIPES = 12;
export const SYNC_BYTES = RAW_DATA + (STRIPES + LOCK_STRIPES) * 4;
const WAITERS = 0x100;
const OWNER_BITS = 0xff;
const SPINS = 64;

/** The sync block's first data word (an i32 index), 0 in GIL mode. */
export function syncBase(rt: Runtime): number {
  const b = rt.i32[H_NOGIL_SYNC >> 2]!;
  return b === 0 ? 0 : (b + RAW_DATA) >> 2;
}

/** Records the sync block (made by enableNoGilHeap, single-threaded); the collector's switch and
 *  thresholds start as `rt` has them. */
export function installSyncBlock(rt: Runtime, block: Ref): void {
  rt.i32.fill(0, (block + RAW_DATA) >> 2, (block + SYNC_BYTES) >> 2);
  rt.i32[H_NOGIL_SYNC >> 2] = block;
  const b = syncBase(rt);
  rt.i32[b + SYNC_GC_DISABLED] = rt.gcEnabled ? 0 : 1;
  for (let g = 0; g < 3; g++) rt.i32[b + SYNC_THRESHOLDS + g] = rt.gcThresholds[g]!;
}

/** gc.set_threshold()'s thresholds of a no-GIL heap (words of the sync block: they hold for every worker,
 *  as for every thread in CPython; `rt.gcThresholds` is per Runtime). The Runtime object itself is left
 *  alone (no property replaced or redefined): its hidden class is what the interpreter's hot paths use. */
export function sharedThresholds(rt: Runtime): Int32Array {
  const b = syncBase(rt);
  return rt.i32.subarray(b + SYNC_THRESHOLDS, b + SYNC_THRESHOLDS + 3);
}

/** gc.isenabled() of a no-GIL heap (every worker's; `rt.gcEnabled` is per Runtime). */
export function sharedGcEnabled(rt: Runtime): boolean {
  return Atomics.load(rt.i32, syncBase(rt) + SYNC_GC_DISABLED) === 0;
}
export function setSharedGcEnabled(rt: Runtime, on: boolean): void {
  Atomics.store(rt.i32, syncBase(rt) + SYNC_GC_DISABLED, on ? 0 : 1);
}

/**
 * Turns on the stop-the-world cycle collector for this no-GIL heap. Until then `collect()` in no-GIL
 * mode collects nothing (the collector is off, as it was): stopping the world waits for EVERY attached
 * worker to reach a safepoint or to be inside `blockingBegin` / `blockingEnd`, so the embedder may enable
 * it only once every wait that can last (idle workers sleeping for work, lock waits, join, sleep, I/O,
 * the host waiting for its workers) is bracketed that way; otherwise a collection waits forever.
 */
export function enableStopTheWorldCollector(rt: Runtime): void {
  const b = syncBase(rt);
  if (b === 0) throw new HeapCorruption('the heap is not in no-GIL mode');
  Atomics.store(rt.i32, b + SYNC_COLLECTOR, 1);
}

/** Turns the collector off again (the host, when a worker did not leave at the end: a collection would
 *  wait for it forever). */
export function disableStopTheWorldCollector(rt: Runtime): void {
  const b = syncBase(rt);
  if (b !== 0) Atomics.store(rt.i32, b + SYNC_COLLECTOR, 0);
}

/** The word that holds the heap's weak-reference registry (an i32 index; see objects/weakref.ts). */
export function weakrefRegistryWord(rt: Runtime): number {
  return syncBase(rt) + SYNC_WEAKREFS;
}

/** Records how many objects survived a collection (any worker's). */
export function setLongLivedTotal(rt: Runtime, n: number): void {
  Atomics.store(rt.i32, syncBase(rt) + SYNC_LONG_LIVED, n);
}

/** The automatic collection in no-GIL mode (cf. CPython 3.13 free-threaded gc_should_collect): every
 *  collection walks the whole heap, so besides threshold 0, a worker's count of new containers must pass
 *  a quarter of the objects that survived the last collection (no quadratic cost while a program builds a
 *  large structure). */
export function automaticCollectionDue(rt: Runtime, count: number): boolean {
  return count > Atomics.load(rt.i32, syncBase(rt) + SYNC_LONG_LIVED) / 4;
}

/** The stripe of object `r`. */
export function stripeOf(r: Ref): number {
  // blocks are 16-byte aligned; a multiplicative hash spreads neighbours (a list and its item array)
  return (Math.imul(r >>> 4, 0x9e3779b1) >>> 22) & (LOCK_STRIPES - 1);
}

/**
 * One worker's side of the striped locks and of the safepoints (installed as `rt.containerLocks`).
 * Locks are recursive per worker. References a locked operation drops are deferred (`dropLater`) until
 * the worker's outermost lock is released, so that no __del__ (Python code) runs with a lock held.
 */
export class ContainerLocks {
  private readonly i32: Int32Array;
  private readonly base: number;
  private readonly depth = new Int32Array(LOCK_STRIPES);
  /** Stripes "held" while this worker had the world stopped and their owner was parked (not written). */
  private readonly ghost = new Int32Array(LOCK_STRIPES);
  /** Locks held (counting recursion): pending drops run when it returns to 0. */
  held = 0;
  private readonly pending: Ref[] = [];
  /** For tests and --stats: acquisitions that had to wait (spin or sleep). */
  contended = 0;
  /** True while this worker stopped the world (its own safepoints must not park it). */
  private stopping = false;
  /** Nested stopTheWorld calls of this worker (1: the outermost only). */
  private stopDepth = 0;

  constructor(readonly rt: Runtime, readonly id: number) {
    this.i32 = rt.i32;
    this.base = syncBase(rt);
    if (this.base === 0) throw new HeapCorruption('no sync block: the heap is not in no-GIL mode');
    if (id < 1 || id > OWNER_BITS) throw new HeapCorruption(`bad worker id ${id}`);
  }

  /** Heap-checking mode's test that a container is changed under its lock: fails unless this worker holds
   *  `r`'s stripe (or passes over it with the world stopped). A change made without the lock can free
   *  storage (a set's table) that a reader holding the lock is reading. */
  assertHeld(r: Ref, what: string): void {
    const s = stripeOf(r);
    if (this.ghost[s]! > 0 && this.stopping) return;
    const word = Atomics.load(this.i32, this.base + STRIPES + s);
    if (this.depth[s]! > 0 && (word & OWNER_BITS) === this.id) return;
    throw new HeapCorruption(`${what} of ${r} without its lock (stripe ${s}) on worker ${this.id}`);
  }

  /** Locks `r`'s stripe (recursive). Avoid running Python code while holding it (docs/NOGIL.md). */
  acquire(r: Ref): void {
    this.acquireStripe(stripeOf(r));
  }

  release(r: Ref): void {
    this.releaseStripe(stripeOf(r));
  }

  /** Locks two objects (e.g. `a.extend(b)`), their stripes in index order so that no two workers deadlock. */
  acquire2(a: Ref, b: Ref): void {
    const sa = stripeOf(a);
    const sb = stripeOf(b);
    if (sa === sb) { this.acquireStripe(sa); this.acquireStripe(sa); return; }
    this.acquireStripe(Math.min(sa, sb));
    this.acquireStripe(Math.max(sa, sb));
  }

  release2(a: Ref, b: Ref): void {
    const sa = stripeOf(a);
    const sb = stripeOf(b);
    this.releaseStripe(Math.max(sa, sb));
    this.releaseStripe(Math.min(sa, sb));
  }

  /** Drops a reference now, or after the outermost lock is released if one is held. */
  dropLater(r: Ref): void {
    if (this.held > 0) this.pending.push(r);
    else this.rt.decref(r);
  }

  private acquireStripe(s: number): void {
    const i32 = this.i32;
    const w = this.base + STRIPES + s;
    const me = this.id;
    this.held++;
    if (this.depth[s]! > 0) {
      this.depth[s]!++;
      return;
    }
    if (this.ghost[s]! > 0) {
      this.ghost[s]!++;
      return;
    }
    let c = Atomics.compareExchange(i32, w, 0, me);
    if (c !== 0) {
      if (this.stopping) {
        // the world is stopped, so the holder is parked (at a safepoint in Python code it runs under the
        // lock, e.g. a key's __eq__, or waiting for another stripe): its critical section is suspended,
        // as CPython's are when their thread detaches; the stopper goes on without the word
        this.ghost[s] = 1;
        return;
      }
      this.contended++;
      for (let i = 0; i < SPINS && c !== 0; i++) c = Atomics.compareExchange(i32, w, 0, me);
      while (c !== 0) {
        if ((c & WAITERS) === 0) {
          const seen = Atomics.compareExchange(i32, w, c, c | WAITERS);
          if (seen !== c) { c = seen === 0 ? Atomics.compareExchange(i32, w, 0, me | WAITERS) : seen; continue; }
          c |= WAITERS;
        }
        // sleeping: out of the running set, so that a collection does not wait for this worker (the
        // holder may itself be parked); may park on the way back in
        this.leave();
        Atomics.wait(i32, w, c);
        this.enterRunning();
        c = Atomics.compareExchange(i32, w, 0, me | WAITERS);
      }
    }
    this.depth[s] = 1;
  }

  private releaseStripe(s: number): void {
    if (this.ghost[s]! > 0) {
      this.ghost[s]!--;
      this.afterRelease();
      return;
    }
    const d = this.depth[s]!;
    if (d <= 0) throw new HeapCorruption(`worker ${this.id} releases lock stripe ${s} it does not hold`);
    this.depth[s] = d - 1;
    if (d === 1) {
      const old = Atomics.exchange(this.i32, this.base + STRIPES + s, 0);
      if ((old & OWNER_BITS) !== this.id) throw new HeapCorruption(`lock stripe ${s} held by ${old & OWNER_BITS}, not ${this.id}`);
      if ((old & WAITERS) !== 0) Atomics.notify(this.i32, this.base + STRIPES + s, 1);
    }
    this.afterRelease();
  }

  private afterRelease(): void {
    if (--this.held === 0 && this.pending.length > 0) {
      const drop = this.pending.splice(0);
      for (const r of drop) this.rt.decref(r);
    }
  }

  // ---- safepoints ----

  /** True once enableStopTheWorldCollector ran on this heap. */
  collectorEnabled(): boolean {
    return Atomics.load(this.i32, this.base + SYNC_COLLECTOR) !== 0;
  }

  /** The worker enters the running set (at attach, and after blocking): waits while the world is stopped. */
  enterRunning(): void {
    const i32 = this.i32;
    const b = this.base;
    for (;;) {
      Atomics.add(i32, b + SYNC_RUNNING, 1);
      const stop = Atomics.load(i32, b + SYNC_STOP);
      if (stop === 0 || stop === this.id) return;
      Atomics.sub(i32, b + SYNC_RUNNING, 1);
      Atomics.notify(i32, b + SYNC_RUNNING);
      Atomics.wait(i32, b + SYNC_STOP, stop);
    }
  }

  /** The worker leaves the running set: a collection no longer waits for it (before blocking). It may
   *  hold container locks (Python code run under one, a key's __eq__, may block): a worker that stops
   *  the world meanwhile passes over them (see acquireStripe). */
  leaveRunning(): void {
    this.leave();
  }

  /** Leaving for good (detach): no lock may be held then. */
  leaveForGood(): void {
    if (this.held !== 0) throw new HeapCorruption(`worker ${this.id} detaches holding ${this.held} container locks`);
    this.leave();
  }

  private leave(): void {
    Atomics.sub(this.i32, this.base + SYNC_RUNNING, 1);
    Atomics.notify(this.i32, this.base + SYNC_RUNNING);
  }

  /** A safepoint: if another worker stopped the world, parks until it is done. Cheap otherwise (one
   *  atomic load). Returns true if it parked. (With container locks held, in Python code run under a
   *  lock, the stopper passes over them.) */
  safepoint(): boolean {
    const stop = Atomics.load(this.i32, this.base + SYNC_STOP);
    if (stop === 0 || stop === this.id) return false;
    this.leaveRunning();
    this.enterRunning();
    return true;
  }

  /** Inside stopTheWorld: lets the other workers go on while `fn` runs (the collector's finalizers and
   *  callbacks, Python code that may wait for a parked thread, as CPython 3.13 restarts the world before
   *  it finalizes), then stops the world again (parking first if another worker stopped it meanwhile).
   *  Outside stopTheWorld, inside a stopTheWorld nested in another (its caller wants the world stopped
   *  throughout), or with passed-over locks (the world cannot restart then), just runs `fn`. */
  resumeWorld<T>(fn: () => T): T {
    if (!this.stopping || this.stopDepth !== 1 || this.ghost.some((d) => d !== 0)) return fn();
    const i32 = this.i32;
    const b = this.base;
    this.stopping = false;
    this.stopDepth = 0;
    Atomics.store(i32, b + SYNC_STOP, 0);
    Atomics.notify(i32, b + SYNC_STOP);
    try {
      return fn();
    } finally {
      while (Atomics.compareExchange(i32, b + SYNC_STOP, 0, this.id) !== 0) this.safepoint();
      this.stopping = true;
      this.stopDepth = 1;
      this.waitForOthersToPark();
    }
  }

  private waitForOthersToPark(): void {
    const i32 = this.i32;
    const b = this.base;
    for (let n = Atomics.load(i32, b + SYNC_RUNNING); n !== 1; n = Atomics.load(i32, b + SYNC_RUNNING)) {
      if (n < 1) throw new HeapCorruption(`running-worker count ${n} while worker ${this.id} runs`);
      Atomics.wait(i32, b + SYNC_RUNNING, n);
    }
  }

  /** Stops every other attached worker at a safepoint (they park), then runs `fn`, then lets them go on.
   *  Recursive calls by the same worker just run `fn`. If another worker is stopping the world, this one
   *  parks first and tries again. */
  stopTheWorld<T>(fn: () => T): T {
    if (this.stopping) {
      this.stopDepth++;
      try {
        return fn();
      } finally {
        this.stopDepth--;
      }
    }
    const i32 = this.i32;
    const b = this.base;
    while (Atomics.compareExchange(i32, b + SYNC_STOP, 0, this.id) !== 0) this.safepoint();
    this.stopping = true;
    this.stopDepth = 1;
    try {
      this.waitForOthersToPark();
      return fn();
    } finally {
      this.stopping = false;
      this.stopDepth = 0;
      if (this.ghost.some((d) => d !== 0)) throw new HeapCorruption(`worker ${this.id} restarts the world inside a passed-over lock`);
      Atomics.store(i32, b + SYNC_STOP, 0);
      Atomics.notify(i32, b + SYNC_STOP);
    }
  }
}

/** Drops a reference a container operation took out of the container: at once in GIL mode; in no-GIL
 *  mode once the worker holds no container lock any more (a __del__ must not run under a lock). */
export function dropRef(rt: Runtime, r: Ref): void {
  const locks = rt.containerLocks;
  if (locks === null) rt.decref(r);
  else locks.dropLater(r);
}
