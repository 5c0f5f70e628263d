/** `--trace-format=jsonl`: a header record, then one JSON object per event, one per line (the schema is
 *  in docs/TRACE.md; TRACE_SCHEMA_VERSION says which). */
import { TRACE_KINDS, TRACE_SCHEMA_VERSION, type TraceEvent, type TraceKind, type TraceSink } from './events.js';
import type { TraceOutput } from './output.js';

export class JsonlTraceSink implements TraceSink {
  constructor(readonly kinds: ReadonlySet<TraceKind>, private readonly out: TraceOutput, program = '') {
    const kinds2 = TRACE_KINDS.filter((k) => kinds.has(k));
    out.write(JSON.stringify({ format: 'gilpy-trace', version: TRACE_SCHEMA_VERSION, kinds: kinds2, program, unit: 'ms' }) + '\n');
  }
  emit(e: TraceEvent): void {
    this.out.write(JSON.stringify(e) + '\n');
  }
  close(): void {
    this.out.close();
  }
}
