/** The cycle collector: finds containers that only reference each other and frees them, in CPython's
 *  manner (cf. gcmodule.c: subtract internal references, propagate reachability from what is still
 *  referenced from outside, then clear the unreachable). It walks the heap's blocks for its candidates
 *  rather than keeping generation lists; collections happen on gc.collect() and before the leak check. */
import { FLAG_FINALIZED, FLAG_IMMORTAL, FREED_TAG, GC_HEADER_END, HEAP_START, META_CLASS_SHIFT, OB_META, OB_TYPE,
  type Ref } from '../heap/layout.js';
import { classBytes } from '../heap/heap.js';
import { setFinalizer, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_MRO, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { PROP_DEL, PROP_DOC, PROP_GET, PROP_SET, WRAPPED } from './descriptors.js';
import { DICT_SUB_DICT, dictClear, isDictSubInstance, traverseDict } from './dict.js';
import { formatException } from './exceptions.js';
import { hostOf } from '../builtins/host-access.js';
import { repr } from './protocols.js';
import { EXC_ARGS, EXC_CAUSE, EXC_CONTEXT, EXC_DICT, EXC_TRACEBACK, TB_CODE, TB_GLOBALS, TB_NEXT } from './exceptions.js';
import { CELL_REF, FN_REF_FIELDS, METHOD_FUNC, METHOD_SELF } from './function.js';
import { Kind } from './kinds.js';
import { deallocList, isListSubInstance, LIST_SUB_DICT, listItems, releaseListSubDict } from './list.js';
import { MOD_DICT, MOD_NAME } from './module.js';
import { BF_MODULE, BF_NAME, BF_SELF } from './native.js';
import { setClear, traverseSet } from './set.js';
import { tupleItems } from './tuple.js';
import { SLICE_START, SLICE_STEP, SLICE_STOP } from './slice.js';
import { PyRaise } from '../runtime.js';
import { callBound, userDefined } from './classes.js';
import { clearGenerator, finalizeGenerator, GEN_SUSPENDED, genState, traverseGenerator } from './generator.js';
import { clearNative, traverseNative } from './native-object.js';

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
};

/** Calls `visit` on every reference `r` holds; false if its kind is opaque to the collector. */
function traverse(rt: Runtime, r: Ref, visit: Visit): boolean {
  const i32 = rt.i32;
  const type = rt.typeOf(r);
  if ((i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) visit(type); // instances own their class
  const kind = rt.typeKind(type);
  switch (kind) {
    case Kind.LIST:
      for (const x of listItems(rt, r)) visit(x);
      if (isListSubInstance(rt, r) && i32[(r + LIST_SUB_DICT) >> 2] !== 0) visit(i32[(r + LIST_SUB_DICT) >> 2]! as Ref);
      return true;
    case Kind.TUPLE: for (const x of tupleItems(rt, r)) visit(x); return true;
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

/** Statistics of the last collections (for gc.get_stats / --stats). */
export const gcStats = { collections: 0, collected: 0, uncollectable: 0 };

/**
 * One full collection: returns how many unreachable objects were found (what gc.collect() returns).
 * Finalizers (__del__) of unreachable instances run first, once each (PEP 442).
 */
export function collect(rt: Runtime): number {
  if (collecting.has(rt)) return 0; // gc.collect() from a __del__ run by a collection (as CPython)
  collecting.add(rt);
  try {
    return collectOnce(rt);
  } finally {
    collecting.delete(rt);
  }
}
const collecting = new WeakSet<Runtime>();

function collectOnce(rt: Runtime): number {
  const i32 = rt.i32;
  // 1. candidates: every live container, with its reference count
  const gcRefs = new Map<number, number>();
  const top = rt.heap.top;
  for (let p = HEAP_START; p < top;) {
    const meta = i32[(p + OB_META) >> 2]!;
    const size = classBytes(meta >>> META_CLASS_SHIFT);
    const t = i32[(p + OB_TYPE) >> 2]!;
    if (t !== FREED_TAG && t !== 0 && (meta & FLAG_IMMORTAL) === 0 && isCandidate(rt, p as Ref)) {
      gcRefs.set(p, i32[p >> 2]!);
    }
    p += size;
  }
  // 2-3. what only the candidates themselves reference
  const unreachable = unreachableAmong(rt, gcRefs);
  gcStats.collections++;
  if (unreachable.length === 0) return 0;
  // 4. keep them alive while finalizing; a __del__ may store a reference to any of them (resurrection),
  //    so what is reachable again afterwards is left alone (cf. CPython handle_resurrected_objects)
  for (const r of unreachable) rt.incref(r);
  let ranFinalizer = false;
  for (const r of unreachable) ranFinalizer = finalize(rt, r) || ranFinalizer;
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
  for (const r of garbage) clear(rt, r);
  for (const r of held) rt.decref(r);
  gcStats.collected += garbage.length;
  return garbage.length;
}

/**
 * The candidates (mapped to their reference counts) that nothing outside them references, directly or
 * through other candidates: subtract the references candidates hold to each other, then everything still
 * referenced from outside (or whose references the collector cannot see) is reachable, and so is all it
 * reaches. Consumes `counts`; the Refs returned are borrowed (the collector holds none yet).
 */
function unreachableAmong(rt: Runtime, counts: Map<number, number>): Ref[] {
  const opaque = new Set<number>();
  for (const r of counts.keys()) {
    const known = traverse(rt, r as Ref, (x) => {
      const c = counts.get(x);
      if (c !== undefined) counts.set(x, c - 1);
    });
    if (!known) opaque.add(r);
  }
  const reachable = new Set<number>();
  const stack: number[] = [];
  for (const [r, c] of counts) if (c > 0 || opaque.has(r)) stack.push(r);
  while (stack.length > 0) {
    const r = stack.pop()!;
    if (reachable.has(r)) continue;
    reachable.add(r);
    traverse(rt, r as Ref, (x) => {
      if (counts.has(x) && !reachable.has(x)) stack.push(x);
    });
  }
  return [...counts.keys()].filter((r) => !reachable.has(r)) as Ref[];
}

/** The members of `set` (each holding one extra reference, the collector's) still unreachable after the
 *  finalizers ran. */
function stillUnreachable(rt: Runtime, set: Ref[]): Ref[] {
  return unreachableAmong(rt, new Map(set.map((r) => [r, rt.refcount(r) - 1])));
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
    rt.i32[meta]! |= FLAG_FINALIZED;
    finalizeGenerator(rt, r, (exc) => reportUnraisable(rt, repr(rt, r), exc));
    return true;
  }
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return false;
  const del = userDefined(rt, type, '__del__');
  if (del === 0) return false;
  rt.i32[meta]! |= FLAG_FINALIZED;
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
function reportUnraisable(rt: Runtime, where: string, exc: Ref): void {
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
});
