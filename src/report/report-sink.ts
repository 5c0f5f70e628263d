/** `--report=FILE.html`: a TraceSink that gathers the gil, threads, alloc and instructions events of a
 *  run in memory (bounded: see aggregate.ts) and writes one self-contained HTML page at close(). */
import type { TraceEvent, TraceKind, TraceSink } from '../vm/trace/events.js';
import { ReportData, type Intervals, type Lane } from './aggregate.js';
import { renderReport, type ReportModel } from './html.js';

export const REPORT_KINDS: readonly TraceKind[] = ['gil', 'threads', 'alloc', 'instructions'];

/** Intervals embedded per lane at most; past this they are merged at a coarser resolution. */
export const EMBED_CAP = 20_000;

export interface ReportOptions {
  /** The program's name (as the user gave it) and source, shown with per-line instruction counts. */
  filename: string;
  source: string;
  /** Receives the page at close(). */
  write: (html: string) => void;
  /** The kinds to gather (default: all four; fewer make a smaller report of a faster run). */
  kinds?: Iterable<TraceKind>;
  embedCap?: number;
}

/** Merges until at most `cap` intervals remain, starting at a resolution of `tEnd / 8192` ms (about a
 *  pixel of a wide screen at full zoom-out) and doubling it. */
function capIntervals(iv: Intervals, tEnd: number, cap: number): boolean {
  if (iv.length <= cap) return false;
  let resolution = Math.max(tEnd, 1e-3) / 8192;
  while (iv.length > cap) {
    iv.merge(resolution);
    resolution *= 2;
  }
  return true;
}

export class ReportSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  readonly data = new ReportData();
  private closed = false;

  constructor(private readonly opts: ReportOptions) {
    this.kinds = new Set(opts.kinds ?? REPORT_KINDS);
  }

  emit(e: TraceEvent): void {
    this.data.add(e);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.opts.write(renderReport(this.model()));
  }

  /** What the page shows (the lanes' intervals capped for embedding). */
  model(): ReportModel {
    const d = this.data;
    d.finish();
    const cap = this.opts.embedCap ?? EMBED_CAP;
    const lanes = [...d.lanes.values()].sort(laneOrder);
    const pids = new Set(lanes.map((l) => l.pid));
    const threadName = (l: Lane): string => {
      for (const row of d.threads.values()) if (row.thread === l.thread && row.pid === l.pid) return row.name;
      return `thread ${l.thread}`;
    };
    let merged = false;
    const laneModels = lanes.map((l) => {
      const totals = l.held.totals();
      const waitTotals = l.waits.totals();
      if (capIntervals(l.held, d.tEnd, cap)) merged = true;
      if (capIntervals(l.waits, d.tEnd, cap)) merged = true;
      const who = l.worker !== null ? `worker ${l.worker}` : threadName(l);
      return {
        key: l.key, label: pids.size > 1 && l.pid !== null ? `${who} (pid ${l.pid})` : who,
        thread: l.thread, worker: l.worker, pid: l.pid,
        intervals: totals.count, forced: totals.forced, voluntary: totals.voluntary, heldMs: totals.held,
        waits: waitTotals.count, waitedMs: waitTotals.held,
        held: l.held.toJSON(), waiting: l.waits.toJSON(),
      };
    });
    const threads = [...d.threads.values()].sort((a, b) => (a.pid ?? 0) - (b.pid ?? 0) || a.thread - b.thread);
    return {
      filename: this.opts.filename,
      source: this.opts.source.split(/\r\n|\r|\n/),
      lineCounts: d.lineCounts(this.opts.filename),
      otherFiles: d.otherFiles(this.opts.filename),
      tEnd: d.tEnd,
      events: d.events,
      kinds: [...this.kinds],
      merged,
      lanes: laneModels,
      threads: threads.map((t) => ({ ...t, ended: Number.isNaN(t.ended) ? null : t.ended })),
      heap: d.heap.samples > 0 ? d.heap.toJSON() : null,
    };
  }
}

function laneOrder(a: Lane, b: Lane): number {
  return (a.pid ?? 0) - (b.pid ?? 0) || (a.worker ?? 0) - (b.worker ?? 0) || a.thread - b.thread;
}
