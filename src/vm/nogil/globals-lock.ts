/**
 * No-GIL mode's lock around module globals, until dicts have their own locks (docs/NOGIL.md): the no-GIL
 * loop's LOAD_GLOBAL reads a global (from its inline cache or the dict) and takes its reference under
 * this lock, and STORE_GLOBAL replaces one under it, so that a value another worker is replacing is
 * never read after it was freed and an old value is never released twice. `x += 1` on a global from two
 * threads still loses updates (the read and the write are two instructions), as in free-threaded CPython.
 *
 * A futex-style mutex on one word of the control buffer (Drepper's "mutex 2": 0 free, 1 held, 2 held
 * with waiters), so an uncontended lock and unlock cost one compare-and-swap and one subtraction.
 */
import type { Ref } from '../heap/layout.js';
import { dictGet, dictSet } from '../objects/dict.js';
import type { Runtime } from '../runtime.js';

/** Until setGlobalsLock: a word no other thread sees (with the GIL nothing contends for it). A plain
 *  ArrayBuffer, as the start-up snapshot (scripts/build-snapshot.mjs) cannot hold a SharedArrayBuffer. */
let words: Int32Array = new Int32Array(new ArrayBuffer(4));
let at = 0;
/** Where the lock word is (set once per JS thread when no-GIL mode starts there). */
export function setGlobalsLock(w: Int32Array, index: number): void {
  words = w;
  at = index;
}

/** This JS thread's worker, for waits on the lock: a waiting worker leaves the running set (so that a
 *  collection does not wait for it), and a worker that has the world stopped passes over a holder, which
 *  is then parked before its read or write of the dict (it slept on the dict's stripe lock and parked on
 *  the way back, see sync.ts), as sync.ts passes over a parked holder's stripes. */
interface LockWorker {
  blockingBegin(): void;
  blockingEnd(): void;
  isStopping(): boolean;
}
let worker: LockWorker | null = null;
/** Locks passed over (taken without writing the word) by this worker while it had the world stopped. */
let ghost = 0;
export function setGlobalsLockWorker(w: LockWorker | null): void {
  worker = w;
}

export function lockGlobals(): void {
  let c = Atomics.compareExchange(words, at, 0, 1);
  if (c === 0) return;
  for (let spin = 0; spin < 100 && c !== 0; spin++) c = Atomics.compareExchange(words, at, 0, 1);
  if (c === 0) return;
  if (worker !== null && worker.isStopping()) {
    ghost++;
    return;
  }
  if (c !== 2) c = Atomics.exchange(words, at, 2);
  while (c !== 0) {
    if (worker === null) Atomics.wait(words, at, 2);
    else {
      worker.blockingBegin();
      Atomics.wait(words, at, 2);
      worker.blockingEnd();
    }
    c = Atomics.exchange(words, at, 2);
  }
}

export function unlockGlobals(): void {
  if (ghost > 0) {
    ghost--;
    return;
  }
  if (Atomics.sub(words, at, 1) !== 1) {
    Atomics.store(words, at, 0);
    Atomics.notify(words, at, 1);
  }
}

/** STORE_GLOBAL without the GIL: `globals[name] = v` (v borrowed); the value it replaces is released
 *  after the lock is let go (its __del__, if any, may use globals). */
export function storeGlobalLocked(rt: Runtime, globals: Ref, name: Ref, v: Ref): void {
  let old: Ref | 0 = 0;
  lockGlobals();
  try {
    old = dictGet(rt, globals, name);
    if (old !== 0) rt.incref(old);
    dictSet(rt, globals, name, v);
  } finally {
    unlockGlobals();
  }
  if (old !== 0) rt.decref(old);
}
