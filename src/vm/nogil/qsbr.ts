/**
 * No-GIL mode's delayed drops (quiescent-state-based reclamation, cf. CPython 3.13's Python/qsbr.c and
 * `_PyMem_FreeDelayed`): what makes a value read BORROWED out of a dict safe until the reader's next
 * tick, with no count and no lock on the read path.
 *
 * The hazard: a reader finds a value in a dict (a class dict along the MRO, the type-lookup cache, a
 * module dict by LOAD_NAME, ...) and counts it a few instructions later; meanwhile another worker
 * replaces or deletes that key and drops the dict's reference, and if that was the last one the value is
 * freed before the reader counts it. With the GIL this cannot happen: a thread switches only at a tick
 * or a blocking call, never between a borrowed read and its incref. The rule here is the same one: a
 * borrowed reference may be held until the holder's next QUIESCENT POINT (its tick, or a wait that can
 * last, `blockingBegin`), never across one; and a reference a dict gives up (an overwritten or deleted
 * value or key, `clear`, `popitem`, `pop`) is dropped only once every other worker that was running has
 * passed a quiescent point since. Then a value read borrowed between two ticks is never freed under the
 * reader, and no reader's count changes (an old value only lives a little longer).
 *
 * The same batches delay the free of a container's STORAGE block (freeStorage: a dict's or set's table, a
 * list's item array, a bytearray's bytes) that a resize or clear replaced, as CPython 3.13's
 * `_PyMem_FreeDelayed` does: a reader that read the storage address without the container's lock (a
 * table walk, `dir()`) may read the old block until its next tick; it sees a stale snapshot, never a
 * freed block.
 *
 * Shared words (an immortal RAW block, found through H_NOGIL_QSBR), i32 indices from its data:
 *   Q_SEQ     the write sequence: a batch of drops gets goal = Atomics.add(SEQ, 1) + 1 (CPython's
 *             `_Py_qsbr_advance`); starts at 1
 *   Q_ONLINE  how many workers are online (attached, and not inside blockingBegin / blockingEnd)
 *   Q_SEEN+w  worker w's last quiescent point: the SEQ it read there, or 0 while it is offline (detached,
 *             blocking, never attached)
 * Unlike the running set of the stop-the-world protocol (sync.ts's SYNC_RUNNING), a worker stays online
 * while it sleeps on a stripe lock or parks at a safepoint: it may be in the middle of an operation that
 * holds a borrowed reference then (a type lookup that waits on another dict's stripe).
 *
 * Per worker (JS state, only its owner touches it): the drops since its last quiescent point (`batch`,
 * no goal yet), and the batches waiting for their goal. At each quiescent point the worker records SEQ
 * in its word, gives its batch a goal, and drops every batch whose goal every other online worker has
 * reached (min over Q_SEEN, offline workers skipped).
 *
 * Why this is enough (JS Atomics are sequentially consistent; "hb" = happens-before):
 * - A reader R read value v out of dict d before writer W removed it (every dict read and write is under
 *   d's stripe lock, so R's read of v hb W's removal, or R never sees v).
 * - W's batch holding v gets goal g from an Atomics.add on SEQ made AFTER the removal (at W's next
 *   quiescent point). R's word reaches g only by storing a SEQ value R loaded, which reads from W's add
 *   or a later add (every write of SEQ is an add), so W's removal (and W's dict version bump) hb R's
 *   later reads; R's store comes after R's incref of v (R is at a quiescent point: it holds no borrowed
 *   reference), and W's load that reads the store hb W's drop. So R's incref hb W's decref.
 * - R offline when W looks: its word is 0; W confirms with a compareExchange(0 -> 0) (a read-modify-write,
 *   so a write in the word's modification order) and R comes online with an Atomics.exchange on its
 *   word, which then reads from it: W's removal and version bump hb everything R reads after it comes
 *   online, so R neither finds v nor trusts a cache entry (the type lookup's, LOAD_GLOBAL's) that names
 *   it. An offline worker holds no borrowed reference (blockingBegin is a quiescent point).
 * - Alone: when W is the only online worker (Q_ONLINE read 1, confirmed by compareExchange(1 -> 1), a
 *   read-modify-write that R's coming online, an Atomics.add on Q_ONLINE, reads from later), nobody can
 *   hold a borrowed read of v, and W drops at once: a single-threaded program in this mode drops and
 *   finalizes exactly when GIL mode does (the REPL's `sys.getrefcount`, `__del__` order).
 *
 * Limits: drops wait for the SLOWEST online worker's next tick (a worker in a long native operation holds
 * them up, as it holds up a collection), and then for the dropping worker's own next quiescent point:
 * its tick, or its scheduler finding all its threads waiting (NoGilWorker.whileWaiting); a collection sees a value waiting here as referenced (kept until
 * the next collection); a child forked while drops wait keeps those objects one count too high (they are
 * never freed there).
 */
import { HeapCorruption } from '../heap/heap.js';
import { H_NOGIL_NEXT_ID, H_NOGIL_QSBR, IMMORTAL_REFCNT, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import type { ContainerLocks } from './sync.js';

const RAW_DATA = 16;
const Q_SEQ = 0;
const Q_ONLINE = 1;
const Q_SEEN = 2;
/** Worker ids are 1..255 (the owner bits of OB_META). */
const MAX_ID = 255;
/** flush's bound: waits of 1 ms for the other workers' quiescent points before it gives up. */
const FLUSH_WAITS = 2000;
/** Bytes of the QSBR block (a RAW object: header, then the words). */
export const QSBR_BYTES = RAW_DATA + (Q_SEEN + MAX_ID + 1) * 4;

/** Records the QSBR block (made by enableNoGilHeap, single-threaded, before any worker attaches). */
export function installQsbrBlock(rt: Runtime, block: Ref): void {
  const i32 = rt.i32;
  const base = (block + RAW_DATA) >> 2;
  i32.fill(0, base, base + Q_SEEN + MAX_ID + 1);
  i32[base + Q_SEQ] = 1;
  i32[H_NOGIL_QSBR >> 2] = block;
}

/**
 * One worker's delayed drops (installed as `rt.delayedDrops`). Owns one reference to every Ref in
 * `batch` and `waiting`: each is dropped (rt.decref) exactly once, when it is safe.
 */
export class DelayedDrops {
  private readonly i32: Int32Array;
  private readonly base: number;
  /** References given up since this worker's last quiescent point (no goal yet). Owned. A storage block
   *  (freeStorage) is stored negated: it is not counted in `pending` (it is no GC container). */
  private batch: Ref[] = [];
  /** Batches with their goals, oldest first (goals increase). Owned. */
  private readonly waiting: Ref[][] = [];
  private readonly goals: number[] = [];
  private online = false;
  /** Set when Q_ONLINE was seen above 1: until the next quiescent point every drop waits without looking
   *  again (waiting is always safe; only dropping at once needs the look). */
  private othersSeen = false;
  /** References waiting (in `batch` and `waiting`): the automatic collection discounts them (attach.ts). */
  pending = 0;

  /** `blocking(wait)` runs `wait` out of the running set and offline (NoGilWorker.blocking). */
  constructor(readonly rt: Runtime, readonly id: number, private readonly locks: ContainerLocks,
    private readonly blocking: (wait: () => void) => void) {
    this.i32 = rt.i32;
    const block = rt.i32[H_NOGIL_QSBR >> 2]!;
    if (block === 0) throw new HeapCorruption('no QSBR block: the heap is not in no-GIL mode');
    this.base = (block + RAW_DATA) >> 2;
  }

  /**
   * A dict gives up its reference `r` (stolen: this takes it over). Dropped at once if this worker is the
   * only one online (after the outermost container lock is released, as sync.ts's dropLater), else once
   * every other online worker has passed a quiescent point.
   */
  drop(r: Ref): void {
    const i32 = this.i32;
    if (i32[r >> 2]! >= IMMORTAL_REFCNT) return; // (immortal: the count is never written)
    if (!this.othersSeen) {
      const w = this.base + Q_ONLINE;
      if (Atomics.load(i32, w) === 1 && Atomics.compareExchange(i32, w, 1, 1) === 1) {
        this.locks.dropLater(r);
        return;
      }
      this.othersSeen = true;
    }
    this.batch.push(r);
    this.pending++;
  }

  /**
   * A container's storage block (a RAW block: a dict's or set's table, a list's item array, a bytearray's
   * bytes) that a resize, rebuild or clear replaced (stolen: this takes over its one reference). Freed at
   * once if this worker is the only one online (after the outermost container lock is released), else
   * once every other online worker has passed a quiescent point: a reader that read the old block's
   * address before the change, without the container's lock, may read the block until its next tick
   * (cf. CPython 3.13's `_PyMem_FreeDelayed`). A storage block holds no references of its own (the
   * container moved or released them), so freeing it runs no code.
   */
  freeStorage(block: Ref): void {
    if (!this.othersSeen) {
      const w = this.base + Q_ONLINE;
      const i32 = this.i32;
      if (Atomics.load(i32, w) === 1 && Atomics.compareExchange(i32, w, 1, 1) === 1) {
        this.locks.dropLater(block);
        return;
      }
      this.othersSeen = true;
    }
    this.batch.push(-block as Ref);
  }

  /** Attaching and after blocking: this worker may read dicts again (see the module comment). */
  goOnline(): void {
    if (this.online) return;
    const i32 = this.i32;
    Atomics.add(i32, this.base + Q_ONLINE, 1);
    Atomics.exchange(i32, this.base + Q_SEEN + this.id, Atomics.load(i32, this.base + Q_SEQ));
    this.online = true;
    this.othersSeen = false;
  }

  /** Before blocking and at detach: this worker holds no borrowed reference until goOnline. */
  goOffline(): void {
    if (!this.online) return;
    const i32 = this.i32;
    Atomics.store(i32, this.base + Q_SEEN + this.id, 0);
    Atomics.sub(i32, this.base + Q_ONLINE, 1);
    this.online = false;
  }

  /**
   * A quiescent point (the worker's tick): this worker holds no borrowed reference now. Records it, gives
   * the batch its goal, and drops what every other online worker has passed (not while a container lock
   * is held: Python code run under a lock ticks too, and a __del__ must not run there).
   */
  quiescent(): void {
    const i32 = this.i32;
    this.othersSeen = false;
    Atomics.store(i32, this.base + Q_SEEN + this.id, Atomics.load(i32, this.base + Q_SEQ));
    if (this.batch.length > 0) {
      this.goals.push(Atomics.add(i32, this.base + Q_SEQ, 1) + 1);
      this.waiting.push(this.batch);
      this.batch = [];
    }
    if (this.waiting.length > 0 && this.locks.held === 0) this.dropReady();
  }

  /** Drops the waiting batches whose goal every other online worker has reached. */
  private dropReady(): void {
    const reached = this.othersReached();
    let k = 0;
    while (k < this.goals.length && this.goals[k]! <= reached) k++;
    if (k === 0) return;
    const ready = this.waiting.splice(0, k);
    this.goals.splice(0, k);
    const rt = this.rt;
    for (const refs of ready) {
      for (const r of refs) {
        if (r < 0) {
          rt.decref(-r as Ref); // a storage block (freeStorage)
          continue;
        }
        this.pending--;
        rt.decref(r); // (may run __del__, which may give this worker new drops)
      }
    }
  }

  /** The lowest quiescent point of the other online workers (Infinity if none is online). */
  private othersReached(): number {
    const i32 = this.i32;
    const seen = this.base + Q_SEEN;
    const ids = Math.min(Atomics.load(i32, H_NOGIL_NEXT_ID >> 2), MAX_ID + 1);
    let min = Infinity;
    for (let w = 1; w < ids; w++) {
      if (w === this.id) continue;
      let s = Atomics.load(i32, seen + w);
      if (s === 0) s = Atomics.compareExchange(i32, seen + w, 0, 0); // (see the module comment)
      if (s !== 0 && s < min) min = s;
    }
    return min;
  }

  /**
   * Drops everything this worker gave up so far (a synchronize_rcu): sleeps out of the running set
   * (`blocking`: this worker is offline meanwhile) until the other online workers have passed a
   * quiescent point, which takes at most the slowest one's next tick. For gc.collect(), so that what this
   * thread deleted from a dict is gone before the collection looks (as with the GIL), and at detach.
   * Returns false if it could not: a container lock is held (Python code run under one), or an online
   * worker passed no quiescent point for seconds (stuck: a gilpy bug).
   */
  flush(): boolean {
    const i32 = this.i32;
    const seq = this.base + Q_SEQ;
    for (let waits = 0; ; waits++) {
      this.quiescent();
      if (this.batch.length === 0 && this.waiting.length === 0) return true;
      if (this.locks.held > 0 || waits === FLUSH_WAITS) return false;
      this.blocking(() => { Atomics.wait(i32, seq, Atomics.load(i32, seq), 1); });
    }
  }

  /** Detaching: drops everything still waiting (flush), then goes offline for good. If the flush could
   *  not finish, the references left are kept (never freed): safe, where freeing them is not. */
  drainForDetach(): void {
    if (!this.flush()) {
      this.batch = [];
      this.waiting.length = 0;
      this.goals.length = 0;
      this.pending = 0;
    }
    this.goOffline();
  }
}

/** A container's storage block replaced by a resize, rebuild or clear (stolen): freed at once in GIL
 *  mode; in no-GIL mode through the worker's delayed drops (see DelayedDrops.freeStorage). */
export function freeStorage(rt: Runtime, block: Ref): void {
  const q = rt.delayedDrops;
  if (q === null) rt.decref(block);
  else q.freeStorage(block);
}

/** A reference a dict gives up (stolen): dropped at once in GIL mode; in no-GIL mode through the
 *  worker's delayed drops (see DelayedDrops.drop). */
export function dropDictRef(rt: Runtime, r: Ref): void {
  const q = rt.delayedDrops;
  if (q === null) rt.decref(r);
  else q.drop(r);
}
