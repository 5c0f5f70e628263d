/** Running a program in memory: the embedding API's core, and what the differential tests use. */
import { dirname, resolve } from 'node:path';
import { readTextFile, sleepSync, StdinReader, StringSink } from './host.js';
import type { HostServices } from './builtins/registry.js';
import { VM } from './vm.js';
import type { SchedulerOptions } from './sched/scheduler.js';
import type { TraceSink } from './trace/events.js';
import type { TraceFilter } from './trace/filter.js';
import { setWorkerScript } from './proc/processes.js';

export interface InMemoryOptions {
  stdin?: string;
  argv?: string[];
  debugHeap?: boolean;
  maxHeap?: number;
  /** The folder user modules are imported from (default: the file's folder). */
  searchPath?: string[];
  /** Run the leak check after the program (see VM.leakReport); the result is in `leaks`. */
  checkLeaks?: boolean;
  maxInstructions?: number;
  /** The GIL scheduler's settings (switch interval, switch points, clock, schedule, seed). */
  scheduler?: Partial<SchedulerOptions>;
  /** Trace the run into this sink (see src/vm/trace/events.ts); it is closed when the program ends. */
  traceSink?: TraceSink;
  /** Keep only the events inside these (see trace/filter.ts). */
  traceFilters?: TraceFilter[];
  /** The gilpy bundle (a file: URL) that child processes run; without it, starting a process raises
   *  OSError. The CLI uses itself. */
  workerScript?: string;
  /** Run hot functions compiled to JS (default true; see interp/jit.ts). */
  jit?: boolean;
}

export interface InMemoryResult {
  stdout: string;
  stderr: string;
  status: number;
  vm: VM;
  /** With checkLeaks: objects alive after the program's module state was torn down, by type. */
  leaks: Map<string, number> | null;
}

export function runInMemory(source: string, filename: string, opts: InMemoryOptions = {}): InMemoryResult {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const stdin = new StdinReader(0, opts.stdin ?? '');
  let vm: VM | null = null;
  const start = process.hrtime.bigint();
  const host: HostServices = {
    stdout, stderr,
    readLine: () => stdin.readLine(),
    argv: opts.argv ?? [filename],
    searchPath: opts.searchPath ?? [dirname(resolve(filename))],
    interp: () => vm!.interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint() - start,
    sleep: (s) => sleepSync(s),
    readModuleSource: (p) => readTextFile(p),
  };
  vm = new VM({
    // a modest reservation by default: tests create many VMs in one process
    host, debug: opts.debugHeap ?? false, maxBytes: opts.maxHeap ?? 256 << 20, checkLeaks: opts.checkLeaks,
    maxInstructions: opts.maxInstructions, scheduler: opts.scheduler,
    traceSink: opts.traceSink, traceFilters: opts.traceFilters, jit: opts.jit,
  });
  if (opts.workerScript !== undefined) setWorkerScript(opts.workerScript);
  const status = vm.runMain(source, filename);
  const leaks = opts.checkLeaks ? vm.leakReport() : null;
  return { stdout: stdout.text, stderr: stderr.text, status, vm, leaks };
}
