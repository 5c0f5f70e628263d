/**
 * No-GIL mode's allocator: several workers (node:worker_threads), each with its own Runtime and Heap
 * object, allocate from and free into ONE SharedArrayBuffer heap at the same time.
 *
 * - The heap header's H_NOGIL_TABLE points at a worker table (an immortal RAW block in the heap itself,
 *   so every attaching worker finds it). Slot w of the table belongs to the worker whose id is w
 *   (1..MAX_WORKER_ID; the id is also the owner an object records in OB_META, see brc.ts). Slot 0 holds
 *   the free lists the heap had in GIL mode, up for adoption like a detached worker's.
 * - Each slot has its own free-list heads (one per size class) and its own alloc/free counters. Only the
 *   slot's worker reads or writes them, so they are plain (non-atomic) accesses, exactly as fast as GIL
 *   mode's. A block is pushed on the list of the worker that FREES it, whoever allocated it: blocks of a
 *   size class are interchangeable, and a block with a zero count is reachable by no other worker.
 * - Fresh blocks come from the bump pointer H_TOP, advanced by compare-and-swap (never past H_LIMIT, the
 *   --max-heap bound: HeapExhausted, i.e. MemoryError, as in GIL mode; H_LIMIT's rescue reserve is
 *   granted by compare-and-swap too).
 * - liveObjects / allocations / frees sum GIL mode's counters (frozen when the mode was entered) and every
 *   slot's: exact whenever no worker is between two allocations (e.g. after they all joined).
 * - A worker that detaches leaves its free lists to the next worker that attaches (state DETACHED, then
 *   ADOPTED by compare-and-swap: exactly one adopter). Its counters stay in its slot and keep counting.
 *
 * GIL mode is untouched: the installed methods are own properties of one worker's Heap object (as
 * trace/heap-hooks.ts does for a traced run), and `heap.hooked` makes the runtime's inlined int/float
 * fast paths, which pop GIL mode's free lists, step aside to them.
 *
 * Memory ordering (JS Atomics are sequentially consistent; plain accesses of aligned int32s do not tear):
 * a worker's own slot needs no atomics. A block changes hands only through a synchronising operation:
 * the compare-and-swap on H_TOP, the reference-count protocol of brc.ts (the freeing worker's claim is an
 * atomic read-modify-write ordered after every other worker's last use of the object), or a slot's state
 * word (Atomics.store at detach, compare-and-swap at adoption). Walking the heap (bytesInUse, liveObjects
 * lists) is only meaningful while no worker allocates: a block just bumped has no size class yet.
 */
import { CLASS_24, classBytes, HeapCorruption, HeapExhausted, inNumberClass, MAX_RESCUES, RESCUE_BYTES, type Heap } from '../heap/heap.js';
import {
  CLASS_COUNT, FREED_TAG, H_ALLOCS, H_FREE_LISTS, H_FREES, H_LIMIT, H_NOGIL_NEXT_ID, H_NOGIL_TABLE, H_TOP,
  HEADER_SIZE, META_CLASS_SHIFT, META_OWNER_SHIFT, OB_META, OB_REF_SHARED, OB_REFCNT, OB_TYPE, POISON_BYTE,
  type Ref,
} from '../heap/layout.js';

/** Owner ids fit the 8 owner bits of OB_META; 0 means "no owner" (a merged object, see brc.ts). */
export const MAX_WORKER_ID = 255;

// ---- the worker table (byte offsets) ----
/** Slots start after the RAW object header, 16-byte aligned. */
const TABLE_SLOTS = 16;
/** SLOT_STATE values. */
export const SLOT_UNUSED = 0;
export const SLOT_ATTACHED = 1;
export const SLOT_DETACHED = 2;
export const SLOT_ADOPTED = 3;
const SLOT_STATE = 0;
const SLOT_ALLOCS = 4;
const SLOT_FREES = 8;
/** The head of the worker's merge queue (brc.ts), or QUEUE_CLOSED after it detached. */
export const SLOT_QUEUE = 12;
const SLOT_FREE_LISTS = 16;
const SLOT_BYTES = SLOT_FREE_LISTS + CLASS_COUNT * 4;
/** Bytes of the worker table (slot 0 and one slot per possible worker id). */
export const TABLE_BYTES = TABLE_SLOTS + (MAX_WORKER_ID + 1) * SLOT_BYTES;

/** Byte offset of worker `id`'s slot, given the table's ref. */
export function slotOf(table: number, id: number): number {
  return table + TABLE_SLOTS + id * SLOT_BYTES;
}

/**
 * Turns a GIL-mode heap into a no-GIL one (single-threaded: before any other worker can attach).
 * `table` is a block of TABLE_BYTES the caller allocated in GIL mode (and made immortal); GIL mode's free
 * lists move to slot 0, where the first worker to attach adopts them.
 */
export function enableWorkerTable(heap: Heap, table: Ref): void {
  const i32 = heap.i32;
  if (i32[H_NOGIL_TABLE >> 2] !== 0) throw new HeapCorruption('the heap is already in no-GIL mode');
  const lists0 = (slotOf(table, 0) + SLOT_FREE_LISTS) >> 2;
  for (let c = 0; c < CLASS_COUNT; c++) {
    i32[lists0 + c] = i32[(H_FREE_LISTS >> 2) + c]!;
    i32[(H_FREE_LISTS >> 2) + c] = 0;
  }
  i32[(slotOf(table, 0) + SLOT_STATE) >> 2] = SLOT_DETACHED;
  i32[H_NOGIL_NEXT_ID >> 2] = 1;
  Atomics.store(i32, H_NOGIL_TABLE >> 2, table); // publishes the table (workers are started after this)
}

/** The worker table of a no-GIL heap, or 0 in GIL mode. */
export function workerTable(heap: Heap): number {
  return Atomics.load(heap.i32, H_NOGIL_TABLE >> 2);
}

/** Every owner id of the heap has been handed out (ids are not reused: see brc.ts on orphans). */
export class NoWorkerIdLeft extends Error {
  constructor() {
    super(`no worker id left on this heap (at most ${MAX_WORKER_ID} workers attach in its life)`);
  }
}

/** One worker's allocator over a shared heap (see the module comment). */
export class WorkerHeap {
  readonly id: number;
  readonly table: number;
  /** Word index of this worker's free-list heads, counters and state. */
  private readonly lists: number;
  /** Word index of the allocation counter (inline-counts.ts's int fast path counts there too). */
  readonly allocsWord: number;
  private readonly freesWord: number;
  private readonly stateWord: number;
  private rescues = 0;

  /** Claims a new worker id on `heap` (a no-GIL heap) and installs this allocator on that Heap object. */
  constructor(readonly heap: Heap) {
    const i32 = heap.i32;
    const table = workerTable(heap);
    if (table === 0) throw new HeapCorruption('attaching a worker to a heap that is not in no-GIL mode');
    const id = Atomics.add(i32, H_NOGIL_NEXT_ID >> 2, 1);
    if (id > MAX_WORKER_ID) throw new NoWorkerIdLeft();
    this.id = id;
    this.table = table;
    const slot = slotOf(table, id);
    this.lists = (slot + SLOT_FREE_LISTS) >> 2;
    this.allocsWord = (slot + SLOT_ALLOCS) >> 2;
    this.freesWord = (slot + SLOT_FREES) >> 2;
    this.stateWord = (slot + SLOT_STATE) >> 2;
    Atomics.store(i32, this.stateWord, SLOT_ATTACHED);
    this.adoptDetachedLists();
    this.install();
  }

  /** Takes over the free lists of every detached worker (and slot 0's, GIL mode's), each exactly once. */
  private adoptDetachedLists(): void {
    const i32 = this.heap.i32;
    for (let w = 0; w <= MAX_WORKER_ID; w++) {
      if (w === this.id) continue;
      const state = (slotOf(this.table, w) + SLOT_STATE) >> 2;
      if (Atomics.compareExchange(i32, state, SLOT_DETACHED, SLOT_ADOPTED) !== SLOT_DETACHED) continue;
      const theirs = (slotOf(this.table, w) + SLOT_FREE_LISTS) >> 2;
      for (let c = 0; c < CLASS_COUNT; c++) {
        const first = i32[theirs + c]!;
        if (first === 0) continue;
        i32[theirs + c] = 0;
        let last = first;
        for (let next = i32[(last + 8) >> 2]!; next !== 0; next = i32[(last + 8) >> 2]!) last = next;
        i32[(last + 8) >> 2] = i32[this.lists + c]!;
        i32[this.lists + c] = first;
      }
    }
  }

  /** Routes the Heap object's allocation methods to this worker's (own properties: see heap-hooks.ts). */
  private install(): void {
    const heap = this.heap;
    heap.hooked = true;
    heap.allocClass = (cls: number): Ref => this.allocClass(cls);
    heap.allocClassUninit = (cls: number): Ref => this.allocClassUninit(cls);
    heap.free = (r: Ref): void => this.free(r);
    Object.defineProperty(heap, 'liveObjects', { get: () => this.liveObjects(), configurable: true });
    Object.defineProperty(heap, 'allocations', { get: () => this.totals().allocs, configurable: true });
    Object.defineProperty(heap, 'frees', { get: () => this.totals().frees, configurable: true });
  }

  /** Heap.allocClassUninit for this worker: the block's owner is this worker, its shared count 0. */
  allocClassUninit(cls: number): Ref {
    const i32 = this.heap.i32;
    const head = this.lists + cls;
    let ref = i32[head]!;
    const size = classBytes(cls);
    if (ref !== 0) {
      i32[head] = i32[(ref + 8) >> 2]!;
      if (this.heap.debug) this.checkFreedBlock(ref, size);
    } else {
      ref = this.bump(size, false);
    }
    i32[(ref + OB_META) >> 2] = (cls << META_CLASS_SHIFT) | (this.id << META_OWNER_SHIFT);
    i32[(ref + OB_REF_SHARED) >> 2] = 0; // held the free-list link
    i32[this.allocsWord]!++;
    return ref as Ref;
  }

  /** Heap.allocClass for this worker: as allocClassUninit, every other byte zero. */
  allocClass(cls: number): Ref {
    const ref = this.allocClassUninit(cls);
    const i32 = this.heap.i32;
    const w = ref >> 2;
    const end = w + (classBytes(cls) >> 2);
    i32[w] = 0;
    i32[w + 1] = 0;
    if (end - w <= 64) for (let k = w + 4; k < end; k++) i32[k] = 0;
    else i32.fill(0, w + 4, end);
    return ref;
  }

  /** A block of class `cls` even past --max-heap (only the buffer's end stops it): for the merge queue's
   *  nodes, which a decref must be able to allocate (see brc.ts). */
  allocClassUnlimited(cls: number): Ref {
    const i32 = this.heap.i32;
    if (i32[this.lists + cls] !== 0) return this.allocClass(cls);
    const size = classBytes(cls);
    const ref = this.bump(size, true);
    i32.fill(0, ref >> 2, (ref + size) >> 2);
    i32[(ref + OB_META) >> 2] = (cls << META_CLASS_SHIFT) | (this.id << META_OWNER_SHIFT);
    i32[this.allocsWord]!++;
    return ref as Ref;
  }

  /** Word index of this worker's free-list head for class 24 (ints and floats). */
  get numberList(): number {
    return this.lists + CLASS_24;
  }

  /** free() for an int or float block (no references), outside heap-checking mode: the decref fast path
   *  of brc.ts and inline-counts.ts (as Runtime.dealloc's inlined path in GIL mode). A big int whose
   *  digits made its block larger than class 24 goes to its own class's list (free). */
  freeNumber(r: Ref): void {
    const i32 = this.heap.i32;
    if (!inNumberClass(i32, r)) {
      this.free(r);
      return;
    }
    i32[r >> 2] = 0;
    i32[(r + OB_TYPE) >> 2] = FREED_TAG;
    const head = this.lists + CLASS_24;
    i32[(r + 8) >> 2] = i32[head]!;
    i32[head] = r;
    i32[this.freesWord]!++;
  }

  /** Heap.free for this worker: the block goes on this worker's list, whoever allocated it. */
  free(r: Ref): void {
    const heap = this.heap;
    const i32 = heap.i32;
    const cls = i32[(r + OB_META) >> 2]! >>> META_CLASS_SHIFT;
    const size = classBytes(cls);
    if (heap.debug) {
      if (i32[(r + OB_TYPE) >> 2] === FREED_TAG) throw new HeapCorruption(`double free of block ${r}`);
      heap.u8.fill(POISON_BYTE, r + HEADER_SIZE, r + size);
    }
    i32[(r + OB_REFCNT) >> 2] = 0;
    i32[(r + OB_TYPE) >> 2] = FREED_TAG;
    const head = this.lists + cls;
    i32[(r + 8) >> 2] = i32[head]!;
    i32[head] = r;
    i32[this.freesWord]!++;
  }

  /** Advances H_TOP by `size` with a compare-and-swap loop; at H_LIMIT (unless `unlimited`) grants the
   *  rescue reserve as Heap.bump does, then throws HeapExhausted. */
  private bump(size: number, unlimited: boolean): number {
    const i32 = this.heap.i32;
    const byteLength = this.heap.buffer.byteLength;
    for (;;) {
      const top = Atomics.load(i32, H_TOP >> 2);
      const end = top + size;
      const limit = Atomics.load(i32, H_LIMIT >> 2);
      if (end > byteLength || (!unlimited && limit !== 0 && end > limit)) {
        if (!unlimited && limit !== 0 && end <= byteLength && this.rescues < MAX_RESCUES && limit + RESCUE_BYTES <= byteLength) {
          this.rescues++;
          Atomics.compareExchange(i32, H_LIMIT >> 2, limit, limit + RESCUE_BYTES); // one raise per racing group
        }
        throw new HeapExhausted(size);
      }
      if (Atomics.compareExchange(i32, H_TOP >> 2, top, end) === top) return top;
    }
  }

  /** Heap-checking mode: a block popped from a free list must be a freed block, untouched since. */
  private checkFreedBlock(ref: number, size: number): void {
    const heap = this.heap;
    if (heap.i32[(ref + OB_TYPE) >> 2] !== FREED_TAG) {
      throw new HeapCorruption(`block ${ref} on worker ${this.id}'s free list is not free (handed out twice?)`);
    }
    const u8 = heap.u8;
    for (let i = ref + HEADER_SIZE; i < ref + size; i++) {
      if (u8[i] !== POISON_BYTE) throw new HeapCorruption(`freed block ${ref} was written after it was freed (byte ${i - ref})`);
    }
  }

  /** Allocations and frees of the whole heap: GIL mode's counters plus every worker slot's. */
  totals(): { allocs: number; frees: number } {
    const i32 = this.heap.i32;
    let allocs = i32[H_ALLOCS >> 2]! >>> 0;
    let frees = i32[H_FREES >> 2]! >>> 0;
    for (let w = 1; w <= MAX_WORKER_ID; w++) {
      const slot = slotOf(this.table, w);
      allocs += Atomics.load(i32, (slot + SLOT_ALLOCS) >> 2) >>> 0;
      frees += Atomics.load(i32, (slot + SLOT_FREES) >> 2) >>> 0;
    }
    return { allocs, frees };
  }

  liveObjects(): number {
    const t = this.totals();
    return t.allocs - t.frees;
  }

  /** After the worker's last allocation and free: its free lists go to the next worker that attaches. */
  markDetached(): void {
    Atomics.store(this.heap.i32, this.stateWord, SLOT_DETACHED);
  }
}

/** The free blocks on every list of a quiescent no-GIL heap (slot 0's and every worker's), for checks. */
export function freeBlocks(heap: Heap): number[] {
  const i32 = heap.i32;
  const table = workerTable(heap);
  const out: number[] = [];
  for (let w = 0; w <= MAX_WORKER_ID; w++) {
    const lists = (slotOf(table, w) + SLOT_FREE_LISTS) >> 2;
    for (let c = 0; c < CLASS_COUNT; c++) {
      for (let b = i32[lists + c]!; b !== 0; b = i32[(b + 8) >> 2]!) {
        out.push(b);
        if (out.length > (heap.top >> 4)) throw new HeapCorruption('a free list has a cycle');
      }
    }
  }
  return out;
}
