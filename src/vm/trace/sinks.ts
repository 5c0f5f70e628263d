/** Making a run's sink from the command line's choices, and sinks that combine or collect others. */
import { TRACE_KINDS, type TraceEvent, type TraceKind, type TraceSink } from './events.js';
import { ChromeTraceSink } from './format-chrome.js';
import { JsonlTraceSink } from './format-jsonl.js';
import { TextTraceSink } from './format-text.js';
import type { TraceOutput } from './output.js';

export type TraceFormat = 'text' | 'jsonl' | 'chrome';
export const TRACE_FORMATS: readonly TraceFormat[] = ['text', 'jsonl', 'chrome'];

/** Parses `--trace=KIND,...` ('all' for every kind); throws an Error naming a bad kind. */
export function parseTraceKinds(text: string): Set<TraceKind> {
  const kinds = new Set<TraceKind>();
  for (const k of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (k === 'all') TRACE_KINDS.forEach((x) => kinds.add(x));
    else if ((TRACE_KINDS as readonly string[]).includes(k)) kinds.add(k as TraceKind);
    else throw new Error(`--trace: unknown kind '${k}' (kinds: ${TRACE_KINDS.join(', ')}, or all)`);
  }
  if (kinds.size === 0) throw new Error(`--trace needs one or more kinds: ${TRACE_KINDS.join(', ')}`);
  return kinds;
}

/** The sink that writes `format` to `out`. */
export function makeTraceSink(format: TraceFormat, kinds: ReadonlySet<TraceKind>, out: TraceOutput, program = ''): TraceSink {
  switch (format) {
    case 'text': return new TextTraceSink(kinds, out);
    case 'jsonl': return new JsonlTraceSink(kinds, out, program);
    case 'chrome': return new ChromeTraceSink(kinds, out, program);
    default: {
      const never: never = format;
      throw new Error(`gilpy bug: trace format ${String(never)}`);
    }
  }
}

/** Feeds several sinks (a trace file and the HTML report, say); each sees only the kinds it wants. */
export class TeeTraceSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  constructor(private readonly sinks: readonly TraceSink[]) {
    this.kinds = new Set(sinks.flatMap((s) => [...s.kinds]));
  }
  emit(e: TraceEvent): void {
    for (const s of this.sinks) if (s.kinds.has(e.kind)) s.emit(e);
  }
  close(): void {
    for (const s of this.sinks) s.close();
  }
}

/** Keeps the events in an array (tests, embedders). */
export class CollectingTraceSink implements TraceSink {
  readonly events: TraceEvent[] = [];
  closed = false;
  readonly kinds: ReadonlySet<TraceKind>;
  constructor(kinds: Iterable<TraceKind>) {
    this.kinds = new Set(kinds);
  }
  emit(e: TraceEvent): void {
    this.events.push(e);
  }
  close(): void {
    this.closed = true;
  }
}
