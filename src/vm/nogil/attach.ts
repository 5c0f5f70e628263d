/**
 * Entering no-GIL mode on a heap, and attaching a worker's Runtime to it: the per-heap and per-VM
 * switches that the rest of no-GIL mode (threads on workers, `--gil=off`) will plug into. Not reachable
 * from the command line yet; GIL mode's code paths are untouched (a no-GIL Runtime and Heap get their own
 * methods as own properties, see worker-heap.ts and brc.ts).
 */
import { HeapCorruption } from '../heap/heap.js';
import {
  FREED_TAG, HEAP_START, IMMORTAL_REFCNT, META_CLASS_SHIFT, META_OWNER_MASK, META_OWNER_SHIFT, OB_META,
  OB_REF_SHARED, OB_TYPE, type Ref,
} from '../heap/layout.js';
import { classBytes } from '../heap/heap.js';
import { Kind } from '../objects/kinds.js';
import type { Runtime } from '../runtime.js';
import { BiasedRefcounts } from './brc.js';
import { enableWorkerTable, TABLE_BYTES, WorkerHeap, workerTable } from './worker-heap.js';

/** One worker's membership of a no-GIL heap. */
export class NoGilWorker {
  readonly id: number;
  readonly alloc: WorkerHeap;
  readonly refcounts: BiasedRefcounts;
  private detached = false;

  constructor(readonly rt: Runtime) {
    this.alloc = new WorkerHeap(rt.heap);
    this.id = this.alloc.id;
    this.refcounts = new BiasedRefcounts(rt, this.alloc);
    this.refcounts.install();
  }

  /** The owner's periodic duty (the interpreter's eval-breaker tick, later): merges the objects other
   *  workers queued to it. Returns how many. */
  tick(): number {
    return this.refcounts.drainMergeQueue();
  }

  /** The worker is leaving (its thread ends): closes and drains its merge queue, then leaves its free
   *  lists to the next worker that attaches. The Runtime must not be used afterwards. */
  detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.refcounts.closeMergeQueue();
    this.alloc.markDetached();
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
  enableWorkerTable(rt.heap, table as Ref);
  const first = new NoGilWorker(rt);
  if (first.id !== 1) throw new HeapCorruption(`the first no-GIL worker got id ${first.id}`);
  return first;
}

/** Attaches `rt`, a Runtime over a no-GIL heap's buffer (roots loaded), as a new worker. */
export function attachNoGilWorker(rt: Runtime): NoGilWorker {
  if (!isNoGilHeap(rt)) throw new HeapCorruption('attaching a worker to a heap that is not in no-GIL mode');
  return new NoGilWorker(rt);
}
