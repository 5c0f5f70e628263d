/** Green threads and the simulated GIL (the default mode): every Python thread runs on the one JS
 *  thread, and only the holder of the GIL runs. The holder keeps it for a switch interval of N
 *  instructions (or, after sys.setswitchinterval, a span of time), then the next runnable thread takes
 *  it; a blocking call gives it up early. With instruction-counted switching the interleaving is a
 *  function of the program and the options alone, so runs repeat exactly (cf. DESIGN.md, "The scheduler
 *  and the GIL"). */
import type { Ref } from '../heap/layout.js';
import { ThreadState } from '../interp/frame.js';
import { Interpreter } from '../interp/loop.js';
import { hasFlag, OP_NAMES } from '../isa/opcodes.js';
import { decodeCode } from '../objects/code.js';
import { FR_CODE, FR_LASTI, FR_PC, FR_PREV } from '../interp/frame.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { excType, newExceptionArgs } from '../objects/exceptions.js';
import { BlockSignal, ProgramEnded, SwitchSignal } from './signals.js';
import type { Tracer } from '../trace/tracer.js';
import { SchedulerTrace } from './gil-trace.js';

/** Where the GIL may change hands once the interval has run out. */
export type SwitchPoints = 'any' | 'cpython';

export interface SchedulerOptions {
  /** Instructions a thread runs before it is asked to drop the GIL. */
  switchInterval: number;
  switchPoints: SwitchPoints;
  /** 'virtual': sleeps advance a virtual clock instead of waiting. */
  clock: 'real' | 'virtual';
  schedule: 'fifo' | 'random';
  seed: number;
}

export const DEFAULT_SWITCH_INTERVAL = 10_000;

/** What a blocked thread waits for. */
export interface Wait {
  /** True once the thread may go on. */
  ready(): boolean;
  /** The scheduler-clock time (ms) at which the wait gives up; Infinity for never. */
  deadline: number;
  /** For the deadlock report: what is waited on ("lock 0x...", "a sleep"), and who holds it. */
  what: string;
  holder(): GreenThread | null;
  /** Another process can satisfy it (a multiprocessing queue, lock or child): while such a wait is
   *  pending, no thread able to run is not a deadlock, and the scheduler waits for the other processes. */
  external?: boolean;
}

/** Ctrl-C presses not yet turned into KeyboardInterrupt (the REPL's front end counts them). */
export interface Interrupts {
  pending(): boolean;
  /** Consumes one. */
  take(): void;
}

/** How the scheduler waits for other processes (set by proc/processes.ts when a program uses them). */
export interface ExternalEvents {
  /** A counter the other processes bump whenever they do something a wait may depend on. */
  epoch(): number;
  /** Sleeps until the counter moves past `epoch`, or `ms` pass. `forever`: no thread of this scheduler
   *  has a deadline (every one waits for something another process or worker must do). */
  wait(epoch: number, ms: number, forever: boolean): void;
  /** True while this source is sure to bring an event (the REPL's terminal owes a line): then no wait
   *  is for ever, whatever the threads wait for. */
  answering?(): boolean;
}

export interface ThreadStats {
  instructions: number;
  acquisitions: number;
  /** The switch interval ran out while it held the GIL. */
  forced: number;
  /** It gave the GIL up in a blocking call. */
  voluntary: number;
  holdMs: number;
  waitMs: number;
}

/** How a thread's bottom frame is started, and what happens when it ends. */
export interface ThreadBody {
  /** Pushes the thread's first frame and returns it, or runs the whole body natively and returns 0. */
  begin(interp: Interpreter): Ref | 0;
  /** The bottom frame returned (`exc` 0) or raised `exc` (owned). Returns a new bottom frame to go on
   *  with (the main thread runs threading._shutdown after the program), or 0 when the thread is done. */
  end(interp: Interpreter, exc: Ref | 0): Ref | 0;
  /** The thread is dropped unfinished at exit (a daemon): release what the body holds. */
  drop?(): void;
}

export class GreenThread {
  state: 'new' | 'runnable' | 'blocked' | 'done' = 'new';
  wait: Wait | null = null;
  /** Why a blocked thread was let go on: the blocking call that runs again reads it. */
  woke: 'ready' | 'timeout' | 'interrupt' | null = null;
  /** The deadline of the wait a rewound call began, kept for when it runs again, and where that call
   *  is ("frame:instruction"): `woke` and the deadline belong to that call only. */
  retryDeadline: number | null = null;
  blockedAt = '';
  /** Suspended in a nested wait (a blocking call made where the thread cannot be rewound): it stays on
   *  the JS stack, and cannot run again until that wait returns. */
  pinned = false;
  readonly stats: ThreadStats = { instructions: 0, acquisitions: 0, forced: 0, voluntary: 0, holdMs: 0, waitMs: 0 };
  /** When it last became ready to run (for waitMs). */
  readySince = 0;
  /** The number a lock records as its holder (LOCK_OWNER): `id`, except in no-GIL mode, where every
   *  thread of every worker has a distinct one (see nogil/threads.ts). */
  gid: number;
  /** No-GIL mode: the lock this thread took while its blocked acquire was being checked (the call that
   *  runs again finds it taken already). */
  grabbed = 0;
  constructor(readonly id: number, readonly ident: number, public name: string, readonly interp: Interpreter,
    readonly body: ThreadBody) {
    this.gid = id;
  }
}

/** Reported when no thread can ever run again. */
export class Deadlock {
  constructor(readonly report: string) {}
}

export class Scheduler {
  readonly threads: GreenThread[] = [];
  /** Runnable threads in the order they get the GIL. */
  private queue: GreenThread[] = [];
  /** Blocked threads in the order they blocked (woken in that order). */
  private blocked: GreenThread[] = [];
  current: GreenThread;
  /** Virtual clock (ms), when options.clock is 'virtual'. */
  private virtualNow = 0;
  private rng: number;
  /** sys.setswitchinterval: switch on time (seconds) instead of instruction counts; null for counts. */
  timeSlice: number | null = null;
  private sliceStart = 0;
  /** Called at every tick before switching is considered (the --max-instructions / --timeout check). */
  limitCheck: ((interp: Interpreter) => void) | null = null;
  private nextIdent = 1;
  /** Set once the program starts other processes (see chainExternal). */
  external: ExternalEvents | null = null;
  /** The REPL's Ctrl-C (null elsewhere): KeyboardInterrupt is raised in the main thread, as CPython's
   *  signal handler does, at its next tick, or at once if it is blocked. */
  interrupts: Interrupts | null = null;
  private readonly hooks = { tick: (i: Interpreter): void => this.tick(i) };

  /** `realSleep`: how the scheduler sleeps when every thread is blocked and the earliest deadline has not
   *  come (no-GIL mode replaces it: see nogil/threads.ts bracketLongWaits). */
  constructor(readonly rt: Runtime, readonly options: SchedulerOptions, main: Interpreter,
    public realSleep: (ms: number) => void, readonly realNow: () => number, mainIdent?: number) {
    this.rng = options.seed >>> 0 || 0x9e3779b9;
    this.current = this.adopt(main, 'MainThread', { begin: () => 0, end: () => 0 }, mainIdent);
    this.current.readySince = realNow();
    this.current.state = 'runnable';
    this.current.stats.acquisitions = 1;
  }

  /** The clock sleeps and timeouts use (ms). */
  now(): number {
    return this.options.clock === 'virtual' ? this.virtualNow : this.realNow();
  }

  /** A thread identity as threading.get_ident() shows it (distinct per thread; values are arbitrary). */
  private makeIdent(id: number): number {
    return 139_000_000_000_000 + id * 4096 * 2 ** 10;
  }

  /** `ident`: the identity to keep (a forked child's only thread is the thread that forked, as after
   *  fork(): threading.current_thread() there is the parent's Thread object). */
  private adopt(interp: Interpreter, name: string, body: ThreadBody, ident?: number): GreenThread {
    const id = this.nextIdent++;
    const t = new GreenThread(id, ident ?? this.makeIdent(id), name, interp, body);
    this.threads.push(t);
    interp.hooks = this.hooks; // one object for every thread: the loop's call to tick stays monomorphic
    interp.tickInterval = this.tickInterval();
    interp.ticks = interp.ticksStart = interp.tickInterval;
    return t;
  }

  private tickInterval(): number {
    return this.timeSlice === null ? this.options.switchInterval : 100;
  }

  /** sys.setcheckinterval(n): switch every n instructions (and on counts again, after setswitchinterval). */
  setCheckInterval(n: number): void {
    this.options.switchInterval = n;
    this.timeSlice = null;
    this.applyInterval();
  }

  /** sys.setswitchinterval(s): switch when the holder has had the GIL for s seconds (CPython's rule);
   *  the clock is read every 100 instructions. */
  setTimeSlice(seconds: number): void {
    this.timeSlice = seconds;
    this.applyInterval();
  }

  private applyInterval(): void {
    for (const t of this.threads) {
      t.interp.tickInterval = this.tickInterval();
      if (t.interp.ticks > t.interp.tickInterval) t.interp.setTicks(t.interp.tickInterval);
    }
  }

  /** A new thread, runnable at once (its body starts when it first gets the GIL). */
  spawn(name: string, body: ThreadBody, ident?: number, gid?: number): GreenThread {
    const interp = this.makeInterpreter(this.rt, new ThreadState(this.rt, this.nextIdent));
    interp.recursionLimit = this.current.interp.recursionLimit;
    const t = this.adopt(interp, name, body, ident);
    if (gid !== undefined) t.gid = gid;
    t.readySince = this.realNow();
    this.queue.push(t);
    if (this.trace !== null) {
      this.trace.thread(t, 'start');
      this.trace.wantsGil(t);
    }
    return t;
  }

  /** Makes the interpreter of a new thread (a traced run uses the traced loop's; see VM). */
  makeInterpreter: (rt: Runtime, ts: ThreadState) => Interpreter = (rt, ts) => new Interpreter(rt, ts);

  /** The trace's view of the GIL and the threads, while the run is traced (null otherwise: then the
   *  scheduler reports nothing, at the cost of one test per hand-off). */
  private trace: SchedulerTrace | null = null;

  /** The run is traced from now on (see VM.runMain). */
  startTrace(tracer: Tracer): void {
    this.trace = new SchedulerTrace(tracer);
  }
  /** The trace ends: the last holder's release is written. */
  endTrace(): void {
    this.trace?.end();
    this.trace = null;
  }

  /** What a blocked thread waits for, in words (the `on` of a block event). */
  private waitDescription(t: GreenThread, wait: Wait): string {
    const h = wait.holder();
    // a lock the thread holds itself is one another thread releases for it (join, Condition.wait)
    return h !== null && h !== t ? `${wait.what}, held by ${JSON.stringify(h.name)}` : wait.what;
  }

  threadByIdent(ident: number): GreenThread | undefined {
    return this.threads.find((t) => t.ident === ident);
  }
  threadById(id: number): GreenThread | undefined {
    return id === 0 ? undefined : this.threads[id - 1];
  }

  /** The eval breaker: called every tick of the running thread's loop. */
  private tick(interp: Interpreter): void {
    this.limitCheck?.(interp);
    if (this.interrupts !== null && this.current === this.threads[0] && this.interrupts.pending()) this.raiseInterrupt();
    if (this.queue.length === 0 && !this.anyBlockedReady()) return; // nobody to hand the GIL to
    if (this.timeSlice !== null && this.realNow() - this.sliceStart < this.timeSlice * 1000) return;
    if (interp.nesting !== 1) return; // Python called back from native code: the switch waits for it to return
    if (this.options.switchPoints === 'cpython' && !this.atEvalBreaker(interp)) {
      interp.setTicks(1); // look again at the next instruction
      return;
    }
    throw SwitchSignal.it;
  }

  /** True if the running thread is about to run an instruction where CPython 3.10+ checks its eval
   *  breaker: RESUME, a backward jump, or the instruction after a call (from the opcode table's flags). */
  private atEvalBreaker(interp: Interpreter): boolean {
    const rt = this.rt;
    const f = interp.ts.frame;
    const d = decodeCode(rt, rt.i32[(f + FR_CODE) >> 2]! as Ref);
    const pc = rt.i32[(f + FR_PC) >> 2]!;
    const next = rt.i32[d.codeBase + pc]! & 0xff;
    if (BREAK_BEFORE[next]) return true;
    return pc > 0 && BREAK_AFTER[rt.i32[d.codeBase + pc - 1]! & 0xff] === 1;
  }

  /** Raises KeyboardInterrupt in the running (main) thread for a pending Ctrl-C. */
  private raiseInterrupt(): never {
    this.interrupts?.take();
    throw new PyRaise(newExceptionArgs(this.rt, excType(this.rt, 'KeyboardInterrupt'), []));
  }

  /** Adds a source of external events: with one already set (processes, no-GIL workers, the REPL's
   *  input), the scheduler waits for both, polling each in turn. */
  chainExternal(events: ExternalEvents): void {
    const first = this.external;
    if (first === null) {
      this.external = events;
      return;
    }
    const POLL_MS = 20;
    this.external = {
      epoch: () => (first.epoch() + events.epoch()) | 0,
      answering: () => (first.answering?.() ?? false) || (events.answering?.() ?? false),
      wait: (epoch, ms, forever) => {
        const a = first.epoch();
        const b = events.epoch();
        if (((a + b) | 0) !== epoch) return;
        // no wait is for ever while one source owes an event (a deadlock check must not fire then)
        const never = forever && !(first.answering?.() ?? false) && !(events.answering?.() ?? false);
        const end = this.realNow() + ms;
        for (let left = ms; left > 0; left = end - this.realNow()) {
          first.wait(a, Math.min(POLL_MS / 2, left), never);
          if (first.epoch() !== a) return;
          events.wait(b, Math.min(POLL_MS / 2, left), never);
          if (events.epoch() !== b) return;
        }
      },
    };
  }

  private anyBlockedReady(): boolean {
    const now = this.blocked.length > 0 ? this.now() : 0;
    for (const t of this.blocked) if (t.wait!.ready() || t.wait!.deadline <= now) return true;
    return false;
  }

  /**
   * Called by a blocking builtin: returns true when `wait` is satisfied, false when it timed out. Where the
   * calling thread can be rewound (rt.blockable), it blocks by throwing BlockSignal and the call runs
   * again later, when `woke` tells it why; elsewhere it waits nested, running the other threads meanwhile.
   */
  block(wait: Wait): boolean {
    const t = this.current;
    const at = this.callSite(t);
    if (t.woke !== null && t.blockedAt !== at) {
      t.woke = null; // the rewound call ended without blocking again; this is another one
      t.retryDeadline = null;
    }
    if (t.woke !== null) {
      // the call is running again after the thread was woken: its wait keeps its first deadline
      const why = t.woke;
      t.woke = null;
      if (t.retryDeadline !== null) wait.deadline = t.retryDeadline;
      t.retryDeadline = null;
      if (wait.ready()) return true;
      if (why === 'interrupt') this.raiseInterrupt();
      if (why === 'timeout' || wait.deadline <= this.now()) return false;
    }
    if (wait.ready()) return true;
    if (wait.deadline <= this.now()) return false;
    if (this.rt.blockable && t.interp.nesting === 1) {
      t.wait = wait;
      t.retryDeadline = wait.deadline;
      t.blockedAt = at;
      t.state = 'blocked';
      this.blocked.push(t);
      this.trace?.thread(t, 'block', { on: this.waitDescription(t, wait) });
      throw BlockSignal.it;
    }
    return this.waitNested(t, wait);
  }

  /** True when the calling builtin is a rewound call running again after its thread waited (its `woke`
   *  is set, for this call site): what it did before it blocked, it must not do again. */
  rerunning(): boolean {
    const t = this.current;
    return t.woke !== null && t.blockedAt === this.callSite(t);
  }

  private callSite(t: GreenThread): string {
    const f = t.interp.ts.frame;
    return `${f}:${this.rt.i32[(f + FR_LASTI) >> 2]}`;
  }

  /** A wait on the JS stack: runs other threads until `wait` is satisfied or times out. */
  private waitNested(t: GreenThread, wait: Wait): boolean {
    t.pinned = true;
    t.wait = wait;
    t.stats.voluntary++;
    if (this.trace !== null) {
      this.trace.thread(t, 'block', { on: this.waitDescription(t, wait) });
      this.trace.release(t.id, 'blocking');
    }
    try {
      for (;;) {
        if (this.threads[0]!.state === 'done') throw ProgramEnded.it;
        if (wait.ready()) return true;
        if (wait.deadline <= this.now()) return false;
        const next = this.pickNext(t);
        if (next === null) throw new Deadlock(this.deadlockReport());
        if (next === t) continue;
        this.runSlice(next);
        this.current = t;
      }
    } finally {
      t.pinned = false;
      t.wait = null;
      this.current = t;
      t.stats.acquisitions++;
      if (this.trace !== null && !this.trace.holds(t)) {
        this.trace.thread(t, 'wake', { why: wait.ready() ? 'ready' : 'timeout' });
        this.trace.wantsGil(t);
        this.trace.acquire(t);
      }
    }
  }

  /**
   * Runs threads until none is left to run: the main thread's program and whatever it started. Returns
   * when the main thread is done (its body's end decides what that means: after the program and
   * threading._shutdown()). Throws Deadlock.
   */
  run(mainFrame: Ref, mainBody: ThreadBody): void {
    const main = this.threads[0]!;
    (main as { body: ThreadBody }).body = mainBody;
    this.startFrames.set(main, mainFrame);
    main.state = 'new';
    main.stats.acquisitions = 0;
    this.queue.unshift(main);
    if (this.trace !== null) {
      this.trace.thread(main, 'start');
      this.trace.wantsGil(main);
    }
    while ((main.state as GreenThread['state']) !== 'done') {
      const t = this.pickNext(null);
      if (t === null) throw new Deadlock(this.deadlockReport());
      this.runSlice(t);
    }
  }
  private readonly startFrames = new Map<GreenThread, Ref>();

  /**
   * No-GIL mode, on a worker: runs the threads given to this worker until `stop()` says so. `poll` takes
   * new threads (it spawns them) and is called whenever nothing can run; `idle` waits for something to
   * happen when this worker has no thread at all. The scheduler's first thread is a placeholder that
   * never runs (a worker has no main program).
   */
  runPool(poll: () => void, idle: () => void, stop: () => boolean): void {
    for (;;) {
      poll();
      if (stop()) return;
      if (this.queue.length === 0 && this.blocked.length === 0) {
        idle();
        continue;
      }
      const t = this.pickNext(null);
      if (t === null) throw new Deadlock(this.deadlockReport());
      this.runSlice(t);
    }
  }

  /**
   * The next thread to get the GIL (waking blocked threads whose wait is over, in the order they
   * blocked; sleeping through the time to the next deadline when nothing else can run), or null when no
   * thread can ever run again. `waiter` is a thread waiting nested, which counts as able to run once its
   * wait is over.
   */
  private pickNext(waiter: GreenThread | null): GreenThread | null {
    for (;;) {
      const epoch = this.external?.epoch() ?? 0; // read before the waits are checked: no wake-up is lost
      if (this.interrupts !== null && this.interrupts.pending()) this.wakeForInterrupt();
      const now = this.now();
      const still: GreenThread[] = [];
      for (const t of this.blocked) {
        const w = t.wait!;
        if (w.ready()) t.woke = 'ready';
        else if (w.deadline <= now) t.woke = 'timeout';
        else {
          still.push(t);
          continue;
        }
        t.wait = null;
        t.state = 'runnable';
        t.readySince = this.realNow();
        this.queue.push(t);
        if (this.trace !== null) {
          this.trace.thread(t, 'wake', { why: t.woke ?? 'ready' });
          this.trace.wantsGil(t);
        }
      }
      this.blocked = still;
      if (waiter !== null && (waiter.wait!.ready() || waiter.wait!.deadline <= now)) return waiter;
      const runnable = this.queue.filter((t) => !t.pinned);
      if (runnable.length > 0) {
        const pick = this.options.schedule === 'random' ? runnable[this.random(runnable.length)]! : runnable[0]!;
        this.queue.splice(this.queue.indexOf(pick), 1);
        return pick;
      }
      // nothing can run now: wait for the earliest deadline, if any
      let deadline = Infinity;
      for (const t of this.blocked) deadline = Math.min(deadline, t.wait!.deadline);
      if (waiter !== null) deadline = Math.min(deadline, waiter.wait!.deadline);
      // a thread pinned below on the JS stack cannot run before the waiter above it returns: only its
      // future deadline is worth sleeping for (one already past would make this loop spin)
      for (const t of this.threads) {
        if (t.pinned && t !== waiter && t.wait !== null && t.wait.deadline > now) deadline = Math.min(deadline, t.wait.deadline);
      }
      if (this.external !== null && this.anyExternalWait(waiter)) {
        this.external.wait(epoch, Math.min(Math.max(0, deadline - this.realNow()), 1000), deadline === Infinity);
        continue;
      }
      if (deadline === Infinity) return null;
      if (this.options.clock === 'virtual') this.virtualNow = Math.max(this.virtualNow, deadline);
      else this.realSleep(Math.max(0, deadline - this.realNow()));
    }
  }

  /** A Ctrl-C while the main thread is blocked (a sleep, a lock, input()): its blocking call runs again
   *  and raises KeyboardInterrupt. */
  private wakeForInterrupt(): void {
    const main = this.threads[0]!;
    const i = this.blocked.indexOf(main);
    if (i < 0) return;
    this.blocked.splice(i, 1);
    main.wait = null;
    main.woke = 'interrupt';
    main.state = 'runnable';
    main.readySince = this.realNow();
    this.queue.push(main);
  }

  /** True if some thread waits for another process (so the program is not deadlocked). */
  private anyExternalWait(waiter: GreenThread | null): boolean {
    if (waiter?.wait?.external === true) return true;
    for (const t of this.blocked) if (t.wait!.external === true) return true;
    for (const t of this.threads) if (t.pinned && t.wait?.external === true) return true;
    return false;
  }

  /** xorshift32 over the seed: the same seed picks the same threads. */
  private random(n: number): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng % n;
  }

  /** Gives the GIL to `t` until its turn ends (switch, block, or its body ends). */
  private runSlice(t: GreenThread): void {
    const prev = this.current;
    this.current = t;
    const start = this.realNow();
    t.stats.acquisitions++;
    t.stats.waitMs += Math.max(0, start - t.readySince);
    this.sliceStart = start;
    const interp = t.interp;
    const before = interp.instructionCount();
    this.trace?.acquire(t);
    try {
      this.continueThread(t);
    } finally {
      const end = this.realNow();
      t.stats.holdMs += end - start;
      t.stats.instructions += interp.instructionCount() - before;
      t.readySince = end;
      if (prev.pinned) this.current = prev;
    }
  }

  /** Runs thread `t` from where it is until its turn ends. */
  private continueThread(t: GreenThread): void {
    const rt = this.rt;
    const interp = t.interp;
    let frame: Ref | 0 = 0;
    let exc: Ref | 0 = 0;
    try {
      if (t.state === 'new') {
        t.state = 'runnable';
        const f = this.startFrames.get(t) ?? t.body.begin(interp);
        this.startFrames.delete(t);
        if (f !== 0) rt.decref(interp.evalFrame(f));
      } else {
        rt.decref(interp.resumeThread());
      }
    } catch (e) {
      if (e === SwitchSignal.it) {
        t.stats.forced++;
        t.readySince = this.realNow();
        this.queue.push(t);
        if (this.trace !== null) {
          this.trace.release(t.id, 'interval');
          this.trace.wantsGil(t);
        }
        return;
      }
      if (e === BlockSignal.it) {
        t.stats.voluntary++;
        this.trace?.release(t.id, 'blocking');
        return;
      }
      if (e === ProgramEnded.it && t !== this.threads[0]) return; // dropped at exit with the daemons
      if (!(e instanceof PyRaise)) throw e;
      exc = e.exc;
    }
    // the bottom frame ended: the body decides what comes next
    frame = t.body.end(interp, exc);
    if (frame !== 0) {
      this.startFrames.set(t, frame);
      t.state = 'new';
      this.queue.unshift(t);
      return;
    }
    t.state = 'done';
    if (this.trace !== null) {
      this.trace.thread(t, 'exit');
      this.trace.release(t.id, 'exit');
    }
    if (t !== this.threads[0]) t.interp.ts.dispose();
    this.onThreadEnd?.(t);
  }
  /** Called when a thread's body has ended (no-GIL mode counts each worker's live threads). */
  onThreadEnd: ((t: GreenThread) => void) | null = null;

  /**
   * The threads that can never run again: for each, where it is blocked (the library call and the line of
   * the program that made it), what it waits for and which thread holds that; then the cycle of "waits
   * for what is held by", where there is one.
   */
  deadlockReport(): string {
    const lines = ['gilpy: deadlock: no thread can run, and none is sleeping or waiting with a timeout.'];
    const stuck = this.threads.filter((t) => t.state === 'blocked' || t.pinned);
    const holderOf = new Map<GreenThread, GreenThread | null>();
    for (const t of stuck) {
      const w = t.wait;
      const where = this.blockedWhere(t);
      let h = w?.holder() ?? null;
      let what = w?.what ?? 'something';
      if (h === t) {
        // a lock the thread holds itself: in Condition.wait that is the waiter lock a notify releases
        h = null;
        what = where.api.startsWith('Condition.wait') || where.api.includes('.wait') || where.api.includes('.get')
          || where.api.includes('.put') || where.api.includes('.join')
          ? 'a notification that no thread is left to send'
          : `${what}, which it holds itself`;
      }
      holderOf.set(t, h);
      lines.push(`  thread ${JSON.stringify(t.name)} is blocked${where.api ? ` in ${where.api}` : ''}` +
        `${where.at ? ` at ${where.at}` : ''}: waits for ${what}${h !== null ? `, held by thread ${JSON.stringify(h.name)}` : ''}`);
    }
    for (const start of stuck) {
      const path: GreenThread[] = [];
      let t: GreenThread | null | undefined = start;
      while (t != null && !path.includes(t)) {
        path.push(t);
        t = holderOf.get(t);
      }
      if (t != null && t === start && path.length > 1) {
        lines.push(`  cycle: ${[...path, start].map((x) => JSON.stringify(x.name)).join(' -> ')}`);
        break;
      }
    }
    return lines.join('\n') + '\n';
  }

  /** Where a blocked thread is: the outermost library function it is in (e.g. "Event.wait()") and the
   *  program's line that called it ("x.py", line 7, in worker). */
  private blockedWhere(t: GreenThread): { api: string; at: string } {
    const rt = this.rt;
    let api = '';
    for (let f = t.interp.ts.frame; f !== 0; f = rt.i32[(f + FR_PREV) >> 2]! as Ref) {
      const d = decodeCode(rt, rt.i32[(f + FR_CODE) >> 2]! as Ref);
      if (d.filename.startsWith('<frozen ')) {
        api = `${d.qualname}()`;
        continue;
      }
      return { api, at: `"${d.filename}", line ${t.interp.frameLine(f)}, in ${d.qualname}` };
    }
    return { api, at: '' };
  }

  /** --stats: per thread and in total, what it ran and how it held and waited for the GIL. */
  statsReport(): string {
    const o = this.options;
    const how = this.timeSlice !== null ? `every ${this.timeSlice} s (sys.setswitchinterval)`
      : `every ${o.switchInterval} instructions, at ${o.switchPoints === 'any' ? 'any instruction' : "CPython's switch points"}`;
    const head = ['thread', 'instructions', 'acquisitions', 'forced', 'voluntary', 'held ms', 'waited ms'];
    const rows = this.threads.map((t) => [t.name, String(t.stats.instructions), String(t.stats.acquisitions),
      String(t.stats.forced), String(t.stats.voluntary), t.stats.holdMs.toFixed(1), t.stats.waitMs.toFixed(1)]);
    const sum = (k: keyof ThreadStats): number => this.threads.reduce((a, t) => a + t.stats[k], 0);
    rows.push(['total', String(sum('instructions')), String(sum('acquisitions')), String(sum('forced')),
      String(sum('voluntary')), sum('holdMs').toFixed(1), sum('waitMs').toFixed(1)]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const line = (r: string[]): string => '  ' + r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
    const jit = this.rt.jit ? [`  functions compiled to JS: ${this.rt.jitCompiled} (hot functions; -X jit=0 runs every instruction in the loop)`] : [];
    return [`gilpy: GIL statistics (the GIL changes hands ${how}; ${o.clock} clock, ${o.schedule} schedule)`,
      line(head), ...rows.map(line), ...jit, ''].join('\n');
  }

  /** Threads not yet done (threading.active_count counts the Python side; this is for the driver). */
  liveThreads(): GreenThread[] {
    return this.threads.filter((t) => t.state !== 'done');
  }
}

/** Ops before which CPython checks its eval breaker, and ops after which it does (calls), by opcode. */
const BREAK_BEFORE = new Uint8Array(256);
const BREAK_AFTER = new Uint8Array(256);
for (let op = 0; op < OP_NAMES.length; op++) {
  if (!hasFlag(op, 'evalBreak')) continue;
  if (hasFlag(op, 'escapes')) BREAK_AFTER[op] = 1;
  else BREAK_BEFORE[op] = 1;
}

const schedulers = new WeakMap<Runtime, Scheduler>();
/** The scheduler of the VM that owns `rt`. */
export function schedulerOf(rt: Runtime): Scheduler {
  const s = schedulers.get(rt);
  if (s === undefined) throw new Error('gilpy bug: runtime without scheduler');
  return s;
}
export function attachScheduler(rt: Runtime, s: Scheduler): void {
  schedulers.set(rt, s);
}
