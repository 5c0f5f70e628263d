/** Weak references (cf. CPython weakrefobject.c): `weakref.ref` objects, the per-object lists of weak
 *  references to it, and their clearing when the object dies (on dealloc, or by the collector). */
import { FLAG_WEAKREFD, GC_HEADER_END, OB_META, type Ref } from '../heap/layout.js';
import { PyRaise, setWeakrefClearer, TP_FLAGS, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { callObject, setWeakrefCallHook } from '../interp/call.js';
import { defineConstructor } from './constructors.js';
import { reportUnraisable } from './gc.js';
import { Kind } from './kinds.js';
import { eq, hash, idOf, repr } from './protocols.js';
import { defineSlots } from './slots.js';
import { defineGetter } from './type.js';
import { dictDel, dictGet, dictItems, dictSet, newDict } from './dict.js';
import { tupleItems, tupleSteal } from './tuple.js';
import { HeapCorruption } from '../heap/heap.js';
import { weakrefRegistryWord } from '../nogil/sync.js';

/** weakref: the referent (NOT owned: 0 once it died), the callback (owned, or 0), the cached hash and
 *  whether it is set. */
export const WR_REFERENT = GC_HEADER_END;
export const WR_CALLBACK = WR_REFERENT + 4;
const WR_HASH = WR_REFERENT + 8;
const WR_HASHED = WR_REFERENT + 12;
const WR_BYTES = WR_REFERENT + 16;

/** The weak references to each object that has some, in CPython's list order: the basic reference (no
 *  callback, exact type) first, then the others newest first; the object carries FLAG_WEAKREFD while it
 *  has an entry. GIL mode: a JS Map per runtime. No-GIL mode: one registry in the heap for every worker
 *  (HeapWeakLists), read and changed with its lock held (`locked`). */
interface WeakLists {
  get(obj: number): Ref[] | undefined;
  /** Stores `list` as obj's list (after a change: GIL mode's Map holds the same array already). */
  set(obj: number, list: Ref[]): void;
  delete(obj: number): void;
}
const lists = new WeakMap<Runtime, Map<number, Ref[]>>();
function jsLists(rt: Runtime): Map<number, Ref[]> {
  let m = lists.get(rt);
  if (m === undefined) lists.set(rt, (m = new Map()));
  return m;
}

/**
 * No-GIL mode's registry: an immortal dict in the heap (found through a word of the sync block), from an
 * object's address (an int) to a tuple of its weak references' addresses (ints: the registry owns no
 * reference to them, as the Map does not). Made by the host when it enters the mode; every worker's
 * runtime uses the same one, so a weakref made on one worker is cleared when its referent dies on another
 * (or in a collection by another).
 */
class HeapWeakLists implements WeakLists {
  constructor(private readonly rt: Runtime, readonly dict: Ref) {}
  get(obj: number): Ref[] | undefined {
    const rt = this.rt;
    const k = rt.newInt(obj);
    const v = dictGet(rt, this.dict, k); // borrowed: the registry's lock is held
    rt.decref(k);
    return v === 0 ? undefined : tupleItems(rt, v).map((x) => Number(rt.intValue(x)) as Ref);
  }
  set(obj: number, list: Ref[]): void {
    const rt = this.rt;
    const k = rt.newInt(obj);
    const t = tupleSteal(rt, list.map((w) => rt.newInt(w)));
    dictSet(rt, this.dict, k, t);
    rt.decref(k);
    rt.decref(t);
  }
  delete(obj: number): void {
    const rt = this.rt;
    const k = rt.newInt(obj);
    dictDel(rt, this.dict, k);
    rt.decref(k);
  }
}
const heapLists = new WeakMap<Runtime, HeapWeakLists>();

function listsOf(rt: Runtime): WeakLists {
  if (rt.containerLocks === null) return jsLists(rt);
  let h = heapLists.get(rt);
  if (h === undefined) {
    const d = Atomics.load(rt.i32, weakrefRegistryWord(rt));
    if (d === 0) throw new HeapCorruption('no-GIL heap without a weak-reference registry');
    heapLists.set(rt, (h = new HeapWeakLists(rt, d as Ref)));
  }
  return h;
}

/** Runs `fn` with the weak-reference lists locked (no-GIL mode: the registry's lock, recursive; GIL
 *  mode: nothing). No Python code may run in `fn` (callbacks run after it). */
function locked<T>(rt: Runtime, fn: (all: WeakLists) => T): T {
  const all = listsOf(rt);
  const locks = rt.containerLocks;
  if (locks === null) return fn(all);
  const d = (all as HeapWeakLists).dict;
  locks.acquire(d);
  try {
    return fn(all);
  } finally {
    locks.release(d);
  }
}

/** No-GIL mode's registry dict (immortal, so borrowed), or 0: the leak check leaves its table out. */
export function weakrefRegistry(rt: Runtime): Ref | 0 {
  return rt.containerLocks === null ? 0 : Atomics.load(rt.i32, weakrefRegistryWord(rt)) as Ref;
}

/** Entering no-GIL mode (enableNoGilHeap, before any other worker attaches): makes the heap's registry and moves the
 *  lists this runtime made so far (boot, modules imported before) into it. */
export function enableHeapWeakrefLists(rt: Runtime): void {
  const d = newDict(rt);
  rt.makeImmortal(d);
  Atomics.store(rt.i32, weakrefRegistryWord(rt), d);
  const mine = jsLists(rt);
  const heap = listsOf(rt);
  for (const [obj, refs] of mine) heap.set(obj, refs);
  mine.clear();
}

/** True if weak references to `r` may be made (cf. tp_weaklistoffset): class instances except those of
 *  subclasses of variable-size types (int, tuple, bytes), functions, types, sets, generators, modules... */
export function weakrefable(rt: Runtime, r: Ref): boolean {
  const type = rt.typeOf(r);
  const kind = rt.typeKind(type);
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) {
    return kind !== Kind.INT && kind !== Kind.TUPLE && kind !== Kind.BYTES && kind !== Kind.WEAKREF;
  }
  switch (kind) {
    case Kind.TYPE: case Kind.FUNCTION: case Kind.BUILTIN_FUNCTION: case Kind.METHOD: case Kind.SET:
    case Kind.FROZENSET: case Kind.GENERATOR: case Kind.CODE: case Kind.MODULE:
      return true;
    default:
      return false;
  }
}

/** The referent of weakref `wr` (borrowed), or 0 once it died. */
export function weakrefReferent(rt: Runtime, wr: Ref): Ref | 0 {
  return rt.i32[(wr + WR_REFERENT) >> 2]! as Ref;
}

/** The weak references to `r` (borrowed), in CPython's order. */
export function weakrefsTo(rt: Runtime, r: Ref): readonly Ref[] {
  if ((rt.i32[(r + OB_META) >> 2]! & FLAG_WEAKREFD) === 0) return [];
  return locked(rt, (all) => all.get(r) ?? []);
}

/** `weakref.ref(obj[, callback])` of type `type` (new reference); a reference without callback is shared,
 *  as CPython shares the basic one. */
export function newWeakref(rt: Runtime, type: Ref, obj: Ref, callback: Ref | 0): Ref {
  if (!weakrefable(rt, obj)) rt.raise('TypeError', `cannot create weak reference to '${rt.typeNameOf(obj)}' object`);
  if (callback === rt.None) callback = 0;
  return locked(rt, (all) => {
    let list = all.get(obj);
    const basicType = rt.types[Kind.WEAKREF]!;
    const basic = list !== undefined && list.length > 0 && rt.typeOf(list[0]!) === basicType &&
      rt.i32[(list[0]! + WR_CALLBACK) >> 2] === 0 ? list[0]! : 0;
    if (callback === 0 && type === basicType && basic !== 0) {
      rt.incref(basic);
      return basic;
    }
    const wr = rt.alloc(type, WR_BYTES);
    rt.i32[(wr + WR_REFERENT) >> 2] = obj;
    if (callback !== 0) {
      rt.incref(callback);
      rt.i32[(wr + WR_CALLBACK) >> 2] = callback;
    }
    rt.gcTrack(wr);
    if (list === undefined) {
      list = [];
      rt.setMetaFlags(obj, FLAG_WEAKREFD);
    }
    // cf. weakref___new__: the basic reference at the head, the others right after it
    if (callback === 0 && type === basicType) list.unshift(wr);
    else list.splice(basic !== 0 ? 1 : 0, 0, wr);
    all.set(obj, list);
    return wr;
  });
}

/** Removes `wr` from its referent's list and forgets the referent (cf. clear_weakref); the lists are
 *  locked (`all`). */
function detach(rt: Runtime, all: WeakLists, wr: Ref): void {
  const obj = rt.i32[(wr + WR_REFERENT) >> 2]!;
  if (obj === 0) return;
  rt.i32[(wr + WR_REFERENT) >> 2] = 0;
  const list = all.get(obj);
  if (list === undefined) return;
  const i = list.indexOf(wr);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) {
    all.delete(obj);
    rt.clearMetaFlags(obj as Ref, FLAG_WEAKREFD);
  } else all.set(obj, list);
}

/** Runs callbacks (new references to each weakref and its callback, both released here); errors are
 *  reported as unraisable, as CPython's handle_callback does. */
function runCallbacks(rt: Runtime, pending: [Ref, Ref][]): void {
  for (const [wr, cb] of pending) {
    try {
      rt.decref(callObject(rt, cb, [wr]));
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      reportUnraisable(rt, repr(rt, cb), e.exc);
    } finally {
      rt.decref(cb);
      rt.decref(wr);
    }
  }
}

/** Clears every weak reference to `obj`, which is being freed, then calls their callbacks, those of live
 *  weakrefs only (cf. PyObject_ClearWeakRefs). */
function clearWeakrefs(rt: Runtime, obj: Ref): void {
  const pending: [Ref, Ref][] = [];
  const drop: Ref[] = [];
  locked(rt, (all) => {
    const list = all.get(obj);
    if (list === undefined) return;
    for (const wr of [...list]) {
      detach(rt, all, wr);
      const cb = rt.i32[(wr + WR_CALLBACK) >> 2]! as Ref;
      if (cb !== 0) {
        rt.i32[(wr + WR_CALLBACK) >> 2] = 0;
        if (rt.refcount(wr) > 0) {
          rt.incref(wr);
          pending.push([wr, cb]);
        } else drop.push(cb);
      }
    }
  });
  for (const cb of drop) rt.decref(cb);
  runCallbacks(rt, pending);
}
setWeakrefClearer(clearWeakrefs);

/**
 * The collector's part (cf. gcmodule.c handle_weakrefs): weak references to the unreachable objects are
 * cleared before any finalizer runs, so no __del__ can reach the garbage through one; the callbacks of
 * those weakrefs that are not garbage themselves are called now.
 */
export function handleWeakrefs(rt: Runtime, unreachable: readonly Ref[], dead: ReadonlySet<number>,
  callbacksWith: (run: () => void) => void = (run) => run()): void {
  const pending: [Ref, Ref][] = [];
  locked(rt, (all) => {
    for (const r of unreachable) {
      if ((rt.i32[(r + OB_META) >> 2]! & FLAG_WEAKREFD) === 0) continue;
      for (const wr of [...(all.get(r) ?? [])]) {
        detach(rt, all, wr);
        if (dead.has(wr)) continue; // garbage itself: its callback never runs
        const cb = rt.i32[(wr + WR_CALLBACK) >> 2]! as Ref;
        if (cb === 0) continue;
        rt.i32[(wr + WR_CALLBACK) >> 2] = 0;
        rt.incref(wr);
        pending.push([wr, cb]);
      }
    }
  });
  if (pending.length > 0) callbacksWith(() => runCallbacks(rt, pending));
}

/** Calling a weakref: its referent (new reference), or None once it died. */
function callWeakref(rt: Runtime, wr: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  if (args.length > 0 || (kwargs !== null && kwargs.size > 0)) {
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'weakref() takes no keyword arguments');
    rt.raise('TypeError', `weakref expected 0 arguments, got ${args.length}`);
  }
  const obj = rt.i32[(wr + WR_REFERENT) >> 2]! as Ref;
  if (obj === 0) return rt.None;
  rt.incref(obj);
  return obj;
}

setWeakrefCallHook(callWeakref);

defineConstructor(Kind.WEAKREF, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'ref() takes no keyword arguments');
  if (args.length < 1) rt.raise('TypeError', `__new__ expected at least 1 argument, got ${args.length}`);
  if (args.length > 2) rt.raise('TypeError', `__new__ expected at most 2 arguments, got ${args.length}`);
  return newWeakref(rt, type, args[0]!, args.length > 1 ? args[1]! : 0);
});

defineSlots(Kind.WEAKREF, {
  dealloc(rt, wr) {
    if (rt.i32[(wr + WR_REFERENT) >> 2] !== 0) locked(rt, (all) => detach(rt, all, wr));
    const cb = rt.i32[(wr + WR_CALLBACK) >> 2]! as Ref;
    if (cb !== 0) {
      rt.i32[(wr + WR_CALLBACK) >> 2] = 0;
      rt.decref(cb);
    }
  },
  repr(rt, wr) {
    const obj = rt.i32[(wr + WR_REFERENT) >> 2]! as Ref;
    const at = `0x${idOf(wr).toString(16)}`;
    if (obj === 0) return `<weakref at ${at}; dead>`;
    return `<weakref at ${at}; to '${rt.typeNameOf(obj)}' at 0x${idOf(obj).toString(16)}>`;
  },
  hash(rt, wr) {
    // cf. weakref_hash: the referent's hash, kept once computed
    if (rt.i32[(wr + WR_HASHED) >> 2] !== 0) return rt.i32[(wr + WR_HASH) >> 2]!;
    const obj = rt.i32[(wr + WR_REFERENT) >> 2]! as Ref;
    if (obj === 0) rt.raise('TypeError', 'weak object has gone away');
    const h = hash(rt, obj);
    rt.i32[(wr + WR_HASH) >> 2] = h;
    rt.i32[(wr + WR_HASHED) >> 2] = 1;
    return h;
  },
  richcompare(rt, a, b, op) {
    // cf. weakref_richcompare: == and != only; live referents compare, otherwise identity
    if ((op !== 2 && op !== 3) || !rt.isInstanceOfKind(b, Kind.WEAKREF)) return 0;
    const x = rt.i32[(a + WR_REFERENT) >> 2]! as Ref;
    const y = rt.i32[(b + WR_REFERENT) >> 2]! as Ref;
    const same = x === 0 || y === 0 ? a === b : eq(rt, x, y);
    return rt.bool(op === 2 ? same : !same);
  },
});

defineGetter(Kind.WEAKREF, 'weakref.ReferenceType', '__callback__', (rt, _args, _kwargs, self) => {
  const cb = rt.i32[(self + WR_CALLBACK) >> 2]! as Ref;
  const r = cb === 0 ? rt.None : cb;
  rt.incref(r);
  return r;
});

/** The weak-reference lists as plain data, for a forked child (see proc/image.ts). */
export function weakrefListsSnapshot(rt: Runtime): [number, number[]][] {
  if (rt.containerLocks !== null) {
    // no-GIL mode (a fork, with the world stopped): the heap's registry
    return locked(rt, (all) => dictItems(rt, (all as HeapWeakLists).dict).map(([k, v]) =>
      [Number(rt.intValue(k)), tupleItems(rt, v).map((x) => Number(rt.intValue(x)))]));
  }
  return [...jsLists(rt)].map(([obj, refs]) => [obj, [...refs]]);
}
/** Restores what weakrefListsSnapshot took, in a child attached to a copy of the heap (a no-GIL worker
 *  has none to restore: the registry is in the heap). */
export function restoreWeakrefLists(rt: Runtime, data: [number, number[]][]): void {
  if (rt.containerLocks !== null) return;
  const all = jsLists(rt);
  for (const [obj, refs] of data) all.set(obj, refs as Ref[]);
}
