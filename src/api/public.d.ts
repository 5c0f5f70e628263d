/**
 * gilpy's programmatic API: `import { run } from 'gilpy'`. This file is shipped as it is in the package
 * (dist/gilpy-api.d.ts, copied by scripts/build-bundle.mjs); src/api/run.ts implements it and is checked
 * against it by tsc. See docs/API.md.
 */

/** The kinds of trace events (as `--trace=KIND,...`). */
export type TraceKind = 'instructions' | 'calls' | 'gil' | 'threads' | 'refcount' | 'alloc' | 'gc' | 'process';

/** Fields every event has. `t`: milliseconds since the run started; `thread`: the scheduler's thread
 *  number (the main thread is 1); `worker`: the no-GIL worker; `pid`: the gilpy process (multiprocessing). */
interface TraceEventBase { t: number; thread: number; pid?: number; worker?: number }

export interface InstructionEvent extends TraceEventBase {
  kind: 'instructions'; code: string; file: string; offset: number; line: number; op: string; arg: number | null;
  argrepr?: string; depth: number;
}
export interface CallEvent extends TraceEventBase {
  kind: 'calls'; event: 'call' | 'return' | 'exception'; code: string; file: string; line: number;
}
export interface GilEvent extends TraceEventBase {
  kind: 'gil'; event: 'request' | 'acquire' | 'release' | 'wait-begin' | 'wait-end';
  reason?: 'interval' | 'blocking' | 'exit'; to?: number;
}
export interface ThreadEvent extends TraceEventBase {
  kind: 'threads'; event: 'start' | 'block' | 'wake' | 'exit'; name: string; on?: string; why?: 'ready' | 'timeout';
}
export interface RefcountEvent extends TraceEventBase {
  kind: 'refcount'; event: 'incref' | 'decref' | 'dealloc'; id: number; type: string; before: number; after: number;
}
export interface AllocEvent extends TraceEventBase {
  kind: 'alloc'; event: 'alloc' | 'free'; id: number; sizeClass: number; bytes: number; heapBytes: number; live: number;
}
export interface GcEvent extends TraceEventBase {
  kind: 'gc'; event: 'start' | 'stop'; generation: number; found?: number; freed?: number;
}
export interface ProcessEvent extends TraceEventBase {
  kind: 'process'; event: 'fork' | 'exit'; child: number; exitcode?: number;
}
/** One trace event: the same object `--trace-format=jsonl` writes as one line (docs/TRACE.md). */
export type TraceEvent =
  | InstructionEvent | CallEvent | GilEvent | ThreadEvent | RefcountEvent | AllocEvent | GcEvent | ProcessEvent;

export interface TraceOptions {
  /** The kinds to report, or 'all'. */
  kinds: readonly TraceKind[] | 'all';
  /** Called with each event, as it happens, on the thread that called run(). It must not call run().
   *  If it throws, no more events are delivered, the program runs to its end, and run() throws that error. */
  onEvent: (event: TraceEvent) => void;
  /** Keep only events inside these, as --trace-filter: 'function:NAME', 'line:A-B', 'thread:NAME'. */
  filters?: readonly string[];
}

export interface RunOptions {
  /** The program's file name, for tracebacks and `__file__` (default '<string>'); user modules are
   *  imported from its folder (from the current directory for '<string>'). */
  filename?: string;
  /** sys.argv[1:] (sys.argv[0] is the file name, or '-c' for '<string>'). */
  argv?: readonly string[];
  /** What the program reads from stdin (input(), sys.stdin); default: nothing (end of input). */
  stdin?: string;
  /** true (default): threads take turns under the GIL; false: free threading on worker threads. */
  gil?: boolean;
  /** Without the GIL: the number of worker threads (default: the number of cores). */
  workers?: number;
  /** The GIL changes hands every N instructions (default 10000). */
  switchInterval?: number;
  /** Where the GIL may change hands: 'cpython' (default) or 'any' instruction. */
  switchPoints?: 'cpython' | 'any';
  /** 'real' (default) or 'virtual' (sleeps advance a virtual clock: instant, repeatable). */
  clock?: 'real' | 'virtual';
  /** Who gets the GIL next: 'fifo' (default) or 'random' (with `seed`). */
  schedule?: 'fifo' | 'random';
  seed?: number;
  /** Stop the program after this many instructions (status 125). */
  maxInstructions?: number;
  /** Stop the program after this many seconds (status 124). */
  timeout?: number;
  /** Limit the heap to this many bytes (default: none, as the command's; the heap can grow to 2 GiB);
   *  past it the program gets MemoryError. */
  maxHeap?: number;
  /** Heap-checking mode: freed blocks are poisoned, a use after free fails at once. */
  debugHeap?: boolean;
  /** Report what the VM does to `trace.onEvent`. */
  trace?: TraceOptions;
}

/** One thread's figures with the GIL (a row of `--stats`). Times in milliseconds. */
export interface GilThreadStats {
  name: string;
  instructions: number;
  /** Times it took the GIL. */
  acquisitions: number;
  /** Times the switch interval ran out while it held the GIL. */
  forced: number;
  /** Times it gave the GIL up in a blocking call. */
  voluntary: number;
  heldMs: number;
  waitedMs: number;
}

/** One thread's figures without the GIL. `worker`: 0 for the host (the main thread), 1.. for workers. */
export interface NoGilThreadStats {
  name: string;
  worker: number;
  instructions: number;
  runningMs: number;
  notRunningMs: number;
}

/** The heap's figures when the program ended; counts are since start-up (after gilpy's own boot). */
export interface HeapStats {
  /** The heap's high-water mark in bytes (including gilpy's own objects). */
  peakBytes: number;
  bytesInUse: number;
  liveObjects: number;
  allocations: number;
  frees: number;
  /** Ints -5..256 served from the small-int cache, not allocated. */
  smallIntHits: number;
  /** Collections per generation (0, 1, 2). */
  collections: [number, number, number];
  /** Objects the cycle collector freed. */
  collected: number;
  /** Live objects by type name when the program ended, and the change since start-up. */
  liveByType: Record<string, { live: number; sinceStart: number }>;
}

export interface RunStats {
  /** With the GIL (null without). */
  gil: { threads: GilThreadStats[]; total: Omit<GilThreadStats, 'name'> } | null;
  /** Without the GIL (null with it): per thread, and how busy the host and each worker were. */
  noGil: {
    threads: NoGilThreadStats[];
    host: { busyMs: number; wallMs: number };
    workers: { worker: number; busyMs: number; wallMs: number }[];
  } | null;
  heap: HeapStats;
  /** The run's wall time in milliseconds. */
  wallMs: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** The exit status, as the gilpy command's: 0, 1 for an uncaught exception (a SyntaxError too),
   *  sys.exit's, 3 for a deadlock, 124 for the timeout, 125 for maxInstructions. */
  status: number;
  stats: RunStats;
}

/**
 * Runs a Python program (its source text) to its end and returns what it printed, its exit status and
 * the run's statistics. Synchronous: run() returns when the program has ended. Errors of the program
 * (a SyntaxError, an uncaught exception, sys.exit) are in `status` and `stderr`: run() throws only on
 * bad options (a TypeError/RangeError) or if `trace.onEvent` threw.
 */
export declare function run(source: string, options?: RunOptions): RunResult;
