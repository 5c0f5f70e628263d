/** The cycle collector: finds containers that only reference each other and frees them, in CPython's
 *  manner (cf. gcmodule.c: subtract internal references, propagate reachability from what is still
 *  referenced from outside, then clear the unreachable). Tracked containers sit in three generations
 *  (runtime.ts links them); a collection of generation n looks at the members of generations 0..n, except
 *  that a full collection asked for by gc.collect() or the exit walks the heap's blocks (so it also finds
 *  what nothing tracks). Collections run on gc.collect(), automatically once more containers were
 *  allocated than freed past threshold 0 (right after the instruction that made it due), and at exit. */
import { traceGcEvent } from '../trace/heap-hooks.js';
import { FLAG_FINALIZED, FLAG_GC_TRACKED, FLAG_IMMORTAL, FREED_TAG, GC_HEADER_END, GC_NEXT, GC_PREV, GEN_MASK, GEN_SHIFT,
  HEAP_START, META_BOOT_MARK, META_CLASS_SHIFT, META_OWNER_MASK, OB_META, OB_TYPE, type Ref } from '../heap/layout.js';
import { CLASS_BYTES } from '../heap/heap.js';
import { PyRaise, Root, setFinalizer, setPendingCollector, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_MRO, TPF_HEAPTYPE,
  TUPLE_ITEMS, TUPLE_SIZE, type Runtime } from '../runtime.js';
import { PROP_DEL, PROP_DOC, PROP_GET, PROP_SET, WRAPPED } from './descriptors.js';
import { DICT_SUB_DICT, dictClear, dictGet, dictItems, dictSet, isDictSubInstance, newDict, traverseDict } from './dict.js';
import { formatException } from './exceptions.js';
import { hostOf } from '../builtins/host-access.js';
import { repr } from './protocols.js';
import { EXC_ARGS, EXC_CAUSE, EXC_CONTEXT, EXC_DICT, EXC_TRACEBACK, TB_CODE, TB_GLOBALS, TB_NEXT } from './exceptions.js';
import { CELL_REF, FN_REF_FIELDS, METHOD_FUNC, METHOD_SELF } from './function.js';
import { isContainerKind, Kind } from './kinds.js';
import { deallocList, isListSubInstance, itemsBase, LIST_SUB_DICT, listItems, listSize, releaseListSubDict } from './list.js';
import { MOD_DICT, MOD_NAME, moduleDict } from './module.js';
import { BF_MODULE, BF_NAME, BF_SELF } from './native.js';
import { setClear, traverseSet } from './set.js';
import { tupleItems, tupleRealSize } from './tuple.js';
import { SLICE_START, SLICE_STEP, SLICE_STOP } from './slice.js';
import { callBound } from './classes.js';
import { Dunder, userDunder } from './type-cache.js';
import { callObject } from '../interp/call.js';
import { handleWeakrefs } from './weakref.js';
import { clearGenerator, finalizeGenerator, GEN_SUSPENDED, genState, traverseGenerator } from './generator.js';
import { clearNative, traverseNative } from './native-object.js';
import { setLongLivedTotal, sharedGcEnabled, sharedThresholds } from '../nogil/sync.js';

type Visit = (r: Ref) => void;

/** Reference fields (byte offsets) of kinds whose references sit in fixed fields. */
const FIELDS: Partial<Record<Kind, number[]>> = {
  [Kind.FUNCTION]: FN_REF_FIELDS,
  [Kind.CELL]: [CELL_REF],
  [Kind.METHOD]: [METHOD_FUNC, METHOD_SELF],
  [Kind.MODULE]: [MOD_DICT, MOD_NAME],
  [Kind.EXCEPTION]: [EXC_DICT, EXC_ARGS, EXC_TRACEBACK, EXC_CONTEXT, EXC_CAUSE],
  [Kind.TRACEBACK]: [TB_NEXT, TB_CODE, TB_GLOBALS],
  [Kind.PROPERTY]: [PROP_GET, PROP_SET, PROP_DEL, PROP_DOC],
  [Kind.STATICMETHOD]: [WRAPPED],
  [Kind.CLASSMETHOD]: [WRAPPED],
  [Kind.SUPER]: [GC_HEADER_END, GC_HEADER_END + 4, GC_HEADER_END + 8],
  [Kind.BUILTIN_FUNCTION]: [BF_SELF, BF_NAME, BF_MODULE],
  [Kind.INSTANCE]: [GC_HEADER_END],
  [Kind.SLICE]: [SLICE_START, SLICE_STOP, SLICE_STEP],
  // iterators and views: what they iterate is their first field (map/filter/callable iterators: two)
  [Kind.SEQ_ITER]: [GC_HEADER_END],
  [Kind.REVERSED]: [GC_HEADER_END],
  [Kind.ENUMERATE]: [GC_HEADER_END],
  [Kind.ZIP]: [GC_HEADER_END],
  [Kind.MAP]: [GC_HEADER_END, GC_HEADER_END + 4],
  [Kind.FILTER]: [GC_HEADER_END, GC_HEADER_END + 4],
  [Kind.CALL_ITER]: [GC_HEADER_END, GC_HEADER_END + 4],
  [Kind.DICT_ITER]: [GC_HEADER_END],
  [Kind.DICT_VIEW]: [GC_HEADER_END],
  [Kind.SET_ITER]: [GC_HEADER_END],
  [Kind.WEAKREF]: [GC_HEADER_END + 4], // the callback (weakref.ts WR_CALLBACK); the referent is not owned
};

/** Calls `visit` on every reference `r` holds; false if its kind is opaque to the collector. */
function traverse(rt: Runtime, r: Ref, visit: Visit): boolean {
  const i32 = rt.i32;
  const type = rt.typeOf(r);
  if ((i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) visit(type); // instances own their class
  const kind = rt.typeKind(type);
  switch (kind) {
    case Kind.LIST: {
      // straight from the heap: traverse runs for every candidate of every collection
      const n = listSize(rt, r);
      if (n > 0) {
        const b = itemsBase(rt, r);
        for (let i = 0; i < n; i++) visit(i32[b + i]! as Ref);
      }
      if (isListSubInstance(rt, r) && i32[(r + LIST_SUB_DICT) >> 2] !== 0) visit(i32[(r + LIST_SUB_DICT) >> 2]! as Ref);
      return true;
    }
    case Kind.TUPLE: {
      const b = (r + TUPLE_ITEMS) >> 2;
      for (let i = 0, n = tupleRealSize(rt, r); i < n; i++) {
        const x = i32[b + i]!;
        if (x !== 0) visit(x as Ref); // (a struct sequence's fields past its items may be unset yet)
      }
      return true;
    }
    case Kind.DICT:
      traverseDict(rt, r, visit);
      if (isDictSubInstance(rt, r) && i32[(r + DICT_SUB_DICT) >> 2] !== 0) visit(i32[(r + DICT_SUB_DICT) >> 2]! as Ref);
      return true;
    case Kind.SET: case Kind.FROZENSET: traverseSet(rt, r, visit); return true;
    case Kind.GENERATOR: traverseGenerator(rt, r, visit); return true;
    case Kind.NATIVE: traverseNative(rt, r, visit); return true;
    case Kind.TYPE:
      if ((i32[(r + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return false;
      for (const off of [TP_DICT, TP_MRO, TP_BASES, TP_BASE]) {
        const v = i32[(r + off) >> 2]!;
        if (v !== 0) visit(v as Ref);
      }
      return true;
    case Kind.STR: case Kind.INT: case Kind.FLOAT: case Kind.BYTES: case Kind.COMPLEX:
      return true; // only their class, visited above (they are candidates only as heap-subclass instances)
    default: {
      const fields = FIELDS[kind];
      if (fields === undefined) return false;
      for (const off of fields) {
        const v = i32[(r + off) >> 2]!;
        if (v !== 0 && (v & 15) === 0) visit(v as Ref);
      }
      return true;
    }
  }
}

/** gc.get_referents' view of `r`: what it references if it is a container (cf. tp_traverse; a dict whose
 *  keys are all str reports its values only, as CPython's split/unicode tables do). */
export function traverseForReferents(rt: Runtime, r: Ref, visit: Visit): void {
  const type = rt.typeOf(r);
  if (!isContainerKind(rt.typeKind(type)) && (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return;
  if (type === rt.types[Kind.DICT]) {
    const items = dictItems(rt, r);
    const strKeys = items.every(([k]) => rt.typeOf(k) === rt.types[Kind.STR]);
    for (const [k, v] of items) {
      if (!strKeys) visit(k);
      visit(v);
    }
    return;
  }
  const kind = rt.typeKind(type);
  if (kind === Kind.TUPLE && type !== rt.types[Kind.TUPLE] && (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) {
    // a struct sequence (the static tuple subtypes): structseq_traverse goes from the first field to
    // the last, the ones kept past the items included
    const b = (r + TUPLE_ITEMS) >> 2;
    for (let i = 0, n = tupleRealSize(rt, r); i < n; i++) if (rt.i32[b + i] !== 0) visit(rt.i32[b + i]! as Ref);
    return;
  }
  if (kind === Kind.LIST || kind === Kind.TUPLE) {
    // list_traverse and tupletraverse go from the last item to the first
    const items = kind === Kind.LIST ? listItems(rt, r) : tupleItems(rt, r);
    if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) visit(type);
    for (let i = items.length - 1; i >= 0; i--) if (items[i] !== 0) visit(items[i]!);
    return;
  }
  traverse(rt, r, (x) => {
    if (x !== 0) visit(x);
  });
}

/** Releases the references an unreachable object holds, breaking its cycles (cf. tp_clear). */
function clear(rt: Runtime, r: Ref): void {
  const i32 = rt.i32;
  const kind = rt.kindOf(r);
  const release = (off: number): void => {
    const v = i32[(r + off) >> 2]! as Ref;
    if (v !== 0) {
      i32[(r + off) >> 2] = 0;
      rt.decref(v);
    }
  };
  switch (kind) {
    case Kind.LIST:
      deallocList(rt, r);
      releaseListSubDict(rt, r);
      return;
    case Kind.DICT:
      dictClear(rt, r);
      if (isDictSubInstance(rt, r)) release(DICT_SUB_DICT);
      return;
    case Kind.SET: setClear(rt, r); return;
    case Kind.INSTANCE: release(GC_HEADER_END); return;
    case Kind.GENERATOR: clearGenerator(rt, r); return;
    case Kind.NATIVE: clearNative(rt, r); return;
    case Kind.CELL: release(CELL_REF); return;
    case Kind.WEAKREF: release(GC_HEADER_END + 4); return;
    case Kind.MODULE: release(MOD_DICT); return; // the dict may still be reachable (a function's globals)
    case Kind.EXCEPTION: for (const off of [EXC_DICT, EXC_TRACEBACK, EXC_CONTEXT, EXC_CAUSE]) release(off); return;
    case Kind.FUNCTION:
      // keep code, globals, builtins and names: a frame may still need them while the cycle unwinds
      for (const off of FN_REF_FIELDS.slice(5)) release(off);
      return;
    case Kind.TYPE:
      if ((i32[(r + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return;
      // the dict stays (type.__dict__ may have been handed out, as CPython's mappingproxy); the MRO goes
      {
        const mro = i32[(r + TP_MRO) >> 2]! as Ref;
        rt.incref(rt.emptyTuple);
        i32[(r + TP_MRO) >> 2] = rt.emptyTuple;
        rt.decref(mro);
      }
      return;
    default:
      return;
  }
}

/** Per-runtime collector state that gc.get_stats and the generation scheduling need. */
interface GcState {
  /** Per generation: collections, objects collected, uncollectable (always 0: gilpy has no tp_del). */
  stats: { collections: number; collected: number; uncollectable: number }[];
  /** cf. CPython's long_lived_pending / long_lived_total: an automatic full collection waits until the
   *  objects that survived generation 1 since the last one are as many as those that survived it (CPython:
   *  a quarter; a full collection costs more here, so it runs about half as often while a program builds a
   *  large structure). */
  longLivedPending: number;
  longLivedTotal: number;
}
const states = new WeakMap<Runtime, GcState>();
export function gcState(rt: Runtime): GcState {
  let s = states.get(rt);
  if (s === undefined) {
    s = { stats: [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 })), longLivedPending: 0, longLivedTotal: 0 };
    states.set(rt, s);
  }
  return s;
}

/** Statistics of all collections (for --stats). */
export const gcStats = { collections: 0, collected: 0, uncollectable: 0 };

/**
 * Collects generation `generation` and the younger ones (cf. gc_collect_with_callback): gc.collect(),
 * the automatic collections, and the one at exit. Returns how many unreachable objects were found (what
 * gc.collect() returns). Finalizers (__del__) of unreachable instances run first, once each (PEP 442).
 * `walkHeap`: look at every block of the heap, not only the tracked containers (full collections that
 * gc.collect() or the exit asks for).
 */
export function collect(rt: Runtime, generation = 2, walkHeap = generation === 2): number {
  if (rt.gcCollecting) return 0; // gc.collect() from a __del__ run by a collection (as CPython)
  const locks = rt.containerLocks;
  if (locks !== null) {
    // no-GIL mode (nogil/attach.ts): no generation lists, so the heap is walked, with every other worker
    // parked at a safepoint (nobody allocates, frees or changes a count while the counts are compared);
    // nothing until the embedder enabled it (see enableStopTheWorldCollector)
    if (!locks.collectorEnabled()) return 0;
    return collectNow(rt, generation, true);
  }
  return collectNow(rt, generation, walkHeap);
}

/**
 * The exit's collection (VM.shutdown): a full collection that leaves out, in GIL mode, the objects
 * settleBootObjects marked, as if they were in CPython's permanent generation (gc.freeze()): they are
 * not candidates, so what they reference counts as referenced from outside. They are the interpreter's
 * own (the built-in types and exceptions, their dicts and methods, the builtins module, sys.modules):
 * immutable, or reachable from the heap's roots unless a program cut one loose and tied it into a cycle
 * (none is known to); leaving them out saves most of the exit's work (some 3 ms: README, STARTUP.md).
 */
export function collectAtExit(rt: Runtime): number {
  if (rt.containerLocks !== null) return collect(rt);
  skipBootObjects = true;
  try {
    return collectNow(rt, 2, true);
  } finally {
    skipBootObjects = false;
  }
}
/** Set while collectAtExit runs: the heap walk leaves out the objects marked META_BOOT_MARK. */
let skipBootObjects = false;

/** No-GIL mode: runs `fn` with every other worker parked (the heap walk and the comparison of counts);
 *  GIL mode: just runs it. */
function worldStopped<T>(rt: Runtime, fn: () => T): T {
  const locks = rt.containerLocks;
  return locks === null ? fn() : locks.stopTheWorld(fn);
}

/** No-GIL mode, inside worldStopped: lets the other workers run while `fn` runs Python code (finalizers,
 *  weakref callbacks, the clearing of the garbage, which may run more __del__), as CPython 3.13's
 *  free-threaded collector restarts the world for them; GIL mode: just runs it. */
function worldRunning<T>(rt: Runtime, fn: () => T): T {
  const locks = rt.containerLocks;
  return locks === null ? fn() : locks.resumeWorld(fn);
}

function collectNow(rt: Runtime, generation: number, walkHeap: boolean): number {
  if (rt.gcCollecting) return 0;
  rt.gcCollecting = true;
  try {
    invokeCallbacks(rt, 'start', generation, 0, 0);
    const frees = rt.heap.frees;
    traceGcEvent(rt, 'start', generation);
    const n = worldStopped(rt, () => collectGeneration(rt, generation, walkHeap));
    traceGcEvent(rt, 'stop', generation, n, rt.heap.frees - frees);
    invokeCallbacks(rt, 'stop', generation, n, 0);
    return n;
  } finally {
    rt.gcCollecting = false;
  }
}

/** The automatic collection (cf. gc_collect_generations): the oldest generation whose count passed its
 *  threshold, generation 2 only once enough objects survived generation 1 since the last full one
 *  (see GcState.longLivedPending). */
setPendingCollector((rt) => {
  if (rt.containerLocks !== null && !sharedGcEnabled(rt)) return; // no-GIL: gc.disable() by any thread
  const st = gcState(rt);
  const thresholds = rt.containerLocks !== null ? sharedThresholds(rt) : rt.gcThresholds;
  for (let i = 2; i >= 0; i--) {
    if (rt.gcCounts[i]! > thresholds[i]!) {
      if (i === 2 && st.longLivedPending < st.longLivedTotal) continue;
      collect(rt, i, false); // the tracked objects only: no walk of the whole heap
      break;
    }
  }
});

/** Calls each of gc.callbacks with (phase, info), as invoke_gc_callback; their errors are unraisable.
 *  (The list is looked up in the gc module each time: CPython keeps the one it made.) */
function invokeCallbacks(rt: Runtime, phase: string, generation: number, collected: number, uncollectable: number): void {
  const mods = rt.root(Root.SYS_MODULES);
  if (mods === 0) return;
  const k = rt.newStr('gc');
  const gcMod = dictGet(rt, mods, k);
  rt.decref(k);
  if (gcMod === 0 || rt.kindOf(gcMod) !== Kind.MODULE) return;
  const ck = rt.newStr('callbacks');
  const cbs = dictGet(rt, moduleDict(rt, gcMod), ck);
  rt.decref(ck);
  if (cbs === 0 || rt.typeOf(cbs) !== rt.types[Kind.LIST] || listSize(rt, cbs) === 0) return;
  const items = listItems(rt, cbs);
  for (const cb of items) rt.incref(cb);
  rt.incref(cbs);
  const info = newDict(rt);
  const put = (name: string, v: number): void => {
    const key = rt.newStr(name);
    const val = rt.newInt(v);
    dictSet(rt, info, key, val);
    rt.decref(key);
    rt.decref(val);
  };
  put('generation', generation);
  put('collected', collected);
  put('uncollectable', uncollectable);
  const ph = rt.newStr(phase);
  try {
    for (const cb of items) {
      try {
        rt.decref(callObject(rt, cb, [ph, info]));
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        reportUnraisable(rt, repr(rt, cb), e.exc);
      }
    }
  } finally {
    for (const cb of items) rt.decref(cb);
    rt.decref(ph);
    rt.decref(info);
    rt.decref(cbs);
  }
}

/** After boot: the interpreter's own containers go to the oldest generation and the counts start from
 *  zero, so that a program's first collections concern its own objects. */
export function settleBootObjects(rt: Runtime): void {
  mergeInto(rt, 1, 2);
  rt.gcCounts.fill(0);
  rt.gcPending = false;
  markBootObjects(rt);
}

/** Marks (META_BOOT_MARK) the live objects that are not immortal and can have no finalizer (not
 *  instances of a class statement's class, not generators): collectAtExit leaves them out. GIL mode only
 *  (a VM boots in GIL mode; a block freed and used again gets a new header, without the mark). */
function markBootObjects(rt: Runtime): void {
  const i32 = rt.i32;
  const top = rt.heap.top;
  const generatorType = rt.types[Kind.GENERATOR]!;
  for (let p = HEAP_START; p < top;) {
    const m = (p + OB_META) >> 2;
    const meta = i32[m]!;
    const type = i32[(p + OB_TYPE) >> 2]!;
    if (type !== FREED_TAG && type !== 0 && (meta & FLAG_IMMORTAL) === 0 && type !== generatorType
      && (i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) {
      i32[m] = meta | META_BOOT_MARK;
    }
    p += CLASS_BYTES[meta >>> META_CLASS_SHIFT]!;
  }
}

/** Moves generations 0..gen-1 into `gen`'s list (their objects now belong to `gen`); returns gen's members. */
function mergeInto(rt: Runtime, young: number, target: number): void {
  const i32 = rt.i32;
  const heads = rt.gcHeads;
  for (let g = 0; g <= young; g++) {
    if (g === target || heads[g] === 0) continue;
    let last = 0;
    for (let p = heads[g]!; p !== 0; p = i32[(p + GC_NEXT) >> 2]!) {
      const m = (p + OB_META) >> 2;
      i32[m] = (i32[m]! & ~GEN_MASK) | (target << GEN_SHIFT);
      last = p;
    }
    const t = heads[target]!;
    i32[(last + GC_NEXT) >> 2] = t;
    if (t !== 0) i32[(t + GC_PREV) >> 2] = last;
    heads[target] = heads[g]!;
    heads[g] = 0;
  }
}

function collectGeneration(rt: Runtime, gen: number, walkHeap: boolean): number {
  const i32 = rt.i32;
  const st = gcState(rt);
  const counts = rt.gcCounts;
  if (gen < 2) counts[gen + 1]!++;
  for (let g = 0; g <= gen; g++) counts[g] = 0;
  const target = gen === 2 ? 2 : gen + 1;
  // 1. candidates: the generations' members; for gc.collect() and at exit every live object that may
  //    hold references (the heap's blocks: also what nothing tracks)
  let candidates: Ref[];
  let unreachable: Ref[];
  let tuples: Ref[] | null = null;
  if (!walkHeap) {
    [candidates, unreachable, tuples] = unreachableTracked(rt, gen);
  } else {
    candidates = [];
    const top = rt.heap.top;
    // (the owner bits that leave a block out: the boot mark at exit, none else)
    const skipOwner = skipBootObjects ? META_BOOT_MARK : -1;
    // a count of 0 is an object being deallocated (a __del__ its dealloc ran called gc.collect(); CPython's
    // collector never sees one, untracked first; taking it as garbage frees it twice). Without the GIL the
    // count is split: the owner's part alone may be 0 while the shared part keeps the object alive, so the
    // whole count is read there (local + shared, which brc.ts keeps at 1 or more for a live object)
    const biased = rt.containerLocks !== null;
    for (let p = HEAP_START; p < top;) {
      const meta = i32[(p + OB_META) >> 2]!;
      const r = p as Ref;
      p += CLASS_BYTES[meta >>> META_CLASS_SHIFT]!;
      if ((meta & FLAG_IMMORTAL) !== 0 || (meta & META_OWNER_MASK) === skipOwner) continue;
      const t = i32[(r + OB_TYPE) >> 2]!;
      if (t !== FREED_TAG && t !== 0 && (biased ? rt.refcount(r) : i32[r >> 2]) !== 0 && isCandidate(rt, r)) {
        candidates.push(r);
      }
    }
    // 2-3. what only the candidates themselves reference
    unreachable = unreachableAmong(rt, candidates);
    mergeInto(rt, gen, target);
  }
  st.stats[gen]!.collections++;
  gcStats.collections++;
  // tuples of atoms are untracked (cf. untrack_tuples): they can never be part of a cycle. (Not by the
  // automatic full collections: a tuple reaches generation 2 examined twice already, and a pass over every
  // object of a large heap costs more here than in C.)
  const dead = new Set<number>(unreachable);
  if (gen < 2 || walkHeap) {
    const tupleType = rt.types[Kind.TUPLE]!;
    for (const r of tuples ?? candidates) {
      if (rt.typeOf(r) === tupleType && !dead.has(r) && (i32[(r + OB_META) >> 2]! & FLAG_GC_TRACKED) !== 0) maybeUntrackTuple(rt, r);
    }
  }
  const survivors = candidates.length - unreachable.length;
  if (rt.containerLocks !== null) setLongLivedTotal(rt, survivors); // no-GIL mode's trigger (see sync.ts)
  if (gen === 1) st.longLivedPending += survivors;
  const n = unreachable.length === 0 ? 0 : freeUnreachable(rt, unreachable, dead);
  if (gen === 2) {
    st.longLivedPending = 0;
    st.longLivedTotal = survivors;
  }
  st.stats[gen]!.collected += n;
  gcStats.collected += n;
  return n;
}

/** True if `r` is a container a collection could find in a cycle (cf. _PyObject_GC_MAY_BE_TRACKED). */
export function mayBeTracked(rt: Runtime, r: Ref): boolean {
  const type = rt.typeOf(r);
  if (type === rt.types[Kind.TUPLE]) return (rt.i32[(r + OB_META) >> 2]! & FLAG_GC_TRACKED) !== 0;
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) return true;
  return isContainerKind(rt.typeKind(type)) && (rt.i32[(r + OB_META) >> 2]! & FLAG_IMMORTAL) === 0;
}

/** Untracks a tuple that holds no container (cf. _PyTuple_MaybeUntrack). */
function maybeUntrackTuple(rt: Runtime, t: Ref): void {
  const i32 = rt.i32;
  const b = (t + TUPLE_ITEMS) >> 2;
  for (let i = 0, n = i32[(t + TUPLE_SIZE) >> 2]!; i < n; i++) {
    const x = i32[b + i]! as Ref;
    if (x === 0 || mayBeTracked(rt, x)) return;
  }
  rt.gcUntrack(t);
}

/** Finalizes and frees the unreachable objects (borrowed Refs; `dead` holds the same); returns how many
 *  were garbage (freed), not counting what finalizers freed. */
function freeUnreachable(rt: Runtime, unreachable: Ref[], dead: Set<number>): number {
  // 4. keep them alive while finalizing; a __del__ may store a reference to any of them (resurrection),
  //    so what is reachable again afterwards is left alone (cf. CPython handle_resurrected_objects)
  for (const r of unreachable) rt.incref(r);
  // weak references to the garbage are cleared before any finalizer runs; callbacks of those weakrefs
  // that are not garbage themselves run now (cf. handle_weakrefs)
  handleWeakrefs(rt, unreachable, dead, (callbacks) => worldRunning(rt, callbacks));
  let ranFinalizer = false;
  worldRunning(rt, () => {
    for (const r of unreachable) ranFinalizer = finalize(rt, r) || ranFinalizer;
  });
  let held = unreachable;
  if (ranFinalizer) {
    // What a finalizer left referenced by the collector alone, CPython frees as soon as it finalized it
    // (and what that frees in turn): such objects are gone before the count is taken, so not counted.
    for (let freed = true; freed;) {
      freed = false;
      const rest: Ref[] = [];
      for (const r of held) {
        if (rt.refcount(r) === 1) {
          rt.decref(r);
          freed = true;
        } else rest.push(r);
      }
      held = rest;
    }
  }
  const garbage = ranFinalizer ? stillUnreachable(rt, held) : held;
  worldRunning(rt, () => {
    for (const r of garbage) clear(rt, r);
    for (const r of held) rt.decref(r);
  });
  return garbage.length;
}

const REACHABLE = -1;
/**
 * unreachableAmong for the tracked members of generations 0..gen, done in their headers as CPython does:
 * GC_PREV holds gc_refs during the collection (then REACHABLE once reached) and the prev links are
 * rebuilt afterwards; an object is a candidate if it is tracked in one of those generations. Returns the
 * candidates, the unreachable ones among them and the tuples among them (borrowed).
 */
function unreachableTracked(rt: Runtime, gen: number): [Ref[], Ref[], Ref[]] {
  const i32 = rt.i32;
  const maxGen = gen << GEN_SHIFT;
  const cands: Ref[] = [];
  for (let g = 0; g <= gen; g++) {
    for (let p = rt.gcHeads[g]!; p !== 0; p = i32[(p + GC_NEXT) >> 2]!) {
      cands.push(p as Ref);
      i32[(p + GC_PREV) >> 2] = i32[p >> 2]!;
    }
  }
  const isCand = (x: number): boolean => {
    const m = i32[(x + OB_META) >> 2]!;
    return (m & FLAG_GC_TRACKED) !== 0 && (m & GEN_MASK) <= maxGen;
  };
  const subtract = (x: Ref): void => {
    if (x !== 0 && isCand(x)) i32[(x + GC_PREV) >> 2]!--;
  };
  const tupleType = rt.types[Kind.TUPLE]!;
  const tuples: Ref[] = [];
  for (const r of cands) {
    if (i32[(r + OB_TYPE) >> 2] === tupleType) tuples.push(r);
    if (!traverse(rt, r, subtract)) i32[(r + GC_PREV) >> 2] = OPAQUE;
  }
  // what a root (gc_refs > 0) reaches is marked as it is found; a candidate that is a root itself is left
  // for the loop below to start from
  const stack: Ref[] = [];
  const reach = (x: Ref): void => {
    if (x !== 0 && isCand(x)) {
      const v = i32[(x + GC_PREV) >> 2]!;
      if (v <= 0 && v !== REACHABLE) {
        i32[(x + GC_PREV) >> 2] = REACHABLE;
        stack.push(x);
      }
    }
  };
  for (const r of cands) {
    if (i32[(r + GC_PREV) >> 2]! <= 0) continue;
    i32[(r + GC_PREV) >> 2] = REACHABLE;
    traverse(rt, r, reach);
    while (stack.length > 0) traverse(rt, stack.pop()!, reach);
  }
  const unreachable = cands.filter((r) => i32[(r + GC_PREV) >> 2] !== REACHABLE);
  // the prev links again, and generations 0..gen join `target` (the survivors move up, cf. gc_list_merge)
  const target = gen === 2 ? 2 : gen + 1;
  const heads = rt.gcHeads;
  const bits = target << GEN_SHIFT;
  let first = 0;
  let prev = 0;
  for (let g = 0; g <= gen; g++) {
    for (let p = heads[g]!; p !== 0; p = i32[(p + GC_NEXT) >> 2]!) {
      i32[(p + GC_PREV) >> 2] = prev;
      if (prev === 0) first = p;
      else i32[(prev + GC_NEXT) >> 2] = p;
      const m = (p + OB_META) >> 2;
      i32[m] = (i32[m]! & ~GEN_MASK) | bits;
      prev = p;
    }
    heads[g] = 0;
  }
  if (first !== 0) {
    const t = heads[target]!;
    i32[(prev + GC_NEXT) >> 2] = t;
    if (t !== 0) i32[(t + GC_PREV) >> 2] = prev;
    heads[target] = first;
  }
  return [cands, unreachable, tuples];
}

/** Scratch space of the collector, indexed by block from the lowest candidate ((ref - base) >>> 4; a
 *  ref below the base or past the candidates falls outside, or on an entry of an earlier epoch): a mark
 *  (the collection's epoch: a candidate; epoch + 1: found reachable) and gc_refs (cf. CPython's gc_refs
 *  in _gc_prev). Typed arrays rather than Maps: a full collection of a large heap visits millions of
 *  objects. Sized by the candidates' span, not the heap's: the exit's collection of a small program
 *  finds a few dozen objects, all above the thread's 2 MB data stack, and zeroing arrays for the whole
 *  heap (1.7 MB) cost it some 0.25 ms (docs/STARTUP.md). */
interface Scratch { mark: Int32Array; refs: Int32Array; epoch: number }
const scratches = new WeakMap<Runtime, Scratch>();
/** Scratch for `blocks` blocks from the base. */
function scratchFor(rt: Runtime, blocks: number): Scratch {
  let s = scratches.get(rt);
  if (s === undefined || s.mark.length < blocks || s.epoch > 0x3fff_fff0) {
    const n = Math.max(blocks + (blocks >> 1), 1 << 10);
    s = { mark: new Int32Array(n), refs: new Int32Array(n), epoch: 0 };
    scratches.set(rt, s);
  }
  return s;
}
const OPAQUE = 1 << 30;

/**
 * The candidates that nothing outside them references, directly or through other candidates: subtract
 * the references candidates hold to each other from their counts (each count less `bias`), then
 * everything still referenced from outside (or whose references the collector cannot see) is reachable,
 * and so is all it reaches. The Refs returned are borrowed (the collector holds none yet).
 */
function unreachableAmong(rt: Runtime, cands: readonly Ref[], bias = 0): Ref[] {
  if (cands.length === 0) return []; // (the exit's collection after a program that left no containers)
  let base: number = cands[0]!;
  let last: number = base;
  for (const r of cands) {
    if (r < base) base = r;
    else if (r > last) last = r;
  }
  const s = scratchFor(rt, ((last - base) >>> 4) + 1);
  const E = (s.epoch += 2);
  const mark = s.mark;
  const refs = s.refs;
  const i32 = rt.i32;
  // (no-GIL mode: the count is the biased one, local + shared, which rt.refcount adds up)
  const biased = rt.containerLocks !== null;
  for (const r of cands) {
    const i = (r - base) >>> 4;
    mark[i] = E;
    refs[i] = (biased ? rt.refcount(r) : i32[r >> 2]!) - bias;
  }
  const subtract = (x: Ref): void => {
    const i = (x - base) >>> 4;
    if (mark[i] === E) refs[i]!--;
  };
  for (const r of cands) if (!traverse(rt, r, subtract)) refs[(r - base) >>> 4] = OPAQUE;
  // as in unreachableTracked: what a root reaches is marked when found, other roots start the loop
  const stack: Ref[] = [];
  const reach = (x: Ref): void => {
    const i = (x - base) >>> 4;
    if (mark[i] === E && refs[i]! <= 0) {
      mark[i] = E + 1;
      stack.push(x);
    }
  };
  for (const r of cands) {
    const i = (r - base) >>> 4;
    if (mark[i] !== E || refs[i]! <= 0) continue;
    mark[i] = E + 1;
    traverse(rt, r, reach);
    while (stack.length > 0) traverse(rt, stack.pop()!, reach);
  }
  return cands.filter((r) => mark[(r - base) >>> 4] === E);
}

/** The members of `set` (each holding one extra reference, the collector's) still unreachable after the
 *  finalizers ran. */
function stillUnreachable(rt: Runtime, set: Ref[]): Ref[] {
  return unreachableAmong(rt, set, 1);
}

function isCandidate(rt: Runtime, r: Ref): boolean {
  const type = rt.typeOf(r);
  if ((rt.i32[(type + OB_TYPE) >> 2]!) === FREED_TAG) return false;
  const kind = rt.typeKind(type);
  if (kind === Kind.RAW || kind === Kind.CODE || kind === Kind.NONE || kind === Kind.BOOL) return false;
  if (kind === Kind.STR || kind === Kind.INT || kind === Kind.FLOAT || kind === Kind.BYTES || kind === Kind.COMPLEX) {
    return (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0; // a str subclass instance holds its class
  }
  return true;
}

/** Runs an instance's __del__ once (cf. PEP 442): for the collector's garbage, and (as the runtime's
 *  finalizer) when a count reaches zero. True if a __del__ ran. */
function finalize(rt: Runtime, r: Ref): boolean {
  const meta = (r + OB_META) >> 2;
  if ((rt.i32[meta]! & FLAG_FINALIZED) !== 0) return false;
  const type = rt.typeOf(r);
  if (rt.typeKind(type) === Kind.GENERATOR) {
    if (genState(rt, r) !== GEN_SUSPENDED) return false;
    rt.setMetaFlags(r, FLAG_FINALIZED);
    finalizeGenerator(rt, r, (exc) => reportUnraisable(rt, repr(rt, r), exc));
    return true;
  }
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return false;
  const del = userDunder(rt, type, Dunder.DEL);
  if (del === 0) return false;
  rt.setMetaFlags(r, FLAG_FINALIZED);
  try {
    rt.decref(callBound(rt, del, r, type, []));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    reportUnraisable(rt, repr(rt, del), e.exc);
  }
  return true;
}

/** Reports an exception nobody can catch (from a finalizer) on stderr, and releases it; the program goes
 *  on (cf. CPython PyErr_WriteUnraisable). */
export function reportUnraisable(rt: Runtime, where: string, exc: Ref): void {
  const host = hostOf(rt);
  try {
    host.stdout.flush();
    // (without the exception's cause and context: WriteUnraisable prints only the exception itself)
    const chained = new Set<number>([rt.i32[(exc + EXC_CAUSE) >> 2]!, rt.i32[(exc + EXC_CONTEXT) >> 2]!]);
    host.stderr.write(`Exception ignored in: ${where}\n${formatException(rt, exc, chained)}`);
    host.stderr.flush();
  } finally {
    rt.decref(exc);
  }
}

setFinalizer((rt, r) => {
  finalize(rt, r);
}, (rt, r, type, kind) => kind === Kind.GENERATOR
  ? genState(rt, r) === GEN_SUSPENDED
  : (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0 && userDunder(rt, type, Dunder.DEL) !== 0);
