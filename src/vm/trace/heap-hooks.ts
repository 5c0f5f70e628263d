/** Hooks a traced run's runtime and heap so that reference counts (`refcount`) and allocations
 *  (`alloc`) are reported: the traced VM gets its own incref/decref and alloc/free methods (own
 *  properties of that one Runtime and Heap object), which do what the shared ones do and report it.
 *  The shared methods, which every untraced VM runs, stay as they are. */
import { isNoGilHeap } from '../nogil/attach.js';
import { classBytes } from '../heap/heap.js';
import { IMMORTAL_REFCNT, META_CLASS_SHIFT, OB_META, type Ref } from '../heap/layout.js';
import { idOf } from '../objects/protocols.js';
import type { Runtime } from '../runtime.js';
import type { AllocEvent } from './events.js';
import type { Tracer } from './tracer.js';

/** Installs the tracer on `rt`: the hooks its kinds need, and rt.tracer (read by the collector, the
 *  scheduler and the dealloc path). */
export function installTracer(rt: Runtime, tracer: Tracer): void {
  rt.tracer = tracer;
  tracer.describe = (r) => ({ id: idOf(r as Ref), type: rt.typeNameOf(r as Ref) });
  // no-GIL mode: the runtime's counts and allocator are a worker's own (nogil/), which these hooks would
  // replace: reference-count and allocation events are not reported in that mode yet
  if (isNoGilHeap(rt)) return;
  hooked.add(rt);
  if (tracer.refcount) hookRefcounts(rt, tracer);
  if (tracer.alloc) hookAllocations(rt, tracer);
}
/** Runtimes whose methods installTracer replaced (uninstallTracer restores only those). */
const hooked = new WeakSet<Runtime>();

/** Takes the hooks away again (the shared methods show through) and forgets the tracer. */
export function uninstallTracer(rt: Runtime): void {
  const tr = rt.tracer;
  if (tr === null) return;
  rt.tracer = null;
  if (!hooked.delete(rt)) return;
  const own = rt as unknown as Record<string, unknown>;
  delete own.incref;
  delete own.decref;
  if (tr.refcount) rt.onDealloc = previousOnDealloc.get(rt) ?? null;
  const heap = rt.heap as unknown as Record<string, unknown>;
  delete heap.allocClass;
  delete heap.allocClassUninit;
  delete heap.free;
  rt.heap.hooked = rt.heap.debug;
}

const previousOnDealloc = new WeakMap<Runtime, Runtime['onDealloc']>();

/** incref / decref that report each change of a count, and a dealloc event as an object is freed. */
function hookRefcounts(rt: Runtime, tracer: Tracer): void {
  const i32 = rt.i32;
  const heap = rt.heap;
  rt.incref = (r: Ref): void => {
    const c = i32[r >> 2]!;
    if (c < IMMORTAL_REFCNT) {
      if (heap.debug) heap.check(r, 'incref');
      i32[r >> 2] = c + 1;
      tracer.refcountEvent('incref', r, c, c + 1);
    }
  };
  rt.decref = (r: Ref): void => {
    const c = i32[r >> 2]!;
    if (c < IMMORTAL_REFCNT) {
      if (heap.debug) heap.check(r, 'decref');
      if (c <= 1) {
        tracer.refcountEvent('decref', r, c, 0);
        rt.dealloc(r);
      } else {
        i32[r >> 2] = c - 1;
        tracer.refcountEvent('decref', r, c, c - 1);
      }
    }
  };
  // called once the object is really going (after a __del__ that did not resurrect it), before its
  // references are released; a hook already there (none today) still runs
  const previous = rt.onDealloc;
  previousOnDealloc.set(rt, previous);
  rt.onDealloc = (r: Ref): void => {
    tracer.refcountEvent('dealloc', r, 0, 0);
    if (previous !== null) previous(r);
  };
}

/** alloc / free that report each block with its size class, the bytes in use and the live objects. */
function hookAllocations(rt: Runtime, tracer: Tracer): void {
  const heap = rt.heap;
  const i32 = rt.i32;
  heap.hooked = true;
  let bytes = heap.bytesInUse;
  const allocClass = heap.allocClass.bind(heap);
  const allocClassUninit = heap.allocClassUninit.bind(heap);
  const free = heap.free.bind(heap);
  const report = (event: AllocEvent['event'], r: number, cls: number): void => {
    const size = classBytes(cls);
    bytes += event === 'alloc' ? size : -size;
    tracer.emit({ t: tracer.now(), thread: tracer.thread, kind: 'alloc', event, id: idOf(r as Ref), sizeClass: cls,
      bytes: size, heapBytes: bytes, live: heap.liveObjects });
  };
  heap.allocClass = (cls: number): Ref => {
    const r = allocClass(cls);
    report('alloc', r, cls);
    return r;
  };
  heap.allocClassUninit = (cls: number): Ref => {
    const r = allocClassUninit(cls);
    report('alloc', r, cls);
    return r;
  };
  heap.free = (r: Ref): void => {
    const cls = i32[(r + OB_META) >> 2]! >>> META_CLASS_SHIFT;
    free(r);
    report('free', r, cls);
  };
}

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
