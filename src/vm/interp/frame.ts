/** Frames and thread state. Frames live on a per-thread data stack in the heap (chunks of RAW storage),
 *  so any thread can be suspended at any instruction and the whole state stays on the heap. */
import { type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from '../objects/kinds.js';

// ---- frame fields (byte offsets from the frame's start) ----
/** The calling frame in the same thread (0 at the bottom). */
export const FR_PREV = 0;
export const FR_CODE = 4;
/** The function being run (0 for module and class bodies run directly). */
export const FR_FUNC = 8;
export const FR_GLOBALS = 12;
export const FR_BUILTINS = 16;
/** The locals mapping of a module or class body (0 in functions, which use fast locals). */
export const FR_LOCALS = 20;
/** Index of the next instruction, saved whenever the loop leaves this frame. */
export const FR_PC = 24;
/** Number of values on the frame's stack, saved likewise. */
export const FR_SP = 28;
/** Index of the instruction last started (tracebacks report its line). */
export const FR_LASTI = 32;
/** Keyword names for the next CALL (a tuple constant, borrowed), or 0. */
export const FR_KWNAMES = 36;
export const FR_FLAGS = 40;
/** The data-stack chunk this frame was carved from. */
export const FR_CHUNK = 44;
export const FR_LOCALSPLUS = 48;

/** FR_FLAGS: the loop returns to its JS caller when this frame returns (a nested run's entry). */
export const FRF_ENTRY = 1;
/** FR_FLAGS: the frame belongs to a generator and lives inside it, not on the data stack. */
export const FRF_OWNED_BY_GENERATOR = 2;
/** FR_FLAGS: the `__init__` of a class call the loop made itself (Interpreter.enterInit): when it returns,
 *  the instance, kept in the caller's stack, is the call's result (leaveInit). */
export const FRF_INIT = 4;

// ---- data-stack chunks ----
const CH_PREV = 16;
/** Exported for the loop's inline frame push (the same carving as pushFrameBlock's fast path). */
export const CH_END = 20;
/** The previous chunk's top when this one was started (restored when this chunk empties). */
const CH_PREV_TOP = 24;
/** Exported for the loop's inline frame pop (a frame at a chunk's start goes through popFrameBlock). */
export const CH_DATA = 32;
const CHUNK_BYTES = 1 << 20;

// ---- thread state (a RAW block) ----
export const TS_CHUNK = 16;
export const TS_TOP = 20;
export const TS_FRAME = 24;
/** The exception being handled (sys.exc_info()), or 0. */
export const TS_EXC_INFO = 28;
export const TS_DEPTH = 32;
export const TS_ID = 36;
const TS_BYTES = 48;

export function frameBytes(nlocalsplus: number, stacksize: number): number {
  return FR_LOCALSPLUS + (nlocalsplus + stacksize) * 4;
}

/** A thread's state and data stack, as the interpreter uses them. */
export class ThreadState {
  readonly ref: Ref;
  constructor(private readonly rt: Runtime, id: number) {
    this.ref = rt.allocKind(Kind.RAW, TS_BYTES);
    rt.i32[(this.ref + TS_ID) >> 2] = id;
    this.newChunk(0, 0, CHUNK_BYTES);
  }

  private newChunk(prev: number, prevTop: number, bytes: number): void {
    const c = this.rt.allocKind(Kind.RAW, CH_DATA + bytes);
    const i32 = this.rt.i32;
    i32[(c + CH_PREV) >> 2] = prev;
    i32[(c + CH_PREV_TOP) >> 2] = prevTop;
    i32[(c + CH_END) >> 2] = c + CH_DATA + bytes;
    i32[(this.ref + TS_CHUNK) >> 2] = c;
    i32[(this.ref + TS_TOP) >> 2] = c + CH_DATA;
  }

  get frame(): Ref {
    return this.rt.i32[(this.ref + TS_FRAME) >> 2]! as Ref;
  }
  set frame(f: Ref) {
    this.rt.i32[(this.ref + TS_FRAME) >> 2] = f;
  }
  get depth(): number {
    return this.rt.i32[(this.ref + TS_DEPTH) >> 2]!;
  }
  set depth(d: number) {
    this.rt.i32[(this.ref + TS_DEPTH) >> 2] = d;
  }
  get excInfo(): Ref {
    return this.rt.i32[(this.ref + TS_EXC_INFO) >> 2]! as Ref;
  }
  set excInfo(e: Ref) {
    this.rt.i32[(this.ref + TS_EXC_INFO) >> 2] = e;
  }
  get id(): number {
    return this.rt.i32[(this.ref + TS_ID) >> 2]!;
  }

  /** Carves a frame of `bytes` from the data stack, its first `zeroBytes` zeroed (the header and the
   *  locals: the value stack above them is only read below its saved depth). */
  pushFrameBlock(bytes: number, zeroBytes: number = bytes): Ref {
    const i32 = this.rt.i32;
    let chunk = i32[(this.ref + TS_CHUNK) >> 2]!;
    let top = i32[(this.ref + TS_TOP) >> 2]!;
    if (top + bytes > i32[(chunk + CH_END) >> 2]!) {
      this.newChunk(chunk, top, Math.max(CHUNK_BYTES, bytes));
      chunk = i32[(this.ref + TS_CHUNK) >> 2]!;
      top = i32[(this.ref + TS_TOP) >> 2]!;
    }
    for (let k = top >> 2, end = (top + zeroBytes) >> 2; k < end; k++) i32[k] = 0;
    i32[(this.ref + TS_TOP) >> 2] = top + bytes;
    i32[(top + FR_CHUNK) >> 2] = chunk;
    return top as Ref;
    // (the loop's CALL inlines the path above when the chunk has room: keep the two in step)
  }

  /** Frees the thread's state and data stack (the thread has ended; it holds no frames). */
  dispose(): void {
    const i32 = this.rt.i32;
    for (let c = i32[(this.ref + TS_CHUNK) >> 2]!; c !== 0;) {
      const prev = i32[(c + CH_PREV) >> 2]!;
      this.rt.decref(c as Ref);
      c = prev;
    }
    i32[(this.ref + TS_CHUNK) >> 2] = 0;
    this.rt.decref(this.ref);
  }

  /** Releases the topmost frame's block (its references were released by the caller). */
  popFrameBlock(frame: Ref): void {
    const i32 = this.rt.i32;
    const chunk = i32[(frame + FR_CHUNK) >> 2]!;
    const prev = i32[(chunk + CH_PREV) >> 2]!;
    if (frame === chunk + CH_DATA && prev !== 0) {
      // the chunk is empty again: go back to the previous one
      i32[(this.ref + TS_CHUNK) >> 2] = prev;
      i32[(this.ref + TS_TOP) >> 2] = i32[(chunk + CH_PREV_TOP) >> 2]!;
      this.rt.decref(chunk as Ref);
      return;
    }
    i32[(this.ref + TS_TOP) >> 2] = frame;
  }
}
