/** The refcount, alloc and gc hooks on no-GIL runtimes, one rule at a time: two Runtimes on one heap in
 *  this thread play two workers (as tests/nogil/sync.test.ts), each with its own tracer, both writing into
 *  one list of events in the order things happen. The two hook layers compose: the trace wraps the
 *  worker's biased counts and allocator, and taking it away leaves exactly the worker's. */
import { describe, expect, it } from 'vitest';
import { CLASS_24, classBytes } from '../../src/vm/heap/heap.js';
import type { Ref } from '../../src/vm/heap/layout.js';
import { attachNoGilWorker, enableNoGilHeap } from '../../src/vm/nogil/attach.js';
import { enableStopTheWorldCollector } from '../../src/vm/nogil/sync.js';
import { collect } from '../../src/vm/objects/gc.js';
import { listAppend, newList } from '../../src/vm/objects/list.js';
import { idOf } from '../../src/vm/objects/protocols.js';
import type { Runtime } from '../../src/vm/runtime.js';
import type { TraceEvent, TraceKind, TraceSink } from '../../src/vm/trace/events.js';
import { installTracer, uninstallTracer } from '../../src/vm/trace/heap-hooks.js';
import { Tracer } from '../../src/vm/trace/tracer.js';
import { attachRuntime, bootRuntime } from '../nogil/runtimes.js';

/** One worker's sink: its events, tagged with the worker, into the shared list. */
class WorkerSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  constructor(kinds: TraceKind[], private readonly worker: number, private readonly into: TraceEvent[]) {
    this.kinds = new Set(kinds);
  }
  emit(e: TraceEvent): void {
    this.into.push({ ...e, worker: this.worker });
  }
  close(): void {}
}

function tracedWorkers(kinds: TraceKind[], debug = true) {
  const a = bootRuntime({ debug });
  const wa = enableNoGilHeap(a);
  enableStopTheWorldCollector(a);
  const b = attachRuntime(a.heap.buffer);
  const wb = attachNoGilWorker(b);
  const events: TraceEvent[] = [];
  const trace = (rt: Runtime, worker: number): void => installTracer(rt, new Tracer(new WorkerSink(kinds, worker, events)));
  return { a, b, wa, wb, events, trace };
}

/** (worker, event, before, after) of each refcount event about `r`, in order. */
function countsOf(events: TraceEvent[], r: Ref): [number | undefined, string, number, number][] {
  const id = idOf(r);
  return events.filter((e) => e.kind === 'refcount' && e.id === id)
    .map((e) => [e.worker, (e as { event: string }).event, (e as { before: number }).before, (e as { after: number }).after]);
}
const allocsOf = (events: TraceEvent[], r: Ref): [number | undefined, string][] =>
  events.filter((e) => e.kind === 'alloc' && e.id === idOf(r)).map((e) => [e.worker, (e as { event: string }).event]);

describe('no-GIL heap hooks', () => {
  it('wrap the worker\'s counts and allocator, and uninstalling leaves exactly the worker\'s', () => {
    const { a, b, events, trace } = tracedWorkers(['refcount', 'alloc']);
    const own = (rt: Runtime) => ({
      incref: rt.incref, decref: rt.decref, refcount: rt.refcount, onDealloc: rt.onDealloc, hooked: rt.heap.hooked,
      allocClass: rt.heap.allocClass, allocClassUninit: rt.heap.allocClassUninit, free: rt.heap.free,
    });
    const before = own(b);
    expect(Object.hasOwn(b, 'incref') && Object.hasOwn(b.heap, 'free')).toBe(true); // the worker's (brc.ts, worker-heap.ts)
    trace(b, 2);
    expect(b.incref).not.toBe(before.incref);
    expect(b.heap.free).not.toBe(before.free);
    const l = newList(b); // through the trace, into the worker's allocator
    b.decref(l);
    expect(countsOf(events, l)).toEqual([[2, 'decref', 1, 0], [2, 'dealloc', 0, 0]]);
    expect(allocsOf(events, l)).toEqual([[2, 'alloc'], [2, 'free']]);
    uninstallTracer(b);
    expect(own(b)).toEqual(before);
    const n = events.length;
    b.decref(newList(b));
    expect(events.length).toBe(n); // nothing reported any more, and the worker still counts and frees
    // a GIL-mode runtime: the shared methods show through again
    const g = bootRuntime();
    installTracer(g, new Tracer(new WorkerSink(['refcount', 'alloc'], 0, [])));
    uninstallTracer(g);
    expect(Object.hasOwn(g, 'incref') || Object.hasOwn(g.heap, 'free')).toBe(false);
    expect(g.onDealloc).toBe(null);
    void a;
  });

  it('report the whole count across workers: an object made by one worker and freed by the other', () => {
    const { a, b, events, trace } = tracedWorkers(['refcount', 'alloc']);
    trace(a, 1);
    trace(b, 2);
    const l = newList(a); // A owns it: local count 1
    b.incref(l); // B's reference: shared count 1
    b.incref(l);
    a.decref(l); // A's last local reference: the object is merged (count 2, all shared)
    b.decref(l);
    b.decref(l); // B takes the merged count to 0 and frees it
    expect(countsOf(events, l)).toEqual([
      [2, 'incref', 1, 2], [2, 'incref', 2, 3], [1, 'decref', 3, 2], [2, 'decref', 2, 1], [2, 'decref', 1, 0],
      [2, 'dealloc', 0, 0],
    ]);
    expect(allocsOf(events, l)).toEqual([[1, 'alloc'], [2, 'free']]);
  });

  it('count the reference a merge queue holds: the last decref by another worker, the free at the owner\'s tick', () => {
    const { a, b, wa, events, trace } = tracedWorkers(['refcount', 'alloc']);
    trace(a, 1);
    trace(b, 2);
    const l = newList(a);
    a.incref(l); // A: local 2 (one of them is handed to B, through a list say)
    b.decref(l); // B drops the handed-over reference: queued to A (local 2, but the count is 1)
    a.decref(l); // A's own: count 0, not freed yet (the queue holds it)
    expect(countsOf(events, l)).toEqual([[1, 'incref', 1, 2], [2, 'decref', 2, 1], [1, 'decref', 1, 0]]);
    expect(allocsOf(events, l)).toEqual([[1, 'alloc']]);
    wa.tick(); // A merges its queue: count 0, freed by A
    expect(countsOf(events, l).slice(3)).toEqual([[1, 'dealloc', 0, 0]]);
    expect(allocsOf(events, l)).toEqual([[1, 'alloc'], [1, 'free']]);
  });

  it('see a worker\'s in-place number frees (alloc traced alone, outside heap-checking mode)', () => {
    const { b, events, trace } = tracedWorkers(['alloc'], false);
    trace(b, 2);
    const x = b.newInt(123_456_789);
    b.decref(x); // the worker's owner path would put the block straight on its list (brc.ts)
    expect(allocsOf(events, x)).toEqual([[2, 'alloc'], [2, 'free']]);
    const blocks = events.filter((e) => e.kind === 'alloc');
    // the bytes are counted from 0 here (a real run's host fills a shared word first)
    expect(blocks.map((e) => (e as { heapBytes: number }).heapBytes)).toEqual([classBytes(CLASS_24), 0]);
    uninstallTracer(b);
    expect(b.onDealloc).toBe(null);
  });

  it('report a collection from the worker that runs it, with the world stopped', () => {
    const { a, b, wb, events, trace } = tracedWorkers(['gc', 'refcount']);
    trace(a, 1);
    const l = newList(b);
    listAppend(b, l, l);
    b.decref(l); // a cycle made by B
    wb.blockingBegin(); // B waits while A collects
    const found = collect(a);
    wb.blockingEnd();
    wb.tick();
    expect(found).toBeGreaterThanOrEqual(1);
    const gc = events.filter((e) => e.kind === 'gc');
    expect(gc.map((e) => [e.worker, (e as { event: string }).event])).toEqual([[1, 'start'], [1, 'stop']]);
    expect((gc[1] as { found?: number }).found).toBe(found);
    // the collector broke the cycle from A: its decref of B's list is reported by A
    expect(countsOf(events, l).some(([w, ev]) => w === 1 && ev === 'decref')).toBe(true);
  });
});
