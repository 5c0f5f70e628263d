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

/** weakref: the referent (NOT owned: 0 once it died), the callback (owned, or 0), the cached hash and
 *  whether it is set. */
export const WR_REFERENT = GC_HEADER_END;
export const WR_CALLBACK = WR_REFERENT + 4;
const WR_HASH = WR_REFERENT + 8;
const WR_HASHED = WR_REFERENT + 12;
const WR_BYTES = WR_REFERENT + 16;

/** The weak references to each object that has some, in CPython's list order: the basic reference (no
 *  callback, exact type) first, then the others newest first. Per runtime; the object carries
 *  FLAG_WEAKREFD while it has an entry. */
const lists = new WeakMap<Runtime, Map<number, Ref[]>>();
function listsOf(rt: Runtime): Map<number, Ref[]> {
  let m = lists.get(rt);
  if (m === undefined) lists.set(rt, (m = new Map()));
  return m;
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
  return listsOf(rt).get(r) ?? [];
}

/** `weakref.ref(obj[, callback])` of type `type` (new reference); a reference without callback is shared,
 *  as CPython shares the basic one. */
export function newWeakref(rt: Runtime, type: Ref, obj: Ref, callback: Ref | 0): Ref {
  if (!weakrefable(rt, obj)) rt.raise('TypeError', `cannot create weak reference to '${rt.typeNameOf(obj)}' object`);
  if (callback === rt.None) callback = 0;
  const all = listsOf(rt);
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
    all.set(obj, (list = []));
    rt.setMetaFlags(obj, FLAG_WEAKREFD);
  }
  // cf. weakref___new__: the basic reference at the head, the others right after it
  if (callback === 0 && type === basicType) list.unshift(wr);
  else list.splice(basic !== 0 ? 1 : 0, 0, wr);
  return wr;
}

/** Removes `wr` from its referent's list and forgets the referent (cf. clear_weakref). */
function detach(rt: Runtime, wr: Ref): void {
  const obj = rt.i32[(wr + WR_REFERENT) >> 2]!;
  if (obj === 0) return;
  rt.i32[(wr + WR_REFERENT) >> 2] = 0;
  const all = listsOf(rt);
  const list = all.get(obj);
  if (list === undefined) return;
  const i = list.indexOf(wr);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) {
    all.delete(obj);
    rt.clearMetaFlags(obj as Ref, FLAG_WEAKREFD);
  }
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
  const list = listsOf(rt).get(obj);
  if (list === undefined) return;
  const pending: [Ref, Ref][] = [];
  for (const wr of [...list]) {
    detach(rt, wr);
    const cb = rt.i32[(wr + WR_CALLBACK) >> 2]! as Ref;
    if (cb !== 0) {
      rt.i32[(wr + WR_CALLBACK) >> 2] = 0;
      if (rt.refcount(wr) > 0) {
        rt.incref(wr);
        pending.push([wr, cb]);
      } else rt.decref(cb);
    }
  }
  runCallbacks(rt, pending);
}
setWeakrefClearer(clearWeakrefs);

/**
 * The collector's part (cf. gcmodule.c handle_weakrefs): weak references to the unreachable objects are
 * cleared before any finalizer runs, so no __del__ can reach the garbage through one; the callbacks of
 * those weakrefs that are not garbage themselves are called now.
 */
export function handleWeakrefs(rt: Runtime, unreachable: readonly Ref[], dead: ReadonlySet<number>): void {
  const all = listsOf(rt);
  const pending: [Ref, Ref][] = [];
  for (const r of unreachable) {
    if ((rt.i32[(r + OB_META) >> 2]! & FLAG_WEAKREFD) === 0) continue;
    for (const wr of [...(all.get(r) ?? [])]) {
      detach(rt, wr);
      if (dead.has(wr)) continue; // garbage itself: its callback never runs
      const cb = rt.i32[(wr + WR_CALLBACK) >> 2]! as Ref;
      if (cb === 0) continue;
      rt.i32[(wr + WR_CALLBACK) >> 2] = 0;
      rt.incref(wr);
      pending.push([wr, cb]);
    }
  }
  runCallbacks(rt, pending);
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
    detach(rt, wr);
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
  return [...listsOf(rt)].map(([obj, refs]) => [obj, [...refs]]);
}
/** Restores what weakrefListsSnapshot took, in a child attached to a copy of the heap. */
export function restoreWeakrefLists(rt: Runtime, data: [number, number[]][]): void {
  const all = listsOf(rt);
  for (const [obj, refs] of data) all.set(obj, refs as Ref[]);
}
