/** The HTML report's data, gathered from trace events in bounded memory: GIL intervals per lane, waits,
 *  per-thread statistics, heap size and live objects over time, instructions per source line. Millions
 *  of events fold into what can be drawn: intervals that would share a pixel are merged, the heap series
 *  is kept in a fixed number of time buckets. */
import type { AllocEvent, GilEvent, InstructionEvent, ThreadEvent, TraceEvent } from '../vm/trace/events.js';

/** Why an interval ended (the GIL release's reason). */
export const END_OPEN = 0;
export const END_FORCED = 1;
export const END_VOLUNTARY = 2;
export const END_EXIT = 3;

/**
 * Intervals as flat columns (growable typed arrays): [start, end) ms, held ms (the sum of the intervals
 * merged into this one; end - start for a single one), how many were merged, how many of them ended by a
 * forced switch, by a voluntary release, by the thread's exit, and the thread (or -1 when merged ones
 * belong to several threads, on a worker lane).
 */
export class Intervals {
  length = 0;
  start: Float64Array = new Float64Array(256);
  end: Float64Array = new Float64Array(256);
  held: Float64Array = new Float64Array(256);
  count: Uint32Array = new Uint32Array(256);
  forced: Uint32Array = new Uint32Array(256);
  voluntary: Uint32Array = new Uint32Array(256);
  exits: Uint32Array = new Uint32Array(256);
  thread: Int32Array = new Int32Array(256);

  push(start: number, end: number, why: number, thread: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.held[i] = end - start;
    this.count[i] = 1;
    this.forced[i] = why === END_FORCED ? 1 : 0;
    this.voluntary[i] = why === END_VOLUNTARY ? 1 : 0;
    this.exits[i] = why === END_EXIT ? 1 : 0;
    this.thread[i] = thread;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const f64 = (a: Float64Array): Float64Array => { const b = new Float64Array(n); b.set(a); return b; };
    const u32 = (a: Uint32Array): Uint32Array => { const b = new Uint32Array(n); b.set(a); return b; };
    this.start = f64(this.start);
    this.end = f64(this.end);
    this.held = f64(this.held);
    this.count = u32(this.count);
    this.forced = u32(this.forced);
    this.voluntary = u32(this.voluntary);
    this.exits = u32(this.exits);
    const t = new Int32Array(n);
    t.set(this.thread);
    this.thread = t;
  }

  /**
   * Merges neighbours closer than `resolution` ms into one interval while the merged one stays shorter
   * than `resolution` (what would share a pixel at that resolution), in place. Counts and held time add up.
   */
  merge(resolution: number): void {
    if (this.length === 0) return;
    let w = 0;
    for (let r = 1; r < this.length; r++) {
      const close = this.start[r]! - this.end[w]! < resolution && this.end[r]! - this.start[w]! < resolution;
      if (close) {
        this.end[w] = this.end[r]!;
        this.held[w] = this.held[w]! + this.held[r]!;
        this.count[w] = this.count[w]! + this.count[r]!;
        this.forced[w] = this.forced[w]! + this.forced[r]!;
        this.voluntary[w] = this.voluntary[w]! + this.voluntary[r]!;
        this.exits[w] = this.exits[w]! + this.exits[r]!;
        if (this.thread[w] !== this.thread[r]) this.thread[w] = -1;
      } else {
        w++;
        this.start[w] = this.start[r]!;
        this.end[w] = this.end[r]!;
        this.held[w] = this.held[r]!;
        this.count[w] = this.count[r]!;
        this.forced[w] = this.forced[r]!;
        this.voluntary[w] = this.voluntary[r]!;
        this.exits[w] = this.exits[r]!;
        this.thread[w] = this.thread[r]!;
      }
    }
    this.length = w + 1;
  }

  /** Totals over every interval ever pushed (merging keeps them). */
  totals(): { count: number; forced: number; voluntary: number; held: number } {
    let count = 0, forced = 0, voluntary = 0, held = 0;
    for (let i = 0; i < this.length; i++) {
      count += this.count[i]!;
      forced += this.forced[i]!;
      voluntary += this.voluntary[i]!;
      held += this.held[i]!;
    }
    return { count, forced, voluntary, held };
  }

  /** Columns for the page, times rounded to the microsecond. */
  toJSON(): Record<string, number[]> {
    const n = this.length;
    const us = (a: Float64Array): number[] => Array.from(a.subarray(0, n), (x) => Math.round(x * 1000) / 1000);
    return {
      start: us(this.start), end: us(this.end), held: us(this.held), count: Array.from(this.count.subarray(0, n)),
      forced: Array.from(this.forced.subarray(0, n)), voluntary: Array.from(this.voluntary.subarray(0, n)),
      exits: Array.from(this.exits.subarray(0, n)), thread: Array.from(this.thread.subarray(0, n)),
    };
  }
}

/** A lane of the timeline: a thread (GIL mode), or a worker that runs threads in parallel (no-GIL mode). */
export interface Lane {
  key: string;
  /** The thread this lane shows, or -1 for a worker lane. */
  thread: number;
  worker: number | null;
  pid: number | null;
  held: Intervals;
  waits: Intervals;
  /** The open interval's start (NaN when the lane does not hold the GIL now), and its thread. */
  openStart: number;
  openThread: number;
  waitStart: number;
  /** Running intervals inferred from instructions where no GIL events come (no-GIL workers). */
  runStart: number;
  runLast: number;
  sawGil: boolean;
}

export interface ThreadRow {
  thread: number;
  pid: number | null;
  name: string;
  instructions: number;
  acquisitions: number;
  forced: number;
  voluntary: number;
  heldMs: number;
  waitedMs: number;
  started: number;
  ended: number;
  /** What it blocked on last (a threads 'block' event), for the table. */
  blocks: number;
}

/** A time series in at most `BUCKETS` buckets whose width doubles (pairs merge) as time goes on. */
export class BucketSeries {
  static readonly BUCKETS = 2048;
  width = 0.05;
  /** Per bucket: the largest and last values of the two series (NaN: no sample). */
  readonly maxA = new Float64Array(BucketSeries.BUCKETS).fill(NaN);
  readonly lastA = new Float64Array(BucketSeries.BUCKETS).fill(NaN);
  readonly maxB = new Float64Array(BucketSeries.BUCKETS).fill(NaN);
  readonly lastB = new Float64Array(BucketSeries.BUCKETS).fill(NaN);
  samples = 0;

  add(t: number, a: number, b: number): void {
    while (t >= this.width * BucketSeries.BUCKETS) this.coarsen();
    const i = t <= 0 ? 0 : Math.floor(t / this.width);
    this.samples++;
    if (!(this.maxA[i]! >= a)) this.maxA[i] = a;
    if (!(this.maxB[i]! >= b)) this.maxB[i] = b;
    this.lastA[i] = a;
    this.lastB[i] = b;
  }

  private coarsen(): void {
    const n = BucketSeries.BUCKETS;
    for (const [max, last] of [[this.maxA, this.lastA], [this.maxB, this.lastB]] as const) {
      for (let j = 0; j < n / 2; j++) {
        const x = max[2 * j]!, y = max[2 * j + 1]!;
        max[j] = Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y);
        const lx = last[2 * j]!, ly = last[2 * j + 1]!;
        last[j] = Number.isNaN(ly) ? lx : ly;
      }
      max.fill(NaN, n / 2);
      last.fill(NaN, n / 2);
    }
    this.width *= 2;
  }

  toJSON(): { width: number; max: (number | null)[]; last: (number | null)[]; maxLive: (number | null)[]; lastLive: (number | null)[] } {
    let used = BucketSeries.BUCKETS;
    while (used > 0 && Number.isNaN(this.lastA[used - 1]!)) used--;
    const arr = (a: Float64Array): (number | null)[] => Array.from(a.subarray(0, used), (x) => (Number.isNaN(x) ? null : x));
    return { width: this.width, max: arr(this.maxA), last: arr(this.lastA), maxLive: arr(this.maxB), lastLive: arr(this.lastB) };
  }
}

/** Per source file: instructions run at each line. */
class LineCounts {
  counts = new Float64Array(64);
  add(line: number): void {
    if (line >= this.counts.length) {
      const b = new Float64Array(Math.max(line + 1, this.counts.length * 2));
      b.set(this.counts);
      this.counts = b;
    }
    this.counts[line] = this.counts[line]! + 1;
  }
  total(): number {
    let s = 0;
    for (const c of this.counts) s += c;
    return s;
  }
}

/** Stored intervals per lane past which they are merged at a finer resolution than any drawing needs. */
const MEMORY_CAP = 1 << 20;
/** Gap between instructions (ms) that ends an inferred running interval on a lane without GIL events. */
const RUN_GAP = 0.5;

export class ReportData {
  readonly lanes = new Map<string, Lane>();
  readonly threads = new Map<string, ThreadRow>();
  readonly heap = new BucketSeries();
  readonly lines = new Map<string, LineCounts>();
  events = 0;
  tEnd = 0;
  private lastFile = '';
  private lastLines: LineCounts | null = null;
  private lastThreadKey = '';
  private lastThread: ThreadRow | null = null;

  add(e: TraceEvent): void {
    this.events++;
    if (e.t > this.tEnd) this.tEnd = e.t;
    switch (e.kind) {
      case 'instructions': return this.instruction(e);
      case 'gil': return this.gil(e);
      case 'threads': return this.threadEvent(e);
      case 'alloc': return this.alloc(e);
      default: return;
    }
  }

  private threadKey(pid: number | undefined, thread: number): string {
    return pid === undefined ? String(thread) : `${pid}/${thread}`;
  }

  thread(pid: number | undefined, thread: number, t: number): ThreadRow {
    const key = this.threadKey(pid, thread);
    if (key === this.lastThreadKey) return this.lastThread!;
    let row = this.threads.get(key);
    if (row === undefined) {
      row = {
        thread, pid: pid ?? null, name: thread === 1 ? 'MainThread' : `thread ${thread}`, instructions: 0, acquisitions: 0,
        forced: 0, voluntary: 0, heldMs: 0, waitedMs: 0, started: t, ended: NaN, blocks: 0,
      };
      this.threads.set(key, row);
    }
    this.lastThreadKey = key;
    this.lastThread = row;
    return row;
  }

  /** The lane of an event: its worker's where it runs on one of several, else its thread's. */
  lane(e: TraceEvent): Lane {
    const worker = e.worker !== undefined && e.worker > 0 ? e.worker : null;
    const key = `${e.pid ?? ''}/${worker !== null ? `w${worker}` : `t${e.thread}`}`;
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = {
        key, thread: worker !== null ? -1 : e.thread, worker, pid: e.pid ?? null, held: new Intervals(), waits: new Intervals(),
        openStart: NaN, openThread: 0, waitStart: NaN, runStart: NaN, runLast: NaN, sawGil: false,
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private instruction(e: InstructionEvent): void {
    this.thread(e.pid, e.thread, e.t).instructions++;
    if (e.file !== this.lastFile) {
      this.lastFile = e.file;
      let lc = this.lines.get(e.file);
      if (lc === undefined) this.lines.set(e.file, (lc = new LineCounts()));
      this.lastLines = lc;
    }
    if (e.line > 0) this.lastLines!.add(e.line);
    if (e.worker !== undefined && e.worker > 0) {
      const lane = this.lane(e);
      if (lane.sawGil) return;
      if (!Number.isNaN(lane.runStart) && e.t - lane.runLast > RUN_GAP) {
        this.pushHeld(lane, lane.runStart, lane.runLast, END_OPEN, e.thread);
        lane.runStart = NaN;
      }
      if (Number.isNaN(lane.runStart)) lane.runStart = e.t;
      lane.runLast = e.t;
    }
  }

  private pushHeld(lane: Lane, start: number, end: number, why: number, thread: number): void {
    lane.held.push(start, end, why, thread);
    if (lane.held.length >= MEMORY_CAP) lane.held.merge(this.tEnd / (1 << 18));
  }

  private gil(e: GilEvent): void {
    const lane = this.lane(e);
    const row = this.thread(e.pid, e.thread, e.t);
    lane.sawGil = true;
    switch (e.event) {
      case 'acquire':
        row.acquisitions++;
        lane.openStart = e.t;
        lane.openThread = e.thread;
        return;
      case 'release': {
        const why = e.reason === 'interval' ? END_FORCED : e.reason === 'blocking' ? END_VOLUNTARY : e.reason === 'exit' ? END_EXIT : END_OPEN;
        if (why === END_FORCED) row.forced++;
        if (why === END_VOLUNTARY) row.voluntary++;
        if (!Number.isNaN(lane.openStart)) {
          row.heldMs += e.t - lane.openStart;
          this.pushHeld(lane, lane.openStart, e.t, why, e.thread);
          lane.openStart = NaN;
        }
        return;
      }
      case 'wait-begin':
        lane.waitStart = e.t;
        return;
      case 'wait-end':
        if (!Number.isNaN(lane.waitStart)) {
          row.waitedMs += e.t - lane.waitStart;
          lane.waits.push(lane.waitStart, e.t, END_OPEN, e.thread);
          if (lane.waits.length >= MEMORY_CAP) lane.waits.merge(this.tEnd / (1 << 18));
          lane.waitStart = NaN;
        }
        return;
      case 'request':
        return;
      default: {
        const never: never = e.event;
        throw new Error(`gilpy bug: gil event ${String(never)}`);
      }
    }
  }

  private threadEvent(e: ThreadEvent): void {
    const row = this.thread(e.pid, e.thread, e.t);
    if (e.name) row.name = e.name;
    if (e.event === 'start') row.started = e.t;
    else if (e.event === 'exit') row.ended = e.t;
    else if (e.event === 'block') row.blocks++;
    this.lane(e);
  }

  private alloc(e: AllocEvent): void {
    this.heap.add(e.t, e.heapBytes, e.live);
  }

  /** Closes what is still open at the end of the trace (a thread holding the GIL, a wait, a run). */
  finish(): void {
    for (const lane of this.lanes.values()) {
      if (!Number.isNaN(lane.openStart)) {
        const row = this.thread(lane.pid ?? undefined, lane.openThread, this.tEnd);
        row.heldMs += this.tEnd - lane.openStart;
        this.pushHeld(lane, lane.openStart, this.tEnd, END_OPEN, lane.openThread);
        lane.openStart = NaN;
      }
      if (!Number.isNaN(lane.waitStart)) {
        lane.waits.push(lane.waitStart, this.tEnd, END_OPEN, lane.thread);
        lane.waitStart = NaN;
      }
      if (!Number.isNaN(lane.runStart)) {
        this.pushHeld(lane, lane.runStart, lane.runLast, END_OPEN, lane.thread);
        lane.runStart = NaN;
      }
    }
  }

  /** Instruction counts of one file's lines (index = line number). */
  lineCounts(file: string): number[] {
    const lc = this.lines.get(file);
    if (lc === undefined) return [];
    let n = lc.counts.length;
    while (n > 0 && lc.counts[n - 1] === 0) n--;
    return Array.from(lc.counts.subarray(0, n));
  }

  /** Instructions run in files other than `file` (imported modules, the library). */
  otherFiles(file: string): { file: string; instructions: number }[] {
    return [...this.lines].filter(([f]) => f !== file).map(([f, lc]) => ({ file: f, instructions: lc.total() }))
      .sort((a, b) => b.instructions - a.instructions);
  }
}
