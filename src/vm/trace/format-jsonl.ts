/** `--trace-format=jsonl`: a header record, then one JSON object per event, one per line (the schema is
 *  in docs/TRACE.md; TRACE_SCHEMA_VERSION says which). */
import { TRACE_KINDS, TRACE_SCHEMA_VERSION, type TraceEvent, type TraceKind, type TraceSink } from './events.js';
import type { TraceOutput } from './output.js';

export class JsonlTraceSink implements TraceSink {
  /** JSON forms of the strings events repeat (code names, file names, opnames, type names). */
  private readonly quoted = new Map<string, string>();

  constructor(readonly kinds: ReadonlySet<TraceKind>, private readonly out: TraceOutput, program = '') {
    const kinds2 = TRACE_KINDS.filter((k) => kinds.has(k));
    out.write(JSON.stringify({ format: 'gilpy-trace', version: TRACE_SCHEMA_VERSION, kinds: kinds2, program, unit: 'ms' }) + '\n');
  }

  private q(s: string): string {
    let j = this.quoted.get(s);
    if (j === undefined) {
      j = JSON.stringify(s);
      if (this.quoted.size < 10_000) this.quoted.set(s, j);
    }
    return j;
  }

  /**
   * One event as JSON.stringify writes it (the same text, field for field): the two kinds that come by
   * the million (instructions and refcounts) are written by hand, about twice as fast.
   */
  line(e: TraceEvent): string {
    if (e.pid === undefined && e.worker === undefined) {
      if (e.kind === 'instructions') {
        return `{"t":${e.t},"thread":${e.thread},"kind":"instructions","code":${this.q(e.code)},"file":${this.q(e.file)},` +
          `"offset":${e.offset},"line":${e.line},"op":${this.q(e.op)},"arg":${e.arg},` +
          `${e.argrepr !== undefined ? `"depth":${e.depth},"argrepr":${this.q(e.argrepr)}` : `"depth":${e.depth}`}}`;
      }
      if (e.kind === 'refcount') {
        return `{"t":${e.t},"thread":${e.thread},"kind":"refcount","event":"${e.event}","id":${e.id},` +
          `"type":${this.q(e.type)},"before":${e.before},"after":${e.after}}`;
      }
    }
    return JSON.stringify(e);
  }

  emit(e: TraceEvent): void {
    this.out.write(this.line(e) + '\n');
  }
  close(): void {
    this.out.close();
  }
}
