/**
 * The embedding API's run(): one Python program, from its source text to its output, exit status and
 * statistics, all in memory (the process's own stdin, stdout and stderr are not used). The types are in
 * public.d.ts, shipped as they are; docs/API.md says how to use it.
 */
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { HostServices } from '../vm/builtins/registry.js';
import { readTextFile, sleepSync, StdinReader } from '../vm/host.js';
import { CapturedOutput } from '../vm/nogil/captured-output.js';
import { getWorkerScript, prewarmProcesses } from '../vm/proc/processes.js';
import type { SchedulerOptions } from '../vm/sched/scheduler.js';
import { HeapStats } from '../vm/stats/heap-stats.js';
import { TRACE_KINDS, type TraceEvent, type TraceKind, type TraceSink } from '../vm/trace/events.js';
import { parseTraceFilter, type TraceFilter } from '../vm/trace/filter.js';
import { VM } from '../vm/vm.js';
import type * as Api from './public.js';

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof Api.RunOptions>([
  'filename', 'argv', 'stdin', 'gil', 'workers', 'switchInterval', 'switchPoints', 'clock', 'schedule', 'seed',
  'maxInstructions', 'timeout', 'maxHeap', 'debugHeap', 'trace',
]);

/** Hands each event to the embedder's callback. The first error the callback throws stops the delivery
 *  (the VM must not be unwound by it half-way through an instruction); run() throws it after the run. */
class CallbackTraceSink implements TraceSink {
  failure: { error: unknown } | null = null;
  constructor(readonly kinds: ReadonlySet<TraceKind>, private readonly onEvent: (e: Api.TraceEvent) => void) {}
  emit(e: TraceEvent): void {
    if (this.failure !== null) return;
    try {
      this.onEvent(e);
    } catch (error) {
      this.failure = { error };
    }
  }
  close(): void {}
}

function checkOptions(source: unknown, o: Api.RunOptions): void {
  if (typeof source !== 'string') throw new TypeError('gilpy run(): the source must be a string');
  if (typeof o !== 'object' || o === null) throw new TypeError('gilpy run(): the options must be an object');
  for (const k of Object.keys(o)) {
    if (!OPTION_NAMES.has(k)) throw new TypeError(`gilpy run(): unknown option '${k}' (options: ${[...OPTION_NAMES].join(', ')})`);
  }
  const whole = (name: keyof Api.RunOptions, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    const v = o[name];
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < min || (v as number) > max)) {
      throw new RangeError(`gilpy run(): ${name} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
    }
  };
  whole('workers', 1, 64);
  whole('switchInterval', 1);
  whole('maxInstructions', 1);
  whole('maxHeap', 1 << 20);
  whole('seed', -(2 ** 31), 2 ** 31 - 1);
  if (o.timeout !== undefined && !(typeof o.timeout === 'number' && o.timeout > 0)) {
    throw new RangeError('gilpy run(): timeout must be a number of seconds > 0');
  }
  if (o.argv !== undefined && !(Array.isArray(o.argv) && o.argv.every((a) => typeof a === 'string'))) {
    throw new TypeError('gilpy run(): argv must be an array of strings');
  }
  for (const k of ['filename', 'stdin'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw new TypeError(`gilpy run(): ${k} must be a string`);
  }
  for (const k of ['gil', 'debugHeap'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') throw new TypeError(`gilpy run(): ${k} must be true or false`);
  }
  const oneOf = (name: 'switchPoints' | 'clock' | 'schedule', words: string[]): void => {
    if (o[name] !== undefined && !words.includes(o[name]!)) {
      throw new RangeError(`gilpy run(): ${name} is ${words.map((w) => `'${w}'`).join(' or ')}`);
    }
  };
  oneOf('switchPoints', ['cpython', 'any']);
  oneOf('clock', ['real', 'virtual']);
  oneOf('schedule', ['fifo', 'random']);
  if (o.workers !== undefined && o.gil !== false) throw new TypeError('gilpy run(): workers needs gil: false');
}

/** trace.kinds and trace.filters, checked. */
function traceSettings(t: Api.TraceOptions): { kinds: Set<TraceKind>; filters: TraceFilter[] } {
  if (typeof t !== 'object' || t === null || typeof t.onEvent !== 'function') {
    throw new TypeError('gilpy run(): trace must be { kinds, onEvent(event), filters? }');
  }
  const kinds = new Set<TraceKind>();
  if (t.kinds === 'all') TRACE_KINDS.forEach((k) => kinds.add(k));
  else if (Array.isArray(t.kinds)) {
    for (const k of t.kinds) {
      if (!(TRACE_KINDS as readonly string[]).includes(k)) {
        throw new RangeError(`gilpy run(): unknown trace kind '${String(k)}' (kinds: ${TRACE_KINDS.join(', ')}, or 'all')`);
      }
      kinds.add(k);
    }
  }
  if (kinds.size === 0) throw new RangeError(`gilpy run(): trace.kinds needs one or more of ${TRACE_KINDS.join(', ')}, or 'all'`);
  const filters = (t.filters ?? []).map((f) => {
    try {
      return parseTraceFilter(f);
    } catch (e) {
      throw new RangeError(`gilpy run(): ${(e as Error).message}`);
    }
  });
  return { kinds, filters };
}

/** The scheduler's figures as data (what --stats prints). */
function runStats(vm: VM, heap: HeapStats, wallMs: number): Api.RunStats {
  const threads = vm.scheduler.threads;
  const noGil = vm.noGilStats;
  if (noGil !== null) {
    return {
      gil: null,
      noGil: {
        threads: [
          ...threads.map((t) => ({ name: t.name, worker: 0, instructions: t.stats.instructions,
            runningMs: t.stats.holdMs, notRunningMs: t.stats.waitMs })),
          ...noGil.workers.flatMap((w) => w.threads.map((t) => ({ name: t.name, worker: w.worker + 1,
            instructions: t.instructions, runningMs: t.runMs, notRunningMs: t.waitMs }))),
        ],
        host: { busyMs: threads.reduce((a, t) => a + t.stats.holdMs, 0), wallMs: noGil.hostWallMs },
        workers: noGil.workers.map((w) => ({ worker: w.worker + 1, busyMs: w.busyMs, wallMs: w.wallMs })),
      },
      heap: heap.data(), wallMs,
    };
  }
  const rows = threads.map((t) => ({ name: t.name, instructions: t.stats.instructions, acquisitions: t.stats.acquisitions,
    forced: t.stats.forced, voluntary: t.stats.voluntary, heldMs: t.stats.holdMs, waitedMs: t.stats.waitMs }));
  const sum = (k: Exclude<keyof Api.GilThreadStats, 'name'>): number => rows.reduce((a, r) => a + r[k], 0);
  return {
    gil: {
      threads: rows,
      total: { instructions: sum('instructions'), acquisitions: sum('acquisitions'), forced: sum('forced'),
        voluntary: sum('voluntary'), heldMs: sum('heldMs'), waitedMs: sum('waitedMs') },
    },
    noGil: null, heap: heap.data(), wallMs,
  };
}

/** run() (public.d.ts). Worker threads (no GIL, multiprocessing) load the script setWorkerScript set:
 *  the package's entry sets itself (src/api/index.ts). */
export function run(source: string, options: Api.RunOptions = {}): Api.RunResult {
  checkOptions(source, options);
  const o = options;
  const trace = o.trace !== undefined ? traceSettings(o.trace) : null;
  if (o.gil === false && getWorkerScript() === null) {
    throw new Error('gilpy run(): gil: false needs worker threads, which load the bundled gilpy (import it from the gilpy package)');
  }
  const started = performance.now();
  const filename = o.filename ?? '<string>';
  const inline = filename === '<string>';
  const searchPath = [inline ? process.cwd() : dirname(resolve(filename))];
  const argv = [inline ? '-c' : filename, ...(o.argv ?? [])];
  const output = new CapturedOutput();
  const stdin = new StdinReader(0, o.stdin ?? '');
  let vm: VM | null = null;
  const host: HostServices = {
    stdout: output.stdout, stderr: output.stderr,
    readLine: () => stdin.readLine(),
    argv, searchPath,
    interp: () => vm!.interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint(),
    sleep: (s) => sleepSync(s),
    readModuleSource: (p) => readTextFile(p),
  };
  const scheduler: Partial<SchedulerOptions> = {
    ...(o.switchInterval !== undefined ? { switchInterval: o.switchInterval } : {}),
    ...(o.switchPoints !== undefined ? { switchPoints: o.switchPoints } : {}),
    ...(o.clock !== undefined ? { clock: o.clock } : {}),
    ...(o.schedule !== undefined ? { schedule: o.schedule } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
  const sink = o.trace !== undefined && trace !== null ? new CallbackTraceSink(trace.kinds, o.trace.onEvent) : null;
  vm = new VM({
    host, debug: o.debugHeap ?? false, maxBytes: o.maxHeap,
    maxInstructions: o.maxInstructions, timeoutSeconds: o.timeout, scheduler,
    ...(o.gil === false ? { noGil: { workers: o.workers ?? availableParallelism(), output } } : {}),
    ...(sink !== null ? { traceSink: sink, traceFilters: trace!.filters } : {}),
  });
  const heap = new HeapStats(vm.rt);
  if (getWorkerScript() !== null) prewarmProcesses(source);
  const status = vm.runMain(source, filename);
  output.stdout.flush();
  output.stderr.flush();
  if (sink?.failure) throw sink.failure.error;
  return { stdout: output.text(1), stderr: output.text(2), status, stats: runStats(vm, heap, performance.now() - started) };
}
