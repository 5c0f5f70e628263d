/**
 * Processes (DESIGN.md "Processes"): a child process is a worker thread running its own VM on a byte copy
 * of its parent's heap, taken at the fork. After the fork nothing on the heap is shared. What processes do
 * share is outside every heap: one small "group" buffer (the process table and a doorbell) and the shared
 * buffers that channels, locks and Value/Array live in (channel.ts, semlock.ts), which a child inherits
 * from its parent as a forked process inherits its file descriptors.
 *
 * The doorbell is a counter every process bumps (and notifies) when it does something another process may
 * be waiting for: a message put or taken, a lock released, a process ended. A thread that waits for another
 * process blocks in the scheduler with an `external` wait; when no thread can run, the scheduler sleeps on
 * the doorbell.
 */
import { traceProcessEvent } from '../trace/heap-hooks.js';
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { startWorker } from '../worker-exec-argv.js';
import { availableParallelism } from 'node:os';
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { H_TOP } from '../heap/layout.js';
import { captureImage, type ForkImage } from './image.js';
import { unpackBatch, type ChildTrace } from './trace-forward.js';
import { schedulerOf } from '../sched/scheduler.js';
import { hostOf } from '../builtins/host-access.js';
import { setOutputLock } from '../host.js';
import { noGilMode } from '../nogil/mode.js';
import { copyNoGilHeap } from '../nogil/fork.js';

// ---- the group buffer (Int32 words) ----
const G_DOORBELL = 0;
const G_NEXT_PID = 1;
const G_NEXT_SLOT = 2;
/** The output lock (see host.ts setOutputLock). */
const G_OUTPUT_LOCK = 3;
/** No-GIL mode: the next index of a shared buffer (every JS thread of the process allocates from it). */
const G_NEXT_SHARED = 4;
const G_SLOTS = 16;
const SLOT_WORDS = 4;
const MAX_SLOTS = 4096;
const GROUP_BYTES = (G_SLOTS + MAX_SLOTS * SLOT_WORDS) * 4;
/** Slot words: state, exit code, pid. */
const S_STATE = 0;
const S_EXITCODE = 1;
const S_PID = 2;
export const SLOT_RUNNING = 1;
export const SLOT_EXITED = 2;

/** What every process of one program shares, and what a child is given besides its heap. */
export interface GroupData {
  group: SharedArrayBuffer;
  /** Buffers of channels, locks and shared values, by index; a child inherits its parent's. */
  shared: SharedArrayBuffer[];
  /** The first process's pid: gilpy's pids count up from it. */
  basePid: number;
}

export interface ChildData {
  gilpyChild: true;
  image: ForkImage;
  group: GroupData;
  pid: number;
  parentPid: number;
  slot: number;
  /** The Process object on the child's heap (the child owns one reference): its _bootstrap() runs. */
  target: number;
  mainIdent: number;
  /** 'fd': write to file descriptors 1 and 2 directly (the CLI); 'port': send output to the parent. */
  output: { mode: 'fd'; tty: boolean } | { mode: 'port'; port: MessagePort };
  tty: boolean;
  /** Set when the parent is traced: the child traces the same kinds and sends its events back. */
  trace?: ChildTrace;
  argv: string[];
  searchPath: string[];
  scheduler: Record<string, unknown>;
  workerScript: string;
}

interface ChildProcess {
  pid: number;
  slot: number;
  /** The child's worker; null for a child another JS thread of this no-GIL process forked. */
  worker: Worker | null;
  /** Output the child sends, in port mode. */
  port: MessagePort | null;
  /** Trace events the child sends, when this process is traced. */
  tracePort: MessagePort | null;
}

/** One VM's view of the processes: its own identity, the group, and the children it started. */
export class ProcessContext {
  readonly groupI32: Int32Array;
  readonly children = new Map<number, ChildProcess>();
  /** Set by _bootstrap in a child: the status the child ends with. */
  exitcode = 0;
  /** Children started while this process was traced (their events come on a port, see drainOutput). */
  tracedChildren = 0;
  constructor(readonly rt: Runtime, readonly data: GroupData, readonly pid: number, readonly parentPid: number | null,
    readonly slot: number) {
    this.groupI32 = new Int32Array(data.group);
  }

  /** No-GIL mode: ports to the other JS threads of this process (see NoGilProcessGroup), else null. */
  peers: MessagePort[] | null = null;

  epoch(): number {
    return Atomics.load(this.groupI32, G_DOORBELL);
  }
  /** Tells every waiting process that something happened. */
  ring(): void {
    Atomics.add(this.groupI32, G_DOORBELL, 1);
    Atomics.notify(this.groupI32, G_DOORBELL);
  }
  /** Sleeps until the doorbell rings past `epoch` (or `ms` pass), then forwards children's output. */
  waitDoorbell(epoch: number, ms: number): void {
    // traced children send events without ringing: take them every few milliseconds, as they come
    if (this.tracedChildren > 0) ms = Math.min(ms, 5);
    this.drainOutput();
    if (Atomics.load(this.groupI32, G_DOORBELL) === epoch) Atomics.wait(this.groupI32, G_DOORBELL, epoch, ms);
    this.drainOutput();
  }

  /** Writes what children sent (port mode) to this process's own output. */
  drainOutput(): void {
    this.drainPeers();
    for (const c of this.children.values()) {
      if (c.port !== null) drainPort(this.rt, c.port);
      if (c.tracePort !== null) drainTrace(this.rt, c.tracePort, c.pid);
    }
  }

  slotState(slot: number): number {
    return Atomics.load(this.groupI32, G_SLOTS + slot * SLOT_WORDS + S_STATE);
  }
  slotExitcode(slot: number): number {
    return Atomics.load(this.groupI32, G_SLOTS + slot * SLOT_WORDS + S_EXITCODE);
  }
  /** Marks `slot` ended with `code` (a child's own exit, or its parent terminating it). */
  endSlot(slot: number, code: number): void {
    endSlot(this.data, slot, code);
  }

  /** Registers a new shared buffer; children forked from now on inherit it. Returns its index. In no-GIL
   *  mode the index comes from the group buffer and the buffer is posted to the other JS threads of the
   *  process (a queue made by one thread may be used by a thread on another worker). */
  addShared(bytes: number): number {
    const b = new SharedArrayBuffer(bytes);
    if (this.peers === null) {
      this.data.shared.push(b);
      return this.data.shared.length - 1;
    }
    const index = Atomics.add(this.groupI32, G_NEXT_SHARED, 1);
    this.data.shared[index] = b;
    // posted before the index can reach anyone (through the heap): a peer that reads the index finds
    // the message already in its port's queue (receiveMessageOnPort takes it synchronously)
    for (const p of this.peers) p.postMessage({ kind: 'shared', index, buffer: b });
    return index;
  }
  shared(index: number): SharedArrayBuffer {
    let b = this.data.shared[index];
    if (b === undefined && this.peers !== null) {
      this.drainPeers();
      b = this.data.shared[index];
    }
    if (b === undefined) throw new Error(`gilpy bug: no shared buffer ${index}`);
    return b;
  }

  /** No-GIL mode: takes what the other JS threads of the process posted (shared buffers they made, and
   *  requests to stop a child this thread forked). */
  drainPeers(): void {
    if (this.peers === null) return;
    for (const p of this.peers) {
      for (let m = receiveMessageOnPort(p); m !== undefined; m = receiveMessageOnPort(p)) {
        const msg = m.message as { kind: string; index?: number; buffer?: SharedArrayBuffer; pid?: number };
        if (msg.kind === 'shared') this.data.shared[msg.index!] = msg.buffer!;
        else if (msg.kind === 'terminate') {
          const c = this.children.get(msg.pid!);
          if (c?.worker != null) void c.worker.terminate();
        }
      }
    }
  }

  /** A child by pid: one this JS thread forked, or (no-GIL mode) one another thread of the process
   *  forked, found in the process table. */
  child(pid: number): ChildProcess | undefined {
    const c = this.children.get(pid);
    if (c !== undefined || this.peers === null) return c;
    const n = Math.min(Atomics.load(this.groupI32, G_NEXT_SLOT), MAX_SLOTS);
    for (let slot = 0; slot < n; slot++) {
      if (Atomics.load(this.groupI32, G_SLOTS + slot * SLOT_WORDS + S_PID) === pid) {
        return { pid, slot, worker: null, port: null, tracePort: null };
      }
    }
    return undefined;
  }

  /** True while a child of the group has not ended (no-GIL mode's deadlock diagnosis waits then). */
  anyChildRunning(): boolean {
    const n = Math.min(Atomics.load(this.groupI32, G_NEXT_SLOT), MAX_SLOTS);
    for (let slot = 0; slot < n; slot++) if (this.slotState(slot) === SLOT_RUNNING) return true;
    return false;
  }
}

function drainPort(rt: Runtime, port: MessagePort): void {
  const host = hostOf(rt);
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const { fd, text } = m.message as { fd: number; text: string };
    (fd === 2 ? host.stderr : host.stdout).write(text);
  }
}

/** Marks `slot` of the process table ended with `code`, once, and rings the doorbell. */
export function endSlot(data: GroupData, slot: number, code: number): void {
  const g = new Int32Array(data.group);
  const base = G_SLOTS + slot * SLOT_WORDS;
  // the code is stored first: a process that sees the state change reads the right code
  if (Atomics.load(g, base + S_STATE) !== SLOT_RUNNING) return;
  Atomics.store(g, base + S_EXITCODE, code);
  if (Atomics.compareExchange(g, base + S_STATE, SLOT_RUNNING, SLOT_EXITED) !== SLOT_RUNNING) return;
  Atomics.add(g, G_DOORBELL, 1);
  Atomics.notify(g, G_DOORBELL);
}

/** Writes the trace events a child sent into this process's trace (they were filtered in the child). */
function drainTrace(rt: Runtime, port: MessagePort, pid: number): void {
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    if (rt.tracer === null) continue;
    for (const e of unpackBatch(m.message, pid)) rt.tracer.sink.emit(e);
  }
}

const contexts = new WeakMap<Runtime, ProcessContext>();
/** The worker script a child runs (the bundle, dist/gilpy.mjs); set by the CLI or the embedder. */
let workerScript: string | null = null;
/** The worker script (null in an embedding that set none). */
export function getWorkerScript(): string | null {
  return workerScript;
}
export function setWorkerScript(url: string | null): void {
  workerScript = url;
}

/**
 * No-GIL mode: what every JS thread of the process shares for multiprocessing, made by the host when it
 * starts its workers: the process group buffer (whose doorbell is also the no-GIL doorbell, so a thread
 * waiting for another worker or for another process sleeps on one word), the first pid, a port to every
 * other JS thread of the process (shared buffers are announced over them) and the host's fork options.
 */
export interface NoGilProcessGroup {
  group: SharedArrayBuffer;
  basePid: number;
  peers: MessagePort[];
  forkOptions: ForkOptions | null;
}
let noGilGroup: NoGilProcessGroup | null = null;
export function setNoGilProcessGroup(g: NoGilProcessGroup | null): void {
  noGilGroup = g;
}
/** A new process group buffer (no-GIL mode's host makes it up front). */
export function newGroupBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(GROUP_BYTES);
}
/** The group's doorbell as a one-word array, and its output lock's word. */
export function groupDoorbell(group: SharedArrayBuffer): Int32Array {
  return new Int32Array(group, G_DOORBELL * 4, 1);
}
export const GROUP_OUTPUT_LOCK = G_OUTPUT_LOCK;
/** The fork options an embedder set for `rt` (configureProcesses), or null. */
export function forkOptionsOf(rt: Runtime): ForkOptions | null {
  return forkOptions.get(rt) ?? null;
}
/** No-GIL mode: true while a child process of this program runs (not a deadlock while it does). */
export function childrenRunning(rt: Runtime): boolean {
  return contexts.get(rt)?.anyChildRunning() ?? (noGilGroup !== null && anySlotRunning(noGilGroup.group));
}
function anySlotRunning(group: SharedArrayBuffer): boolean {
  const g = new Int32Array(group);
  const n = Math.min(Atomics.load(g, G_NEXT_SLOT), MAX_SLOTS);
  for (let slot = 0; slot < n; slot++) if (Atomics.load(g, G_SLOTS + slot * SLOT_WORDS + S_STATE) === SLOT_RUNNING) return true;
  return false;
}

/** How this VM's children are made: what the embedder sets (configureProcesses), a child inherits. */
export interface ForkOptions {
  argv: string[];
  searchPath: string[];
  scheduler: Record<string, unknown>;
  output: 'fd' | 'port';
  tty: boolean;
}
const forkOptions = new WeakMap<Runtime, ForkOptions>();
export function configureProcesses(rt: Runtime, opts: ForkOptions): void {
  forkOptions.set(rt, opts);
}

/** This VM's process context, made on first use in the first process. */
export function processContext(rt: Runtime): ProcessContext {
  let c = contexts.get(rt);
  if (c === undefined && noGilMode() !== null) {
    // without the GIL, every JS thread of the process (the host, each worker) has its own context over
    // the group the host made (see NoGilProcessGroup); waits go through the no-GIL doorbell, which is
    // the group's
    const g = noGilGroup;
    if (g === null) rt.raise('NotImplementedError', 'gilpy: multiprocessing needs the gilpy command without the GIL');
    c = new ProcessContext(rt, { group: g.group, shared: [], basePid: g.basePid }, g.basePid, null, -1);
    c.peers = g.peers;
    contexts.set(rt, c);
    if (!forkOptions.has(rt) && g.forkOptions !== null) forkOptions.set(rt, g.forkOptions);
    warmSpares();
    return c;
  }
  if (c === undefined) {
    const group = new SharedArrayBuffer(GROUP_BYTES);
    c = new ProcessContext(rt, { group, shared: [], basePid: process.pid }, process.pid, null, -1);
    contexts.set(rt, c);
    useDoorbell(rt, c);
    // a program that uses multiprocessing will likely start processes: have workers booted for them
    warmSpares();
  }
  return c;
}

/**
 * Spare workers: started ahead of need, each loads the bundle and then waits for the ChildData of the
 * fork it will run. Booting a worker (a new JS engine instance loading gilpy) takes a good part of a
 * second on a busy machine; a spare does it on another core while the program runs, so start() returns
 * at once and the child begins as soon as it is forked.
 */
const spares: Worker[] = [];
const SPARES = Math.min(2, availableParallelism());
function warmSpares(): void {
  if (workerScript === null) return;
  while (spares.length < SPARES) {
    const w = startWorker(new URL(workerScript), { workerData: { gilpySpare: true }, stdout: false, stderr: false });
    w.unref();
    spares.push(w);
  }
}
/**
 * Boots the spare workers now, before the program asks for processes, when its source says it will use
 * them: they then boot on another core while the program's first part runs, and its first start() finds
 * one ready (the seed's cells import multiprocessing only in the cell that uses it).
 */
export function prewarmProcesses(source: string): void {
  // (the words looked for first: the regular expression is compiled again in every process)
  if ((source.includes('multiprocessing') || source.includes('ProcessPoolExecutor'))
    && /\bmultiprocessing\b|\bProcessPoolExecutor\b/.test(source)) warmSpares();
}

/** Lets the spares go (the end of the program). */
function dropSpares(): void {
  for (const w of spares.splice(0)) void w.terminate();
}

/** In a forked child: its context, from what the parent passed. */
export function adoptChildContext(rt: Runtime, d: ChildData): ProcessContext {
  const c = new ProcessContext(rt, d.group, d.pid, d.parentPid, d.slot);
  contexts.set(rt, c);
  workerScript = d.workerScript;
  forkOptions.set(rt, { argv: d.argv, searchPath: d.searchPath, scheduler: d.scheduler, output: d.output.mode, tty: d.tty });
  useDoorbell(rt, c);
  return c;
}

function useDoorbell(rt: Runtime, c: ProcessContext): void {
  setOutputLock(c.groupI32, G_OUTPUT_LOCK);
  schedulerOf(rt).chainExternal({ epoch: () => c.epoch(), wait: (e, ms) => c.waitDoorbell(e, ms) });
}

export function cpuCount(): number {
  return availableParallelism();
}

/**
 * Forks: starts a child process whose heap is a copy of this one, which runs `target._bootstrap()`
 * (`target` is borrowed; the copy holds its own reference). Returns the child's pid.
 */
export function fork(rt: Runtime, target: Ref): number {
  const ctx = processContext(rt);
  const host = hostOf(rt);
  const childOptions: ForkOptions = forkOptions.get(rt)
    ?? { argv: host.argv, searchPath: host.searchPath, scheduler: {}, output: 'port', tty: false };
  // as multiprocessing's Popen does before it forks: nothing the parent printed is printed twice
  host.stdout.flush();
  host.stderr.flush();
  if (workerScript === null) {
    rt.raise('OSError', 'gilpy: this embedding cannot start processes (no worker script: run the bundled gilpy)');
  }
  const g = ctx.groupI32;
  const slot = Atomics.add(g, G_NEXT_SLOT, 1);
  if (slot >= MAX_SLOTS) rt.raise('OSError', '[Errno 11] Resource temporarily unavailable');
  const pid = ctx.data.basePid + 1 + Atomics.add(g, G_NEXT_PID, 1);
  const base = G_SLOTS + slot * SLOT_WORDS;
  Atomics.store(g, base + S_PID, pid);
  Atomics.store(g, base + S_STATE, SLOT_RUNNING);

  // the copy: the child's reference to target is taken before the bytes are copied, and dropped here after
  let image: ForkImage;
  if (rt.containerLocks !== null) {
    // no-GIL mode: copied with the world stopped and made a GIL-mode heap (nogil/fork.ts)
    ctx.drainPeers(); // every shared buffer made so far by any thread goes to the child
    let taken: ForkImage | null = null;
    const copy = copyNoGilHeap(rt, () => rt.incref(target), (heap) => {
      rt.decref(target);
      taken = captureImage(rt, heap);
    });
    image = taken!;
    image.gc.heads = copy.gcHeads;
    image.gc.counts = [0, 0, 0];
  } else {
    rt.incref(target);
    const src = rt.heap.buffer;
    const copy = new SharedArrayBuffer(src.byteLength);
    const top = rt.i32[H_TOP >> 2]!;
    new Uint8Array(copy, 0, top).set(new Uint8Array(src, 0, top));
    rt.decref(target);
    image = captureImage(rt, copy);
  }
  let port: MessagePort | null = null;
  let output: ChildData['output'];
  if (childOptions.output === 'port') {
    const ch = new MessageChannel();
    port = ch.port1;
    output = { mode: 'port', port: ch.port2 };
  } else output = { mode: 'fd', tty: childOptions.tty };
  let tracePort: MessagePort | null = null;
  let trace: ChildTrace | undefined;
  if (rt.tracer !== null) {
    const ch = new MessageChannel();
    tracePort = ch.port1;
    trace = { kinds: [...rt.tracer.sink.kinds], filters: [...rt.tracer.filters], port: ch.port2,
      parentStart: rt.tracer.startedAt };
  }
  const data: ChildData = {
    trace,
    tty: childOptions.tty,
    gilpyChild: true, image, group: { ...ctx.data, shared: [...ctx.data.shared] }, pid, parentPid: ctx.pid, slot,
    target, mainIdent: schedulerOf(rt).current.ident, output, argv: childOptions.argv,
    searchPath: childOptions.searchPath, scheduler: childOptions.scheduler, workerScript: workerScript!,
  };
  const transferList: MessagePort[] = output.mode === 'port' ? [output.port] : [];
  if (trace !== undefined) transferList.push(trace.port);
  // traced before the child is handed its data: a spare worker starts at once, and its first events
  // must not come before the fork's (warmSpares below may take a few milliseconds)
  traceProcessEvent(rt, 'fork', pid);
  let worker = spares.shift();
  if (worker !== undefined) worker.postMessage(data, transferList);
  else {
    worker = startWorker(new URL(workerScript!), { workerData: data, transferList, stdout: false, stderr: false });
    worker.unref();
  }
  warmSpares();
  // a worker that dies without saying how (a crash of the host) ends its slot with status 1
  worker.on('exit', () => ctx.endSlot(slot, 1));
  worker.on('error', () => ctx.endSlot(slot, 1));
  ctx.children.set(pid, { pid, slot, worker, port, tracePort });
  if (tracePort !== null) ctx.tracedChildren++;
  return pid;
}

/** Children whose end a `process` trace has reported (once, when this process first sees it). */
const exitTraced = new WeakSet<object>();
function traceExit(rt: Runtime, ctx: ProcessContext, c: { pid: number; slot: number }): void {
  if (rt.tracer === null || exitTraced.has(c) || ctx.slotState(c.slot) !== SLOT_EXITED) return;
  exitTraced.add(c);
  traceProcessEvent(rt, 'exit', c.pid, ctx.slotExitcode(c.slot));
}

/** The child's exit code, or null while it runs. */
export function childStatus(rt: Runtime, pid: number): number | null {
  const ctx = processContext(rt);
  const c = ctx.child(pid);
  if (c === undefined) rt.raise('ValueError', `no child process ${pid}`);
  ctx.drainOutput();
  traceExit(rt, ctx, c);
  return ctx.slotState(c.slot) === SLOT_EXITED ? ctx.slotExitcode(c.slot) : null;
}

/** Waits (through the scheduler, which runs this process's other threads meanwhile) until the child ends
 *  or `timeout` seconds pass (null: no limit). */
export function waitChild(rt: Runtime, pid: number, timeout: number | null): void {
  const ctx = processContext(rt);
  const c = ctx.child(pid);
  if (c === undefined) rt.raise('ValueError', `no child process ${pid}`);
  const sched = schedulerOf(rt);
  sched.block({
    ready: () => ctx.slotState(c.slot) === SLOT_EXITED,
    deadline: timeout === null ? Infinity : sched.now() + timeout * 1000,
    what: `process ${pid} to end`, holder: () => null, external: true,
  });
  ctx.drainOutput();
  traceExit(rt, ctx, c);
}

/** Stops a child at once (terminate(): exit code -15, as SIGTERM; kill(): -9). */
export function stopChild(rt: Runtime, pid: number, signal: number): void {
  const ctx = processContext(rt);
  const c = ctx.child(pid);
  if (c === undefined) return;
  if (ctx.slotState(c.slot) === SLOT_EXITED) return;
  ctx.endSlot(c.slot, -signal);
  if (c.worker !== null) void c.worker.terminate();
  else for (const p of ctx.peers ?? []) p.postMessage({ kind: 'terminate', pid }); // its forker stops it
}

/** At the end of the program: what children still send is written out, and their workers let go. */
export function finishProcesses(rt: Runtime): void {
  const ctx = contexts.get(rt);
  if (ctx === undefined) return;
  dropSpares();
  ctx.drainOutput();
  for (const c of ctx.children.values()) {
    if (ctx.slotState(c.slot) !== SLOT_EXITED) {
      ctx.endSlot(c.slot, -15);
      void c.worker?.terminate();
    }
    c.port?.close();
    c.tracePort?.close();
  }
}
