/** `--trace-format=text`: one readable line per event: the time, the thread, the kind, what happened. */
import type { TraceEvent, TraceKind, TraceSink } from './events.js';
import type { TraceOutput } from './output.js';

/** An object's id as CPython's reprs show addresses. */
function hex(id: number): string {
  return '0x' + id.toString(16);
}

/** The part of a text line after the time and the thread. */
export function describeEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'instructions':
      return `${e.code} ${e.file}:${e.line} @${e.offset} ${e.op}${e.arg === null ? '' : ' ' + e.arg}` +
        `${e.argrepr !== undefined ? ` (${e.argrepr})` : ''} [stack ${e.depth}]`;
    case 'calls':
      return `${e.event} ${e.code} ${e.file}:${e.line}`;
    case 'gil':
      return e.event + (e.reason !== undefined ? ` (${e.reason})` : '') + (e.to !== undefined ? ` -> T${e.to}` : '');
    case 'threads':
      return `${e.event} ${JSON.stringify(e.name)}` + (e.on !== undefined ? ` on ${e.on}` : '') +
        (e.why !== undefined ? ` (${e.why})` : '');
    case 'refcount':
      return e.event === 'dealloc' ? `dealloc ${e.type} at ${hex(e.id)}` : `${e.event} ${e.type} at ${hex(e.id)} ${e.before} -> ${e.after}`;
    case 'alloc':
      return `${e.event} ${hex(e.id)} class ${e.sizeClass} (${e.bytes} B); heap ${e.heapBytes} B, ${e.live} live`;
    case 'gc':
      return `${e.event} generation ${e.generation}` + (e.found !== undefined ? `: found ${e.found}` : '') +
        (e.freed !== undefined ? `, freed ${e.freed}` : '');
    case 'process':
      return `${e.event} child ${e.child}` + (e.exitcode !== undefined ? ` exitcode ${e.exitcode}` : '');
    default: {
      const never: never = e;
      throw new Error(`gilpy bug: trace event ${JSON.stringify(never)}`);
    }
  }
}

const KIND_LABEL: Record<TraceKind, string> = {
  instructions: 'instr', calls: 'call', gil: 'gil', threads: 'thread', refcount: 'refcount', alloc: 'alloc', gc: 'gc',
  process: 'process',
};

export class TextTraceSink implements TraceSink {
  constructor(readonly kinds: ReadonlySet<TraceKind>, private readonly out: TraceOutput) {}
  emit(e: TraceEvent): void {
    this.out.write(`${e.t.toFixed(3).padStart(10)} ms  T${e.thread}${e.pid !== undefined ? ` P${e.pid}` : ''}  ` +
      `${KIND_LABEL[e.kind].padEnd(8)} ${describeEvent(e)}\n`);
  }
  close(): void {
    this.out.close();
  }
}
