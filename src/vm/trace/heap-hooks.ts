/** Hooks a traced run's runtime and heap so that reference counts (`refcount`) and allocations
 *  (`alloc`) are reported: the traced VM gets its own incref/decref and alloc/free methods (own
 *  properties of that one Runtime and Heap object), which call the methods the objects had (the shared
 *  ones, or a no-GIL worker's own: nogil/brc.ts, nogil/worker-heap.ts) and report. The shared methods,
 *  which every untraced VM runs, stay as they are; uninstalling puts back exactly what installing found.
 *
 *  Every count and allocation must reach these methods while the trace runs. The traced loops
 *  (loop-traced.gen.ts, loop-nogil-traced.gen.ts) count through rt.incref / rt.decref and allocate
 *  through the runtime; the runtime's inlined int/float paths step aside while `heap.hooked`; a no-GIL
 *  worker's in-place number frees (brc.ts, inline-counts.ts) step aside while `rt.onDealloc` is set, so
 *  an `alloc` trace in no-GIL mode sets a dealloc watcher that reports nothing (see hookAllocations). */
import { isNoGilHeap } from '../nogil/attach.js';
import { SHARED_QUEUED, SHARED_SHIFT, SHARED_STATE_MASK } from '../nogil/brc.js';
import { classBytes } from '../heap/heap.js';
import { IMMORTAL_REFCNT, META_CLASS_SHIFT, OB_META, OB_REF_SHARED, type Ref } from '../heap/layout.js';
import { idOf } from '../objects/protocols.js';
import type { Runtime } from '../runtime.js';
import type { AllocEvent } from './events.js';
import type { Tracer } from './tracer.js';

/** What installTracer replaced on one Runtime (and its Heap), to be put back by uninstallTracer. */
interface Replaced {
  /** Each replaced method: its object, its name, and the own property it had (undefined: none, the
   *  prototype's showed through). */
  methods: { on: object; name: string; own: unknown }[];
  onDealloc: Runtime['onDealloc'];
  heapHooked: boolean;
}
const replaced = new WeakMap<Runtime, Replaced>();

/** Installs the tracer on `rt`: the hooks its kinds need, and rt.tracer (read by the collector, the
 *  scheduler and the dealloc path). In no-GIL mode the hooks wrap the worker's own counts and
 *  allocator, and must therefore be installed after the worker attached (vm.ts does). */
export function installTracer(rt: Runtime, tracer: Tracer): void {
  rt.tracer = tracer;
  tracer.describe = (r) => ({ id: idOf(r as Ref), type: rt.typeNameOf(r as Ref) });
  if (!tracer.refcount && !tracer.alloc) return;
  const saved: Replaced = { methods: [], onDealloc: rt.onDealloc, heapHooked: rt.heap.hooked };
  replaced.set(rt, saved);
  const noGil = isNoGilHeap(rt);
  if (tracer.refcount) hookRefcounts(rt, tracer, saved, noGil);
  if (tracer.alloc) hookAllocations(rt, tracer, saved, noGil);
}

/** Takes the hooks away again (what the objects had before shows through) and forgets the tracer. */
export function uninstallTracer(rt: Runtime): void {
  if (rt.tracer === null) return;
  rt.tracer = null;
  const saved = replaced.get(rt);
  if (saved === undefined) return;
  replaced.delete(rt);
  for (const { on, name, own } of saved.methods) {
    const o = on as Record<string, unknown>;
    if (own === undefined) delete o[name];
    else o[name] = own;
  }
  rt.onDealloc = saved.onDealloc;
  rt.heap.hooked = saved.heapHooked;
}

/** Replaces method `name` of `on` (a Runtime or Heap) by `make(current)`, recording the own property
 *  it had for uninstallTracer. */
function replace<T extends object, K extends keyof T & string>(saved: Replaced, on: T, name: K,
  make: (current: T[K]) => T[K]): void {
  const own = Object.prototype.hasOwnProperty.call(on, name) ? on[name] : undefined;
  saved.methods.push({ on, name, own });
  on[name] = make(on[name]);
}

/** The count a refcount event shows for `r`: in GIL mode its count; in no-GIL mode (nogil/brc.ts) its
 *  owner's local count plus the shared count, less the reference a merge queue holds for an object
 *  queued to its owner (the merge gives it back): the object's whole count as this worker sees it. */
function countReader(rt: Runtime, noGil: boolean): (r: Ref) => number {
  const i32 = rt.i32;
  if (!noGil) return (r) => i32[r >> 2]!;
  return (r) => {
    const shared = Atomics.load(i32, (r + OB_REF_SHARED) >> 2);
    const queued = (shared & SHARED_STATE_MASK) === SHARED_QUEUED ? 1 : 0;
    return i32[r >> 2]! + (shared >> SHARED_SHIFT) - queued;
  };
}

/** incref / decref that report each change of a count, and a dealloc event as an object is freed. */
function hookRefcounts(rt: Runtime, tracer: Tracer, saved: Replaced, noGil: boolean): void {
  const i32 = rt.i32;
  const count = countReader(rt, noGil);
  replace(saved, rt, 'incref', (incref) => {
    const inner = incref.bind(rt);
    return (r: Ref): void => {
      if (i32[r >> 2]! >= IMMORTAL_REFCNT) return;
      const c = count(r);
      inner(r);
      tracer.refcountEvent('incref', r, c, c + 1);
    };
  });
  replace(saved, rt, 'decref', (decref) => {
    const inner = decref.bind(rt);
    return (r: Ref): void => {
      if (i32[r >> 2]! >= IMMORTAL_REFCNT) return;
      const c = count(r);
      // reported first: the last decref comes before the dealloc and the decrefs it causes
      tracer.refcountEvent('decref', r, c, c > 1 ? c - 1 : 0);
      inner(r);
    };
  });
  // called once the object is really going (after a __del__ that did not resurrect it), before its
  // references are released, by whichever worker frees it; a hook already there still runs
  const previous = rt.onDealloc;
  rt.onDealloc = (r: Ref): void => {
    tracer.refcountEvent('dealloc', r, 0, 0);
    if (previous !== null) previous(r);
  };
}

/** alloc / free that report each block with its size class, the bytes in use and the live objects. */
function hookAllocations(rt: Runtime, tracer: Tracer, saved: Replaced, noGil: boolean): void {
  const heap = rt.heap;
  const i32 = rt.i32;
  heap.hooked = true;
  // the bytes in live blocks: counted here from a walk of the heap in GIL mode; in no-GIL mode a walk
  // would race with the other workers, so every traced worker counts into one shared word that the
  // host filled before it started them (tracer.heapBytes, nogil/threads.ts; without it, from 0)
  const shared = tracer.heapBytes;
  let bytes = shared === null && !noGil ? heap.bytesInUse : 0;
  const report = (event: AllocEvent['event'], r: number, cls: number): void => {
    const size = classBytes(cls);
    const delta = event === 'alloc' ? size : -size;
    const now = shared === null ? (bytes += delta) : Atomics.add(shared, 0, delta) + delta;
    tracer.emit({ t: tracer.now(), thread: tracer.thread, kind: 'alloc', event, id: idOf(r as Ref), sizeClass: cls,
      bytes: size, heapBytes: now, live: heap.liveObjects });
  };
  replace(saved, heap, 'allocClass', (allocClass) => {
    const inner = allocClass.bind(heap);
    return (cls: number): Ref => {
      const r = inner(cls);
      report('alloc', r, cls);
      return r;
    };
  });
  replace(saved, heap, 'allocClassUninit', (allocClassUninit) => {
    const inner = allocClassUninit.bind(heap);
    return (cls: number): Ref => {
      const r = inner(cls);
      report('alloc', r, cls);
      return r;
    };
  });
  replace(saved, heap, 'free', (free) => {
    const inner = free.bind(heap);
    return (r: Ref): void => {
      const cls = i32[(r + OB_META) >> 2]! >>> META_CLASS_SHIFT;
      inner(r);
      report('free', r, cls);
    };
  });
  // a no-GIL worker frees its numbers in place unless something watches deallocs (as GIL mode's
  // Runtime.dealloc does unless heap.hooked): a watcher that reports nothing sends them through free
  if (noGil && rt.onDealloc === null) rt.onDealloc = watchDeallocs;
}
/** The dealloc watcher of an `alloc` trace in no-GIL mode (see hookAllocations). */
const watchDeallocs = (): void => {};

/**
 * HOOK FOR THE PROCESS LAYER: the lead's multiprocessing code calls this when the VM of `rt` forks a
 * child (`fork`, with the child's pid) and when a child ends (`exit`, with its exit code). Does nothing
 * unless the run traces `process`.
 */
export function traceProcessEvent(rt: Runtime, event: 'fork' | 'exit', child: number, exitcode?: number): void {
  const tr = rt.tracer;
  if (tr === null || !tr.process) return;
  tr.emit({ t: tr.now(), thread: tr.thread, kind: 'process', event, child,
    ...(exitcode !== undefined ? { exitcode } : {}) });
}

/** HOOK FOR THE COLLECTOR: a collection of `generation` starts (`found`/`freed` absent) or stops. */
export function traceGcEvent(rt: Runtime, event: 'start' | 'stop', generation: number, found?: number, freed?: number): void {
  const tr = rt.tracer;
  if (tr === null || !tr.gc) return;
  tr.emit({ t: tr.now(), thread: tr.thread, kind: 'gc', event, generation,
    ...(found !== undefined ? { found } : {}), ...(freed !== undefined ? { freed } : {}) });
}
