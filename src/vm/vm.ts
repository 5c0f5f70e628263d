/** A VM: a runtime booted with every built-in type and module, and the way to run a program on it. */
import './boot.js';
import { compileSource } from '../compiler/front-end.js';
import { splitLines } from '../lexer/indent.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';
import type { Ref } from './heap/layout.js';
import { HeapCorruption } from './heap/heap.js';
import { Interpreter } from './interp/loop.js';
import { primeLoopFeedback } from './interp/jit-priming.js';
import { ThreadState } from './interp/frame.js';
import { newCode, setInterner } from './objects/code.js';
import { dictClear, dictDel, dictItems, dictSet, dictTable, newDict } from './objects/dict.js';
import { classBytes } from './heap/heap.js';
import { FLAG_INTERNED, FREED_TAG, HEAP_START, META_CLASS_SHIFT, OB_META, OB_TYPE } from './heap/layout.js';
import { setCompileHook } from './builtins/imports.js';
import {
  bootExceptions, installRaiseNew, excMatches, excType, formatException, newException, sourceCache, excArgs,
} from './objects/exceptions.js';
import { newModule, moduleDict, setGlobal } from './objects/module.js';
import { bootTypes, intern } from './objects/type.js';
import { tupleItem, tupleSize } from './objects/tuple.js';
import { str as strOf } from './objects/protocols.js';
import { PyRaise, Root, Runtime, TP_DICT, TP_FLAGS, TP_MRO, TPF_HEAPTYPE, type RuntimeOptions } from './runtime.js';
import { bootBuiltins, installBuiltinHooks } from './builtins/builtins.js';
import { restoreImage, type ForkImage } from './proc/image.js';
import { captureBootImage, restoreBootImageState, type BootImage } from './boot-image.js';
import { finishProcesses } from './proc/processes.js';
import type { HostServices, InteractiveInput } from './builtins/registry.js';
import { ReplDriver } from './interactive.js';
import { setHost } from './builtins/host-access.js';
import { Kind } from './objects/kinds.js';
import { collectAtExit, settleBootObjects } from './objects/gc.js';
import { attachScheduler, DEFAULT_SWITCH_INTERVAL, Deadlock, Scheduler, schedulerOf, type SchedulerOptions } from './sched/scheduler.js';
import { setSleepHook } from './builtins/modules/time.js';
import { ProcessExit } from './sched/signals.js';
import { bootSysTypes, initCheckInterval, setCheckIntervalListener, setSwitchIntervalListener } from './builtins/modules/sys.js';
import './builtins/modules/thread.js';
import { getAttr, getAttrOrNull } from './objects/attrs.js';
import { dictGet } from './objects/dict.js';
import type { TraceSink } from './trace/events.js';
import type { TraceFilter } from './trace/filter.js';
import { Tracer, type TraceContext } from './trace/tracer.js';
import { installTracer, uninstallTracer } from './trace/heap-hooks.js';
import { TracingInterpreter } from './interp/loop-traced.gen.js';
import { lineAt } from './interp/tracing-interpreter.js';
import { FR_CODE, FR_LASTI, FR_PREV } from './interp/frame.js';
import { decodeCode } from './objects/code.js';
import { GilInterpreter } from './interp/loop-nested.gen.js';
import { NoGilInterpreter } from './interp/loop-nogil.gen.js';
import { TracingNoGilInterpreter } from './interp/loop-nogil-traced.gen.js';
import { attachNoGilWorker, enableNoGilHeap, type NoGilWorker } from './nogil/attach.js';
import { NoGilHost, type WorkerStats } from './nogil/threads.js';
import type { CapturedOutput } from './nogil/captured-output.js';
import { noGilMode } from './nogil/mode.js';
import { weakrefRegistry } from './objects/weakref.js';
import { setInlineOwner } from './nogil/inline-counts.js';
import { setGilEnabledHook } from './builtins/modules/sys.js';

setGilEnabledHook(() => noGilMode() === null);

setCheckIntervalListener((rt, n) => schedulerOf(rt).setCheckInterval(n));
setSwitchIntervalListener((rt, seconds) => schedulerOf(rt).setTimeSlice(seconds));

// time.sleep gives the GIL up: the sleeping thread waits in the scheduler, which runs the others meanwhile
setSleepHook((rt, seconds) => {
  const sched = schedulerOf(rt);
  sched.block({ ready: () => false, deadline: sched.now() + seconds * 1000, what: 'the end of a time.sleep()',
    holder: () => null });
});

export interface VMOptions extends RuntimeOptions {
  host: HostServices;
  /** Remember the objects alive after boot, so that leakReport() can name what a program left behind. */
  checkLeaks?: boolean;
  /** Run hot functions compiled to JS (interp/jit.ts; default true): GIL mode's untraced loop only. */
  jit?: boolean;
  /** Stop the program after this many instructions (exit status EXIT_INSTRUCTION_LIMIT). */
  maxInstructions?: number;
  /** Stop the program after this many seconds (exit status EXIT_TIMEOUT). */
  timeoutSeconds?: number;
  /** The GIL scheduler's settings (see SchedulerOptions); defaults: every 10000 instructions, at
   *  CPython's switch points, real time, FIFO. */
  scheduler?: Partial<SchedulerOptions>;
  /** Trace the program run by runMain into this sink (its `kinds` say what to report), keeping only
   *  what `traceFilters` keep; the sink is closed when runMain ends. */
  traceSink?: TraceSink;
  traceFilters?: TraceFilter[];
  /** Attach to a copy of a parent's heap instead of booting (a forked child process, see proc/). */
  fork?: { image: ForkImage; mainIdent: number };
  /** No-GIL mode (the host): runMain puts the heap in no-GIL mode and runs threads on this many
   *  worker threads (see nogil/threads.ts). `output`: the host keeps the output in memory (the
   *  embedding API); the workers' lines join it (see nogil/captured-output.ts). */
  noGil?: { workers: number; output?: CapturedOutput };
  /** A no-GIL worker thread: attach to the shared heap (no copy) as a new no-GIL worker. */
  noGilAttach?: { image: ForkImage };
  /** Start from this boot image (boot-image.ts) instead of building the types, exceptions and builtins; not used
   *  with `debug` (heap-checking mode checks boot's frees too). */
  bootImage?: BootImage | null;
  /** Called with the heap's boot image when boot has made it (the build writes it: boot-image.ts). */
  onBootImage?: (image: BootImage) => void;
}

/** When the main thread's primed tick comes (see Interpreter.primeTickAfter): V8 has given the loop its
 *  feedback vector by then (after a few dozen instructions), and has not optimised the loop yet. */
const PRIME_TICK_AFTER = 1000;

/** No thread can run and none waits with a timeout (gilpy's own status: CPython would hang). */
export const EXIT_DEADLOCK = 3;

/** Thrown through the loop when a limit set by the user is reached; Python code cannot catch it. */
export class ExecutionLimit {
  constructor(readonly message: string, readonly status: number) {}
}

/** Exit statuses, as python3 uses them (and gilpy's own for its limits). */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
/** `--timeout` ran out (as GNU timeout reports it). */
export const EXIT_TIMEOUT = 124;
/** `--max-instructions` ran out. */
export const EXIT_INSTRUCTION_LIMIT = 125;

export class VM {
  readonly rt: Runtime;
  readonly ts: ThreadState;
  readonly interp: Interpreter;
  readonly host: HostServices;
  readonly scheduler: Scheduler;

  constructor(opts: VMOptions) {
    this.host = opts.host;
    const fork = opts.fork ?? opts.noGilAttach;
    const image = fork === undefined && !opts.debug ? opts.bootImage ?? null : null;
    const rt = (this.rt = new Runtime(fork ? { ...opts, buffer: fork.image.heap } : image ? { ...opts, image: image.bytes } : opts));
    if (fork) {
      // a forked child: the heap is a copy of the parent's, booted long ago; only JS-side state is made
      rt.loadRoots();
      if (opts.noGilAttach) {
        // a no-GIL worker: its own allocator and counts before it allocates anything
        this.noGilWorker = attachNoGilWorker(rt);
        setInlineOwner(this.noGilWorker.id, rt.heap.debug, this.noGilWorker.alloc);
      }
      restoreImage(rt, fork.image);
      installRaiseNew(rt);
    } else if (image) {
      // the heap bootCore, bootTypes, bootExceptions, bootBuiltins and bootSysTypes leave, copied from the image
      rt.loadRoots();
      restoreBootImageState(rt, image);
      installRaiseNew(rt);
    } else {
      rt.bootCore();
      bootTypes(rt);
    }
    setInterner(intern); // identifiers in code objects are interned, as in CPython
    if (!fork && !image) {
      bootExceptions(rt);
      bootBuiltins(rt);
      bootSysTypes(rt);
      opts.onBootImage?.(captureBootImage(rt));
    }
    this.ts = new ThreadState(rt, 1);
    this.tracer = opts.traceSink !== undefined ? new Tracer(opts.traceSink, opts.traceFilters ?? []) : null;
    // a trace that needs the loop's hooks runs every thread on the traced build of the loop
    // no-GIL mode runs every thread on the loop whose counts go through the runtime (biased counts), or
    // its traced build: also for an alloc trace, since the no-GIL loop allocates and frees ints in place
    const noGil = opts.noGil !== undefined || opts.noGilAttach !== undefined;
    const tracedLoop = this.tracer !== null && (this.tracer.needsTracedLoop || (noGil && this.tracer.alloc));
    rt.jit = opts.jit !== false && !tracedLoop && !noGil;
    const makeInterpreter = tracedLoop
      ? noGil ? (r: Runtime, ts: ThreadState): Interpreter => new TracingNoGilInterpreter(r, ts)
        : (r: Runtime, ts: ThreadState): Interpreter => new TracingInterpreter(r, ts)
      : noGil ? (r: Runtime, ts: ThreadState): Interpreter => new NoGilInterpreter(r, ts)
        : (r: Runtime, ts: ThreadState): Interpreter => new GilInterpreter(r, ts);
    this.interp = makeInterpreter(rt, this.ts);
    const schedOpts: SchedulerOptions = {
      switchInterval: DEFAULT_SWITCH_INTERVAL, switchPoints: 'cpython', clock: 'real', schedule: 'fifo', seed: 0,
      ...opts.scheduler,
    };
    const realHost = opts.host;
    this.scheduler = new Scheduler(rt, schedOpts, this.interp, (ms) => realHost.sleep(ms / 1000),
      () => Number(realHost.monotonicNs()) / 1e6, opts.fork?.mainIdent);
    attachScheduler(rt, this.scheduler);
    this.scheduler.makeInterpreter = makeInterpreter;
    initCheckInterval(rt, schedOpts.switchInterval);
    if (schedOpts.clock === 'virtual') {
      // the clocks a program reads advance with the virtual time its sleeps take
      const wall0 = realHost.now();
      const mono0 = realHost.monotonicNs();
      const sched = this.scheduler;
      this.host = {
        ...realHost,
        now: () => wall0 + sched.now() / 1000,
        monotonicNs: () => mono0 + BigInt(Math.round(sched.now() * 1e6)),
      };
    }
    setHost(rt, this.host, () => this.scheduler.current.interp);
    installBuiltinHooks(rt, this.host);
    setCompileHook((_rt, source, filename) => this.compile(source, filename));
    this.installLimits(opts);
    if (opts.checkLeaks) this.baseline = new Set(liveObjects(rt));
    this.bootModules = new Set(dictItems(rt, rt.root(Root.SYS_MODULES)).map(([, m]) => m as number));
    if (!fork) {
      primeLoopFeedback(rt);
      settleBootObjects(rt);
    }
    // the main thread's loop ticks once early, only to give V8 feedback for its call of tick()
    if (!fork && !noGil) this.interp.primeTickAfter = PRIME_TICK_AFTER;
    this.noGilOptions = opts.noGil ?? null;
    this.schedulerOptions = opts.scheduler ?? {};
  }

  /** This VM's membership of a no-GIL heap (null in GIL mode). */
  noGilWorker: NoGilWorker | null = null;
  /** The host's side of no-GIL mode, once runMain entered it. */
  noGilHost: NoGilHost | null = null;
  /** What the workers reported at the end of a no-GIL run (for --stats), and the host's wall time. */
  noGilStats: { workers: WorkerStats[]; hostWallMs: number } | null = null;
  private readonly noGilOptions: { workers: number; output?: CapturedOutput } | null;
  private readonly schedulerOptions: Partial<SchedulerOptions>;

  /** Puts the heap in no-GIL mode (this VM becomes worker 1) and starts the worker threads. */
  private enterNoGil(workers: number, output: CapturedOutput | null): void {
    const rt = this.rt;
    this.noGilWorker = enableNoGilHeap(rt);
    setInlineOwner(this.noGilWorker.id, rt.heap.debug, this.noGilWorker.alloc);
    this.noGilHost = new NoGilHost(rt, this.scheduler, this.noGilWorker, workers, {
      argv: this.host.argv, searchPath: this.host.searchPath, scheduler: this.schedulerOptions,
      tracer: this.tracer, host: this.host, output,
    });
  }

  /** A traced no-GIL worker: starts its trace (before it runs threads); returns what ends it. */
  startWorkerTrace(): () => void {
    const tracer = this.tracer;
    if (tracer === null) return () => {};
    this.startTrace(tracer);
    return () => {
      this.scheduler.endTrace();
      uninstallTracer(this.rt);
      tracer.close();
    };
  }

  private baseline: Set<number> | null = null;
  /** The run's tracer (installed when runMain starts the program), or null. */
  readonly tracer: Tracer | null;
  /** The modules in sys.modules after boot (sys, builtins, ...): shutdown() leaves them. */
  private readonly bootModules: Set<number>;

  private installLimits(opts: VMOptions): void {
    if (opts.maxInstructions === undefined && opts.timeoutSeconds === undefined) return;
    const deadline = opts.timeoutSeconds === undefined ? Infinity : performance.now() + opts.timeoutSeconds * 1000;
    const maxInstr = opts.maxInstructions ?? Infinity;
    const sched = this.scheduler;
    // the limits are checked at every tick of every thread (so to within one switch interval)
    sched.options.switchInterval = Math.max(1, Math.min(sched.options.switchInterval, maxInstr));
    this.interp.tickInterval = this.interp.ticks = this.interp.ticksStart = sched.options.switchInterval;
    sched.limitCheck = () => {
      let total = 0;
      for (const t of sched.threads) total += t.interp.instructions;
      if (total >= maxInstr) {
        throw new ExecutionLimit(`gilpy: stopped after ${maxInstr} instructions (--max-instructions)`, EXIT_INSTRUCTION_LIMIT);
      }
      if (performance.now() > deadline) {
        throw new ExecutionLimit(`gilpy: stopped after ${opts.timeoutSeconds} seconds (--timeout)`, EXIT_TIMEOUT);
      }
    };
  }

  /**
   * The end of the program, as CPython's Py_FinalizeEx: the modules it imported and __main__ are let go
   * (a module whose dict nothing else holds frees its globals in order), then the cycle collector frees
   * the rest: a module's dict usually lives in a cycle through its functions' globals, and the collector
   * runs every __del__ before it clears anything, so finalizers still see their globals. Modules that
   * were alive after boot stay. Idempotent.
   */
  shutdown(): void {
    if (this.isShutDown) return;
    this.isShutDown = true;
    const rt = this.rt;
    while (rt.exitHooks.length > 0) rt.exitHooks.pop()!();
    const modules = rt.root(Root.SYS_MODULES);
    for (const [name, m] of dictItems(rt, modules)) {
      if (this.bootModules.has(m)) continue;
      rt.incref(name);
      dictDel(rt, modules, name);
      rt.decref(name);
    }
    const main = rt.root(Root.MAIN_MODULE);
    if (main !== 0) {
      rt.setRoot(Root.MAIN_MODULE, 0 as Ref);
      rt.decref(main);
    }
    if (this.ts.excInfo !== 0) {
      rt.decref(this.ts.excInfo);
      this.ts.excInfo = 0 as Ref;
    }
    collectAtExit(rt);
  }
  private isShutDown = false;

  /**
   * Releases the program's module state (the __main__ module and every module imported since boot),
   * then lists the objects still alive that were not alive after boot, by type: what the program leaked.
   * Immortals, interned strings and the interpreter's own tables are not counted.
   */
  leakReport(): Map<string, number> {
    const rt = this.rt;
    if (this.baseline === null) throw new Error('gilpy bug: leakReport needs checkLeaks');
    this.shutdown();

    // Classes reference themselves (through their MRO) and their functions' globals: clear the ones the
    // program made, as CPython's collector does at shutdown, so that only real leaks remain.
    for (const r of liveObjects(rt)) {
      if (this.baseline.has(r) || rt.kindOf(r as Ref) !== Kind.TYPE) continue;
      if ((rt.i32[(r + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) continue;
      rt.incref(r as Ref);
      dictClear(rt, rt.i32[(r + TP_DICT) >> 2]! as Ref);
      const mro = rt.i32[(r + TP_MRO) >> 2]! as Ref;
      rt.i32[(r + TP_MRO) >> 2] = rt.emptyTuple;
      rt.decref(mro);
      rt.decref(r as Ref);
    }
    const tables = new Set<number>();
    for (const root of [Root.INTERNED, Root.SYS_MODULES, Root.BUILTINS, Root.EXC_TYPES]) {
      const d = rt.root(root);
      if (d !== 0) tables.add(dictTable(rt, d));
    }
    const registry = weakrefRegistry(rt); // no-GIL mode's weak-reference lists
    if (registry !== 0) tables.add(dictTable(rt, registry));
    const counts = new Map<string, number>();
    for (const r of liveObjects(rt)) {
      if (this.baseline.has(r) || tables.has(r) || rt.isImmortal(r as Ref)) continue;
      if ((rt.i32[(r + OB_META) >> 2]! & FLAG_INTERNED) !== 0) continue;
      const name = rt.typeNameOf(r as Ref);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  }

  /** Compiles `source` to a code object on the heap (new reference); throws PySyntaxError. */
  compile(source: string, filename: string, interactive = false): Ref {
    return newCode(this.rt, compileSource(source, filename, interactive));
  }

  /** A REPL cell, compiled as CPython's 'single' mode does (new reference); throws PySyntaxError. */
  compileInteractive(source: string): Ref {
    return this.compile(source, '<stdin>', true);
  }

  /** Prints an exception's traceback to stderr, SystemExit's too (the REPL's report); consumes it. */
  printTraceback(exc: Ref): void {
    this.host.stdout.flush();
    this.host.stderr.write(formatException(this.rt, exc));
    this.host.stderr.flush();
    this.rt.decref(exc);
  }

  /**
   * Runs a program as `__main__`, printing an uncaught exception's traceback to stderr as CPython does.
   * Returns the exit status.
   */
  runMain(source: string, filename: string): number {
    return this.runAsMain(source, filename, null);
  }

  /**
   * The REPL (`gilpy` with no program, or `gilpy -i`): runs `script` as `__main__` first if there is one,
   * then reads statements from `input` and runs them in `__main__` until the end of input or a
   * SystemExit. Returns the exit status.
   */
  runInteractive(script: { source: string; filename: string } | null, input: InteractiveInput): number {
    this.scheduler.interrupts = input.interrupts;
    this.scheduler.chainExternal(input.events);
    return this.runAsMain(script?.source ?? '', script?.filename ?? '<stdin>', input);
  }

  private runAsMain(source: string, filename: string, interactive: InteractiveInput | null): number {
    const rt = this.rt;
    const host = this.host;
    if (interactive === null || filename !== '<stdin>') sourceCache.set(filename, splitLines(source));
    let code: Ref;
    try {
      code = this.compile(source, filename);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        host.stdout.flush();
        host.stderr.write(e.format());
        host.stderr.flush();
        return EXIT_ERROR;
      }
      if (e instanceof CompileRecursionError) {
        host.stderr.write(`RecursionError: ${e.msg}\n`);
        host.stderr.flush();
        return EXIT_ERROR;
      }
      if (e instanceof PyRaise) return this.reportUncaught(e.exc);
      throw e;
    }
    if (this.noGilOptions !== null) this.enterNoGil(this.noGilOptions.workers, this.noGilOptions.output ?? null);
    const main = newModule(rt, '__main__');
    const globals = moduleDict(rt, main);
    setGlobal(rt, globals, '__builtins__', rt.root(Root.BUILTINS));
    if (interactive === null || filename !== '<stdin>') { // the REPL's __main__ has no file
      const fileStr = rt.newStr(filename);
      setGlobal(rt, globals, '__file__', fileStr);
      rt.decref(fileStr);
    }
    const sysModules = rt.root(Root.SYS_MODULES);
    const mainKey = intern(rt, '__main__');
    dictSet(rt, sysModules, mainKey, main);
    rt.decref(mainKey);
    rt.setRoot(Root.MAIN_MODULE, main);
    if (this.tracer !== null) this.startTrace(this.tracer);
    const repl = interactive === null ? null : new ReplDriver(this, globals, interactive);
    try {
      return this.runProgram(code, globals, repl);
    } finally {
      repl?.close();
      if (this.tracer !== null) {
        this.scheduler.endTrace();
        uninstallTracer(rt);
        this.tracer.close();
      }
    }
  }

  /** The trace starts with the program (boot and compiling are not traced). */
  private startTrace(tracer: Tracer): void {
    installTracer(this.rt, tracer);
    tracer.context = this.traceContext();
    this.scheduler.startTrace(tracer);
  }

  /** What --trace-filter asks about a thread: its name, the code on its stack, its line. */
  private traceContext(): TraceContext {
    const rt = this.rt;
    const sched = this.scheduler;
    const frames = (thread: number): Ref[] => {
      const out: Ref[] = [];
      const t = sched.threadById(thread);
      if (t === undefined) return out;
      for (let f = t.interp.ts.frame; f !== 0; f = rt.i32[(f + FR_PREV) >> 2]! as Ref) out.push(f);
      return out;
    };
    const code = (f: Ref) => decodeCode(rt, rt.i32[(f + FR_CODE) >> 2]! as Ref);
    return {
      threadName: (thread) => sched.threadById(thread)?.name ?? '',
      functionsOnStack: (thread) => frames(thread).flatMap((f) => [code(f).name, code(f).qualname]),
      line: (thread) => {
        const f = frames(thread)[0];
        if (f === undefined) return 0;
        const d = code(f);
        return lineAt(d, rt.i32[(f + FR_LASTI) >> 2]!);
      },
    };
  }

  /** runMain's second half: runs the module body `code` on the scheduler, then shuts down. */
  private runProgram(code: Ref, globals: Ref, repl: ReplDriver | null): number {
    const rt = this.rt;
    const host = this.host;
    let status = EXIT_OK;
    try {
      const frame = this.interp.startCode(code, globals, globals);
      // the main thread runs the program, then (as CPython's Py_FinalizeEx) threading._shutdown(), which
      // waits for the threads that are not daemons, then multiprocessing's exit function (an atexit
      // callback in CPython), which joins the child processes that are not daemons
      const phases: [string, string][] = [['threading', '_shutdown'], ['multiprocessing', '_exit_function']];
      let phase = 0;
      let replStarted = false;
      this.scheduler.run(frame, {
        begin: () => 0,
        end: (interp, exc) => {
          if (phase === 0 && repl !== null) {
            // the REPL: the script (-i), then statement after statement, until the session is over
            const next = repl.next(interp, exc, !replStarted);
            replStarted = true;
            if (next !== 0) return next;
            status = repl.status;
            exc = 0;
          }
          if (exc !== 0) {
            if (phase === 0) status = this.reportUncaught(exc);
            else rt.decref(exc);
          }
          while (phase < phases.length) {
            const [module, name] = phases[phase++]!;
            const f = this.moduleFunction(module, name);
            if (f === 0) continue;
            try {
              return interp.pushCall(f, [], null);
            } finally {
              rt.decref(f);
            }
          }
          return 0;
        },
      });
    } catch (e) {
      if (e instanceof ExecutionLimit) return this.reportLimit(e);
      if (e instanceof Deadlock) return this.reportDeadlock(e);
      if (e instanceof ProcessExit) {
        // os._exit(): no shutdown (gilpy still writes out what the program printed)
        host.stdout.flush();
        host.stderr.flush();
        return e.code;
      }
      if (!(e instanceof PyRaise)) throw e;
      status = this.reportUncaught(e.exc);
    } finally {
      rt.decref(code);
      if (this.noGilHost !== null) {
        const hostWallMs = this.noGilHost.elapsedMs();
        this.noGilStats = { workers: this.noGilHost.finish(), hostWallMs };
        // what the workers queued to the host (references to the main thread's objects they dropped) is
        // merged before the exit's collection, which would count each queued object one too many
        this.noGilWorker!.tick();
      }
      this.abandonThreads();
      finishProcesses(rt);
    }
    try {
      this.shutdown();
    } catch (e) {
      if (e instanceof ExecutionLimit) return this.reportLimit(e);
      throw e;
    }
    host.stdout.flush();
    host.stderr.flush();
    return status;
  }

  /**
   * Runs a forked child: `target._bootstrap()` as its only thread (it reports what the child raised and
   * returns the exit code, which it gives processContext(rt).exitcode). As after os.fork() in CPython's
   * multiprocessing, the child then ends without tearing its modules down (os._exit): no shutdown().
   * Consumes the child's reference to `target`. Returns the exit status.
   */
  runForkedChild(target: Ref, exitcode: () => number): number {
    if (this.tracer === null) return this.runChildProgram(target, exitcode);
    this.startTrace(this.tracer);
    try {
      return this.runChildProgram(target, exitcode);
    } finally {
      this.scheduler.endTrace();
      uninstallTracer(this.rt);
      this.tracer.close();
    }
  }

  private runChildProgram(target: Ref, exitcode: () => number): number {
    const rt = this.rt;
    let status = EXIT_OK;
    try {
      const boot = getAttr(rt, target, intern(rt, '_bootstrap'));
      rt.decref(target);
      const frame = this.interp.pushCall(boot, [], null);
      rt.decref(boot);
      if (frame !== 0) {
        this.scheduler.run(frame, {
          begin: () => 0,
          end: (_interp, exc) => {
            if (exc !== 0) status = this.reportUncaught(exc);
            return 0;
          },
        });
      }
      if (status === EXIT_OK) status = exitcode();
    } catch (e) {
      if (e instanceof ExecutionLimit) status = this.reportLimit(e);
      else if (e instanceof Deadlock) status = this.reportDeadlock(e);
      else if (e instanceof PyRaise) status = this.reportUncaught(e.exc);
      else if (e instanceof ProcessExit) status = e.code;
      else throw e;
    }
    this.host.stdout.flush();
    this.host.stderr.flush();
    return status;
  }

  /** `module.name` if the program imported `module` (new reference), else 0. */
  private moduleFunction(module: string, name: string): Ref | 0 {
    const rt = this.rt;
    const key = rt.newStr(module);
    const m = dictGet(rt, rt.root(Root.SYS_MODULES), key);
    rt.decref(key);
    if (m === 0) return 0;
    return getAttrOrNull(rt, m, intern(rt, name));
  }

  /** Threads still running when the program ends (daemons, or all of them after a deadlock or a limit)
   *  are dropped, as CPython drops daemon threads at exit: their frames are released. */
  /** Drops the threads still alive at the end (daemons; the blocked threads of a deadlock): their frames
   *  and what their bodies hold are released, without running finalizers. (A no-GIL worker calls it when
   *  the program ends.) */
  abandonThreads(): void {
    this.rt.suppressFinalizers = true;
    try {
      this.dropThreads();
    } finally {
      this.rt.suppressFinalizers = false;
    }
  }

  private dropThreads(): void {
    for (const t of this.scheduler.threads) {
      if (t.state === 'done') continue;
      t.interp.discardFrames();
      t.body.drop?.();
      if (t !== this.scheduler.threads[0]) {
        t.interp.ts.dispose();
        t.state = 'done';
      }
    }
  }

  private reportDeadlock(e: Deadlock): number {
    this.host.stdout.flush();
    this.host.stderr.write(e.report);
    this.host.stderr.flush();
    return EXIT_DEADLOCK;
  }

  /** Says which limit stopped the program (after what it printed) and returns its exit status. */
  private reportLimit(e: ExecutionLimit): number {
    this.host.stdout.flush();
    this.host.stderr.write(e.message + '\n');
    this.host.stderr.flush();
    return e.status;
  }

  /** A SystemExit's exit status (its message printed if it has one); consumes `exc`. */
  systemExitStatus(exc: Ref): number {
    try {
      return this.exitCodeOf(exc);
    } finally {
      this.rt.decref(exc);
      this.host.stderr.flush();
    }
  }

  /** Prints an uncaught exception (or handles SystemExit) and returns the exit status. Consumes `exc`. */
  reportUncaught(exc: Ref): number {
    const rt = this.rt;
    const host = this.host;
    host.stdout.flush();
    try {
      if (excMatches(rt, exc, 'SystemExit')) return this.exitCodeOf(exc);
      host.stderr.write(formatException(rt, exc));
      return EXIT_ERROR;
    } finally {
      rt.decref(exc);
      host.stderr.flush();
    }
  }

  /** SystemExit(code): None -> 0, an int -> itself, anything else printed to stderr -> 1. Borrows `exc`. */
  private exitCodeOf(exc: Ref): number {
    const rt = this.rt;
    const args = excArgs(rt, exc);
    if (tupleSize(rt, args) === 0) return EXIT_OK;
    const code = tupleSize(rt, args) === 1 ? tupleItem(rt, args, 0) : args;
    if (code === rt.None) return EXIT_OK;
    if (rt.kindOf(code) === Kind.INT || rt.kindOf(code) === Kind.BOOL) {
      const v = rt.intValue(code);
      return Number(BigInt.asIntN(32, BigInt(v))) & 0xff;
    }
    this.host.stderr.write(strOf(rt, code) + '\n');
    return EXIT_ERROR;
  }
}

/** Every live object on the heap, found by walking its blocks in address order. */
export function liveObjects(rt: Runtime): number[] {
  const out: number[] = [];
  const i32 = rt.i32;
  const top = rt.heap.top;
  for (let p = HEAP_START; p < top;) {
    const cls = i32[(p + OB_META) >> 2]! >>> META_CLASS_SHIFT;
    if (i32[(p + OB_TYPE) >> 2] !== FREED_TAG) out.push(p);
    p += classBytes(cls);
  }
  return out;
}

export { HeapCorruption, excType, newException, newDict };
