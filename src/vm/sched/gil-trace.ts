/** What the scheduler reports to a trace (`gil` and `threads` events), and the bookkeeping that keeps
 *  them consistent: each acquire follows the previous holder's release, and a release names the thread
 *  that takes the GIL next. The scheduler has one of these only while a run is traced. */
import type { GilEvent, ThreadEvent, TraceEvent } from '../trace/events.js';
import type { Tracer } from '../trace/tracer.js';

/** What the trace needs of a green thread. */
interface ThreadLike { readonly id: number; readonly name: string }

export class SchedulerTrace {
  /** The thread that holds the GIL as the trace has told it (0: none). */
  private holder = 0;
  /** From a release until the next acquire, events wait here, so that the release can say who takes
   *  the GIL (`to`). Nothing else happens in between: no thread runs. */
  private held: TraceEvent[] | null = null;

  constructor(private readonly tracer: Tracer) {}

  /** True if `t` holds the GIL as far as the trace knows. */
  holds(t: ThreadLike): boolean {
    return this.holder === t.id;
  }

  private emit(e: TraceEvent): void {
    if (this.held !== null) this.held.push(e);
    else this.tracer.emit(e);
  }

  private gil(t: ThreadLike, event: GilEvent['event']): void {
    if (this.tracer.gil) this.emit({ t: this.tracer.now(), thread: t.id, kind: 'gil', event });
  }

  /** `t` becomes ready to run and asks for the GIL (and waits for it from now). */
  wantsGil(t: ThreadLike): void {
    this.gil(t, 'request');
    this.gil(t, 'wait-begin');
  }

  /** `t` takes the GIL (its wait ends). A thread that holds it already (the main thread going on to
   *  its shutdown) reports nothing; one taking it from a holder the trace has not seen let go makes
   *  that holder release it first. */
  acquire(t: ThreadLike): void {
    this.tracer.thread = t.id;
    if (this.holder === t.id) return;
    if (this.holder !== 0) this.release(this.holder, 'interval');
    this.holder = t.id;
    this.gil(t, 'wait-end');
    this.gil(t, 'acquire');
    this.flush(t.id);
  }

  /** Thread `id` gives the GIL up (held until the next acquire names the taker). */
  release(id: number, reason: NonNullable<GilEvent['reason']>): void {
    if (this.holder !== id) return;
    this.holder = 0;
    if (!this.tracer.gil) return;
    this.flush(0);
    this.held = [{ t: this.tracer.now(), thread: id, kind: 'gil', event: 'release', reason }];
  }

  thread(t: ThreadLike, event: ThreadEvent['event'], extra: { on?: string; why?: 'ready' | 'timeout' } = {}): void {
    if (this.tracer.threads) this.emit({ t: this.tracer.now(), thread: t.id, kind: 'threads', event, name: t.name, ...extra });
  }

  /** The run ends: the last holder lets the GIL go, and what is held is written. */
  end(): void {
    if (this.holder !== 0) this.release(this.holder, 'exit');
    this.flush(0);
  }

  /** Writes the held events; the release among them learns who took the GIL (`to`; 0: nobody). */
  private flush(to: number): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    for (const e of held) {
      if (e.kind === 'gil' && e.event === 'release' && to !== 0) e.to = to;
      this.tracer.emit(e);
    }
  }
}
