/**
 * The trace events the loop, the scheduler, the heap and the process layer report, and the sink they
 * report to. One sink per run; each output (text, jsonl, chrome, the HTML report, --stats' heap figures)
 * is a TraceSink. When tracing is off no sink exists and the emitters test one field before building an
 * event (see DESIGN.md "Traces": the fast path pays nothing measurable).
 *
 * Times are milliseconds since the run started, as `performance.now()` differences (real time also
 * under --clock=virtual: the virtual clock stands still while threads run, so it would stack every event
 * of a slice at one instant). Thread ids are the scheduler's thread numbers
 * (the main thread is 1); `worker` is the no-GIL worker index (0 in GIL mode); `pid` is gilpy's process
 * number (the main process is the host's pid).
 */

/** Format version of the jsonl schema (bump when a field changes meaning). */
export const TRACE_SCHEMA_VERSION = 1;

export type TraceKind = 'instructions' | 'calls' | 'gil' | 'threads' | 'refcount' | 'alloc' | 'gc' | 'process';
export const TRACE_KINDS: readonly TraceKind[] = ['instructions', 'calls', 'gil', 'threads', 'refcount', 'alloc', 'gc', 'process'];

interface Base { t: number; thread: number; pid?: number; worker?: number }

export interface InstructionEvent extends Base {
  kind: 'instructions'; code: string; file: string; offset: number; line: number; op: string; arg: number | null;
  /** What the argument means, as `dis` shows it in parentheses (a local's name, a constant, a jump's
   *  target); absent when dis shows nothing. */
  argrepr?: string;
  /** Values on the frame's data stack before the instruction. */
  depth: number;
}
export interface CallEvent extends Base {
  kind: 'calls'; event: 'call' | 'return' | 'exception'; code: string; file: string; line: number;
}
/** GIL: a thread asks for it, gets it, gives it up (why), or waits for it (begin/end). */
export interface GilEvent extends Base {
  kind: 'gil'; event: 'request' | 'acquire' | 'release' | 'wait-begin' | 'wait-end';
  /** release: 'interval' (forced: switch interval spent), 'blocking' (a blocking call: lock, sleep, join,
   *  I/O), 'exit' (thread ended); absent otherwise. */
  reason?: 'interval' | 'blocking' | 'exit';
  /** release: the thread that takes the GIL next, when known (for hand-off arrows). */
  to?: number;
}
export interface ThreadEvent extends Base {
  kind: 'threads'; event: 'start' | 'block' | 'wake' | 'exit'; name: string;
  /** block: what it waits for, in words ("lock 0x... held by Thread-1", "the end of a time.sleep()"). */
  on?: string;
  /** wake: why the wait ended: what it waited for happened ('ready'), or its timeout passed. */
  why?: 'ready' | 'timeout';
}
export interface RefcountEvent extends Base {
  kind: 'refcount'; event: 'incref' | 'decref' | 'dealloc'; id: number; type: string;
  /** The count before and after (equal for dealloc: both 0). */
  before: number; after: number;
}
export interface AllocEvent extends Base {
  kind: 'alloc'; event: 'alloc' | 'free'; id: number; sizeClass: number; bytes: number;
  /** Heap bytes in use and live objects after the event (for counters). */
  heapBytes: number; live: number;
}
export interface GcEvent extends Base {
  kind: 'gc'; event: 'start' | 'stop'; generation: number; found?: number; freed?: number;
}
export interface ProcessEvent extends Base {
  kind: 'process'; event: 'fork' | 'exit'; child: number; exitcode?: number;
}

export type TraceEvent =
  | InstructionEvent | CallEvent | GilEvent | ThreadEvent | RefcountEvent | AllocEvent | GcEvent | ProcessEvent;

/** Where events go. `emit` must not call back into the VM. `close` runs once at exit (flush files). */
export interface TraceSink {
  /** The kinds this sink wants; emitters skip the others without building events. */
  readonly kinds: ReadonlySet<TraceKind>;
  emit(e: TraceEvent): void;
  close(): void;
}
