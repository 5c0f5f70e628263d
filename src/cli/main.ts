#!/usr/bin/env node
/** The `gilpy` command line: options as python3's where they overlap, gilpy's own grouped in --help. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../compiler/front-end.js';
import { formatSymtable } from '../compiler/symtable.js';
import { dumpAst } from '../parser/dump.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';
import { runProgram, type RunOptions } from './run.js';
import { BOOT_IMAGE_FILE } from '../vm/boot-image.js';
import { FROZEN_LIB_FILE, writeFrozenLibrary } from './frozen-lib.js';
import { parseTraceFilter } from '../vm/trace/filter.js';
import { parseTraceKinds, TRACE_FORMATS, type TraceFormat } from '../vm/trace/sinks.js';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runChild } from '../vm/proc/child.js';
import { setWorkerScript, type ChildData } from '../vm/proc/processes.js';
import { runNoGilWorker } from '../vm/nogil/worker-main.js';
import type { NoGilWorkerData } from '../vm/nogil/threads.js';
import { availableParallelism } from 'node:os';
import { isatty } from 'node:tty';
import { startRepl, type ReplWorkerData } from './repl.js';
import { ReplChannel } from './repl-channel.js';
import { DEFAULT_SWITCH_INTERVAL } from '../vm/sched/scheduler.js';
import { makingSnapshot } from './snapshot.js';

const VERSION = '0.1.0';

const HELP = `usage: gilpy [option] ... [-c cmd | file] [arg] ...

Running:
  file                  run a Python program (the rest of the line is its sys.argv[1:])
  -c cmd                run the program passed as a string
  -                     run the program read from stdin (also with no file when stdin is not a terminal)
  (no file)             at a terminal: the interactive REPL (>>> prompts, Ctrl-C interrupts, Ctrl-D leaves;
                        history in ~/.gilpy_history, or $GILPY_HISTORY, empty for none)
  -i                    enter the REPL after running the program (or at once, reading stdin)
  -u                    unbuffered stdout: every print is written at once
  --version             print gilpy's version
  -h, --help            print this help

Inspecting:
  --dis FILE            print the bytecode of every code object (nested ones too), in CPython 3.11's
                        dis layout
  --dump-ast FILE       print the AST, exactly as python3's ast.dump(ast.parse(source)) does
  --dump-symtable FILE  print the symbol tables (format: see README)
  -X jit=0              run every instruction in the evaluation loop: hot functions are not compiled to
                        JS (compiled code does what the loop does; see docs/PERFORMANCE.md)

Memory:
  --check-leaks         at exit, report objects still alive beyond immortals and module state
  --debug-heap          heap-checking mode: poison freed blocks, fail at once on a use after free
  --max-heap=SIZE       limit the heap (e.g. 64M, 1G); past it the program gets MemoryError

Threads and the GIL:
  --switch-interval=N   the GIL changes hands every N instructions (default 10000; sys.setcheckinterval)
  --switch-points=P     where it may: 'cpython' (default: backward jumps, function entry, after calls,
                        as CPython 3.10+) or 'any' (after any instruction, as CPython before 3.10)
  --clock=C             'real' (default) or 'virtual' (sleeps advance a virtual clock: instant, repeatable)
  --schedule=S          who gets the GIL next: 'fifo' (default) or 'random' (with --seed=N)
  --seed=N              the seed of --schedule=random
  --stats               at exit, print per-thread GIL statistics and the heap's figures to stderr (peak
                        size, allocations and frees, small-int cache hits, collections, live objects)
  A deadlock (no thread can ever run again) is reported, and the program exits with status 3.

Free threading (no GIL; see docs/NOGIL.md):
  -X gil=0, --gil=off   run without the GIL: each thread the program starts runs on one of K worker
                        threads sharing the heap, in parallel (also the environment's PYTHON_GIL=0)
  -X gil=1, --gil=on    force the GIL on (the default; also PYTHON_GIL=1); -X wins over PYTHON_GIL
  --workers=K           the number of worker threads without the GIL (default: the number of cores),
                        started when the program first imports _thread (threading does)
  sys._is_gil_enabled() says which mode runs. Containers shared between threads are not yet safe in
  this mode, and the cycle collector is off in it (see README, "Where gilpy differs").

Tracing (see docs/TRACE.md):
  --trace=KIND,...      report what the VM does, as it does it; kinds: instructions, calls, gil, threads,
                        refcount, alloc, gc, process, or all
  --trace-format=F      'text' (default: one readable line per event), 'jsonl' (one JSON object per
                        line, after a header with the schema version) or 'chrome' (the Trace Event
                        Format: open it in ui.perfetto.dev or chrome://tracing)
  --trace-out=FILE      write the trace to FILE (default: stderr)
  --trace-filter=F      keep only events inside F: function:NAME, line:A-B or thread:NAME (repeatable)
  --report=FILE.html    write an HTML report of the run (no network needed to open it): the GIL timeline
                        (one lane per thread), the heap over time, per-thread statistics, and the source
                        with the instructions run on each line

Limits (for running code you do not trust):
  --timeout=SECONDS     stop the program after this long (exit status 124)
  --max-instructions=N  stop the program after N instructions (exit status 125)
`;

function fail(msg: string): never {
  process.stderr.write(`gilpy: ${msg}\n`);
  process.exit(2);
}

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`gilpy: can't open file '${resolve(path)}': [Errno 2] ${err.code === 'ENOENT' ? 'No such file or directory' : err.message}\n`);
    process.exit(2);
  }
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)B?$/i.exec(text.trim());
  if (m === null) fail(`bad size '${text}' (try 64M or 1G)`);
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Math.floor(Number(m[1]) * mult);
}

function frontEndDump(flag: string, path: string): void {
  const source = readSource(path);
  try {
    const { module, symtable } = analyze(source, path);
    process.stdout.write(flag === '--dump-ast' ? dumpAst(module) + '\n' : formatSymtable(symtable));
  } catch (e) {
    if (e instanceof PySyntaxError) {
      process.stderr.write(e.format());
      process.exit(1);
    }
    if (e instanceof CompileRecursionError) {
      process.stderr.write(`RecursionError: ${e.msg}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** `repl`: this is the REPL's worker (see repl.ts), which parses the same command line again. */
function main(argv: string[], repl: ReplWorkerData | null = null): void {
  const opts: RunOptions = { argv: [], checkLeaks: false, debugHeap: false };
  const dir = dirname(fileURLToPath(commandEntry));
  const core = join(dir, 'gilpy-core.cjs');
  opts.frozenLibrary = { file: join(dir, FROZEN_LIB_FILE), core };
  // the build's run that compiles the library modules (scripts/build-bundle.mjs)
  if (process.env['GILPY_WRITE_FROZEN_LIB'] === '1') writeFrozenLibrary(opts.frozenLibrary.file, core);
  if (process.env['GILPY_WRITE_CODE_CACHE'] === '1') {
    // the build's code-cache run (scripts/build-bundle.mjs) also writes the boot image the snapshot embeds
    opts.writeBootImage = { file: join(dir, BOOT_IMAGE_FILE), core };
  }
  /** -i: the REPL after the program (python3's inspect flag). */
  let inspect = false;
  /** -X gil / --gil: true (on), false (off), undefined (PYTHON_GIL decides; on by default). */
  let gilFlag: boolean | undefined;
  let workers = availableParallelism();
  let i = 0;
  let program: { source: string; filename: string } | null = null;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) fail(`option ${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') {
      process.stdout.write(HELP);
      return;
    }
    if (a === '--version' || a === '-V') {
      process.stdout.write(`gilpy ${VERSION} (Python 3.11 subset)\n`);
      return;
    }
    if (a === '--dump-ast' || a === '--dump-symtable') {
      frontEndDump(a, argv[i + 1] ?? fail(`${a} needs a FILE`));
      return;
    }
    if (a === '--dis') {
      opts.dis = true;
      const file = argv[i + 1] ?? fail('--dis needs a FILE');
      program = { source: readSource(file), filename: file };
      opts.searchPath = [dirname(resolve(file))];
      break;
    }
    if (a === '-i') { inspect = true; continue; }
    if (a === '-u') { opts.unbuffered = true; continue; }
    if (a === '--check-leaks') { opts.checkLeaks = true; continue; }
    if (a === '--debug-heap') { opts.debugHeap = true; continue; }
    if (a.startsWith('--max-heap')) { opts.maxHeap = parseSize(value()); continue; }
    if (a.startsWith('--timeout')) { opts.timeout = Number(value()); continue; }
    if (a.startsWith('--max-instructions')) { opts.maxInstructions = Number(value()); continue; }
    if (a.startsWith('--switch-interval')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) fail('--switch-interval needs a whole number of instructions >= 1');
      opts.switchInterval = n;
      continue;
    }
    /** The value of an option that takes one of two words. */
    const oneOf = <A extends string, B extends string>(x: A, y: B): A | B => {
      const v = value();
      if (v !== x && v !== y) fail(`${a.split('=')[0]} is '${x}' or '${y}'`);
      return v as A | B;
    };
    if (a.startsWith('--switch-points')) { opts.switchPoints = oneOf('any', 'cpython'); continue; }
    if (a.startsWith('--clock')) { opts.clock = oneOf('real', 'virtual'); continue; }
    if (a.startsWith('--schedule')) { opts.schedule = oneOf('fifo', 'random'); continue; }
    if (a.startsWith('--seed')) { opts.seed = Number(value()); continue; }
    if (a === '--stats') { opts.stats = true; continue; }
    if (a === '-X' || (a.startsWith('-X') && a.length > 2)) {
      const x = a === '-X' ? argv[++i] : a.slice(2);
      if (x === undefined) fail('Argument expected for the -X option');
      if (x === 'gil=0' || x === 'gil=1') gilFlag = x === 'gil=1';
      else if (x.startsWith('gil')) fail(`-X gil: invalid value '${x.slice(4)}' (0 or 1)`);
      else if (x === 'jit=0' || x === 'jit=1') opts.noJit = x === 'jit=0';
      else if (x.startsWith('jit')) fail(`-X jit: invalid value '${x.slice(4)}' (0 or 1)`);
      continue; // other -X options are accepted and ignored, as CPython ignores unknown ones
    }
    if (a.startsWith('--gil')) { gilFlag = oneOf('on', 'off') === 'on'; continue; }
    if (a.startsWith('--workers')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 64) fail('--workers needs a whole number of worker threads from 1 to 64');
      workers = n;
      continue;
    }
    if (a === '--trace' || a.startsWith('--trace=')) {
      try {
        opts.trace = parseTraceKinds(value());
      } catch (e) {
        fail((e as Error).message);
      }
      continue;
    }
    if (a.startsWith('--trace-format')) {
      const f = value();
      if (!(TRACE_FORMATS as readonly string[]).includes(f)) fail(`--trace-format is ${TRACE_FORMATS.map((x) => `'${x}'`).join(', ')}`);
      opts.traceFormat = f as TraceFormat;
      continue;
    }
    if (a.startsWith('--trace-out')) { opts.traceOut = value(); continue; }
    if (a.startsWith('--report')) { opts.report = value(); continue; }
    if (a.startsWith('--trace-filter')) {
      try {
        (opts.traceFilters ??= []).push(parseTraceFilter(value()));
      } catch (e) {
        fail((e as Error).message);
      }
      continue;
    }
    if (a === '-c') {
      const cmd = argv[++i];
      if (cmd === undefined) fail('Argument expected for the -c option');
      program = { source: cmd, filename: '<string>' };
      opts.argv = ['-c', ...argv.slice(i + 1)];
      break;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}\n${HELP}`);
    break;
  }
  if (opts.trace === undefined && (opts.traceFormat !== undefined || opts.traceOut !== undefined || opts.traceFilters !== undefined)) {
    fail('--trace-format, --trace-out and --trace-filter need --trace=KIND,...');
  }
  let withScript = true;
  if (program === null) {
    const file = argv[i];
    if (file === undefined || file === '-') {
      // python3: no program, or '-': the REPL at a terminal (or with -i), else the program on stdin
      opts.argv = file === undefined ? [''] : argv.slice(i);
      if (file === undefined && (inspect || isatty(0))) {
        inspect = true;
        withScript = false;
        program = { source: '', filename: '<stdin>' };
      } else program = { source: repl === null ? readStdin() : '', filename: '<stdin>' };
    } else {
      program = { source: readSource(file), filename: file };
      opts.argv = argv.slice(i);
      opts.searchPath = [dirname(resolve(file))];
    }
  }
  if (inspect && !opts.dis && repl === null) {
    startRepl(argv, workerScript());
    return;
  }
  const envGil = process.env['PYTHON_GIL'];
  if (gilFlag === undefined && envGil !== undefined && envGil !== '') {
    if (envGil !== '0' && envGil !== '1') fail(`PYTHON_GIL=${envGil}: the value is 0 or 1`);
    gilFlag = envGil === '1';
  }
  if (gilFlag === false && !opts.dis) opts.noGil = { workers };
  if (repl !== null) {
    const channel = new ReplChannel(repl.buffer, (prompt, kind) => parentPort!.postMessage({ prompt, kind }));
    opts.interactive = { channel, withScript, banner: banner(opts) };
    const status = runProgram(program.source, program.filename, opts);
    parentPort!.postMessage({ exit: status });
    return;
  }
  const status = runProgram(program.source, program.filename, opts);
  // process.exit, not process.exitCode: node then skips freeing its environment and V8's heap, some 1-2 ms
  // of every run (docs/STARTUP.md). Nothing is left to do: the program's output was written with
  // writeSync and flushed, its threads and processes joined, and the spare workers are unref'd.
  process.exit(status);
}

/** The REPL's first lines (on stderr, as python3's). */
function banner(opts: RunOptions): string {
  const mode = opts.noGil !== undefined
    ? `without the GIL (${opts.noGil.workers} worker thread${opts.noGil.workers === 1 ? '' : 's'})`
    : `with the GIL (switch interval ${opts.switchInterval ?? DEFAULT_SWITCH_INTERVAL} instructions)`;
  return `gilpy ${VERSION} (a Python 3.11 subset) on Node.js ${process.version}, ${mode}\n`
    + 'Type "exit()" or Ctrl-D to leave; Ctrl-C stops what runs. "gilpy --help" lists the options.\n';
}

/** The whole of stdin: the program of `gilpy < file.py` and `gilpy -`. */
function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** The script worker threads load (dist/gilpy.mjs: they do not start from the snapshot); runCommand
 *  sets it. */
let commandEntry = import.meta.url;
function workerScript(): string {
  return commandEntry;
}

if (makingSnapshot()) {
  // loaded into the start-up snapshot: the command runs when a process starts from it (runCommand)
} else if (!isMainThread && (workerData as NoGilWorkerData | null)?.gilpyNoGil === true) {
  // this bundle running as a no-GIL worker thread (see src/vm/nogil/threads.ts); its threads may fork
  setWorkerScript(import.meta.url);
  runNoGilWorker(workerData as NoGilWorkerData);
} else if (!isMainThread && (workerData as ChildData | null)?.gilpyChild === true) {
  // this bundle running as a forked child process (see src/vm/proc/)
  runChild(workerData as ChildData);
} else if (!isMainThread && (workerData as { gilpySpare?: boolean } | null)?.gilpySpare === true) {
  // a spare worker, booted ahead: it becomes the child of the next fork
  parentPort!.once('message', (data: ChildData) => runChild(data));
} else if (!isMainThread && (workerData as ReplWorkerData | null)?.gilpyRepl === true) {
  // this bundle running as the REPL's VM (see repl.ts)
  setWorkerScript(import.meta.url);
  const data = workerData as ReplWorkerData;
  main(data.argv, data);
} else {
  runCommand(import.meta.url, process.argv.slice(2));
}
// what scripts/snapshot-entry.cjs calls, in the bundle it loads into the start-up snapshot
export { warmUpFrontEnd } from './snapshot.js';

/** The command: `entryUrl` is the script that worker threads load (dist/gilpy.mjs: workers do not start
 *  from the snapshot), `args` the command line after the program name. */
export function runCommand(entryUrl: string, args: string[]): void {
  commandEntry = entryUrl;
  setWorkerScript(entryUrl);
  try {
    main(args);
  } catch (e) {
    process.stderr.write(`gilpy: internal error (a bug in gilpy, not in your program): ${(e as Error).stack ?? e}\n`);
    process.exit(70);
  }
}

