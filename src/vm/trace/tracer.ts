/** A run's tracer: the one place the emitters (loop, scheduler, heap, collector, process layer) hand
 *  their events to. It knows which kinds are wanted, stamps times, applies --trace-filter, and passes
 *  what is kept to the run's sink. A VM without a trace has no tracer at all (rt.tracer is null), and
 *  the hot paths never look at it: see DESIGN.md "Traces" and scripts/gen-traced-loop.mjs. */
import { performance } from 'node:perf_hooks';
import type { TraceEvent, TraceKind, TraceSink } from './events.js';
import { type TraceFilter, filterNeedsFrames } from './filter.js';

/** What a filter needs to know about a thread at the moment of an event (the VM answers). */
export interface TraceContext {
  threadName(thread: number): string;
  /** Names and qualified names of the code objects on the thread's stack, innermost first. */
  functionsOnStack(thread: number): string[];
  /** The line the thread's innermost frame is at (0 outside any frame). */
  line(thread: number): number;
}

export class Tracer {
  readonly instructions: boolean;
  readonly calls: boolean;
  readonly gil: boolean;
  readonly threads: boolean;
  readonly refcount: boolean;
  readonly alloc: boolean;
  readonly gc: boolean;
  readonly process: boolean;
  /** The interpreter must run the loop variant with hooks (loop-traced.gen.ts): instructions, calls or
   *  refcounts are traced, or a filter looks at frames. */
  readonly needsTracedLoop: boolean;
  /** The thread running now (the scheduler sets it when a thread takes the GIL). */
  thread = 1;
  /** Set by the VM: answers the filters' questions. */
  context: TraceContext | null = null;
  /** Set by the heap hooks: the id (as id() shows it) and type name of an object, for refcount events. */
  describe: ((r: number) => { id: number; type: string }) | null = null;
  /** No-GIL mode: the bytes in live blocks of the whole heap, one word of shared memory that every
   *  traced worker's `alloc` events update (nogil/threads.ts makes it); null in GIL mode. */
  heapBytes: Int32Array | null = null;
  private readonly t0 = performance.now();
  private closed = false;

  constructor(readonly sink: TraceSink, readonly filters: readonly TraceFilter[] = []) {
    const k = sink.kinds;
    const on = (kind: TraceKind): boolean => k.has(kind);
    this.instructions = on('instructions');
    this.calls = on('calls');
    this.gil = on('gil');
    this.threads = on('threads');
    this.refcount = on('refcount');
    this.alloc = on('alloc');
    this.gc = on('gc');
    this.process = on('process');
    this.needsTracedLoop = this.instructions || this.calls || this.refcount || filterNeedsFrames(filters);
  }

  /** When the trace started, in milliseconds of the process-wide monotonic clock (monotonicMs), which
   *  every worker thread reads alike: child processes place their events on the parent's clock with it.
   *  (performance.timeOrigin is not: a worker's can be off by milliseconds.) */
  get startedAt(): number {
    return monotonicMs() - this.now();
  }

  /** Milliseconds since the trace started (real time, also under --clock=virtual: see docs/TRACE.md). */
  now(): number {
    return performance.now() - this.t0;
  }

  /** Passes an event to the sink unless a filter drops it. */
  emit(e: TraceEvent): void {
    if (this.filters.length > 0 && !this.keeps(e)) return;
    this.sink.emit(e);
  }

  /** A refcount event for object `r` (the heap hooks and the dealloc path call this). */
  refcountEvent(event: 'incref' | 'decref' | 'dealloc', r: number, before: number, after: number): void {
    const { id, type } = this.describe!(r);
    this.emit({ t: this.now(), thread: this.thread, kind: 'refcount', event, id, type, before, after });
  }

  /** Filters of one sort keep an event if any of them does; all sorts must keep it. */
  private keeps(e: TraceEvent): boolean {
    const ctx = this.context;
    if (ctx === null) return true;
    let fn: boolean | null = null;
    let line: boolean | null = null;
    let thread: boolean | null = null;
    let stack: string[] | null = null;
    let at = -1;
    for (const f of this.filters) {
      switch (f.sort) {
        case 'function':
          stack ??= ctx.functionsOnStack(e.thread);
          fn = fn === true || stack.includes(f.name);
          break;
        case 'line':
          if (at < 0) at = e.kind === 'instructions' || e.kind === 'calls' ? e.line : ctx.line(e.thread);
          line = line === true || (at >= f.from && at <= f.to);
          break;
        case 'thread':
          thread = thread === true || ctx.threadName(e.thread) === f.name || String(e.thread) === f.name;
          break;
        default: {
          const never: never = f;
          throw new Error(`gilpy bug: filter ${String(never)}`);
        }
      }
    }
    return fn !== false && line !== false && thread !== false;
  }

  /** Ends the trace: the sink flushes and closes (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.close();
  }
}

/** Milliseconds of the monotonic clock that all threads of this process share (uv_hrtime). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
