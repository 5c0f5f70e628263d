/** The heap: one SharedArrayBuffer, its typed-array views, and the size-class allocator.
 *  Only this module creates views of the buffer.
 *
 *  The buffer is allocated at its maximum size up front rather than grown: the OS commits its pages only
 *  when first touched, so an untouched 2 GiB buffer costs nothing, while typed-array views that track a
 *  growable SharedArrayBuffer's length are about 8x slower to index in V8 11.3 (measured: 95 ms against
 *  11-15 ms for 10M stores), and every view would need refreshing after each growth otherwise. */
import {
  CLASS_COUNT, FREED_TAG, HEADER_SIZE, HEAP_MAGIC, HEAP_START, H_ALLOCS, H_DEBUG, H_FREES,
  H_FREE_LISTS, H_LIMIT, H_MAGIC, H_TOP, META_CLASS_SHIFT, NULL, OB_META,
  OB_REFCNT, OB_TYPE, POISON_BYTE, SMALL_CLASSES, SMALL_MAX, SMALL_STEP, type Ref,
} from './layout.js';

/** Raised by `alloc` when the heap may not grow; the VM turns it into Python's MemoryError. */
export class HeapExhausted extends Error {
  constructor(readonly requested: number) {
    super(`heap exhausted allocating ${requested} bytes`);
  }
}

/** A use after free or a corrupted block, caught by heap-checking mode: a bug in gilpy, never the program. */
export class HeapCorruption extends Error {}

const MAX_HEAP = 0x7fff_0000; // refs are positive int32 byte offsets
/** The reserve granted past --max-heap so that a MemoryError can be raised and handled (see bump). */
export const RESCUE_BYTES = 1 << 20;
export const MAX_RESCUES = 4;

export function sizeClassOf(bytes: number): number {
  if (bytes <= SMALL_MAX) return bytes <= SMALL_STEP ? 0 : ((bytes + SMALL_STEP - 1) >> 4) - 1;
  // 1 KiB, 2 KiB, ... each a class of its own
  return SMALL_CLASSES + Math.max(0, 32 - Math.clz32(bytes - 1) - 10);
}

/** The size class of a 24-byte object (an int or a float). */
export const CLASS_24 = 1;

/**
 * True if block `r` is of CLASS_24, the only class the number free lists hold. What puts a freed int or
 * float straight on such a list must ask (Runtime.dealloc, no-GIL's WorkerHeap.freeNumber): a big int's
 * digits can make its block larger (INT_DIGITS + 4 bytes a digit), and a larger block on the 24-byte list
 * would be handed out as 24 bytes, its tail lost to every walk of the heap (which steps from block to
 * block by their classes).
 */
export function inNumberClass(i32: Int32Array, r: number): boolean {
  return (i32[(r + OB_META) >> 2]! >>> META_CLASS_SHIFT) === CLASS_24;
}

export function classBytes(cls: number): number {
  return cls < SMALL_CLASSES ? (cls + 1) * SMALL_STEP : 1 << (cls - SMALL_CLASSES + 10);
}
/** classBytes of every class, for the walks of the whole heap (a table's load instead of a call: the
 *  walks at boot and at exit run once per process, in V8's interpreter). */
export const CLASS_BYTES: Int32Array = Int32Array.from({ length: CLASS_COUNT }, (_, c) => classBytes(c));

export interface HeapOptions {
  /** Refuse to grow past this many bytes (`--max-heap`); MemoryError then. */
  maxBytes?: number;
  /** Heap-checking mode: poison freed blocks, verify poison on reuse, check type tags. */
  debug?: boolean;
  /** Attach to an existing buffer (a no-GIL worker, or a forked child's copy) instead of a new one. */
  buffer?: SharedArrayBuffer;
  /** A new buffer that starts as a copy of these bytes (a boot image, vm/boot-image.ts: a heap made
   *  without `debug` and `maxBytes`, which are set again here). */
  image?: Uint8Array;
}

export class Heap {
  readonly buffer: SharedArrayBuffer;
  /** Word view (refcounts, types, refs, instruction words): index = byte offset >> 2. */
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  /** Double view (float and compact int payloads): index = byte offset >> 3. */
  readonly f64: Float64Array;
  readonly u16: Uint16Array;
  readonly u8: Uint8Array;
  debug: boolean;
  /** Every allocation and free must go through alloc/allocClass/allocClassUninit/free (the runtime's
   *  inlined int fast paths step aside): true in heap-checking mode and while allocations are traced. */
  hooked: boolean;
  /** How many times the limit was extended by the rescue reserve (see bump). */
  private rescues = 0;

  constructor(opts: HeapOptions = {}) {
    if (opts.buffer) {
      this.buffer = opts.buffer;
    } else {
      const max = Math.min(MAX_HEAP, opts.maxBytes ? opts.maxBytes + MAX_RESCUES * RESCUE_BYTES + (1 << 20) : MAX_HEAP);
      this.buffer = new SharedArrayBuffer(max);
    }
    this.i32 = new Int32Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
    if (!opts.buffer && opts.image) {
      this.u8.set(opts.image);
      if (this.i32[H_MAGIC >> 2] !== HEAP_MAGIC) throw new HeapCorruption('not a gilpy heap image');
      this.i32[H_LIMIT >> 2] = opts.maxBytes ?? 0;
      this.i32[H_DEBUG >> 2] = opts.debug ? 1 : 0;
    } else if (!opts.buffer) {
      this.i32[H_MAGIC >> 2] = HEAP_MAGIC;
      this.i32[H_TOP >> 2] = HEAP_START;
      this.i32[H_LIMIT >> 2] = opts.maxBytes ?? 0;
      this.i32[H_DEBUG >> 2] = opts.debug ? 1 : 0;
    } else if (this.i32[H_MAGIC >> 2] !== HEAP_MAGIC) {
      throw new HeapCorruption('not a gilpy heap');
    }
    this.debug = this.i32[H_DEBUG >> 2] !== 0;
    this.hooked = this.debug;
  }

  /**
   * A new block of at least `bytes` bytes, with its header's size class set and every other byte zero.
   * The caller initialises refcount and type. Throws HeapExhausted at the limit.
   */
  alloc(bytes: number): Ref {
    return this.allocClass(sizeClassOf(bytes));
  }

  /**
   * Like allocClass, but the block's contents are left as they were (except the size class): for the
   * int and float fast paths, whose callers write every word of the block themselves.
   */
  allocClassUninit(cls: number): Ref {
    const i32 = this.i32;
    const head = (H_FREE_LISTS >> 2) + cls;
    let ref = i32[head]!;
    const size = classBytes(cls);
    if (ref !== 0) {
      i32[head] = i32[(ref + 8) >> 2]!;
      if (this.debug) this.checkPoison(ref, size);
    } else {
      ref = this.bump(size);
    }
    i32[(ref + OB_META) >> 2] = cls << META_CLASS_SHIFT;
    i32[H_ALLOCS >> 2]!++;
    return ref as Ref;
  }

  /** Like alloc, for a size class known in advance (the hot paths: ints, floats, frames). */
  allocClass(cls: number): Ref {
    const i32 = this.i32;
    const head = (H_FREE_LISTS >> 2) + cls;
    let ref = i32[head]!;
    const size = classBytes(cls);
    if (ref !== 0) {
      i32[head] = i32[(ref + 8) >> 2]!;
      if (this.debug) this.checkPoison(ref, size);
      // a reused block is zeroed word by word: faster than TypedArray.fill for small blocks in V8
      const w = ref >> 2;
      const end = w + (size >> 2);
      if (size <= 256) for (let k = w; k < end; k++) i32[k] = 0;
      else i32.fill(0, w, end);
    } else {
      ref = this.bump(size);
    }
    i32[(ref + OB_META) >> 2] = cls << META_CLASS_SHIFT;
    i32[H_ALLOCS >> 2]!++;
    return ref as Ref;
  }

  private bump(size: number): number {
    const i32 = this.i32;
    const ref = i32[H_TOP >> 2]!;
    const end = ref + size;
    const limit = i32[H_LIMIT >> 2]!;
    if (end > this.buffer.byteLength || (limit !== 0 && end > limit)) {
      // Past the limit: the program gets MemoryError. A small reserve beyond the limit lets the VM build
      // the traceback and the program handle the error (granted a few times, then exhaustion is final).
      if (limit !== 0 && this.rescues < MAX_RESCUES && limit + RESCUE_BYTES <= this.buffer.byteLength) {
        this.rescues++;
        i32[H_LIMIT >> 2] = limit + RESCUE_BYTES;
      }
      throw new HeapExhausted(size);
    }
    i32[H_TOP >> 2] = end;
    return ref;
  }

  /** Returns a block to its size class's free list. The caller has released what it referenced. */
  free(ref: Ref): void {
    const i32 = this.i32;
    const cls = i32[(ref + OB_META) >> 2]! >>> META_CLASS_SHIFT;
    const size = classBytes(cls);
    if (this.debug) {
      if (i32[(ref + OB_TYPE) >> 2] === FREED_TAG) throw new HeapCorruption(`double free of block ${ref}`);
      this.u8.fill(POISON_BYTE, ref + HEADER_SIZE, ref + size);
    }
    i32[(ref + OB_REFCNT) >> 2] = 0;
    i32[(ref + OB_TYPE) >> 2] = FREED_TAG;
    const head = (H_FREE_LISTS >> 2) + cls;
    i32[(ref + 8) >> 2] = i32[head]!;
    i32[head] = ref;
    i32[H_FREES >> 2]!++;
  }

  /** Bytes of the block holding `ref` (what `sys.getsizeof` reports). */
  blockSize(ref: Ref): number {
    return classBytes(this.i32[(ref + OB_META) >> 2]! >>> META_CLASS_SHIFT);
  }

  private checkPoison(ref: number, size: number): void {
    const u8 = this.u8;
    for (let i = ref + HEADER_SIZE; i < ref + size; i++) {
      if (u8[i] !== POISON_BYTE) throw new HeapCorruption(`freed block ${ref} was written after it was freed (byte ${i - ref})`);
    }
  }

  /** In heap-checking mode, fails at once if `ref` is not a live object. */
  check(ref: Ref, what: string): void {
    const t = this.i32[(ref + OB_TYPE) >> 2];
    if (ref <= 0 || ref >= this.i32[H_TOP >> 2]! || t === FREED_TAG || t === 0) {
      throw new HeapCorruption(`${what}: ${ref} is not a live object${t === FREED_TAG ? ' (used after free)' : ''}`);
    }
  }

  /** Objects alive now: allocations minus frees (the hot paths count nothing else). */
  get liveObjects(): number {
    return (this.i32[H_ALLOCS >> 2]! - this.i32[H_FREES >> 2]!) | 0;
  }
  /** Bytes in live blocks (walks the heap: for statistics, not hot paths). */
  get bytesInUse(): number {
    let total = 0;
    const i32 = this.i32;
    const top = i32[H_TOP >> 2]!;
    for (let p = HEAP_START; p < top;) {
      const size = classBytes(i32[(p + OB_META) >> 2]! >>> META_CLASS_SHIFT);
      if (i32[(p + OB_TYPE) >> 2] !== FREED_TAG) total += size;
      p += size;
    }
    return total;
  }
  /** The heap's high-water mark: blocks are reused but never given back, so this is its peak size. */
  get peakBytes(): number {
    return this.i32[H_TOP >> 2]! - HEAP_START;
  }
  get allocations(): number {
    return this.i32[H_ALLOCS >> 2]! >>> 0;
  }
  get frees(): number {
    return this.i32[H_FREES >> 2]! >>> 0;
  }
  get top(): number {
    return this.i32[H_TOP >> 2]!;
  }
}

export { NULL };
export const FREE_LIST_COUNT = CLASS_COUNT;
