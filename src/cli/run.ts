/** Runs one program with the command line's options on the process's real stdin/stdout/stderr. */
import { performance } from 'node:perf_hooks';
import { FdSink, readTextFile, sleepSync, StdinReader } from '../vm/host.js';
import { VM } from '../vm/vm.js';
import { embeddedBootImage, writeBootImage, type BootImage } from '../vm/boot-image.js';
import { frozenLibraryReader } from './frozen-lib.js';
import type { HostServices } from '../vm/builtins/registry.js';
import { disassemble } from '../vm/isa/dis.js';
import { heapCodeView } from '../vm/builtins/modules/dis.js';
import { PySyntaxError } from '../parser/errors.js';
import { isatty } from 'node:tty';
import { HeapStats } from '../vm/stats/heap-stats.js';
import type { TraceKind, TraceSink } from '../vm/trace/events.js';
import type { TraceFilter } from '../vm/trace/filter.js';
import { FileTraceOutput } from '../vm/trace/output.js';
import { makeTraceSink, TeeTraceSink, type TraceFormat } from '../vm/trace/sinks.js';
import { ReportSink } from '../report/report-sink.js';
import { writeFileSync } from 'node:fs';
import { configureProcesses, prewarmProcesses } from '../vm/proc/processes.js';
import { noGilStatsReport } from '../vm/nogil/threads.js';
import type { ReplChannel } from './repl-channel.js';

export interface RunOptions {
  argv: string[];
  searchPath?: string[];
  checkLeaks: boolean;
  debugHeap: boolean;
  maxHeap?: number;
  timeout?: number;
  maxInstructions?: number;
  dis?: boolean;
  switchInterval?: number;
  switchPoints?: 'any' | 'cpython';
  clock?: 'real' | 'virtual';
  schedule?: 'fifo' | 'random';
  seed?: number;
  stats?: boolean;
  /** --trace=KIND,... (absent: no trace). */
  trace?: Set<TraceKind>;
  traceFormat?: TraceFormat;
  /** --trace-out=FILE (absent: stderr). */
  traceOut?: string;
  traceFilters?: TraceFilter[];
  /** --report=FILE.html: write the HTML report of the run there. */
  report?: string;
  /** -X jit=0: hot functions are not compiled to JS (interp/jit.ts). */
  noJit?: boolean;
  /** -X gil=0 / --gil=off / PYTHON_GIL=0: threads run without the GIL on this many workers. */
  noGil?: { workers: number };
  /** The build's code-cache run: write the heap's boot image to `file` (see vm/boot-image.ts). */
  writeBootImage?: { file: string; core: string };
  /** The library modules compiled by the build (frozen-lib.ts): `file`, made from the bundle `core`. */
  frozenLibrary?: { file: string; core: string };
  /** -u: stdout unbuffered (written at every print), as python3 -u. */
  unbuffered?: boolean;
  /** The REPL (this VM runs on the REPL's worker, see repl.ts): after the program, if `withScript`, read
   *  statements from the terminal through `channel`; `banner` is printed first (no script only). */
  interactive?: { channel: ReplChannel; withScript: boolean; banner: string };
}

/** The sink --trace, --trace-format and --trace-out ask for (null without --trace). */
function traceSinkFor(opts: RunOptions, filename: string): TraceSink | null {
  if (opts.trace === undefined) return null;
  let out: FileTraceOutput;
  try {
    out = new FileTraceOutput(opts.traceOut ?? 2);
  } catch (e) {
    process.stderr.write(`gilpy: can't open trace file '${opts.traceOut}': ${(e as Error).message}\n`);
    process.exit(2);
  }
  return makeTraceSink(opts.traceFormat ?? 'text', opts.trace, out, filename);
}

/** `--report=FILE.html`: a ReportSink writing FILE when the run's trace closes (or, if the program never
 *  started, when runProgram ends), null without --report. */
function reportSinkFor(opts: RunOptions, source: string, filename: string): ReportSink | null {
  if (opts.report === undefined || opts.dis) return null;
  const file = opts.report;
  try {
    writeFileSync(file, ''); // fail now, not after the run, if it cannot be written
  } catch (e) {
    process.stderr.write(`gilpy: can't write the report '${file}': ${(e as Error).message}\n`);
    process.exit(2);
  }
  return new ReportSink({ filename, source, write: (html) => writeFileSync(file, html) });
}

/** The run's sink: the --trace output, the report, both, or none. */
function runSink(trace: TraceSink | null, report: ReportSink | null): TraceSink | null {
  if (trace === null || report === null) return trace ?? report;
  return new TeeTraceSink([trace, report]);
}

/** `gilpy --dis FILE.py`: every code object of the program, in CPython's dis layout (as `python3 -m dis`). */
function disassembleProgram(vm: VM, source: string, filename: string): number {
  let code;
  try {
    code = vm.compile(source, filename);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      process.stderr.write(e.format());
      return 1;
    }
    throw e;
  }
  vm.host.stdout.write(disassemble(heapCodeView(vm.rt, code)));
  vm.rt.decref(code);
  return 0;
}

export function runProgram(source: string, filename: string, opts: RunOptions): number {
  const stdin = new StdinReader(0);
  // isatty, not process.stdout.isTTY: making Node's stdout stream costs ~8 ms of start-up
  const stdoutTty = isatty(1);
  // without the GIL, threads of several workers print: each line is written as it is printed, under the
  // output lock, so that prints come out whole and in the order they happen
  const stdout = new FdSink(1, stdoutTty || opts.noGil !== undefined || opts.unbuffered === true || opts.interactive !== undefined);
  const stderr = new FdSink(2, true);
  let vm: VM | null = null;
  const host: HostServices = {
    stdout, stderr,
    readLine: () => {
      stdout.flush();
      return stdin.readLine();
    },
    argv: opts.argv,
    searchPath: opts.searchPath ?? [process.cwd()],
    interp: () => vm!.interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint(),
    sleep: (s) => {
      stdout.flush();
      sleepSync(s);
    },
    readModuleSource: (p) => readTextFile(p),
  };
  if (opts.frozenLibrary !== undefined) {
    host.frozenLibraryCode = frozenLibraryReader(opts.frozenLibrary.file, opts.frozenLibrary.core);
  }
  const interactive = opts.interactive;
  if (interactive !== undefined) {
    host.interactive = interactive.channel;
    host.sleep = (s) => {
      stdout.flush();
      interactive.channel.sleep(s); // a Ctrl-C cuts it short
    };
  }
  const report = reportSinkFor(opts, source, filename);
  const traceSink = opts.dis ? null : runSink(traceSinkFor(opts, filename), report);
  try {
    vm = new VM({
      ...(traceSink !== null ? { traceSink, traceFilters: opts.traceFilters ?? [] } : {}),
      host, debug: opts.debugHeap, maxBytes: opts.maxHeap, checkLeaks: opts.checkLeaks,
      bootImage: embeddedBootImage(),
      ...(opts.writeBootImage !== undefined && !opts.debugHeap && opts.maxHeap === undefined
        ? { onBootImage: (image: BootImage) => writeBootImage(opts.writeBootImage!.file, opts.writeBootImage!.core, image) }
        : {}),
      ...(opts.noGil !== undefined ? { noGil: opts.noGil } : {}),
      ...(opts.noJit === true ? { jit: false } : {}),
      maxInstructions: opts.maxInstructions, timeoutSeconds: opts.timeout,
      scheduler: {
        ...(opts.switchInterval !== undefined ? { switchInterval: opts.switchInterval } : {}),
        ...(opts.switchPoints !== undefined ? { switchPoints: opts.switchPoints } : {}),
        ...(opts.clock !== undefined ? { clock: opts.clock } : {}),
        ...(opts.schedule !== undefined ? { schedule: opts.schedule } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      },
    });
    void performance;
    configureProcesses(vm.rt, {
      argv: opts.argv, searchPath: opts.searchPath ?? [process.cwd()], output: 'fd', tty: stdoutTty,
      scheduler: {
        ...(opts.switchInterval !== undefined ? { switchInterval: opts.switchInterval } : {}),
        ...(opts.switchPoints !== undefined ? { switchPoints: opts.switchPoints } : {}),
        ...(opts.clock !== undefined ? { clock: opts.clock } : {}),
      },
    });
    if (opts.dis) return disassembleProgram(vm, source, filename);
    prewarmProcesses(source);
    const heapStats = opts.stats ? new HeapStats(vm.rt) : null;
    let status: number;
    if (interactive === undefined) status = vm.runMain(source, filename);
    else {
      if (!interactive.withScript) stderr.write(interactive.banner);
      stderr.flush();
      status = vm.runInteractive(interactive.withScript ? { source, filename } : null, interactive.channel);
    }
    report?.close(); // written already unless the program never started (a SyntaxError)
    if (heapStats !== null) {
      stdout.flush();
      if (vm.noGilStats !== null) stderr.write(noGilStatsReport(vm.scheduler, vm.noGilStats.hostWallMs, vm.noGilStats.workers));
      else stderr.write(vm.scheduler.statsReport());
      stderr.write(heapStats.report());
    }
    if (opts.checkLeaks) {
      stdout.flush();
      const leaks = vm.leakReport();
      const total = [...leaks.values()].reduce((a, b) => a + b, 0);
      if (total === 0) stderr.write('gilpy: leak check: no objects left alive\n');
      else {
        stderr.write(`gilpy: leak check: ${total} object${total === 1 ? '' : 's'} left alive beyond immortals and module state:\n`);
        for (const [type, n] of [...leaks].sort((a, b) => b[1] - a[1])) stderr.write(`  ${type}: ${n}\n`);
      }
    }
    return status;
  } finally {
    stdout.flush();
    stderr.flush();
  }
}
