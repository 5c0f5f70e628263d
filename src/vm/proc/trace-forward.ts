/**
 * Tracing child processes: a child traced with its parent's kinds and filters sends its events, in
 * batches, to the parent, whose sink writes them among its own with the child's `pid` and times on the
 * parent's clock (so one trace file shows every process: the chrome format gives each its own tracks).
 */
import type { MessagePort } from 'node:worker_threads';
import type { TraceEvent, TraceKind, TraceSink } from '../trace/events.js';
import type { TraceFilter } from '../trace/filter.js';
import { monotonicMs } from '../trace/tracer.js';

/** What a traced parent gives a child at the fork. */
export interface ChildTrace {
  kinds: TraceKind[];
  filters: TraceFilter[];
  port: MessagePort;
  /** When the parent's trace started, on the shared monotonic clock (tracer.ts monotonicMs). */
  parentStart: number;
}

const BATCH = 4096;

/**
 * A batch as it crosses to the parent. Instruction events, the many, travel as columns (numbers in typed
 * arrays, strings as indices into a table) because cloning millions of small objects between threads
 * cost about a microsecond each; the other events travel as they are. `order` says, for each event in
 * emission order, whether it is the next instruction (-1) or the next other event (its index).
 */
interface Batch {
  order: Int32Array;
  others: TraceEvent[];
  strings: string[];
  /** Per instruction event: t, thread, offset, line, arg (NaN for null), depth. */
  nums: Float64Array;
  /** Per instruction event: code, file, op, argrepr (-1 for none), as indices into strings. */
  strs: Int32Array;
}
const NUMS = 6;
const STRS = 4;

/** The child's sink: events get the child's pid and the parent's time base, and go to the parent. */
export class ForwardingSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  private order: number[] = [];
  private others: TraceEvent[] = [];
  private nums: number[] = [];
  private strs: number[] = [];
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  /** Added to the child's times: how much later than the parent's its trace started. Taken at the first
   *  event, which is passed on as it happens (its time is the child tracer's clock now): the child's
   *  tracer starts after this sink is made. */
  private offset: number | null = null;
  constructor(private readonly trace: ChildTrace, private readonly pid: number) {
    this.kinds = new Set(trace.kinds);
  }

  private shift(t: number): number {
    this.offset ??= monotonicMs() - t - this.trace.parentStart;
    return t + this.offset;
  }

  private str(s: string | undefined): number {
    if (s === undefined) return -1;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  emit(e: TraceEvent): void {
    if (e.kind === 'instructions') {
      this.order.push(-1);
      this.nums.push(this.shift(e.t), e.thread, e.offset, e.line, e.arg ?? NaN, e.depth);
      this.strs.push(this.str(e.code), this.str(e.file), this.str(e.op), this.str(e.argrepr));
    } else {
      e.pid = this.pid;
      e.t = this.shift(e.t);
      this.order.push(this.others.length);
      this.others.push(e);
    }
    if (this.order.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.order.length === 0) return;
    const batch: Batch = {
      order: Int32Array.from(this.order), others: this.others, strings: this.strings,
      nums: Float64Array.from(this.nums), strs: Int32Array.from(this.strs),
    };
    this.trace.port.postMessage(batch, [batch.order.buffer as ArrayBuffer, batch.nums.buffer as ArrayBuffer, batch.strs.buffer as ArrayBuffer]);
    this.order = [];
    this.others = [];
    this.nums = [];
    this.strs = [];
    this.strings = [];
    this.stringIds = new Map();
  }

  close(): void {
    this.flush();
  }
}

/** The events of a batch a child sent, in the order it emitted them, each with the child's pid. */
export function* unpackBatch(batch: unknown, pid: number): Generator<TraceEvent> {
  const b = batch as Batch;
  let k = 0;
  for (let i = 0; i < b.order.length; i++) {
    const o = b.order[i]!;
    if (o >= 0) {
      yield b.others[o]!;
      continue;
    }
    const n = k * NUMS;
    const s = k * STRS;
    k++;
    const arg = b.nums[n + 4]!;
    const argrepr = b.strs[s + 3]!;
    const e: TraceEvent = {
      t: b.nums[n]!, thread: b.nums[n + 1]!, pid, kind: 'instructions', code: b.strings[b.strs[s]!]!,
      file: b.strings[b.strs[s + 1]!]!, offset: b.nums[n + 2]!, line: b.nums[n + 3]!, op: b.strings[b.strs[s + 2]!]!,
      arg: Number.isNaN(arg) ? null : arg, depth: b.nums[n + 5]!,
    };
    if (argrepr >= 0) e.argrepr = b.strings[argrepr]!;
    yield e;
  }
}
