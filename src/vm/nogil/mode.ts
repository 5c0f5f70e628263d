/**
 * No-GIL mode's shared control words and this JS thread's place in the mode (one per isolate: the host
 * thread, or one worker thread). Kept free of the VM's other modules so that `_thread` (locks) and the
 * scheduler's hooks can ask "is this run without the GIL?" cheaply.
 *
 * The control buffer (Int32 words, a SharedArrayBuffer beside the heap, shared by the host and every
 * worker):
 *  - the doorbell (`NoGilMode.doorbell`, a word of the process group's buffer, proc/processes.ts, so that
 *    other processes ring it too): bumped (and notified) whenever something a blocked thread may wait for
 *    happens (a lock released, a thread started or ended, a process's message, a process ended); a
 *    worker with nothing to run sleeps on it. (C_DOORBELL, word 0 of the control buffer, is unused.)
 *  - C_NEXT_GID: the next global thread number (what LOCK_OWNER records; the main thread is 1).
 *  - C_OUTPUT_LOCK: unused (host.ts's output lock is the process group's, so children's lines do not
 *    interleave with the threads').
 *  - C_STOP: set by the host when the program ends (workers leave their loop).
 *  - word 4: unused (it was the lock around module globals, before nogil/qsbr.ts's delayed drops).
 *  - per worker w: C_LIVE(w), its threads not yet ended (the host adds one when it hands it a thread);
 *    C_STUCK(w), 1 + the doorbell value at which every thread of the worker was found blocked with no
 *    deadline (0: not stuck). The program is deadlocked when the host's own threads are stuck too and
 *    every worker with live threads is stuck at the doorbell's present value: nothing rang since each
 *    of them checked all its waits.
 */
export const C_DOORBELL = 0;
export const C_NEXT_GID = 1;
export const C_OUTPUT_LOCK = 2;
export const C_STOP = 3;
/** Set by a worker that failed (a gilpy bug): the host stops instead of waiting for its threads. */
export const C_CRASHED = 5;
const C_WORKER_BASE = 8;
export const C_LIVE = (w: number): number => C_WORKER_BASE + 2 * w;
export const C_STUCK = (w: number): number => C_WORKER_BASE + 2 * w + 1;
export const controlBytes = (workers: number): number => (C_WORKER_BASE + 2 * workers) * 4;

/** This JS thread's membership of a no-GIL run. */
export interface NoGilMode {
  readonly control: Int32Array;
  /** The doorbell: element 0 (see above). */
  readonly doorbell: Int32Array;
  /** The worker index (0..K-1) of this thread, or -1 on the host. */
  readonly index: number;
  /** Starts func(*args, **kwargs) as a Python thread (kwargs 0: none), on a worker chosen by the host or
   *  on this worker (see threads.ts). The caller has taken one reference to each of func, args and
   *  kwargs: they pass to the thread, which drops them when it ends. */
  startThread(func: number, args: number, kwargs: number, name: string): { ident: number; gid: number };
  /** The program may start threads soon (it imported `_thread`): the host starts its worker threads now,
   *  so that they boot while the program goes on (startThread would start them too); a worker has
   *  nothing to do. */
  prepareThreads(): void;
}

let mode: NoGilMode | null = null;
/** The no-GIL run this JS thread belongs to, or null in GIL mode. */
export function noGilMode(): NoGilMode | null {
  return mode;
}
export function setNoGilMode(m: NoGilMode | null): void {
  mode = m;
}

/** Tells every sleeping worker (and the host) that something happened (`doorbell`: NoGilMode.doorbell). */
export function ringDoorbell(doorbell: Int32Array): void {
  Atomics.add(doorbell, 0, 1);
  Atomics.notify(doorbell, 0);
}

/** A thread identity as threading.get_ident() shows it, from its global number. */
export function identOf(gid: number): number {
  return 139_000_000_000_000 + gid * 4096 * 2 ** 10;
}
