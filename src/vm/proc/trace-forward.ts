/**
 * Tracing child processes: a child traced with its parent's kinds and filters sends its events, in
 * batches, to the parent, whose sink writes them among its own with the child's `pid` and times on the
 * parent's clock (so one trace file shows every process: the chrome format gives each its own tracks).
 */
import type { MessagePort } from 'node:worker_threads';
import type { TraceEvent, TraceKind, TraceSink } from '../trace/events.js';
import type { TraceFilter } from '../trace/filter.js';

/** What a traced parent gives a child at the fork. */
export interface ChildTrace {
  kinds: TraceKind[];
  filters: TraceFilter[];
  port: MessagePort;
  /** When the parent's trace started, in absolute milliseconds (performance.timeOrigin based). */
  parentStart: number;
}

const BATCH = 2048;

/** The child's sink: events get the child's pid and the parent's time base, and go to the parent. */
export class ForwardingSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  private batch: TraceEvent[] = [];
  /** Added to the child's times: how much later than the parent's its trace started. */
  private readonly offset: number;
  constructor(private readonly trace: ChildTrace, private readonly pid: number) {
    this.kinds = new Set(trace.kinds);
    this.offset = performance.timeOrigin + performance.now() - trace.parentStart;
  }
  emit(e: TraceEvent): void {
    e.pid = this.pid;
    e.t += this.offset;
    this.batch.push(e);
    if (this.batch.length >= BATCH) this.flush();
  }
  flush(): void {
    if (this.batch.length === 0) return;
    this.trace.port.postMessage(this.batch);
    this.batch = [];
  }
  close(): void {
    this.flush();
  }
}
