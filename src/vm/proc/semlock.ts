/**
 * A lock or semaphore shared between processes (cf. CPython's _multiprocessing.SemLock): a counter in a
 * shared buffer, taken with compare-and-swap. For a recursive lock, the owner (process and thread) and
 * the recursion depth are kept beside it. Waiting is the caller's business (processes.ts).
 */
const L_VALUE = 0;
const L_OWNER_PID = 1;
/** The owner thread's ident, in two halves (idents exceed 32 bits). */
const L_OWNER_HI = 2;
const L_OWNER_LO = 3;
const L_DEPTH = 4;
const L_MAX = 5;
const L_KIND = 6;
export const SEMLOCK_BYTES = 32;

export const SEMAPHORE = 0;
export const RECURSIVE_MUTEX = 1;

export class SemLock {
  private readonly i32: Int32Array;
  constructor(buffer: SharedArrayBuffer) {
    this.i32 = new Int32Array(buffer, 0, SEMLOCK_BYTES / 4);
  }
  init(kind: number, value: number, maxvalue: number): void {
    this.i32[L_KIND] = kind;
    this.i32[L_VALUE] = value;
    this.i32[L_MAX] = maxvalue;
  }
  get kind(): number {
    return this.i32[L_KIND]!;
  }
  get value(): number {
    return Atomics.load(this.i32, L_VALUE);
  }
  get maxvalue(): number {
    return this.i32[L_MAX]!;
  }

  isMine(pid: number, ident: number): boolean {
    return Atomics.load(this.i32, L_OWNER_PID) === pid && this.i32[L_OWNER_HI] === Math.floor(ident / 2 ** 32)
      && this.i32[L_OWNER_LO] === (ident >>> 0 | 0) && this.i32[L_DEPTH]! > 0;
  }
  depth(): number {
    return this.i32[L_DEPTH]!;
  }
  /** The pid of the process that took it last (0: none yet, or a recursive lock released). */
  ownerPid(): number {
    return Atomics.load(this.i32, L_OWNER_PID);
  }

  /** One try: true if taken (for a recursive mutex held by the caller, one level deeper). */
  tryAcquire(pid: number, ident: number): boolean {
    if (this.kind === RECURSIVE_MUTEX && this.isMine(pid, ident)) {
      this.i32[L_DEPTH]!++;
      return true;
    }
    for (;;) {
      const v = Atomics.load(this.i32, L_VALUE);
      if (v <= 0) return false;
      if (Atomics.compareExchange(this.i32, L_VALUE, v, v - 1) === v) break;
    }
    this.i32[L_OWNER_HI] = Math.floor(ident / 2 ** 32);
    this.i32[L_OWNER_LO] = ident >>> 0 | 0;
    this.i32[L_DEPTH] = 1;
    Atomics.store(this.i32, L_OWNER_PID, pid);
    return true;
  }

  /** Releases; returns an error message instead when that is not allowed. */
  release(pid: number, ident: number): string | null {
    if (this.kind === RECURSIVE_MUTEX) {
      if (!this.isMine(pid, ident)) return 'attempt to release recursive lock not owned by thread';
      if (--this.i32[L_DEPTH]! > 0) return null;
      Atomics.store(this.i32, L_OWNER_PID, 0);
    } else if (this.maxvalue === 1 && this.value >= 1) return 'semaphore or lock released too many times';
    else if (this.value >= this.maxvalue) return 'semaphore or lock released too many times';
    Atomics.add(this.i32, L_VALUE, 1);
    return null;
  }
}
