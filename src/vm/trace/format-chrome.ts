/**
 * `--trace-format=chrome`: the Chrome Trace Event Format (the JSON object form), which Perfetto
 * (ui.perfetto.dev) and chrome://tracing open. Each thread is a track (tid = its number); what it does
 * with the GIL are duration events on it ("holds the GIL", "waits for the GIL", B/E pairs); each hand-off
 * is a flow arrow (s/f) from the releaser's slice to the taker's; forced switches, blocks, wakes and
 * frees are instant events; heap bytes and live objects are counters. Calls go on a track of their own
 * per thread (tid 100000 + the thread's), since a call can outlive the GIL slice it started in and
 * slices on one track must nest. Instructions and refcounts are instant events.
 */
import type { TraceEvent, TraceKind, TraceSink } from './events.js';
import type { TraceOutput } from './output.js';

/** Track of a thread's calls. */
export const CALLS_TRACK_OFFSET = 100_000;

interface ChromeEvent {
  name: string; ph: string; ts: number; pid: number; tid: number; cat?: string; s?: string; id?: number; bp?: string;
  args?: Record<string, unknown>;
}

export class ChromeTraceSink implements TraceSink {
  private first = true;
  /** Last timestamp written on each track, so that times never go backwards on one. */
  private readonly lastTs = new Map<number, number>();
  /** Names of the B slices open on each track, innermost last. */
  private readonly open = new Map<number, string[]>();
  private readonly named = new Set<number>();
  private flowId = 0;
  /** Flow arrows started at a release, waiting for the taker's acquire (by taker, or -1 for unknown). */
  private readonly pendingFlow: { to: number; id: number }[] = [];
  private readonly threadNames = new Map<number, string>();
  private readonly pid: number;

  constructor(readonly kinds: ReadonlySet<TraceKind>, private readonly out: TraceOutput, program = '') {
    this.pid = 1;
    out.write('{"displayTimeUnit":"ms","otherData":' + JSON.stringify({ producer: 'gilpy', program }) + ',"traceEvents":[\n');
    this.write({ name: 'process_name', ph: 'M', ts: 0, pid: this.pid, tid: 0, args: { name: program || 'gilpy' } });
  }

  private write(ev: ChromeEvent): void {
    const last = this.lastTs.get(ev.tid) ?? 0;
    if (ev.ph !== 'M') {
      if (ev.ts < last) ev.ts = last;
      this.lastTs.set(ev.tid, ev.ts);
    }
    this.out.write((this.first ? '' : ',\n') + JSON.stringify(ev));
    this.first = false;
  }

  /** Names a track the first time it is used. */
  private track(tid: number): number {
    if (!this.named.has(tid)) {
      this.named.add(tid);
      const thread = tid >= CALLS_TRACK_OFFSET ? tid - CALLS_TRACK_OFFSET : tid;
      const name = this.threadNames.get(thread) ?? (thread === 1 ? 'MainThread' : `T${thread}`);
      this.write({ name: 'thread_name', ph: 'M', ts: 0, pid: this.pid, tid, args: { name: tid >= CALLS_TRACK_OFFSET ? `${name} (calls)` : `T${thread} ${name}` } });
      this.write({ name: 'thread_sort_index', ph: 'M', ts: 0, pid: this.pid, tid, args: { sort_index: tid } });
    }
    return tid;
  }

  private begin(tid: number, name: string, ts: number, cat: string, args?: Record<string, unknown>): void {
    this.track(tid);
    this.write({ name, ph: 'B', ts, pid: this.pid, tid, cat, ...(args ? { args } : {}) });
    let stack = this.open.get(tid);
    if (stack === undefined) this.open.set(tid, (stack = []));
    stack.push(name);
  }

  /** Ends the innermost open slice called `name` on the track (and any opened inside it). */
  private end(tid: number, name: string, ts: number, args?: Record<string, unknown>): void {
    const stack = this.open.get(tid);
    if (stack === undefined || !stack.includes(name)) return;
    while (stack.length > 0) {
      const top = stack.pop()!;
      this.write({ name: top, ph: 'E', ts, pid: this.pid, tid, ...(top === name && args ? { args } : {}) });
      if (top === name) break;
    }
  }

  private instant(tid: number, name: string, ts: number, cat: string, args?: Record<string, unknown>): void {
    this.track(tid);
    this.write({ name, ph: 'i', s: 't', ts, pid: this.pid, tid, cat, ...(args ? { args } : {}) });
  }

  emit(e: TraceEvent): void {
    const ts = Math.round(e.t * 1000 * 1000) / 1000; // microseconds
    const tid = e.thread;
    switch (e.kind) {
      case 'gil':
        switch (e.event) {
          case 'request':
            this.instant(tid, 'requests the GIL', ts, 'gil');
            break;
          case 'wait-begin':
            this.begin(tid, 'waits for the GIL', ts, 'gil');
            break;
          case 'wait-end':
            this.end(tid, 'waits for the GIL', ts);
            break;
          case 'acquire': {
            this.begin(tid, 'holds the GIL', ts, 'gil');
            const k = this.pendingFlow.findIndex((f) => f.to === tid || f.to === -1);
            if (k >= 0) {
              const [f] = this.pendingFlow.splice(k, 1);
              this.write({ name: 'GIL hand-off', ph: 'f', bp: 'e', id: f!.id, ts, pid: this.pid, tid, cat: 'gil' });
            }
            break;
          }
          case 'release': {
            if (e.reason === 'interval') this.instant(tid, 'switch (interval spent)', ts, 'gil');
            if (e.to !== undefined && e.to !== tid && this.open.get(tid)?.includes('holds the GIL')) {
              const id = ++this.flowId;
              this.write({ name: 'GIL hand-off', ph: 's', id, ts, pid: this.pid, tid, cat: 'gil' });
              this.pendingFlow.push({ to: e.to, id });
            }
            this.end(tid, 'holds the GIL', ts, { reason: e.reason ?? '' });
            break;
          }
        }
        break;
      case 'threads':
        if (e.event === 'start') this.threadNames.set(tid, e.name);
        this.instant(tid, `thread ${e.event}`, ts, 'threads', { name: e.name, ...(e.on ? { on: e.on } : {}), ...(e.why ? { why: e.why } : {}) });
        break;
      case 'calls': {
        const ct = this.track(CALLS_TRACK_OFFSET + tid);
        if (e.event === 'call') this.begin(ct, e.code, ts, 'calls', { file: e.file, line: e.line });
        else if (e.event === 'return') this.end(ct, e.code, ts);
        else this.instant(ct, `exception in ${e.code}`, ts, 'calls', { line: e.line });
        break;
      }
      case 'instructions':
        this.instant(tid, e.op, ts, 'instructions', { code: e.code, line: e.line, offset: e.offset, arg: e.arg, depth: e.depth });
        break;
      case 'refcount':
        if (e.event === 'dealloc') this.instant(tid, `free ${e.type}`, ts, 'refcount', { id: e.id });
        else this.instant(tid, `${e.event} ${e.type}`, ts, 'refcount', { id: e.id, before: e.before, after: e.after });
        break;
      case 'alloc':
        if (e.event === 'free') this.instant(tid, 'free block', ts, 'alloc', { id: e.id, sizeClass: e.sizeClass, bytes: e.bytes });
        this.write({ name: 'heap bytes', ph: 'C', ts, pid: this.pid, tid: 0, args: { bytes: e.heapBytes } });
        this.write({ name: 'live objects', ph: 'C', ts, pid: this.pid, tid: 0, args: { objects: e.live } });
        break;
      case 'gc':
        if (e.event === 'start') this.begin(tid, `gc generation ${e.generation}`, ts, 'gc');
        else this.end(tid, `gc generation ${e.generation}`, ts, { found: e.found, freed: e.freed });
        break;
      case 'process':
        this.instant(tid, `process ${e.event}`, ts, 'process', { child: e.child, ...(e.exitcode !== undefined ? { exitcode: e.exitcode } : {}) });
        break;
      default: {
        const never: never = e;
        throw new Error(`gilpy bug: trace event ${JSON.stringify(never)}`);
      }
    }
  }

  /** Closes the slices still open (at the last time seen on their track) and the JSON. */
  close(): void {
    for (const [tid, stack] of this.open) {
      const ts = this.lastTs.get(tid) ?? 0;
      while (stack.length > 0) this.write({ name: stack.pop()!, ph: 'E', ts, pid: this.pid, tid });
    }
    this.out.write('\n]}\n');
    this.out.close();
  }
}
