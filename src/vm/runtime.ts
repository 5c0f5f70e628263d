/** The runtime: one VM's view of a heap — reference counting, the well-known objects, and the core
 *  constructors and accessors that everything else builds on. */
import { CLASS_24, Heap, HeapCorruption, inNumberClass, type HeapOptions } from './heap/heap.js';
import {
  FLAG_BIG_INT, FLAG_FINALIZED, FLAG_GC_TRACKED, FLAG_IMMORTAL, FLAG_WEAKREFD, FREED_TAG, GC_HEADER_END, GC_NEXT, GC_PREV,
  GEN_MASK, GEN_SHIFT, H_ALLOCS, H_FREES, H_FREE_LISTS, H_ROOTS,
  H_SERIAL, H_SMALL_INT_HITS, H_SMALL_INTS,
  IMMORTAL_REFCNT, META_CLASS_SHIFT, NULL, OB_META, OB_REF_SHARED, OB_REFCNT, OB_TYPE, SMALL_INT_MAX, SMALL_INT_MIN, type Ref,
} from './heap/layout.js';
import { isContainerKind, Kind } from './objects/kinds.js';
import { SLOTS } from './objects/slots.js';
import type { Tracer } from './trace/tracer.js';
import type { ContainerLocks } from './nogil/sync.js';
import type { DelayedDrops } from './nogil/qsbr.js';
import type { TypeCache } from './objects/type-cache.js';

export type { Ref } from './heap/layout.js';
export { NULL } from './heap/layout.js';

/** A Python exception in flight through JS frames. Holds a new reference to the exception object.
 *  Not an Error subclass: raising must not pay for a JS stack trace. */
export class PyRaise {
  constructor(readonly exc: Ref) {}
}

// ---- roots: well-known objects, found by every VM attached to the heap ----
export const enum Root {
  NONE = 0, TRUE, FALSE, ELLIPSIS, NOT_IMPLEMENTED, EMPTY_TUPLE, EMPTY_STR, INTERNED, BUILTINS, SYS_MODULES,
  MAIN_MODULE, EXC_TYPES, THREADS, MODULES_BY_NAME, RECURSION_LIMIT, SWITCH_INTERVAL,
  /** An immortal tuple of the types of sys's struct sequences and streams (sys.ts bootSysTypes). */
  SYS_TYPES,
  /** Type objects of the built-in kinds follow, one per Kind. */
  TYPES = 32,
}

// ---- layouts of the core objects (byte offsets) ----
/** type: name str, instance kind, base, bases tuple, mro tuple, dict, flags, qualname, module name. */
export const TP_NAME = GC_HEADER_END;
export const TP_KIND = TP_NAME + 4;
export const TP_BASE = TP_NAME + 8;
export const TP_BASES = TP_NAME + 12;
export const TP_MRO = TP_NAME + 16;
export const TP_DICT = TP_NAME + 20;
export const TP_FLAGS = TP_NAME + 24;
export const TP_QUALNAME = TP_NAME + 28;
export const TP_MODULE = TP_NAME + 32;
export const TP_VERSION = TP_NAME + 36;
export const TYPE_SIZE = TP_NAME + 40;
/** TP_FLAGS bits. */
/**
 * Runs an instance's __del__ when its count reaches zero (set by gc.ts). Called with the count at 1, a
 * reference the finalizer may see; it marks the object FLAG_FINALIZED so that __del__ runs once (PEP 442).
 * `finalizerNeeded` says first whether it has anything to do (a class with __del__, a suspended
 * generator): an object without one is not brought back to a count of 1 at all.
 */
let finalizer: ((rt: Runtime, r: Ref) => void) | null = null;
let finalizerNeeded: (rt: Runtime, r: Ref, type: Ref, kind: Kind) => boolean = () => true;
export function setFinalizer(f: typeof finalizer, needed: typeof finalizerNeeded): void {
  finalizer = f;
  finalizerNeeded = needed;
}
/** Clears the weak references to an object about to be freed and runs their callbacks (set by weakref). */
let weakrefClearer: ((rt: Runtime, r: Ref) => void) | null = null;
export function setWeakrefClearer(f: typeof weakrefClearer): void {
  weakrefClearer = f;
}
/** Runs the automatic collection gcTrack asked for (set by objects/gc.ts). */
let pendingCollector: ((rt: Runtime) => void) | null = null;
export function setPendingCollector(f: typeof pendingCollector): void {
  pendingCollector = f;
}
/** Nesting of deallocs past which objects go to the trashcan (cf. Py_TRASHCAN). */
const TRASHCAN_DEPTH = 200;
export const TPF_HEAPTYPE = 1;
export const TPF_BASETYPE = 2;
export const TPF_EXCEPTION = 4;
/** A class whose instances have no __dict__: it and every base define __slots__ without '__dict__'. */
export const TPF_NO_DICT = 8;
/**
 * A struct sequence's fields past its items (CPython's n_fields - n_sequence_fields: struct_time's tm_zone
 * and tm_gmtoff), a count in these bits. Its instances keep them after the items, outside the tuple's
 * length, so len, iteration, repr and comparisons leave them out (cf. CPython structseq's REAL_SIZE).
 */
export const TPF_HIDDEN_SHIFT = 8;
export const TPF_HIDDEN_MASK = 0xf << TPF_HIDDEN_SHIFT;

/** int and bool: a float64 holding the value exactly (|v| <= 2**53); big ints hold digits instead. */
export const INT_VALUE = 16;
/** Big int: sign * number of 32-bit digits, then the digits, least significant first. */
export const INT_NDIGITS = 16;
export const INT_DIGITS = 20;
/** float */
export const FLOAT_VALUE = 16;
/** str: length in code points, cached hash (0 = not yet), kind (1, 2 or 4 bytes a char), serial, chars. */
export const STR_LENGTH = 16;
export const STR_HASH = 20;
export const STR_KIND = 24;
export const STR_SERIAL = 28;
export const STR_DATA = 32;

const MAX_COMPACT = 2 ** 53 - 1;

export interface RuntimeOptions extends HeapOptions {}

/** What a kind's type is called and how it is set up at boot. */
interface BuiltinTypeSpec {
  name: string; base: Kind | null; basetype: boolean;
  /** The module it says it is from (default builtins). */
  module?: string;
}

export const BUILTIN_TYPES: { readonly [K in Kind]?: BuiltinTypeSpec } = {
  [Kind.OBJECT]: { name: 'object', base: null, basetype: true },
  [Kind.TYPE]: { name: 'type', base: Kind.OBJECT, basetype: true },
  [Kind.NONE]: { name: 'NoneType', base: Kind.OBJECT, basetype: false },
  [Kind.NOT_IMPLEMENTED]: { name: 'NotImplementedType', base: Kind.OBJECT, basetype: false },
  [Kind.ELLIPSIS]: { name: 'ellipsis', base: Kind.OBJECT, basetype: false },
  [Kind.INT]: { name: 'int', base: Kind.OBJECT, basetype: true },
  [Kind.BOOL]: { name: 'bool', base: Kind.INT, basetype: false },
  [Kind.FLOAT]: { name: 'float', base: Kind.OBJECT, basetype: true },
  [Kind.STR]: { name: 'str', base: Kind.OBJECT, basetype: true },
  [Kind.BYTES]: { name: 'bytes', base: Kind.OBJECT, basetype: true },
  [Kind.BYTEARRAY]: { name: 'bytearray', base: Kind.OBJECT, basetype: true },
  [Kind.TUPLE]: { name: 'tuple', base: Kind.OBJECT, basetype: true },
  [Kind.LIST]: { name: 'list', base: Kind.OBJECT, basetype: true },
  [Kind.DICT]: { name: 'dict', base: Kind.OBJECT, basetype: true },
  [Kind.SET]: { name: 'set', base: Kind.OBJECT, basetype: true },
  [Kind.FROZENSET]: { name: 'frozenset', base: Kind.OBJECT, basetype: true },
  [Kind.RANGE]: { name: 'range', base: Kind.OBJECT, basetype: false },
  [Kind.SLICE]: { name: 'slice', base: Kind.OBJECT, basetype: false },
  [Kind.FUNCTION]: { name: 'function', base: Kind.OBJECT, basetype: false },
  [Kind.CODE]: { name: 'code', base: Kind.OBJECT, basetype: false },
  [Kind.CELL]: { name: 'cell', base: Kind.OBJECT, basetype: false },
  [Kind.MODULE]: { name: 'module', base: Kind.OBJECT, basetype: true },
  [Kind.BUILTIN_FUNCTION]: { name: 'builtin_function_or_method', base: Kind.OBJECT, basetype: false },
  [Kind.METHOD]: { name: 'method', base: Kind.OBJECT, basetype: false },
  [Kind.EXCEPTION]: { name: 'BaseException', base: Kind.OBJECT, basetype: true },
  [Kind.TRACEBACK]: { name: 'traceback', base: Kind.OBJECT, basetype: false },
  [Kind.RAW]: { name: '<raw storage>', base: Kind.OBJECT, basetype: false },
  [Kind.SEQ_ITER]: { name: 'iterator', base: Kind.OBJECT, basetype: false },
  [Kind.RANGE_ITER]: { name: 'range_iterator', base: Kind.OBJECT, basetype: false },
  [Kind.DICT_ITER]: { name: 'dict_keyiterator', base: Kind.OBJECT, basetype: false },
  [Kind.SET_ITER]: { name: 'set_iterator', base: Kind.OBJECT, basetype: false },
  [Kind.DICT_VIEW]: { name: 'dict_keys', base: Kind.OBJECT, basetype: false },
  [Kind.ENUMERATE]: { name: 'enumerate', base: Kind.OBJECT, basetype: true },
  [Kind.ZIP]: { name: 'zip', base: Kind.OBJECT, basetype: true },
  [Kind.MAP]: { name: 'map', base: Kind.OBJECT, basetype: true },
  [Kind.FILTER]: { name: 'filter', base: Kind.OBJECT, basetype: true },
  [Kind.REVERSED]: { name: 'reversed', base: Kind.OBJECT, basetype: true },
  [Kind.CALL_ITER]: { name: 'callable_iterator', base: Kind.OBJECT, basetype: false },
  [Kind.PROPERTY]: { name: 'property', base: Kind.OBJECT, basetype: true },
  [Kind.STATICMETHOD]: { name: 'staticmethod', base: Kind.OBJECT, basetype: true },
  [Kind.CLASSMETHOD]: { name: 'classmethod', base: Kind.OBJECT, basetype: true },
  [Kind.GENERATOR]: { name: 'generator', base: Kind.OBJECT, basetype: false },
  [Kind.SUPER]: { name: 'super', base: Kind.OBJECT, basetype: true },
  [Kind.WEAKREF]: { name: 'weakref.ReferenceType', base: Kind.OBJECT, basetype: false },
  [Kind.COMPLEX]: { name: 'complex', base: Kind.OBJECT, basetype: true },
  [Kind.LOCK]: { name: 'lock', base: Kind.OBJECT, basetype: false, module: '_thread' },
  [Kind.RLOCK]: { name: 'RLock', base: Kind.OBJECT, basetype: false, module: '_thread' },
};

export class Runtime {
  /** Set by the loop just before a CALL in a thread's base run calls a builtin: that builtin may block
   *  by throwing BlockSignal (the CALL is rewound and runs again). callObject turns it into `blockable`,
   *  which holds for the builtin being entered and is cleared by any call it makes in turn. */
  restartableCall: Ref | 0 = 0;
  blockable = false;
  /** While threads are dropped at exit (daemons), what their frames free runs no finalizer: CPython never
   *  frees a daemon thread's frames at all. */
  suppressFinalizers = false;
  /** The run's tracer, or null when nothing is traced (the hot paths never read it: a trace installs
   *  hooked versions of them instead, see trace/heap-hooks.ts). */
  tracer: Tracer | null = null;
  readonly heap: Heap;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly u32: Uint32Array;

  // Well-known objects (immortal): cached from the heap's roots.
  None!: Ref;
  True!: Ref;
  False!: Ref;
  Ellipsis!: Ref;
  NotImplemented!: Ref;
  emptyTuple!: Ref;
  emptyStr!: Ref;
  /** Type objects of the built-in kinds, indexed by Kind. */
  readonly types: Ref[] = [];
  /** objects/code.ts's direct-mapped cache of decoded code objects (typed there; kept here because a
   *  WeakMap lookup keyed by the runtime cost 8% of a call-heavy benchmark). */
  readonly decodedCodeFront: unknown[] = [];
  /** objects/type-cache.ts's cache of lookups along classes' MROs (made on first use; a field for the
   *  same reason as decodedCodeFront). */
  typeCache: TypeCache | null = null;
  /** builtins/host-access.ts's record of the host services and the running interpreter (typed there). */
  hostAccess: unknown = null;
  /** objects/type.ts's intern(): the interned strs found so far by their text (borrowed: the interned
   *  table holds them, and nothing takes a str out of it). A cache of the table, filled as intern() finds
   *  or adds entries; a runtime attached to a heap copy starts with it empty. */
  readonly internedByText = new Map<string, Ref>();

  /** JS strings of heap strs, validated by the str's serial (a freed block may be reused). */
  private readonly strCache = new Map<number, { serial: number; value: string }>();

  constructor(opts: RuntimeOptions = {}) {
    this.heap = new Heap(opts);
    this.i32 = this.heap.i32;
    this.f64 = this.heap.f64;
    this.u8 = this.heap.u8;
    this.u16 = this.heap.u16;
    this.u32 = this.heap.u32;
  }

  // ================= roots =================
  root(r: Root | number): Ref {
    return this.i32[(H_ROOTS >> 2) + r]! as Ref;
  }
  setRoot(r: Root | number, value: Ref): void {
    this.i32[(H_ROOTS >> 2) + r] = value;
  }
  /** Reads the well-known objects after boot, or when attaching to an existing heap. */
  loadRoots(): void {
    this.None = this.root(Root.NONE);
    this.True = this.root(Root.TRUE);
    this.False = this.root(Root.FALSE);
    this.Ellipsis = this.root(Root.ELLIPSIS);
    this.NotImplemented = this.root(Root.NOT_IMPLEMENTED);
    this.emptyTuple = this.root(Root.EMPTY_TUPLE);
    this.emptyStr = this.root(Root.EMPTY_STR);
    for (let k = 0; k < Kind.COUNT; k++) this.types[k] = this.root(Root.TYPES + k);
    this.intType = this.types[Kind.INT]!;
    this.floatType = this.types[Kind.FLOAT]!;
    this.strType = this.types[Kind.STR]!;
  }

  // ================= reference counting =================
  /** Takes a new reference. Immortal objects are not counted. */
  incref(r: Ref): void {
    const i = r >> 2;
    const c = this.i32[i]!;
    if (c < IMMORTAL_REFCNT) {
      if (this.heap.debug) this.heap.check(r, 'incref');
      this.i32[i] = c + 1;
    }
  }
  xincref(r: Ref): void {
    if (r !== 0) this.incref(r);
  }
  /** Drops a reference; at zero the object is deallocated now (its __del__, if any, runs first). */
  decref(r: Ref): void {
    const i = r >> 2;
    const c = this.i32[i]!;
    if (c < IMMORTAL_REFCNT) {
      if (this.heap.debug) this.heap.check(r, 'decref');
      if (c <= 1) this.dealloc(r);
      else this.i32[i] = c - 1;
    }
  }
  xdecref(r: Ref): void {
    if (r !== 0) this.decref(r);
  }
  refcount(r: Ref): number {
    return this.i32[r >> 2]!;
  }
  isImmortal(r: Ref): boolean {
    return (this.i32[(r + OB_META) >> 2]! & FLAG_IMMORTAL) !== 0;
  }
  makeImmortal(r: Ref): void {
    this.i32[r >> 2] = IMMORTAL_REFCNT;
    this.setMetaFlags(r, FLAG_IMMORTAL);
  }

  /** No-GIL mode (nogil/sync.ts): this worker's striped container locks and safepoints; null in GIL mode,
   *  where every container operation takes its lock-free path. */
  containerLocks: ContainerLocks | null = null;
  /** No-GIL mode (nogil/qsbr.ts): this worker's delayed drops of the references dicts give up (so that a
   *  value read borrowed out of a dict stays alive until the reader's next tick); null in GIL mode. */
  delayedDrops: DelayedDrops | null = null;
  /** No-GIL mode: header flag bits and heap-wide serials are updated with Atomics (setMetaFlags,
   *  nextSerial); plain read-modify-writes in GIL mode. */
  atomicHeader = false;

  /** Sets `bits` in r's OB_META flags (Atomics.or in no-GIL mode: other workers write the same word). */
  setMetaFlags(r: Ref, bits: number): void {
    if (this.atomicHeader) Atomics.or(this.i32, (r + OB_META) >> 2, bits);
    else this.i32[(r + OB_META) >> 2]! |= bits;
  }
  /** Clears `bits` in r's OB_META flags (Atomics.and in no-GIL mode). */
  clearMetaFlags(r: Ref, bits: number): void {
    if (this.atomicHeader) Atomics.and(this.i32, (r + OB_META) >> 2, ~bits);
    else this.i32[(r + OB_META) >> 2]! &= ~bits;
  }
  /** The next heap-wide serial (H_SERIAL: str serials and dict versions must be unique heap-wide, so
   *  Atomics.add in no-GIL mode). */
  nextSerial(): number {
    const i32 = this.i32;
    if (this.atomicHeader) return (Atomics.add(i32, H_SERIAL >> 2, 1) + 1) | 0;
    return (i32[H_SERIAL >> 2] = (i32[H_SERIAL >> 2]! + 1) | 0);
  }

  /** Hook for the cycle collector and tracing: called for every dealloc (set by gc.ts / trace). */
  onDealloc: ((r: Ref) => void) | null = null;

  /** How deep deallocs are nested, and the objects put aside past TRASHCAN_DEPTH (cf. CPython's
   *  trashcan): freeing a long chain (a linked list, nested tuples) must not exhaust the JS stack. */
  private deallocDepth = 0;
  private readonly trashcan: Ref[] = [];
  private drainingTrashcan = false;

  /** Frees an object whose count reached zero: runs its __del__, releases its references, then its block. */
  dealloc(r: Ref): void {
    this.i32[r >> 2] = 0;
    const type = this.i32[(r + OB_TYPE) >> 2]! as Ref;
    if ((type === this.intType || type === this.floatType) && this.onDealloc === null && !this.heap.hooked
      && inNumberClass(this.i32, r)) {
      // ints and floats hold no references: straight back to their free list (cf. Heap.free)
      const i32 = this.i32;
      const head = (H_FREE_LISTS >> 2) + CLASS_24;
      i32[(r + OB_TYPE) >> 2] = FREED_TAG;
      i32[(r + 8) >> 2] = i32[head]!;
      i32[head] = r;
      i32[H_FREES >> 2]!++;
      return;
    }
    this.deallocObject(r, type);
  }

  /**
   * Drops the one reference to a block that holds no references and is not tracked (a RAW storage block:
   * a dict's table): in GIL mode, when nothing traces counts or deallocations, straight back to the
   * allocator (what dealloc would do, without its general case's checks); else a decref.
   */
  releaseRaw(r: Ref): void {
    if (this.i32[r >> 2] === 1 && this.tracer === null && this.onDealloc === null && this.containerLocks === null) {
      this.heap.free(r);
      return;
    }
    this.decref(r);
  }

  /** dealloc's general case (kept apart so that the int/float path above stays small enough to inline). */
  private deallocObject(r: Ref, type: Ref): void {
    if (type === FREED_TAG) throw new HeapCorruption(`dealloc of freed block ${r}`);
    if (this.deallocDepth >= TRASHCAN_DEPTH) {
      this.trashcan.push(r); // freed by the outermost dealloc, once the stack has unwound
      return;
    }
    const heapType = (this.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
    const kind = this.i32[(type + TP_KIND) >> 2]! as Kind;
    // instances of Python classes may have __del__; a suspended generator is closed (its tp_finalize)
    if ((heapType || kind === Kind.GENERATOR) && finalizer !== null && !this.suppressFinalizers
      && (this.i32[(r + OB_META) >> 2]! & FLAG_FINALIZED) === 0 && finalizerNeeded(this, r, type, kind)) {
      // __del__ sees the object with a count of 1 (a refcount trace reports it: 0 -> 1, and back)
      this.i32[r >> 2] = 1;
      if (this.tracer !== null && this.tracer.refcount) this.tracer.refcountEvent('incref', r, 0, 1);
      finalizer(this, r);
      const c = this.i32[r >> 2]!;
      if (this.tracer !== null && this.tracer.refcount) this.tracer.refcountEvent('decref', r, c, c - 1);
      if (c > 1) {
        this.i32[r >> 2] = c - 1; // __del__ stored a new reference: the object lives on
        return;
      }
      this.i32[r >> 2] = 0;
    }
    // cf. CPython subtype_dealloc: weak references are cleared (their callbacks run) after __del__
    if ((this.i32[(r + OB_META) >> 2]! & FLAG_WEAKREFD) !== 0 && weakrefClearer !== null) weakrefClearer(this, r);
    this.deallocDepth++;
    if (this.onDealloc !== null) this.onDealloc(r);
    if ((this.i32[(r + OB_META) >> 2]! & FLAG_GC_TRACKED) !== 0) {
      this.gcUntrack(r);
      if (this.gcCounts[0]! > 0) this.gcCounts[0]!--; // cf. PyObject_GC_Del
    }
    const d = SLOTS[kind]!.dealloc;
    if (d !== undefined) d(this, r);
    if (kind === Kind.STR) this.strCache.delete(r);
    this.heap.free(r);
    // Instances of heap types own a reference to their type (cf. CPython subtype_dealloc).
    if (heapType) this.decref(type);
    if (--this.deallocDepth === 0 && !this.drainingTrashcan) {
      this.drainingTrashcan = true;
      while (this.trashcan.length > 0) this.dealloc(this.trashcan.pop()!);
      this.drainingTrashcan = false;
    }
  }

  // ================= the cycle collector's generations (cf. CPython gcmodule.c) =================
  /** Heads (0: empty) of the three generations' lists, doubly linked through GC_PREV / GC_NEXT; a tracked
   *  object's generation is also in its flags (GEN_MASK), so unlinking finds its list's head. */
  readonly gcHeads = [0, 0, 0];
  /** gc.get_count(): containers tracked minus freed since the last collection; collections of the younger
   *  generation since the last collection of generations 1 and 2. */
  readonly gcCounts = [0, 0, 0];
  /** gc.get_threshold(). */
  readonly gcThresholds = [700, 10, 10];
  gcEnabled = true;
  /** Hot functions run compiled to JS (interp/jit.ts): set by the VM for GIL mode's untraced loop, unless
   *  `-X jit=0`. */
  jit = false;
  /** Code objects compiled to JS so far (--stats). */
  jitCompiled = 0;
  /** A collection is due: run by the interpreter at its next tick (cf. CPython 3.12's _Py_ScheduleGC). */
  gcPending = false;
  /** Set while a collection runs (no automatic collection then). */
  gcCollecting = false;
  /** Run by the VM's shutdown before it lets the modules go, last registered first (cf. atexit). */
  readonly exitHooks: (() => void)[] = [];

  /** Links a new container into generation 0 and counts it (cf. _PyObject_GC_TRACK and gc_alloc). */
  gcTrack(r: Ref): void {
    const i32 = this.i32;
    const m = (r + OB_META) >> 2;
    const meta = i32[m]!;
    if ((meta & FLAG_GC_TRACKED) !== 0) return;
    i32[m] = (meta & ~GEN_MASK) | FLAG_GC_TRACKED;
    const heads = this.gcHeads;
    const head = heads[0]!;
    i32[(r + GC_PREV) >> 2] = 0;
    i32[(r + GC_NEXT) >> 2] = head;
    if (head !== 0) i32[(head + GC_PREV) >> 2] = r;
    heads[0] = r;
    const counts = this.gcCounts;
    if (++counts[0]! > this.gcThresholds[0]! && this.gcEnabled && this.gcThresholds[0] !== 0) this.gcPending = true;
  }
  /** Unlinks a tracked container from its generation's list (cf. _PyObject_GC_UNTRACK). */
  gcUntrack(r: Ref): void {
    const i32 = this.i32;
    const m = (r + OB_META) >> 2;
    const meta = i32[m]!;
    if ((meta & FLAG_GC_TRACKED) === 0) return;
    i32[m] = meta & ~(FLAG_GC_TRACKED | GEN_MASK);
    const prev = i32[(r + GC_PREV) >> 2]!;
    const next = i32[(r + GC_NEXT) >> 2]!;
    if (prev === 0) this.gcHeads[(meta & GEN_MASK) >> GEN_SHIFT] = next;
    else i32[(prev + GC_NEXT) >> 2] = next;
    if (next !== 0) i32[(next + GC_PREV) >> 2] = prev;
  }
  /** Runs the collection gcTrack found due; the interpreter calls this between instructions. */
  gcRunPending(): void {
    this.gcPending = false;
    if (pendingCollector !== null && this.gcEnabled && !this.gcCollecting) pendingCollector(this);
  }

  // ================= allocation =================
  /** A new object of `type` with `bytes` bytes (header included), refcount 1, other fields zero. */
  alloc(type: Ref, bytes: number): Ref {
    const r = this.heap.alloc(bytes);
    const i32 = this.i32;
    i32[r >> 2] = 1;
    i32[(r + OB_TYPE) >> 2] = type;
    if ((i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) this.incref(type);
    return r;
  }
  allocKind(kind: Kind, bytes: number): Ref {
    return this.alloc(this.types[kind]!, bytes);
  }

  // ================= types =================
  typeOf(r: Ref): Ref {
    return this.i32[(r + OB_TYPE) >> 2]! as Ref;
  }
  /** The built-in layout of `r`'s type. */
  kindOf(r: Ref): Kind {
    return this.i32[(this.i32[(r + OB_TYPE) >> 2]! + TP_KIND) >> 2]! as Kind;
  }
  typeKind(type: Ref): Kind {
    return this.i32[(type + TP_KIND) >> 2]! as Kind;
  }
  typeName(type: Ref): string {
    return this.strValue(this.i32[(type + TP_NAME) >> 2]! as Ref);
  }
  /** The name of `r`'s type, as error messages quote it. */
  typeNameOf(r: Ref): string {
    return this.typeName(this.typeOf(r));
  }
  /** The MRO tuple of a type (borrowed). */
  mroOf(type: Ref): Ref {
    return this.i32[(type + TP_MRO) >> 2]! as Ref;
  }
  /** True if `type` is `base` or derives from it. */
  isSubtype(type: Ref, base: Ref): boolean {
    if (type === base) return true;
    const mro = this.mroOf(type);
    if (mro === 0) return false;
    const n = this.i32[(mro + TUPLE_SIZE) >> 2]!;
    for (let i = 0; i < n; i++) if (this.i32[((mro + TUPLE_ITEMS) >> 2) + i] === base) return true;
    return false;
  }
  isInstanceOfKind(r: Ref, kind: Kind): boolean {
    return this.isSubtype(this.typeOf(r), this.types[kind]!);
  }

  // ================= None, bool =================
  bool(b: boolean): Ref {
    return b ? this.True : this.False;
  }

  // ================= int =================
  isIntExact(r: Ref): boolean {
    return this.typeOf(r) === this.types[Kind.INT];
  }
  /** A new reference to the int `v` (served from the small-int cache when -5 <= v <= 256). */
  newInt(v: number | bigint): Ref {
    if (typeof v === 'number') {
      if (v >= -MAX_COMPACT && v <= MAX_COMPACT) return this.newCompactInt(v);
      return this.newBigInt(BigInt(v));
    }
    if (v >= BigInt(-MAX_COMPACT) && v <= BigInt(MAX_COMPACT)) return this.newInt(Number(v));
    return this.newBigInt(v);
  }

  /** An int from a whole number within +-(2**53 - 1) (new reference): the interpreter's arithmetic fast
   *  paths call this directly, a function small enough for V8 to inline wherever it is hot. */
  newCompactInt(v: number): Ref {
    {
      if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
        this.i32[H_SMALL_INT_HITS >> 2]!++; // a cache hit, for --stats (measured: no cost, see README)
        return this.i32[(H_SMALL_INTS >> 2) + v - SMALL_INT_MIN]! as Ref;
      }
      {
        // every word is written here, so the block needs no zeroing; the free-list pop is inlined
        const i32 = this.i32;
        const head = (H_FREE_LISTS >> 2) + CLASS_24;
        let r = i32[head]! as Ref;
        if (r !== 0 && !this.heap.hooked) {
          i32[head] = i32[(r + 8) >> 2]!;
          i32[(r + OB_META) >> 2] = CLASS_24 << META_CLASS_SHIFT; // clears flags a big int may have left
          i32[H_ALLOCS >> 2]!++;
        } else {
          r = this.heap.allocClassUninit(CLASS_24);
        }
        i32[r >> 2] = 1;
        i32[(r + OB_TYPE) >> 2] = this.intType;
        i32[(r + OB_REF_SHARED) >> 2] = 0;
        this.f64[(r + INT_VALUE) >> 3] = v === 0 ? 0 : v; // never -0
        return r;
      }
    }
  }
  private newBigInt(v: bigint): Ref {
    const neg = v < 0n;
    let mag = neg ? -v : v;
    const digits: number[] = [];
    while (mag > 0n) {
      digits.push(Number(mag & 0xffffffffn));
      mag >>= 32n;
    }
    const r = this.alloc(this.types[Kind.INT]!, INT_DIGITS + digits.length * 4);
    this.setMetaFlags(r, FLAG_BIG_INT);
    this.i32[(r + INT_NDIGITS) >> 2] = neg ? -digits.length : digits.length;
    for (let i = 0; i < digits.length; i++) this.u32[((r + INT_DIGITS) >> 2) + i] = digits[i]!;
    return r;
  }
  /** The value of an int (or bool): a number when it is exact as a float64, else a bigint. */
  intValue(r: Ref): number | bigint {
    if ((this.i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) === 0) return this.f64[(r + INT_VALUE) >> 3]!;
    const nd = this.i32[(r + INT_NDIGITS) >> 2]!;
    const n = Math.abs(nd);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 32n) | BigInt(this.u32[((r + INT_DIGITS) >> 2) + i]!);
    return nd < 0 ? -v : v;
  }
  isCompactInt(r: Ref): boolean {
    return (this.i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) === 0;
  }

  // ================= float =================
  newFloat(x: number): Ref {
    const r = this.heap.allocClassUninit(CLASS_24);
    const i32 = this.i32;
    i32[r >> 2] = 1;
    i32[(r + OB_TYPE) >> 2] = this.floatType;
    i32[(r + OB_REF_SHARED) >> 2] = 0;
    this.f64[(r + FLOAT_VALUE) >> 3] = x;
    return r;
  }
  /** The int and float types, for the allocation fast paths. */
  intType!: Ref;
  floatType!: Ref;
  /** The str type, for the hash fast path of dict keys (objects/dict.ts). */
  strType!: Ref;
  floatValue(r: Ref): number {
    return this.f64[(r + FLOAT_VALUE) >> 3]!;
  }

  // ================= str =================
  /** A new str holding `s` (a JS string; surrogate pairs are one code point, as in Python). */
  newStr(s: string): Ref {
    if (s.length === 0 && this.emptyStr) return this.emptyStr;
    let kind = 1;
    let length = s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 256) continue;
      if (kind < 2) kind = 2;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          kind = 4;
          length--;
          i++;
        }
      }
    }
    const r = this.alloc(this.types[Kind.STR]!, STR_DATA + length * kind);
    const i32 = this.i32;
    i32[(r + STR_LENGTH) >> 2] = length;
    i32[(r + STR_KIND) >> 2] = kind;
    const serial = this.nextSerial();
    i32[(r + STR_SERIAL) >> 2] = serial;
    const base = r + STR_DATA;
    if (kind === 1) {
      const u8 = this.u8;
      for (let i = 0; i < s.length; i++) u8[base + i] = s.charCodeAt(i);
    } else if (kind === 2) {
      const u16 = this.u16;
      const b = base >> 1;
      for (let i = 0; i < s.length; i++) u16[b + i] = s.charCodeAt(i);
    } else {
      const u32 = this.u32;
      let k = base >> 2;
      for (const ch of s) u32[k++] = ch.codePointAt(0)!;
    }
    this.strCache.set(r, { serial, value: s });
    return r;
  }
  /** The JS string of a str (cached). */
  strValue(r: Ref): string {
    const serial = this.i32[(r + STR_SERIAL) >> 2]!;
    const hit = this.strCache.get(r);
    if (hit !== undefined && hit.serial === serial) return hit.value;
    const value = this.decodeStr(r);
    this.strCache.set(r, { serial, value });
    return value;
  }
  private decodeStr(r: Ref): string {
    const n = this.i32[(r + STR_LENGTH) >> 2]!;
    const kind = this.i32[(r + STR_KIND) >> 2]! & 7;
    const base = r + STR_DATA;
    let out = '';
    const CHUNK = 4096;
    if (kind === 1) {
      for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...this.u8.subarray(base + i, base + Math.min(n, i + CHUNK)));
    } else if (kind === 2) {
      const b = base >> 1;
      for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...this.u16.subarray(b + i, b + Math.min(n, i + CHUNK)));
    } else {
      const b = base >> 2;
      for (let i = 0; i < n; i += CHUNK) out += String.fromCodePoint(...this.u32.subarray(b + i, b + Math.min(n, i + CHUNK)));
    }
    return out;
  }
  strLength(r: Ref): number {
    return this.i32[(r + STR_LENGTH) >> 2]!;
  }
  isStr(r: Ref): boolean {
    const t = this.typeOf(r);
    return t === this.types[Kind.STR] || this.typeKind(t) === Kind.STR;
  }

  // ================= errors =================
  /** Hook: creates and raises a Python exception by type name (installed by exceptions.ts). */
  raiseNew: (typeName: string, message: string) => never = (t, m) => {
    throw new Error(`${t}: ${m} (raised before exceptions were set up)`);
  };
  /** Raises `TypeName: message` as a Python exception. */
  raise(typeName: string, message: string): never {
    return this.raiseNew(typeName, message);
  }

  // ================= bootstrap =================
  /** Creates the core objects of a new heap: types, singletons, the small-int cache. */
  bootCore(): void {
    const i32 = this.i32;
    // 1. type objects (names, bases and dicts come once str, tuple and dict exist)
    const typeType = this.heap.alloc(TYPE_SIZE);
    for (let k = 0; k < Kind.COUNT; k++) {
      if (BUILTIN_TYPES[k as Kind] === undefined) continue;
      const t = k === Kind.TYPE ? typeType : this.heap.alloc(TYPE_SIZE);
      i32[t >> 2] = 1;
      i32[(t + OB_TYPE) >> 2] = typeType;
      i32[(t + TP_KIND) >> 2] = k;
      i32[(t + TP_FLAGS) >> 2] = BUILTIN_TYPES[k as Kind]!.basetype ? TPF_BASETYPE : 0;
      this.makeImmortal(t as Ref);
      this.setRoot(Root.TYPES + k, t as Ref);
      this.types[k] = t as Ref;
    }
    if (!isContainerKind(Kind.TYPE)) throw new Error('type must be a container kind');
    // 2. singletons
    const single = (kind: Kind, root: Root, bytes = 16): Ref => {
      const r = this.alloc(this.types[kind]!, bytes);
      this.makeImmortal(r);
      this.setRoot(root, r);
      return r;
    };
    single(Kind.NONE, Root.NONE);
    single(Kind.NOT_IMPLEMENTED, Root.NOT_IMPLEMENTED);
    single(Kind.ELLIPSIS, Root.ELLIPSIS);
    const t = single(Kind.BOOL, Root.TRUE, 24);
    this.f64[(t + INT_VALUE) >> 3] = 1;
    single(Kind.BOOL, Root.FALSE, 24);
    const empty = single(Kind.TUPLE, Root.EMPTY_TUPLE, TUPLE_ITEMS);
    i32[(empty + TUPLE_SIZE) >> 2] = 0;
    this.loadRoots();
    this.emptyStr = 0 as Ref;
    const es = this.newStr('');
    this.makeImmortal(es);
    this.setRoot(Root.EMPTY_STR, es);
    // 3. the small-int cache, immortal as in PEP 683
    for (let v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) {
      const r = this.alloc(this.types[Kind.INT]!, 24);
      this.f64[(r + INT_VALUE) >> 3] = v;
      this.makeImmortal(r);
      i32[(H_SMALL_INTS >> 2) + v - SMALL_INT_MIN] = r;
    }
    this.loadRoots();
  }

  /** Size class of a block, for sys.getsizeof. */
  sizeOf(r: Ref): number {
    return this.heap.blockSize(r);
  }
  /** The class of a block (for heap statistics). */
  sizeClassOf(r: Ref): number {
    return this.i32[(r + OB_META) >> 2]! >>> META_CLASS_SHIFT;
  }
}

/** tuple: GC links, then the size and the items. */
export const TUPLE_SIZE = GC_HEADER_END;
export const TUPLE_ITEMS = TUPLE_SIZE + 4;
export { NULL as NULL_REF };
export const UNUSED = NULL;
