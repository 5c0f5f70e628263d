/**
 * Python threads without the GIL (DESIGN.md "No-GIL mode"): the main program runs on the host thread as
 * worker 1 of a no-GIL heap, and every thread it starts runs on one of K `worker_threads` attached to the
 * same heap (attach.ts). Each worker has its own green-thread scheduler (sched/scheduler.ts) for the
 * threads it was given, with no lock across workers: a worker time-slices only its own threads.
 *
 * A thread is handed to a worker by reference: the host posts the Refs of the function, its argument
 * tuple and keyword dict (the thread owns one reference to each, dropped when it ends), with the thread's
 * ident and global number, to the worker with the fewest live threads. Blocking primitives are lock words
 * on the heap taken by compare-and-swap (builtins/modules/thread.ts); a thread that must wait blocks in
 * its worker's scheduler as waiting for "something outside", and a worker with nothing to run sleeps on
 * the control buffer's doorbell (mode.ts), which every release rings.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { startWorker } from '../worker-exec-argv.js';
import type { Ref } from '../heap/layout.js';
import { setOutputLock, FdSink, readTextFile, sleepSync, StdinReader } from '../host.js';
import { captureImage, type ForkImage } from '../proc/image.js';
import {
  childrenRunning, forkOptionsOf, getWorkerScript, GROUP_OUTPUT_LOCK, groupDoorbell, newGroupBuffer, setNoGilProcessGroup,
  type ForkOptions,
} from '../proc/processes.js';
import { Deadlock, type Scheduler, type SchedulerOptions } from '../sched/scheduler.js';
import { ProgramEnded } from '../sched/signals.js';
import type { Runtime } from '../runtime.js';
import type { HostServices } from '../builtins/registry.js';
import type { Tracer } from '../trace/tracer.js';
import type { Interpreter } from '../interp/loop.js';
import type { TraceEvent, TraceKind, TraceSink } from '../trace/events.js';
import type { TraceFilter } from '../trace/filter.js';
import type { NoGilWorker } from './attach.js';
import { isOutputChunk, workerOutputSink, type CapturedOutput } from './captured-output.js';
import { disableStopTheWorldCollector, enableStopTheWorldCollector } from './sync.js';
import { compileWarmUp } from './warm-up.js';
import {
  C_CRASHED, C_LIVE, C_NEXT_GID, C_STOP, C_STUCK, controlBytes, identOf, ringDoorbell,
  setNoGilMode, type NoGilMode,
} from './mode.js';

/** A thread to run, as the host posts it to a worker (Refs are numbers on the shared heap). */
interface StartMessage {
  kind: 'start';
  func: number;
  args: number;
  kwargs: number;
  name: string;
  ident: number;
  gid: number;
}

/** What a worker reports at the end: per thread, and its own busy time. */
export interface WorkerStats {
  worker: number;
  threads: { name: string; instructions: number; runMs: number; waitMs: number }[];
  busyMs: number;
  wallMs: number;
}

/** What a worker thread is started with (structured-clonable; `port` is transferred). */
export interface NoGilWorkerData {
  gilpyNoGil: true;
  index: number;
  image: ForkImage;
  control: SharedArrayBuffer;
  port: MessagePort;
  argv: string[];
  searchPath: string[];
  scheduler: Partial<SchedulerOptions>;
  /** Heap-checking mode (--debug-heap), as on the host. */
  debug: boolean;
  /** Set when the host is traced: the worker traces the same kinds and sends its events back. */
  trace?: WorkerTrace;
  /** Set when the host keeps the output in memory (the embedding API): the counter that numbers every
   *  line; the worker sends its lines on `port` (see captured-output.ts) instead of writing fds 1 and 2. */
  output?: SharedArrayBuffer;
  /** The code object of the warm-up the worker runs before it takes threads (warm-up.ts), or 0 (a
   *  traced run: the warm-up would be in the trace). The host holds it until the end. */
  warmUp: number;
  /** multiprocessing: the process group, ports to the other JS threads, the host's fork options. */
  group: SharedArrayBuffer;
  peers: MessagePort[];
  forkOptions: ForkOptions | null;
}

/** What a traced host gives a worker: the kinds and filters, a port for the events, and when the host's
 *  trace started on the process-wide monotonic clock (process.hrtime, which every thread reads alike), to
 *  put the worker's times on the host's trace clock. */
export interface WorkerTrace {
  kinds: TraceKind[];
  filters: TraceFilter[];
  port: MessagePort;
  hostStartNs: bigint;
  /** When `alloc` is traced: the bytes in live blocks of the whole heap, a shared word every traced
   *  worker updates (Tracer.heapBytes). */
  heapBytes?: Int32Array;
}

/** A worker's trace sink: its events, with `worker` set (1..K), their thread as the thread's global
 *  number and their time on the host's clock, go to the host in batches (drained by NoGilHost). */
export class WorkerTraceSink implements TraceSink {
  readonly kinds: ReadonlySet<TraceKind>;
  private batch: TraceEvent[] = [];
  /** The host's trace time at which the worker's tracer started (see startedAt). */
  private offset: number;
  /** Maps the worker scheduler's thread ids to global thread numbers (set once the scheduler exists). */
  threadOf: (local: number) => number = (x) => x;
  constructor(private readonly trace: WorkerTrace, private readonly worker: number) {
    this.kinds = new Set(trace.kinds);
    this.offset = Number(process.hrtime.bigint() - trace.hostStartNs) / 1e6;
  }
  /** The worker's tracer started at `ms` of the process-wide monotonic clock (Tracer.startedAt): its
   *  times count from there. (The VM that makes the tracer boots for milliseconds after the sink is
   *  made: events of different workers placed from the sink's birth could appear before their causes.) */
  startedAt(ms: number): void {
    this.offset = ms - Number(this.trace.hostStartNs) / 1e6;
  }
  emit(e: TraceEvent): void {
    e.worker = this.worker;
    e.thread = Math.max(0, this.threadOf(e.thread)); // 0: the worker between threads (starting one)
    e.t += this.offset;
    this.batch.push(e);
    if (this.batch.length >= 4096) this.flush();
  }
  flush(): void {
    if (this.batch.length === 0) return;
    this.trace.port.postMessage(this.batch);
    this.batch = [];
  }
  close(): void {
    this.flush();
  }
}

/** Extra control words (after mode.ts's per-worker words): how many workers have finished, and a
 *  request for deadlock reports. Kept in a second small buffer to leave mode.ts's layout simple. */
const X_DONE = 0;
const X_REPORT = 1;

/**
 * Every wait of this JS thread that can last, bracketed with the worker's blockingBegin / blockingEnd so
 * that a collection stopping the world never waits for it (sync.ts): the scheduler's sleep when all its
 * threads are blocked (time.sleep and timeouts), and reading a line of input
 * (input(), sys.stdin). The scheduler's waits for other workers (the doorbell) and a worker's idle sleep
 * are bracketed where they are made (NoGilHost.wait, NoGilWorkerMode.run), the stripe locks' waits in
 * sync.ts. Then the stop-the-world collector can be on.
 */
export function bracketLongWaits(sched: Scheduler, worker: NoGilWorker, host: HostServices): void {
  const sleep = sched.realSleep;
  sched.realSleep = (ms) => worker.blocking(() => sleep(ms));
  const readLine = host.readLine;
  host.readLine = () => worker.blocking(() => readLine.call(host));
}

/** The scheduler's merge-queue duty at every tick (chained before whatever limit check is there). */
function tickEveryInterval(sched: Scheduler, worker: NoGilWorker, extra?: () => void): void {
  const prev = sched.limitCheck;
  sched.limitCheck = (interp) => {
    worker.tick();
    extra?.();
    prev?.(interp);
  };
}

/** A thread waiting nested (inside a call that cannot be rewound) sleeps inside its own turn: that time
 *  is not running (for --stats). */
function countAsBlocked(sched: Scheduler, ms: number): void {
  const t = sched.current;
  if (!t.pinned) return;
  t.stats.holdMs -= ms;
  t.stats.waitMs += ms;
}

// ================= the host =================

/** The host's side: starts the workers, hands them threads, detects deadlock across them.
 *  The workers are started when the program may need them (prepareThreads: its first import of
 *  `_thread`, which `threading` makes; or its first thread), not when the mode is entered: a program
 *  that never starts a thread does not share the machine's cores with K booting workers. */
export class NoGilHost implements NoGilMode {
  readonly index = -1;
  readonly control: Int32Array;
  readonly doorbell: Int32Array;
  private readonly extra: Int32Array;
  private readonly workers: { worker: Worker; port: MessagePort; tracePort: MessagePort | null }[] = [];
  private readonly started = performance.now();
  /** The host's output kept in memory (the embedding API), which the workers' lines join; or null. */
  private readonly output: CapturedOutput | null;
  private readonly limits: ((interp: Interpreter) => void) | null;
  /** Workers still to start (prepareThreads starts them; 0 once started). */
  private unstarted: number;
  /** The workers' warm-up (warm-up.ts): the host's reference to its code object, dropped by finish(); 0
   *  if none. */
  private warmUp: Ref | 0 = 0;
  /** What the workers take from the host's JS side (weakref lists, source lines), as when the mode was
   *  entered: taken then, as it was when the workers started at once. */
  private readonly image: ForkImage;
  /** multiprocessing: the process group, the ports of each worker to the other JS threads, the host's
   *  fork options (handed to the workers when they start). */
  private readonly group: SharedArrayBuffer;
  private readonly peers: MessagePort[][];
  private readonly forkOptions: ForkOptions | null;

  constructor(readonly rt: Runtime, readonly sched: Scheduler, readonly worker: NoGilWorker, count: number,
    private readonly opts: { argv: string[]; searchPath: string[]; scheduler: Partial<SchedulerOptions>;
      tracer: Tracer | null; host: HostServices; output: CapturedOutput | null }) {
    this.output = opts.output;
    const control = new SharedArrayBuffer(controlBytes(count) + 16);
    this.control = new Int32Array(control, 0, controlBytes(count) / 4);
    this.extra = new Int32Array(control, controlBytes(count), 4);
    // the process group (multiprocessing) is made now: its doorbell is this mode's, and its output lock
    // serves the threads and the child processes alike
    const group = this.group = newGroupBuffer();
    this.doorbell = groupDoorbell(group);
    Atomics.store(this.control, C_NEXT_GID, 2); // the main thread is 1
    setOutputLock(new Int32Array(group), GROUP_OUTPUT_LOCK);
    setNoGilMode(this);
    if (getWorkerScript() === null) throw new Error('gilpy: no-GIL mode needs the bundled gilpy (no worker script)');
    this.unstarted = count;
    this.image = captureImage(rt, rt.heap.buffer);
    if (opts.tracer !== null && opts.tracer.alloc) {
      // the heap is walked now, while no worker runs yet; from here on the traced workers count
      opts.tracer.heapBytes = new Int32Array(new SharedArrayBuffer(4));
      opts.tracer.heapBytes[0] = rt.heap.bytesInUse;
    }
    // a port between every two JS threads of the process (host = 0, worker w = w + 1): new shared buffers
    // of multiprocessing are announced over them
    const peers: MessagePort[][] = this.peers = Array.from({ length: count + 1 }, () => []);
    for (let i = 0; i <= count; i++) {
      for (let j = i + 1; j <= count; j++) {
        const ch = new MessageChannel();
        peers[i]!.push(ch.port1);
        peers[j]!.push(ch.port2);
      }
    }
    const forkOptions = this.forkOptions = forkOptionsOf(rt);
    setNoGilProcessGroup({ group, basePid: process.pid, peers: peers[0]!, forkOptions });
    this.limits = sched.limitCheck; // the VM's --timeout / --max-instructions check, before the tick duty
    tickEveryInterval(sched, worker);
    // a source already there (the REPL's input, which touches no heap while it waits) waits outside
    // the running set too
    const before = sched.external;
    if (before !== null) sched.external = { ...before, wait: (e, ms, f) => worker.blocking(() => before.wait(e, ms, f)) };
    sched.chainExternal({
      epoch: () => Atomics.load(this.doorbell, 0),
      wait: (epoch, ms, forever) => this.wait(epoch, ms, forever),
    });
    bracketLongWaits(sched, worker, opts.host);
    // every long wait of the host and of the workers (NoGilWorkerMode.run) is bracketed
    enableStopTheWorldCollector(rt);
  }

  /** Starts the worker threads (once; they boot in parallel with the program, over the same heap). */
  prepareThreads(): void {
    const count = this.unstarted;
    if (count === 0) return;
    this.unstarted = 0;
    const rt = this.rt;
    const opts = this.opts;
    const script = getWorkerScript()!;
    const image = this.image;
    this.warmUp = opts.tracer === null ? compileWarmUp(rt) : 0;
    for (let w = 0; w < count; w++) {
      const ch = new MessageChannel();
      const data: NoGilWorkerData = {
        gilpyNoGil: true, index: w, image, control: this.control.buffer as SharedArrayBuffer, port: ch.port2,
        argv: opts.argv, searchPath: opts.searchPath, scheduler: opts.scheduler, debug: rt.heap.debug,
        warmUp: this.warmUp, group: this.group, peers: this.peers[w + 1]!, forkOptions: this.forkOptions,
        ...(opts.output !== null ? { output: opts.output.counter.buffer as SharedArrayBuffer } : {}),
      };
      const transferList: MessagePort[] = [ch.port2, ...this.peers[w + 1]!];
      let tracePort: MessagePort | null = null;
      if (opts.tracer !== null) {
        const tch = new MessageChannel();
        tracePort = tch.port1;
        data.trace = { kinds: [...opts.tracer.sink.kinds], filters: [...opts.tracer.filters], port: tch.port2,
          hostStartNs: process.hrtime.bigint() - BigInt(Math.round(opts.tracer.now() * 1e6)),
          ...(opts.tracer.heapBytes !== null ? { heapBytes: opts.tracer.heapBytes } : {}) };
        transferList.push(tch.port2);
      }
      const worker = startWorker(new URL(script), { workerData: data, transferList, stdout: false, stderr: false });
      worker.unref();
      this.workers.push({ worker, port: ch.port1, tracePort });
    }
  }

  startThread(func: number, args: number, kwargs: number, name: string): { ident: number; gid: number } {
    this.prepareThreads();
    const gid = Atomics.add(this.control, C_NEXT_GID, 1);
    const ident = identOf(gid);
    let best = 0;
    for (let w = 1; w < this.workers.length; w++) {
      if (Atomics.load(this.control, C_LIVE(w)) < Atomics.load(this.control, C_LIVE(best))) best = w;
    }
    Atomics.add(this.control, C_LIVE(best), 1);
    const msg: StartMessage = { kind: 'start', func, args, kwargs, name, ident, gid };
    this.workers[best]!.port.postMessage(msg);
    ringDoorbell(this.doorbell);
    return { ident, gid };
  }

  /** The host's threads can't run: sleep on the doorbell, in short naps while every one of them waits
   *  with no deadline (so that a deadlock across the workers is seen soon after it happens). */
  private wait(epoch: number, ms: number, forever: boolean): void {
    if (Atomics.load(this.control, C_CRASHED) !== 0) throw new Error('a no-GIL worker thread failed (its report is above)');
    // the host's threads run no ticks while they wait: --timeout is checked here too
    this.limits?.(this.sched.current.interp);
    // nor quiescent points: what they gave up out of dicts while other workers ran (qsbr.ts), and what
    // other workers queued to them (brc.ts), is freed here, so that a __del__ another thread waits for
    // runs (before the deadlock check)
    this.worker.whileWaiting();
    // (not while a child process runs: it may yet put what a thread waits for)
    if (forever && !childrenRunning(this.rt) && this.allStuck(epoch)) throw new Deadlock(this.deadlockReport());
    const t0 = performance.now();
    this.drainTraces();
    if (Atomics.load(this.doorbell, 0) === epoch) {
      this.worker.blocking(() => Atomics.wait(this.doorbell, 0, epoch, forever ? Math.min(ms, 20) : ms));
    }
    countAsBlocked(this.sched, performance.now() - t0);
  }

  /** A worker's line of output, when the host keeps the output in memory: given to it (true). */
  private takeOutput(msg: unknown): boolean {
    if (this.output === null || !isOutputChunk(msg)) return false;
    this.output.accept(msg);
    return true;
  }

  /** Writes the events the workers sent into the host's trace (in the order they come, worker by worker). */
  drainTraces(): void {
    for (const { tracePort } of this.workers) {
      if (tracePort === null) continue;
      for (let m = receiveMessageOnPort(tracePort); m !== undefined; m = receiveMessageOnPort(tracePort)) {
        if (this.rt.tracer === null) continue;
        for (const e of m.message as TraceEvent[]) this.rt.tracer.sink.emit(e);
      }
    }
  }

  /** True if nothing rang since `epoch` and every worker with live threads found them all blocked for good. */
  private allStuck(epoch: number): boolean {
    if (Atomics.load(this.doorbell, 0) !== epoch) return false;
    for (let w = 0; w < this.workers.length; w++) {
      if (Atomics.load(this.control, C_LIVE(w)) > 0 && Atomics.load(this.control, C_STUCK(w)) !== epoch + 1) return false;
    }
    return Atomics.load(this.doorbell, 0) === epoch;
  }

  /** The host's blocked threads, then each stuck worker's (asked for, and waited for briefly). */
  private deadlockReport(): string {
    const lines = this.sched.deadlockReport().trimEnd().split('\n').filter((l) => !l.startsWith('  cycle:'));
    Atomics.store(this.extra, X_REPORT, 1);
    ringDoorbell(this.doorbell);
    const asked = this.workers.filter((_, w) => Atomics.load(this.control, C_LIVE(w)) > 0);
    const got = new Set<number>();
    const until = performance.now() + 2000;
    while (got.size < asked.length && performance.now() < until) {
      for (const [w, { port }] of this.workers.entries()) {
        for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
          const msg = m.message as { kind: string; text?: string };
          if (this.takeOutput(msg) || msg.kind !== 'report') continue;
          got.add(w);
          for (const l of msg.text!.trimEnd().split('\n').slice(1)) if (!l.startsWith('  cycle:')) lines.push(l.replace('  thread ', `  worker ${w + 1}: thread `));
        }
      }
      this.worker.blocking(() => sleepSync(0.002));
    }
    return lines.join('\n') + '\n';
  }

  /** The program ended: tells the workers to stop (dropping daemon threads), waits briefly for them,
   *  and returns what they report. */
  finish(): WorkerStats[] {
    Atomics.store(this.control, C_STOP, 1);
    ringDoorbell(this.doorbell);
    const until = performance.now() + 2000;
    const stats: WorkerStats[] = [];
    while (stats.length < this.workers.length && performance.now() < until) {
      for (const { port } of this.workers) {
        for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
          const msg = m.message as { kind: string; stats?: WorkerStats };
          if (msg.kind === 'stats') stats.push(msg.stats!);
          else this.takeOutput(msg);
        }
      }
      if (stats.length < this.workers.length) this.worker.blocking(() => Atomics.wait(this.extra, X_DONE, Atomics.load(this.extra, X_DONE), 5));
    }
    // a worker that did not leave (a gilpy bug: it never reached a tick) may still count as running: the
    // exit's collection would wait for it forever, so it is skipped
    if (stats.length < this.workers.length) disableStopTheWorldCollector(this.rt);
    this.drainTraces();
    for (const { worker, port, tracePort } of this.workers) {
      port.close();
      tracePort?.close();
      void worker.terminate();
    }
    setNoGilMode(null);
    if (this.warmUp !== 0) this.rt.decref(this.warmUp);
    this.warmUp = 0;
    return stats.sort((a, b) => a.worker - b.worker);
  }

  /** The host's own wall time so far (ms). */
  elapsedMs(): number {
    return performance.now() - this.started;
  }
}

/** `--stats` in no-GIL mode: per thread (on which worker, instructions, time running and not running),
 *  and per worker its utilisation (time running threads / time alive). */
export function noGilStatsReport(host: Scheduler, hostWall: number, workers: WorkerStats[]): string {
  const head = ['thread', 'worker', 'instructions', 'running ms', 'not running ms'];
  const rows: string[][] = [];
  for (const t of host.threads) {
    rows.push([t.name, 'host', String(t.stats.instructions), t.stats.holdMs.toFixed(1), t.stats.waitMs.toFixed(1)]);
  }
  for (const w of workers) {
    for (const t of w.threads) rows.push([t.name, String(w.worker + 1), String(t.instructions), t.runMs.toFixed(1), t.waitMs.toFixed(1)]);
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => '  ' + r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  const out = [`gilpy: thread statistics (no GIL: ${workers.length === 0 ? 'no worker thread was started: the program never imported _thread'
    : `${workers.length} worker threads share the heap with the host thread`})`,
    line(head), ...rows.map(line)];
  const hostBusy = host.threads.reduce((a, t) => a + t.stats.holdMs, 0);
  out.push(`  host: busy ${hostBusy.toFixed(1)} ms of ${hostWall.toFixed(1)} ms (${pct(hostBusy, hostWall)})`);
  for (const w of workers) {
    out.push(`  worker ${w.worker + 1}: busy ${w.busyMs.toFixed(1)} ms of ${w.wallMs.toFixed(1)} ms (${pct(w.busyMs, w.wallMs)})`);
  }
  return out.join('\n') + '\n';
}
const pct = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(0)}%` : '-');

// ================= a worker =================

/** The worker's side (one per worker thread): takes threads from its port and runs them. */
export class NoGilWorkerMode implements NoGilMode {
  readonly control: Int32Array;
  readonly doorbell: Int32Array;
  private readonly extra: Int32Array;
  readonly index: number;
  private sched: Scheduler | null = null;
  private rt: Runtime | null = null;
  private readonly started = performance.now();
  /** Set once the host asked for the program's end: a running thread is stopped at its next tick. */
  private stopping = false;

  constructor(readonly data: NoGilWorkerData) {
    this.index = data.index;
    this.control = new Int32Array(data.control, 0, (data.control.byteLength - 16) / 4);
    this.extra = new Int32Array(data.control, data.control.byteLength - 16, 4);
    this.doorbell = groupDoorbell(data.group);
    setOutputLock(new Int32Array(data.group), GROUP_OUTPUT_LOCK);
    setNoGilMode(this);
    setNoGilProcessGroup({ group: data.group, basePid: process.pid, peers: data.peers, forkOptions: data.forkOptions });
  }

  /** A worker is a started worker thread: nothing to prepare. */
  prepareThreads(): void {}

  /** A thread started by one of this worker's threads stays on this worker. */
  startThread(func: number, args: number, kwargs: number, name: string): { ident: number; gid: number } {
    const gid = Atomics.add(this.control, C_NEXT_GID, 1);
    const ident = identOf(gid);
    Atomics.add(this.control, C_LIVE(this.index), 1);
    this.spawn({ kind: 'start', func, args, kwargs, name, ident, gid });
    return { ident, gid };
  }

  private spawn(m: StartMessage): void {
    startThreadHook!(this.rt!, m.func as Ref, m.args as Ref, m.kwargs === 0 ? undefined : (m.kwargs as Ref), m.name,
      { ident: m.ident, gid: m.gid });
  }

  /** Takes the threads the host posted. */
  private poll(): void {
    for (let m = receiveMessageOnPort(this.data.port); m !== undefined; m = receiveMessageOnPort(this.data.port)) {
      const msg = m.message as StartMessage;
      if (msg.kind === 'start') this.spawn(msg);
    }
    if (Atomics.load(this.extra, X_REPORT) === 1 && Atomics.load(this.control, C_LIVE(this.index)) > 0 && !this.reported) {
      this.reported = true;
      this.data.port.postMessage({ kind: 'report', text: this.sched!.deadlockReport() });
    }
  }
  private reported = false;

  /** Runs until the host says the program has ended. */
  run(rt: Runtime, sched: Scheduler, worker: NoGilWorker, host: HostServices): void {
    this.rt = rt;
    this.sched = sched;
    sched.threads[0]!.gid = -1; // the placeholder first thread holds nothing
    const control = this.control;
    const doorbell = this.doorbell;
    const me = this.index;
    tickEveryInterval(sched, worker, () => {
      if (Atomics.load(control, C_STOP) !== 0) {
        this.stopping = true;
        throw ProgramEnded.it; // a daemon thread still running at exit is dropped
      }
      // threads the host posted meanwhile: a thread that never blocks must not keep them from starting
      // (the scheduler then switches to them at the next switch point)
      this.poll();
    });
    sched.onThreadEnd = () => {
      Atomics.sub(control, C_LIVE(me), 1);
      ringDoorbell(doorbell);
    };
    bracketLongWaits(sched, worker, host);
    // the sleep of a worker whose threads all sleep (time.sleep, timeouts) wakes when the doorbell rings:
    // to take threads the host posts meanwhile (the scheduler then sleeps again for what is left), and at
    // the program's end, to drop daemon threads
    sched.realSleep = (ms) => {
      const epoch = Atomics.load(doorbell, 0);
      if (Atomics.load(control, C_STOP) !== 0) throw ProgramEnded.it;
      this.poll();
      if (sched.liveThreads().some((t) => t.state === 'new')) return;
      worker.blocking(() => Atomics.wait(doorbell, 0, epoch, ms));
      if (Atomics.load(control, C_STOP) !== 0) throw ProgramEnded.it;
      this.poll();
    };
    sched.external = {
      epoch: () => Atomics.load(doorbell, 0),
      wait: (epoch, ms, forever) => {
        worker.whileWaiting(); // (this worker's threads all wait: see the host's wait)
        if (forever) Atomics.store(control, C_STUCK(me), epoch + 1);
        this.poll();
        const t0 = performance.now();
        if (Atomics.load(control, C_STOP) === 0) worker.blocking(() => Atomics.wait(doorbell, 0, epoch, ms));
        countAsBlocked(sched, performance.now() - t0);
        Atomics.store(control, C_STUCK(me), 0);
        this.poll();
        if (Atomics.load(control, C_STOP) !== 0) throw ProgramEnded.it;
      },
    };
    const stop = (): boolean => this.stopping || Atomics.load(control, C_STOP) !== 0;
    const idle = (): void => {
      const epoch = Atomics.load(doorbell, 0);
      this.poll();
      if (sched.liveThreads().length > 1 || stop()) return;
      worker.blocking(() => Atomics.wait(doorbell, 0, epoch, 1000));
    };
    try {
      sched.runPool(() => this.poll(), idle, stop);
    } catch (e) {
      if (e !== ProgramEnded.it) throw e;
    }
  }

  /** After run: what this worker did (sent to the host with finish()). */
  report(sched: Scheduler): WorkerStats {
    const threads = sched.threads.slice(1).map((t) => ({
      name: t.name, instructions: t.stats.instructions, runMs: t.stats.holdMs, waitMs: t.stats.waitMs,
    }));
    const busy = threads.reduce((a, t) => a + t.runMs, 0);
    return { worker: this.index, threads, busyMs: busy, wallMs: performance.now() - this.started };
  }

  /** Tells the host this worker failed (a gilpy bug, reported already): its threads will never end. */
  crashed(): void {
    Atomics.store(this.control, C_CRASHED, 1);
    ringDoorbell(this.doorbell);
  }

  /** Tells the host this worker is done. */
  done(stats: WorkerStats): void {
    this.data.port.postMessage({ kind: 'stats', stats });
    Atomics.add(this.extra, X_DONE, 1);
    Atomics.notify(this.extra, X_DONE);
  }
}

/** _thread's startThreadHere, set by the worker entry (avoids an import cycle through the builtins). */
let startThreadHook: ((rt: Runtime, func: Ref, args: Ref, kwargs: Ref | undefined, name: string,
  given: { ident: number; gid: number }) => number) | null = null;
export function setStartThreadHook(f: typeof startThreadHook): void {
  startThreadHook = f;
}

/** The host services of a worker: output straight to file descriptors 1 and 2 under the output lock,
 *  flushed at each line (so one print is one write, in the order they happen); or, when the host keeps the
 *  output in memory, numbered lines sent to it (captured-output.ts). */
export function workerHost(data: NoGilWorkerData, interp: () => Interpreter): HostServices {
  const stdin = new StdinReader(0, '');
  const captured = data.output;
  return {
    stdout: captured !== undefined ? workerOutputSink(captured, 1, data.port) : new FdSink(1, true),
    stderr: captured !== undefined ? workerOutputSink(captured, 2, data.port) : new FdSink(2, true),
    readLine: () => stdin.readLine(),
    argv: data.argv, searchPath: data.searchPath,
    interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint(),
    sleep: (s) => sleepSync(s),
    readModuleSource: (p) => readTextFile(p),
  };
}
