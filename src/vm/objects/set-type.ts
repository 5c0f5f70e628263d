/** set and frozenset: slots, methods, iterator and constructors, following CPython 3.11's setobject.c
 *  step for step where the order of a result's table depends on it. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { checkArity } from '../builtins/args.js';
import { defineConstructor } from './constructors.js';
import { dictEntryHash, dictEntryKey, dictHasWithHash, dictLen, dictNextPos, dictSnapshot, dropSnapshot } from './dict.js';
import { excMatches, excType, newException, raiseWithValue } from './exceptions.js';
import { Kind } from './kinds.js';
import { reprEnter, reprLeave } from './list-type.js';
import type { NativeImpl } from './native.js';
import { eq, getIter, hash, iterNext, repr } from './protocols.js';
import {
  deallocSet, frozensetHash, newSetOfType, setAdd, setAddKnownHash, setClear, setContains, setContainsKnownHash,
  setDiscard, setDiscardKnownHash, setFill, setItems, setLen, setMask, setMerge, setNextSlot, setPop, setResize,
  setResizeAwayDummies, setSetKeyOps, setSlotHash, setSlotKey, setSwapBodies, setEntriesRef, setIterStepLocked,
} from './set.js';
import { defineSlots } from './slots.js';
import { defineMethod } from './type.js';

setSetKeyOps(hash, eq);

// ================= kinds and construction =================

/** PyAnySet_Check: a set, a frozenset, or an instance of a subclass of either. */
export function isAnySet(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.SET || k === Kind.FROZENSET;
}

/** make_new_set_basetype: the exact set or frozenset type matching `s`'s kind. */
function baseTypeOf(rt: Runtime, s: Ref): Ref {
  return rt.types[rt.kindOf(s) === Kind.SET ? Kind.SET : Kind.FROZENSET]!;
}

/** make_new_set(type, iterable): a new set of `type` filled from `iterable` (or empty). New reference. */
export function makeNewSet(rt: Runtime, type: Ref, iterable: Ref | 0): Ref {
  const s = newSetOfType(rt, type);
  if (iterable !== 0) {
    try {
      setUpdate(rt, s, iterable);
    } catch (e) {
      rt.decref(s);
      throw e;
    }
  }
  return s;
}

/** set_copy: a new set (or frozenset) of `s`'s base type with the same keys. New reference. */
export function setCopy(rt: Runtime, s: Ref): Ref {
  return makeNewSet(rt, baseTypeOf(rt, s), s);
}

/**
 * set_update_internal: adds every item of `other` to `s`. Sets merge table to table and dicts are
 * pre-sized, as in CPython, so the resulting iteration order is CPython's.
 */
export function setUpdate(rt: Runtime, s: Ref, other: Ref): void {
  if (isAnySet(rt, other)) {
    setMerge(rt, s, other);
    return;
  }
  if (rt.typeOf(other) === rt.types[Kind.DICT]) {
    if (rt.containerLocks !== null) return lockedUpdateFromDict(rt, s, other);
    const n = dictLen(rt, other);
    if ((setFill(rt, s) + n) * 5 >= setMask(rt, s) * 3) setResize(rt, s, (setLen(rt, s) + n) * 2);
    for (let p = dictNextPos(rt, other, -1); p >= 0; p = dictNextPos(rt, other, p)) {
      const k = dictEntryKey(rt, other, p);
      rt.incref(k);
      try {
        setAddKnownHash(rt, s, k, dictEntryHash(rt, other, p));
      } finally {
        rt.decref(k);
      }
    }
    return;
  }
  const it = getIter(rt, other);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      try {
        setAdd(rt, s, x);
      } finally {
        rt.decref(x);
      }
    }
  } finally {
    rt.decref(it);
  }
}

/** No-GIL mode's set_update_dict: the dict's keys read as a snapshot under its lock, then added. */
function lockedUpdateFromDict(rt: Runtime, s: Ref, d: Ref): void {
  const snap = dictSnapshot(rt, d);
  try {
    const n = snap.keys.length;
    const locks = rt.containerLocks!;
    locks.acquire(s);
    try {
      if ((setFill(rt, s) + n) * 5 >= setMask(rt, s) * 3) setResize(rt, s, (setLen(rt, s) + n) * 2);
    } finally {
      locks.release(s);
    }
    for (let i = 0; i < n; i++) setAddKnownHash(rt, s, snap.keys[i]!, snap.hashes[i]!);
  } finally {
    dropSnapshot(rt, snap);
  }
}

/** Occupied slots of `s` with their keys and hashes, keys increfed (release with releaseEntries); read
 *  in one step under the set's lock in no-GIL mode. */
function entriesOf(rt: Runtime, s: Ref): { keys: Ref[]; hashes: number[] } {
  const keys: Ref[] = [];
  const hashes: number[] = [];
  if (rt.containerLocks !== null) {
    setEntriesRef(rt, s, keys, hashes);
    return { keys, hashes };
  }
  for (let p = setNextSlot(rt, s, -1); p >= 0; p = setNextSlot(rt, s, p)) {
    const k = setSlotKey(rt, s, p);
    rt.incref(k);
    keys.push(k);
    hashes.push(setSlotHash(rt, s, p));
  }
  return { keys, hashes };
}
function releaseEntries(rt: Runtime, e: { keys: Ref[] }): void {
  for (const k of e.keys) rt.decref(k);
}

/**
 * The method-level membership test (set_contains): an unhashable *set* argument is retried as a
 * frozenset, so `set() in {frozenset()}` works. `run` performs the test for a hashable key.
 */
function withFrozenRetry<T>(rt: Runtime, key: Ref, run: (k: Ref) => T): T {
  try {
    return run(key);
  } catch (e) {
    if (!(e instanceof PyRaise) || rt.kindOf(key) !== Kind.SET || !excMatches(rt, e.exc, 'TypeError')) throw e;
    rt.decref(e.exc);
    const tmp = makeNewSet(rt, rt.types[Kind.FROZENSET]!, key);
    try {
      return run(tmp);
    } finally {
      rt.decref(tmp);
    }
  }
}

// ================= the algebra (cf. setobject.c) =================

/** set_union: a copy of `so` updated with each of `others`. New reference. */
function setUnionMulti(rt: Runtime, so: Ref, others: Ref[]): Ref {
  const result = setCopy(rt, so);
  try {
    for (const o of others) if (o !== so) setUpdate(rt, result, o);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** set_intersection. New reference. */
export function setIntersection(rt: Runtime, so: Ref, other: Ref): Ref {
  if (so === other) return setCopy(rt, so);
  const result = newSetOfType(rt, baseTypeOf(rt, so));
  try {
    if (isAnySet(rt, other)) {
      let big = so;
      let small = other;
      if (setLen(rt, other) > setLen(rt, so)) {
        big = other;
        small = so;
      }
      const ents = entriesOf(rt, small);
      try {
        for (let i = 0; i < ents.keys.length; i++) {
          if (setContainsKnownHash(rt, big, ents.keys[i]!, ents.hashes[i]!)) {
            setAddKnownHash(rt, result, ents.keys[i]!, ents.hashes[i]!);
          }
        }
      } finally {
        releaseEntries(rt, ents);
      }
      return result;
    }
    const it = getIter(rt, other);
    try {
      for (let key = iterNext(rt, it); key !== 0; key = iterNext(rt, it)) {
        try {
          const h = hash(rt, key);
          if (setContainsKnownHash(rt, so, key, h)) {
            setAddKnownHash(rt, result, key, h);
            if (setLen(rt, result) >= setLen(rt, so)) break;
          }
        } finally {
          rt.decref(key);
        }
      }
    } finally {
      rt.decref(it);
    }
    return result;
  } catch (e) {
    rt.decref(result);
    throw e;
  }
}

/** set_intersection_multi. New reference. */
function setIntersectionMulti(rt: Runtime, so: Ref, others: Ref[]): Ref {
  if (others.length === 0) return setCopy(rt, so);
  rt.incref(so);
  let result = so;
  for (const o of others) {
    let next: Ref;
    try {
      next = setIntersection(rt, result, o);
    } finally {
      rt.decref(result);
    }
    result = next;
  }
  return result;
}

/** set_difference_update_internal: removes from `so` every item of `other`. */
export function setDifferenceUpdate(rt: Runtime, so: Ref, other: Ref): void {
  if (so === other) {
    setClear(rt, so);
    return;
  }
  if (isAnySet(rt, other)) {
    // when other is much larger, iterate the intersection instead
    const src = (setLen(rt, other) >> 3) > setLen(rt, so) ? setIntersection(rt, so, other) : (rt.incref(other), other);
    try {
      const ents = entriesOf(rt, src);
      try {
        for (let i = 0; i < ents.keys.length; i++) setDiscardKnownHash(rt, so, ents.keys[i]!, ents.hashes[i]!);
      } finally {
        releaseEntries(rt, ents);
      }
    } finally {
      rt.decref(src);
    }
  } else {
    const it = getIter(rt, other);
    try {
      for (let key = iterNext(rt, it); key !== 0; key = iterNext(rt, it)) {
        try {
          setDiscard(rt, so, key);
        } finally {
          rt.decref(key);
        }
      }
    } finally {
      rt.decref(it);
    }
  }
  setResizeAwayDummies(rt, so); // (more than 1/4 dummies)
}

function setCopyAndDifference(rt: Runtime, so: Ref, other: Ref): Ref {
  const result = setCopy(rt, so);
  try {
    setDifferenceUpdate(rt, result, other);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** set_difference. New reference. */
export function setDifference(rt: Runtime, so: Ref, other: Ref): Ref {
  let otherSize: number;
  const otherIsDict = rt.typeOf(other) === rt.types[Kind.DICT];
  if (isAnySet(rt, other)) otherSize = setLen(rt, other);
  else if (otherIsDict) otherSize = dictLen(rt, other);
  else return setCopyAndDifference(rt, so, other);
  if ((setLen(rt, so) >> 2) > otherSize) return setCopyAndDifference(rt, so, other);
  const result = newSetOfType(rt, baseTypeOf(rt, so));
  const ents = entriesOf(rt, so);
  try {
    for (let i = 0; i < ents.keys.length; i++) {
      const k = ents.keys[i]!;
      const present = otherIsDict ? dictHasWithHash(rt, other, k, ents.hashes[i]!)
        : setContainsKnownHash(rt, other, k, ents.hashes[i]!);
      if (!present) setAddKnownHash(rt, result, k, ents.hashes[i]!);
    }
  } catch (e) {
    rt.decref(result);
    throw e;
  } finally {
    releaseEntries(rt, ents);
  }
  return result;
}

function setDifferenceMulti(rt: Runtime, so: Ref, others: Ref[]): Ref {
  if (others.length === 0) return setCopy(rt, so);
  const result = setDifference(rt, so, others[0]!);
  try {
    for (let i = 1; i < others.length; i++) setDifferenceUpdate(rt, result, others[i]!);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** set_symmetric_difference_update. */
export function setSymmetricDifferenceUpdate(rt: Runtime, so: Ref, other: Ref): void {
  if (so === other) {
    setClear(rt, so);
    return;
  }
  const toggle = (k: Ref, h: number): void => {
    if (!setDiscardKnownHash(rt, so, k, h)) setAddKnownHash(rt, so, k, h);
  };
  if (rt.typeOf(other) === rt.types[Kind.DICT]) {
    if (rt.containerLocks !== null) { // no-GIL: the dict's keys as a snapshot read under its lock
      const snap = dictSnapshot(rt, other);
      try {
        for (let i = 0; i < snap.keys.length; i++) toggle(snap.keys[i]!, snap.hashes[i]!);
      } finally {
        dropSnapshot(rt, snap);
      }
      return;
    }
    for (let p = dictNextPos(rt, other, -1); p >= 0; p = dictNextPos(rt, other, p)) {
      const k = dictEntryKey(rt, other, p);
      rt.incref(k);
      try {
        toggle(k, dictEntryHash(rt, other, p));
      } finally {
        rt.decref(k);
      }
    }
    return;
  }
  let otherset: Ref;
  if (isAnySet(rt, other)) {
    rt.incref(other);
    otherset = other;
  } else {
    otherset = makeNewSet(rt, baseTypeOf(rt, so), other);
  }
  try {
    const ents = entriesOf(rt, otherset);
    try {
      for (let i = 0; i < ents.keys.length; i++) toggle(ents.keys[i]!, ents.hashes[i]!);
    } finally {
      releaseEntries(rt, ents);
    }
  } finally {
    rt.decref(otherset);
  }
}

/** set_symmetric_difference: a new set made from `other`, then toggled with `so`'s keys. */
export function setSymmetricDifference(rt: Runtime, so: Ref, other: Ref): Ref {
  const result = makeNewSet(rt, baseTypeOf(rt, so), other);
  try {
    setSymmetricDifferenceUpdate(rt, result, so);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** set_issubset. */
export function setIsSubset(rt: Runtime, so: Ref, other: Ref): boolean {
  if (!isAnySet(rt, other)) {
    const tmp = setIntersection(rt, so, other);
    const r = setLen(rt, tmp) === setLen(rt, so);
    rt.decref(tmp);
    return r;
  }
  if (setLen(rt, so) > setLen(rt, other)) return false;
  const ents = entriesOf(rt, so);
  try {
    for (let i = 0; i < ents.keys.length; i++) {
      if (!setContainsKnownHash(rt, other, ents.keys[i]!, ents.hashes[i]!)) return false;
    }
    return true;
  } finally {
    releaseEntries(rt, ents);
  }
}

/** set_issuperset. */
export function setIsSuperset(rt: Runtime, so: Ref, other: Ref): boolean {
  if (isAnySet(rt, other)) return setIsSubset(rt, other, so);
  const it = getIter(rt, other);
  try {
    for (let key = iterNext(rt, it); key !== 0; key = iterNext(rt, it)) {
      let found: boolean;
      try {
        found = setContains(rt, so, key);
      } finally {
        rt.decref(key);
      }
      if (!found) return false;
    }
    return true;
  } finally {
    rt.decref(it);
  }
}

/** set_isdisjoint. */
function setIsDisjoint(rt: Runtime, so: Ref, other: Ref): boolean {
  if (so === other) return setLen(rt, so) === 0;
  if (isAnySet(rt, other)) {
    let big = so;
    let small = other;
    if (setLen(rt, other) > setLen(rt, so)) {
      big = other;
      small = so;
    }
    const ents = entriesOf(rt, small);
    try {
      for (let i = 0; i < ents.keys.length; i++) {
        if (setContainsKnownHash(rt, big, ents.keys[i]!, ents.hashes[i]!)) return false;
      }
      return true;
    } finally {
      releaseEntries(rt, ents);
    }
  }
  const it = getIter(rt, other);
  try {
    for (let key = iterNext(rt, it); key !== 0; key = iterNext(rt, it)) {
      let found: boolean;
      try {
        found = setContains(rt, so, key);
      } finally {
        rt.decref(key);
      }
      if (found) return false;
    }
    return true;
  } finally {
    rt.decref(it);
  }
}

/** set_richcompare (op indexes CMPOPS: < <= == != > >=). */
function setRichCompare(rt: Runtime, v: Ref, w: Ref, op: number): Ref | 0 {
  if (!isAnySet(rt, w)) return 0;
  switch (op) {
    case 2:
      return rt.bool(setLen(rt, v) === setLen(rt, w) && setIsSubset(rt, v, w));
    case 3:
      return rt.bool(!(setLen(rt, v) === setLen(rt, w) && setIsSubset(rt, v, w)));
    case 1:
      return rt.bool(setIsSubset(rt, v, w));
    case 5:
      return rt.bool(setIsSuperset(rt, v, w));
    case 0:
      return rt.bool(setLen(rt, v) < setLen(rt, w) && setIsSubset(rt, v, w));
    case 4:
      return rt.bool(setLen(rt, v) > setLen(rt, w) && setIsSuperset(rt, v, w));
    default:
      return 0;
  }
}

// ================= repr =================

function setRepr(rt: Runtime, s: Ref): string {
  const name = rt.typeNameOf(s);
  if (!reprEnter(rt, s)) return `${name}(...)`;
  if (setLen(rt, s) === 0) {
    reprLeave(rt, s);
    return `${name}()`;
  }
  const keys = rt.containerLocks !== null ? entriesOf(rt, s).keys : setItems(rt, s);
  if (rt.containerLocks === null) for (const k of keys) rt.incref(k);
  try {
    const body = keys.map((k) => repr(rt, k)).join(', ');
    return rt.typeOf(s) === rt.types[Kind.SET] ? `{${body}}` : `${name}({${body}})`;
  } finally {
    reprLeave(rt, s);
    for (const k of keys) rt.decref(k);
  }
}

// ================= iterator =================

/** set_iterator: the set (0 once exhausted), its size when iteration began, next slot, items left. */
const SI_SET = GC_HEADER_END;
const SI_USED = SI_SET + 4;
const SI_POS = SI_SET + 8;
const SI_LEN = SI_SET + 12;
const SI_BYTES = SI_SET + 16;

function newSetIter(rt: Runtime, s: Ref): Ref {
  const it = rt.allocKind(Kind.SET_ITER, SI_BYTES);
  rt.incref(s);
  const i32 = rt.i32;
  i32[(it + SI_SET) >> 2] = s;
  i32[(it + SI_USED) >> 2] = setLen(rt, s);
  i32[(it + SI_POS) >> 2] = 0;
  i32[(it + SI_LEN) >> 2] = setLen(rt, s);
  rt.gcTrack(it);
  return it;
}

/** setiter_iternext. */
function setIterNext(rt: Runtime, it: Ref): Ref | 0 {
  const i32 = rt.i32;
  const s = i32[(it + SI_SET) >> 2]! as Ref;
  if (s === 0) return 0;
  if (rt.containerLocks !== null) return lockedSetIterNext(rt, it, s);
  if (i32[(it + SI_USED) >> 2] !== setLen(rt, s)) {
    i32[(it + SI_USED) >> 2] = -1; // sticky
    rt.raise('RuntimeError', 'Set changed size during iteration');
  }
  const p = setNextSlot(rt, s, i32[(it + SI_POS) >> 2]! - 1);
  if (!setIterMoved(rt, it, s, p)) return 0;
  const k = setSlotKey(rt, s, p);
  rt.incref(k);
  return k;
}

/** Records the iterator's step to slot `p` of set `s`; p < 0: exhausted, and the iterator releases its
 *  reference to the set. False when exhausted. */
function setIterMoved(rt: Runtime, it: Ref, s: Ref, p: number): boolean {
  const i32 = rt.i32;
  if (p < 0) {
    i32[(it + SI_SET) >> 2] = 0;
    i32[(it + SI_POS) >> 2] = setMask(rt, s) + 2;
    rt.decref(s);
    return false;
  }
  i32[(it + SI_POS) >> 2] = p + 1;
  i32[(it + SI_LEN) >> 2]!--;
  return true;
}

/** No-GIL mode's setiter_iternext: the size check, the search and the key's incref under the set's lock
 *  (setIterStepLocked). The iterator's own fields are not locked (a shared iterator may repeat items).
 *  Returns the next key as a NEW reference, or 0 when exhausted. */
function lockedSetIterNext(rt: Runtime, it: Ref, s: Ref): Ref | 0 {
  const i32 = rt.i32;
  const got: Ref[] = [0 as Ref];
  const p = setIterStepLocked(rt, s, i32[(it + SI_USED) >> 2]!, i32[(it + SI_POS) >> 2]!, got);
  if (p === -2) {
    i32[(it + SI_USED) >> 2] = -1; // sticky
    rt.raise('RuntimeError', 'Set changed size during iteration');
  }
  return setIterMoved(rt, it, s, p) ? got[0]! : 0;
}

defineSlots(Kind.SET_ITER, {
  dealloc(rt, it) {
    rt.xdecref(rt.i32[(it + SI_SET) >> 2]! as Ref);
  },
  iter(rt, it) {
    rt.incref(it);
    return it;
  },
  next: setIterNext,
});

defineMethod(Kind.SET_ITER, 'set_iterator', '__length_hint__', (rt, args, kwargs, self) => {
  checkArity(rt, '__length_hint__', args, kwargs, 0, 0);
  const s = rt.i32[(self + SI_SET) >> 2]!;
  const used = rt.i32[(self + SI_USED) >> 2]!;
  return rt.newInt(s !== 0 && used === setLen(rt, s as Ref) ? rt.i32[(self + SI_LEN) >> 2]! : 0);
});
defineMethod(Kind.SET_ITER, 'set_iterator', '__next__', (rt, args, kwargs, self) => {
  checkArity(rt, '__next__', args, kwargs, 0, 0);
  const r = setIterNext(rt, self);
  if (r === 0) throw new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
  return r;
});
defineMethod(Kind.SET_ITER, 'set_iterator', '__iter__', (rt, args, kwargs, self) => {
  checkArity(rt, '__iter__', args, kwargs, 0, 0);
  rt.incref(self);
  return self;
});

// ================= slots =================

/** Binary operators require two sets (else NotImplemented); the result's type follows the left one. */
const binary = (f: (rt: Runtime, a: Ref, b: Ref) => Ref) => (rt: Runtime, a: Ref, b: Ref): Ref | 0 =>
  isAnySet(rt, a) && isAnySet(rt, b) ? f(rt, a, b) : 0;
const inplace = (f: (rt: Runtime, a: Ref, b: Ref) => void) => (rt: Runtime, a: Ref, b: Ref): Ref | 0 => {
  if (!isAnySet(rt, b)) return 0;
  f(rt, a, b);
  rt.incref(a);
  return a;
};

const commonSlots = {
  dealloc: deallocSet,
  repr: setRepr,
  richcompare: setRichCompare,
  len: setLen,
  bool: (rt: Runtime, s: Ref) => setLen(rt, s) !== 0,
  contains: (rt: Runtime, s: Ref, key: Ref) => withFrozenRetry(rt, key, (k) => setContains(rt, s, k)),
  iter: newSetIter,
  or: binary((rt, a, b) => {
    const r = setCopy(rt, a);
    if (a === b) return r;
    try {
      setUpdate(rt, r, b);
    } catch (e) {
      rt.decref(r);
      throw e;
    }
    return r;
  }),
  and: binary(setIntersection),
  sub: binary(setDifference),
  xor: binary(setSymmetricDifference),
};

defineSlots(Kind.SET, {
  ...commonSlots,
  ior: inplace(setUpdate),
  iand: inplace((rt, a, b) => {
    const tmp = setIntersection(rt, a, b);
    setSwapBodies(rt, a, tmp);
    rt.decref(tmp);
  }),
  isub: inplace(setDifferenceUpdate),
  ixor: inplace(setSymmetricDifferenceUpdate),
});

defineSlots(Kind.FROZENSET, { ...commonSlots, hash: frozensetHash });

// ================= methods =================

const TYPE_NAME = { [Kind.SET]: 'set', [Kind.FROZENSET]: 'frozenset' } as const;

/** Defines a method for set and/or frozenset, checking that `self` is of the right kind. */
function method(kinds: (Kind.SET | Kind.FROZENSET)[], name: string, impl: (rt: Runtime, args: Ref[], self: Ref,
  fname: string) => Ref, arity: [number, number] | 'varargs'): void {
  for (const kind of kinds) {
    const tname = TYPE_NAME[kind];
    const fname = `${tname}.${name}`;
    const native: NativeImpl = (rt, args, kwargs, self) => {
      if (rt.kindOf(self) !== kind) {
        rt.raise('TypeError', `descriptor '${name}' for '${tname}' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
      }
      if (arity === 'varargs') {
        if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${fname}() takes no keyword arguments`);
      } else {
        checkArity(rt, fname, args, kwargs, arity[0], arity[1]);
      }
      return impl(rt, args, self, fname);
    };
    defineMethod(kind, tname, name, native);
  }
}

const BOTH: (Kind.SET | Kind.FROZENSET)[] = [Kind.SET, Kind.FROZENSET];
const SET_ONLY: (Kind.SET | Kind.FROZENSET)[] = [Kind.SET];

method(SET_ONLY, 'add', (rt, [key], self) => {
  setAdd(rt, self, key!);
  return rt.None;
}, [1, 1]);
method(SET_ONLY, 'remove', (rt, [key], self) => {
  if (!withFrozenRetry(rt, key!, (k) => setDiscard(rt, self, k))) raiseWithValue(rt, 'KeyError', key!);
  return rt.None;
}, [1, 1]);
method(SET_ONLY, 'discard', (rt, [key], self) => {
  withFrozenRetry(rt, key!, (k) => setDiscard(rt, self, k));
  return rt.None;
}, [1, 1]);
method(SET_ONLY, 'pop', (rt, _args, self) => {
  const k = setPop(rt, self);
  if (k === 0) return rt.raise('KeyError', 'pop from an empty set');
  return k;
}, [0, 0]);
method(SET_ONLY, 'clear', (rt, _args, self) => {
  setClear(rt, self);
  return rt.None;
}, [0, 0]);
method(BOTH, 'copy', (rt, _args, self) => {
  if (rt.typeOf(self) === rt.types[Kind.FROZENSET]) {
    rt.incref(self);
    return self;
  }
  return setCopy(rt, self);
}, [0, 0]);
method(SET_ONLY, 'update', (rt, args, self) => {
  for (const o of args) setUpdate(rt, self, o);
  return rt.None;
}, 'varargs');
method(BOTH, 'union', (rt, args, self) => setUnionMulti(rt, self, args), 'varargs');
method(BOTH, 'intersection', (rt, args, self) => setIntersectionMulti(rt, self, args), 'varargs');
method(SET_ONLY, 'intersection_update', (rt, args, self) => {
  const tmp = setIntersectionMulti(rt, self, args);
  setSwapBodies(rt, self, tmp);
  rt.decref(tmp);
  return rt.None;
}, 'varargs');
method(BOTH, 'difference', (rt, args, self) => setDifferenceMulti(rt, self, args), 'varargs');
method(SET_ONLY, 'difference_update', (rt, args, self) => {
  for (const o of args) setDifferenceUpdate(rt, self, o);
  return rt.None;
}, 'varargs');
method(BOTH, 'symmetric_difference', (rt, [o], self) => setSymmetricDifference(rt, self, o!), [1, 1]);
method(SET_ONLY, 'symmetric_difference_update', (rt, [o], self) => {
  setSymmetricDifferenceUpdate(rt, self, o!);
  return rt.None;
}, [1, 1]);
method(BOTH, 'issubset', (rt, [o], self) => rt.bool(setIsSubset(rt, self, o!)), [1, 1]);
method(BOTH, 'issuperset', (rt, [o], self) => rt.bool(setIsSuperset(rt, self, o!)), [1, 1]);
method(BOTH, 'isdisjoint', (rt, [o], self) => rt.bool(setIsDisjoint(rt, self, o!)), [1, 1]);
method(BOTH, '__contains__', (rt, [key], self) =>
  rt.bool(withFrozenRetry(rt, key!, (k) => setContains(rt, self, k))), [1, 1]);
method(BOTH, '__len__', (rt, _args, self) => rt.newInt(setLen(rt, self)), [0, 0]);
method(BOTH, '__iter__', (rt, _args, self) => newSetIter(rt, self), [0, 0]);

/** set.__init__ (set_init): clears, then updates from the optional iterable. */
defineMethod(Kind.SET, 'set', '__init__', (rt, args, kwargs, self) => {
  if (rt.kindOf(self) !== Kind.SET) {
    rt.raise('TypeError', `descriptor '__init__' for 'set' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
  }
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'set() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `${rt.typeNameOf(self)} expected at most 1 argument, got ${args.length}`);
  if (setFill(rt, self) > 0) setClear(rt, self);
  if (args.length === 1) setUpdate(rt, self, args[0]!);
  return rt.None;
});

// ================= constructors =================

defineConstructor(Kind.SET, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'set() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `${rt.typeName(type)} expected at most 1 argument, got ${args.length}`);
  return makeNewSet(rt, type, args.length === 1 ? args[0]! : 0);
});

defineConstructor(Kind.FROZENSET, (rt, type, args, kwargs) => {
  const exact = type === rt.types[Kind.FROZENSET];
  if (exact && kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'frozenset() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `${rt.typeName(type)} expected at most 1 argument, got ${args.length}`);
  const iterable = args.length === 1 ? args[0]! : 0;
  if (exact && iterable !== 0 && rt.typeOf(iterable) === rt.types[Kind.FROZENSET]) {
    rt.incref(iterable);
    return iterable;
  }
  return makeNewSet(rt, type, iterable);
});
