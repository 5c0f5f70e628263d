/** dict: slots, methods, the keys/values/items views and the dict iterators, and the constructor
 *  (cf. CPython 3.11 dictobject.c; the table itself is in dict.ts). */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import { PyRaise, Root, TP_BASES, TP_DICT, TP_MRO, type Runtime } from '../runtime.js';
import { checkArity } from '../builtins/args.js';
import { callObject } from '../interp/call.js';
import { getAttrOrNull } from './attrs.js';
import { defineConstructor } from './constructors.js';
import {
  deallocDict, dictClear, dictDel, dictEntryHash, dictEntryKey, dictEntryValue, dictGet, dictGetRef, dictGetRefWithHash,
  dictGetWithHash, dictHas, dictIterStepLocked, dictLen, dictNEntries, dictNextPos, dictPopKey, dictPopLast, dictPrevPos, dictSet,
  dictSetDefaultRef, dictSetWithHash, dictDelWithHash, dictSnapshot, dropSnapshot, dictTable, newDict, newDictOfType,
} from './dict.js';
import { excMatches, excType, newException, newStaticType, raiseWithValue } from './exceptions.js';
import { lookupSpecial } from './int.js';
import { Kind } from './kinds.js';
import { reprEnter, reprLeave } from './list-type.js';
import type { NativeImpl } from './native.js';
import { contains, eq, getItem, getIter, iterateToArray, iterNext, len as lenOf, repr, setItem } from './protocols.js';
import { setAdd, setLen } from './set.js';
import { isAnySet, makeNewSet, setIntersection, setSymmetricDifferenceUpdate, setDifferenceUpdate, setUpdate } from './set-type.js';
import { defineSlots } from './slots.js';
import { tupleFrom, tupleItems, tupleSteal } from './tuple.js';
import { defineClassMethod, defineMethod, intern, typeLookup } from './type.js';

// ================= helpers =================

/** PyDict_Check: a dict or an instance of a subclass. */
function isDict(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.DICT;
}
function isExactDict(rt: Runtime, r: Ref): boolean {
  return rt.typeOf(r) === rt.types[Kind.DICT];
}

/** A plain-dict copy of `d` (PyDict_Copy: the copy is a `dict` even for subclasses). New reference. */
export function dictCopy(rt: Runtime, d: Ref): Ref {
  const c = newDict(rt, dictLen(rt, d));
  try {
    dictMerge(rt, c, d);
  } catch (e) {
    rt.decref(c);
    throw e;
  }
  return c;
}

/** True if iterating `b` must go through Python code: a dict subclass that defines __iter__. */
function overridesIter(rt: Runtime, b: Ref): boolean {
  if (isExactDict(rt, b)) return false;
  const name = intern(rt, '__iter__');
  const f = typeLookup(rt, rt.typeOf(b), name);
  rt.decref(name);
  return f !== 0 && rt.kindOf(f) !== Kind.BUILTIN_FUNCTION;
}

/** PyDict_Merge(a, b, override=1): copies b's items into a; b is any mapping (has keys() and []). */
export function dictMerge(rt: Runtime, a: Ref, b: Ref): void {
  if (isDict(rt, b) && !overridesIter(rt, b)) {
    if (a === b || dictLen(rt, b) === 0) return;
    if (rt.containerLocks !== null) return lockedMergeDict(rt, a, b);
    const n = dictNEntries(rt, b);
    for (let p = dictNextPos(rt, b, -1); p >= 0; p = dictNextPos(rt, b, p)) {
      const k = dictEntryKey(rt, b, p);
      const v = dictEntryValue(rt, b, p);
      rt.incref(k);
      rt.incref(v);
      try {
        dictSetWithHash(rt, a, k, v, dictEntryHash(rt, b, p));
      } finally {
        rt.decref(k);
        rt.decref(v);
      }
      if (dictNEntries(rt, b) !== n) rt.raise('RuntimeError', 'dict mutated during update');
    }
    return;
  }
  // the generic way: b.keys(), then b[key] for each
  const name = intern(rt, 'keys');
  let keysFn: Ref | 0;
  try {
    keysFn = getAttrOrNull(rt, b, name);
  } finally {
    rt.decref(name);
  }
  if (keysFn === 0) rt.raise('AttributeError', `'${rt.typeNameOf(b)}' object has no attribute 'keys'`);
  let keys: Ref[];
  try {
    const ks = callObject(rt, keysFn, []);
    try {
      keys = iterateToArray(rt, ks);
    } finally {
      rt.decref(ks);
    }
  } finally {
    rt.decref(keysFn);
  }
  try {
    for (const k of keys) {
      const v = getItem(rt, b, k);
      try {
        dictSet(rt, a, k, v);
      } finally {
        rt.decref(v);
      }
    }
  } finally {
    for (const k of keys) rt.decref(k);
  }
}

/** No-GIL mode's dict-to-dict merge: b's items are read in one step under b's lock (a consistent copy, as
 *  CPython's dict_merge under both critical sections), then stored into `a` one locked store at a time.
 *  So a concurrent change to `b` is never seen half made, and "dict mutated during update" cannot occur. */
function lockedMergeDict(rt: Runtime, a: Ref, b: Ref): void {
  const snap = dictSnapshot(rt, b);
  try {
    for (let i = 0; i < snap.keys.length; i++) dictSetWithHash(rt, a, snap.keys[i]!, snap.values[i]!, snap.hashes[i]!);
  } finally {
    dropSnapshot(rt, snap);
  }
}

/** PyDict_MergeFromSeq2(d, seq, override=1): items of `seq` must be pairs. */
function dictMergeFromSeq2(rt: Runtime, d: Ref, seq: Ref): void {
  const it = getIter(rt, seq);
  try {
    let i = 0;
    for (let item = iterNext(rt, it); item !== 0; item = iterNext(rt, it), i++) {
      try {
        let pair: Ref[];
        let owned = false;
        const t = rt.typeOf(item);
        if (t === rt.types[Kind.TUPLE]) pair = tupleItems(rt, item);
        else if (t === rt.types[Kind.LIST]) pair = iterateToArray(rt, item), owned = true;
        else {
          try {
            pair = iterateToArray(rt, item);
            owned = true;
          } catch (e) {
            if (e instanceof PyRaise && excMatches(rt, e.exc, 'TypeError')) {
              rt.decref(e.exc);
              rt.raise('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
            }
            throw e;
          }
        }
        try {
          if (pair.length !== 2) {
            rt.raise('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          dictSet(rt, d, pair[0]!, pair[1]!);
        } finally {
          if (owned) for (const x of pair) rt.decref(x);
        }
      } finally {
        rt.decref(item);
      }
    }
  } finally {
    rt.decref(it);
  }
}

/** dict_update_arg: a mapping (exact dict, or anything with keys()) or an iterable of pairs. */
export function dictUpdateArg(rt: Runtime, d: Ref, arg: Ref): void {
  if (isExactDict(rt, arg)) {
    dictMerge(rt, d, arg);
    return;
  }
  const name = intern(rt, 'keys');
  let f: Ref | 0;
  try {
    f = getAttrOrNull(rt, arg, name);
  } finally {
    rt.decref(name);
  }
  if (f !== 0) {
    rt.decref(f);
    dictMerge(rt, d, arg);
    return;
  }
  dictMergeFromSeq2(rt, d, arg);
}

/** dict_update_common: `(mapping_or_iterable=(), /, **kwargs)`. */
function dictUpdateCommon(rt: Runtime, d: Ref, args: Ref[], kwargs: Map<string, Ref> | null, fname: string): void {
  if (args.length > 1) rt.raise('TypeError', `${fname} expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) dictUpdateArg(rt, d, args[0]!);
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      const key = intern(rt, k);
      try {
        dictSet(rt, d, key, v);
      } finally {
        rt.decref(key);
      }
    }
  }
}

/** dict_equal: same length, and each key of a maps to an equal value in b. */
function dictEqual(rt: Runtime, a: Ref, b: Ref): boolean {
  if (dictLen(rt, a) !== dictLen(rt, b)) return false;
  if (rt.containerLocks !== null) return lockedDictEqual(rt, a, b);
  for (let p = dictNextPos(rt, a, -1); p >= 0; p = dictNextPos(rt, a, p)) {
    const key = dictEntryKey(rt, a, p);
    const aval = dictEntryValue(rt, a, p);
    rt.incref(key);
    rt.incref(aval);
    try {
      const bval = dictGetWithHash(rt, b, key, dictEntryHash(rt, a, p));
      if (bval === 0) return false;
      rt.incref(bval);
      try {
        if (!eq(rt, aval, bval)) return false;
      } finally {
        rt.decref(bval);
      }
    } finally {
      rt.decref(key);
      rt.decref(aval);
    }
  }
  return true;
}

/** No-GIL mode's dict_equal: a's items as a snapshot (NEW references, read under a's lock), each looked
 *  up in b and counted under b's lock, and compared with no lock held. */
function lockedDictEqual(rt: Runtime, a: Ref, b: Ref): boolean {
  const snap = dictSnapshot(rt, a);
  try {
    for (let i = 0; i < snap.keys.length; i++) {
      const bval = dictGetRefWithHash(rt, b, snap.keys[i]!, snap.hashes[i]!);
      if (bval === 0) return false;
      try {
        if (!eq(rt, snap.values[i]!, bval)) return false;
      } finally {
        rt.decref(bval);
      }
    }
    return true;
  } finally {
    dropSnapshot(rt, snap);
  }
}

function dictRepr(rt: Runtime, d: Ref): string {
  if (!reprEnter(rt, d)) return '{...}';
  try {
    if (dictLen(rt, d) === 0) return '{}';
    const parts: string[] = [];
    if (rt.containerLocks !== null) { // no-GIL: the items counted under the dict's lock, repr'd after
      const snap = dictSnapshot(rt, d);
      try {
        for (let i = 0; i < snap.keys.length; i++) parts.push(`${repr(rt, snap.keys[i]!)}: ${repr(rt, snap.values[i]!)}`);
      } finally {
        dropSnapshot(rt, snap);
      }
      return `{${parts.join(', ')}}`;
    }
    for (let p = dictNextPos(rt, d, -1); p >= 0; p = dictNextPos(rt, d, p)) {
      const k = dictEntryKey(rt, d, p);
      const v = dictEntryValue(rt, d, p);
      rt.incref(k);
      rt.incref(v);
      try {
        const ks = repr(rt, k);
        parts.push(`${ks}: ${repr(rt, v)}`);
      } finally {
        rt.decref(k);
        rt.decref(v);
      }
    }
    return `{${parts.join(', ')}}`;
  } finally {
    reprLeave(rt, d);
  }
}

/** dict_subscript: d[key], with __missing__ for subclasses, else KeyError(key). */
function dictSubscript(rt: Runtime, d: Ref, key: Ref): Ref {
  const v = dictGetRef(rt, d, key); // (counted under the dict's lock in no-GIL mode)
  if (v !== 0) return v;
  if (!isExactDict(rt, d)) {
    const r = lookupSpecial(rt, d, '__missing__', [key]);
    if (r !== 0) return r;
  }
  return raiseWithValue(rt, 'KeyError', key);
}

// ================= auxiliary types (dict_values, dict_items, the iterator flavours) =================

/**
 * Kinds name one layout, but CPython has several types per layout here (dict_keys / dict_values /
 * dict_items; six iterator types). The extra ones are static types made on first use, kept in the heap's
 * table of static types by a name no exception can have, with the methods of the kind's main type.
 */
const auxCache = new WeakMap<Runtime, Map<string, Ref>>();
function auxType(rt: Runtime, name: string, kind: Kind, without: string[] = []): Ref {
  let cache = auxCache.get(rt);
  if (cache === undefined) auxCache.set(rt, (cache = new Map()));
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const table = rt.root(Root.EXC_TYPES);
  const key = intern(rt, `<${name}>`);
  let t = dictGet(rt, table, key) as Ref;
  if (t === 0) {
    t = newStaticType(rt, name, kind, rt.types[Kind.OBJECT]!, 0);
    const i32 = rt.i32;
    const dict = i32[(t + TP_DICT) >> 2]! as Ref;
    const src = i32[(rt.types[kind]! + TP_DICT) >> 2]! as Ref;
    for (let p = dictNextPos(rt, src, -1); p >= 0; p = dictNextPos(rt, src, p)) {
      const k = dictEntryKey(rt, src, p);
      if (!without.includes(rt.strValue(k))) dictSet(rt, dict, k, dictEntryValue(rt, src, p));
    }
    // lives as long as the heap, like the built-in types
    for (const r of [dict, dictTable(rt, dict), i32[(t + TP_BASES) >> 2]!, i32[(t + TP_MRO) >> 2]!]) {
      if (r !== 0) rt.makeImmortal(r as Ref);
    }
    dictSet(rt, table, key, t);
  }
  rt.decref(key);
  cache.set(name, t);
  return t;
}

// ================= iterators =================

/** Iteration modes (DI_MODE / DV_MODE); REVERSE is a flag on iterators. */
const KEYS = 0;
const VALUES = 1;
const ITEMS = 2;
const REVERSE = 4;

/** dict iterator: the dict (0 once exhausted), its size when iteration began, position, items left, mode. */
const DI_DICT = GC_HEADER_END;
const DI_USED = DI_DICT + 4;
const DI_POS = DI_DICT + 8;
const DI_LEN = DI_DICT + 12;
const DI_MODE = DI_DICT + 16;
const DI_BYTES = DI_DICT + 20;

const ITER_NAMES: Record<number, string> = {
  [KEYS]: 'dict_keyiterator', [VALUES]: 'dict_valueiterator', [ITEMS]: 'dict_itemiterator',
  [KEYS | REVERSE]: 'dict_reversekeyiterator', [VALUES | REVERSE]: 'dict_reversevalueiterator',
  [ITEMS | REVERSE]: 'dict_reverseitemiterator',
};

/** A new iterator over `d`'s keys, values or items (mode), possibly reversed. New reference. */
export function newDictIter(rt: Runtime, d: Ref, mode: number): Ref {
  const type = mode === KEYS ? rt.types[Kind.DICT_ITER]! : auxType(rt, ITER_NAMES[mode]!, Kind.DICT_ITER);
  const it = rt.alloc(type, DI_BYTES);
  const i32 = rt.i32;
  rt.incref(d);
  i32[(it + DI_DICT) >> 2] = d;
  i32[(it + DI_USED) >> 2] = dictLen(rt, d);
  i32[(it + DI_POS) >> 2] = (mode & REVERSE) !== 0 ? dictNEntries(rt, d) - 1 : 0;
  i32[(it + DI_LEN) >> 2] = dictLen(rt, d);
  i32[(it + DI_MODE) >> 2] = mode;
  rt.gcTrack(it);
  return it;
}

function exhaust(rt: Runtime, it: Ref, d: Ref): 0 {
  rt.i32[(it + DI_DICT) >> 2] = 0;
  rt.decref(d);
  return 0;
}

/** dictiter_iternext{key,value,item} and dictreviter_iternext. */
function dictIterNext(rt: Runtime, it: Ref): Ref | 0 {
  const i32 = rt.i32;
  const d = i32[(it + DI_DICT) >> 2]! as Ref;
  if (d === 0) return 0;
  if (rt.containerLocks !== null) return lockedDictIterNext(rt, it, d);
  if (i32[(it + DI_USED) >> 2] !== dictLen(rt, d)) {
    i32[(it + DI_USED) >> 2] = -1; // sticky
    rt.raise('RuntimeError', 'dictionary changed size during iteration');
  }
  const mode = i32[(it + DI_MODE) >> 2]!;
  const pos = i32[(it + DI_POS) >> 2]!;
  let p: number;
  if ((mode & REVERSE) !== 0) {
    if (pos < 0) return exhaust(rt, it, d);
    p = dictPrevPos(rt, d, pos + 1);
    if (p < 0) return exhaust(rt, it, d);
    i32[(it + DI_POS) >> 2] = p - 1;
  } else {
    p = dictNextPos(rt, d, pos - 1);
    if (p < 0) return exhaust(rt, it, d);
    if (i32[(it + DI_LEN) >> 2] === 0) {
      // a key was found that the count did not expect: keys were swapped, not just added
      exhaust(rt, it, d);
      rt.raise('RuntimeError', 'dictionary keys changed during iteration');
    }
    i32[(it + DI_POS) >> 2] = p + 1;
  }
  i32[(it + DI_LEN) >> 2]!--;
  const k = dictEntryKey(rt, d, p);
  switch (mode & 3) {
    case KEYS:
      rt.incref(k);
      return k;
    case VALUES: {
      const v = dictEntryValue(rt, d, p);
      rt.incref(v);
      return v;
    }
    default:
      return tupleFrom(rt, [k, dictEntryValue(rt, d, p)]);
  }
}

/**
 * No-GIL mode's dict iterator step: the size check, the search for the next entry and the increfs of its
 * key and/or value happen in one step under the dict's lock (dictIterStepLocked), so an entry another
 * worker removes (and frees) is either not seen or already counted. The iterator's own fields are not
 * locked: one iterator shared by several threads may repeat or skip items (as in CPython 3.13). Returns
 * the next item as a NEW reference, or 0 when exhausted.
 */
function lockedDictIterNext(rt: Runtime, it: Ref, d: Ref): Ref | 0 {
  const i32 = rt.i32;
  const mode = i32[(it + DI_MODE) >> 2]!;
  const reverse = (mode & REVERSE) !== 0;
  const kind = mode & 3;
  const got: Ref[] = [0 as Ref, 0 as Ref];
  const p = dictIterStepLocked(rt, d, i32[(it + DI_USED) >> 2]!, i32[(it + DI_POS) >> 2]!, reverse,
    kind !== VALUES, kind !== KEYS, got);
  if (p === -2) {
    i32[(it + DI_USED) >> 2] = -1; // sticky
    rt.raise('RuntimeError', 'dictionary changed size during iteration');
  }
  if (p < 0) return exhaust(rt, it, d);
  if (!reverse && i32[(it + DI_LEN) >> 2] === 0) {
    // a key was found that the count did not expect: keys were swapped, not just added
    if (got[0] !== 0) rt.decref(got[0]!);
    if (got[1] !== 0) rt.decref(got[1]!);
    exhaust(rt, it, d);
    rt.raise('RuntimeError', 'dictionary keys changed during iteration');
  }
  i32[(it + DI_POS) >> 2] = reverse ? p - 1 : p + 1;
  i32[(it + DI_LEN) >> 2]!--;
  if (kind === KEYS) return got[0]!;
  if (kind === VALUES) return got[1]!;
  return tupleSteal(rt, [got[0]!, got[1]!]);
}

defineSlots(Kind.DICT_ITER, {
  dealloc(rt, it) {
    rt.xdecref(rt.i32[(it + DI_DICT) >> 2]! as Ref);
  },
  iter(rt, it) {
    rt.incref(it);
    return it;
  },
  next: dictIterNext,
});

defineMethod(Kind.DICT_ITER, 'dict_keyiterator', '__length_hint__', (rt, args, kwargs, self) => {
  checkArity(rt, '__length_hint__', args, kwargs, 0, 0);
  const d = rt.i32[(self + DI_DICT) >> 2]!;
  const ok = d !== 0 && rt.i32[(self + DI_USED) >> 2] === dictLen(rt, d as Ref);
  return rt.newInt(ok ? rt.i32[(self + DI_LEN) >> 2]! : 0);
});
defineMethod(Kind.DICT_ITER, 'dict_keyiterator', '__next__', (rt, args, kwargs, self) => {
  checkArity(rt, '__next__', args, kwargs, 0, 0);
  const r = dictIterNext(rt, self);
  if (r === 0) throw new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
  return r;
});
defineMethod(Kind.DICT_ITER, 'dict_keyiterator', '__iter__', (rt, args, kwargs, self) => {
  checkArity(rt, '__iter__', args, kwargs, 0, 0);
  rt.incref(self);
  return self;
});

// ================= views =================

/** dict view: the dict and which of keys / values / items it shows. */
const DV_DICT = GC_HEADER_END;
const DV_MODE = DV_DICT + 4;
const DV_BYTES = DV_DICT + 8;

const VIEW_NAMES = ['dict_keys', 'dict_values', 'dict_items'];

/**
 * Makes every auxiliary type (the dict iterators and views other than the keys ones) now, rather than at
 * first use: called by enableNoGilHeap before a second worker can attach. Made lazily by two workers at
 * once, one type would be made twice (the second replacing the first in the heap's table: two
 * `dict_items` types, `type(a.items()) is type(b.items())` False across threads). After this every worker
 * finds them in the table (a locked read) and caches them in its own Runtime.
 */
export function makeAuxTypes(rt: Runtime): void {
  for (const mode of [VALUES, ITEMS, KEYS | REVERSE, VALUES | REVERSE, ITEMS | REVERSE]) {
    auxType(rt, ITER_NAMES[mode]!, Kind.DICT_ITER);
  }
  auxType(rt, VIEW_NAMES[VALUES]!, Kind.DICT_VIEW, ['isdisjoint']);
  auxType(rt, VIEW_NAMES[ITEMS]!, Kind.DICT_VIEW);
}

/** A new keys / values / items view of `d`. New reference. */
export function newDictView(rt: Runtime, d: Ref, mode: number): Ref {
  const type = mode === KEYS ? rt.types[Kind.DICT_VIEW]!
    : auxType(rt, VIEW_NAMES[mode]!, Kind.DICT_VIEW, mode === VALUES ? ['isdisjoint'] : []);
  const v = rt.alloc(type, DV_BYTES);
  rt.incref(d);
  rt.i32[(v + DV_DICT) >> 2] = d;
  rt.i32[(v + DV_MODE) >> 2] = mode;
  rt.gcTrack(v);
  return v;
}

function viewDict(rt: Runtime, v: Ref): Ref {
  return rt.i32[(v + DV_DICT) >> 2]! as Ref;
}
function viewMode(rt: Runtime, v: Ref): number {
  return rt.i32[(v + DV_MODE) >> 2]!;
}
/** PyDictViewSet_Check: a keys or items view (they behave as sets). */
function isSetView(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.DICT_VIEW && viewMode(rt, r) !== VALUES;
}

/** dictkeys_contains / dictitems_contains / (values: by iteration). */
function viewContains(rt: Runtime, v: Ref, item: Ref): boolean {
  const d = viewDict(rt, v);
  switch (viewMode(rt, v)) {
    case KEYS:
      return dictHas(rt, d, item);
    case ITEMS: {
      if (rt.kindOf(item) !== Kind.TUPLE) return false;
      const pair = tupleItems(rt, item);
      if (pair.length !== 2) return false;
      const found = dictGetRef(rt, d, pair[0]!); // (counted under the dict's lock in no-GIL mode)
      if (found === 0) return false;
      try {
        return eq(rt, found, pair[1]!);
      } finally {
        rt.decref(found);
      }
    }
    default: {
      const it = newDictIter(rt, d, VALUES);
      try {
        for (let x = dictIterNext(rt, it); x !== 0; x = dictIterNext(rt, it)) {
          let same: boolean;
          try {
            same = eq(rt, x, item);
          } finally {
            rt.decref(x);
          }
          if (same) return true;
        }
        return false;
      } finally {
        rt.decref(it);
      }
    }
  }
}

/** all_contained_in: every item of `a` is in `b`. */
function allContainedIn(rt: Runtime, a: Ref, b: Ref): boolean {
  const it = getIter(rt, a);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      let ok: boolean;
      try {
        ok = contains(rt, b, x);
      } finally {
        rt.decref(x);
      }
      if (!ok) return false;
    }
    return true;
  } finally {
    rt.decref(it);
  }
}

/** dictview_richcompare (keys and items views; values views compare by identity). */
function viewRichCompare(rt: Runtime, a: Ref, b: Ref, op: number): Ref | 0 {
  if (!isSetView(rt, a)) return 0;
  if (!isAnySet(rt, b) && !isSetView(rt, b)) return 0;
  const la = lenOf(rt, a);
  const lb = lenOf(rt, b);
  let ok = false;
  switch (op) {
    case 2: case 3:
      if (la === lb) ok = allContainedIn(rt, a, b);
      if (op === 3) ok = !ok;
      break;
    case 0: if (la < lb) ok = allContainedIn(rt, a, b); break;
    case 1: if (la <= lb) ok = allContainedIn(rt, a, b); break;
    case 4: if (la > lb) ok = allContainedIn(rt, b, a); break;
    case 5: if (la >= lb) ok = allContainedIn(rt, b, a); break;
    default: return 0;
  }
  return rt.bool(ok);
}

/** dictviews_to_set: a new set of the view's items (a keys view of a plain dict copies from the dict). */
function viewToSet(rt: Runtime, self: Ref): Ref {
  let src = self;
  if (rt.kindOf(self) === Kind.DICT_VIEW && viewMode(rt, self) === KEYS && isExactDict(rt, viewDict(rt, self))) {
    src = viewDict(rt, self);
  }
  return makeNewSet(rt, rt.types[Kind.SET]!, src);
}

/** _PyDictView_Intersect. */
function viewIntersect(rt: Runtime, self: Ref, other: Ref): Ref {
  if (!isSetView(rt, self)) [self, other] = [other, self];
  const lenSelf = lenOf(rt, self);
  if (rt.typeOf(other) === rt.types[Kind.SET] && lenSelf <= setLen(rt, other)) {
    return setIntersection(rt, other, self);
  }
  if (isSetView(rt, other) && lenOf(rt, other) > lenSelf) [self, other] = [other, self];
  const result = makeNewSet(rt, rt.types[Kind.SET]!, 0);
  try {
    const it = getIter(rt, other);
    try {
      for (let key = iterNext(rt, it); key !== 0; key = iterNext(rt, it)) {
        try {
          if (viewContains(rt, self, key)) setAdd(rt, result, key);
        } finally {
          rt.decref(key);
        }
      }
    } finally {
      rt.decref(it);
    }
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** One item (key, val2) of itemsXor's other view, against temp's value val1 for the key (owned, consumed;
 *  0 if absent): an equal pair leaves temp, any other goes into result. */
function xorItem(rt: Runtime, temp: Ref, result: Ref, key: Ref, val2: Ref, h: number, val1: Ref | 0): void {
  let toDelete = false;
  if (val1 !== 0) {
    try {
      toDelete = eq(rt, val1, val2);
    } finally {
      rt.decref(val1);
    }
  }
  if (toDelete) dictDelWithHash(rt, temp, key, h);
  else {
    const pair = tupleFrom(rt, [key, val2]);
    try {
      setAdd(rt, result, pair);
    } finally {
      rt.decref(pair);
    }
  }
}

/** itemsXor's loop in no-GIL mode: d2's items read as a snapshot under its lock (temp and result are
 *  this thread's own). */
function lockedItemsXorInto(rt: Runtime, temp: Ref, result: Ref, d2: Ref): void {
  const snap = dictSnapshot(rt, d2);
  try {
    for (let i = 0; i < snap.keys.length; i++) {
      const key = snap.keys[i]!;
      const val2 = snap.values[i]!;
      const h = snap.hashes[i]!;
      xorItem(rt, temp, result, key, val2, h, dictGetRefWithHash(rt, temp, key, h));
    }
  } finally {
    dropSnapshot(rt, snap);
  }
}

/** dictitems_xor: items ^ items, comparing values. */
function itemsXor(rt: Runtime, self: Ref, other: Ref): Ref {
  const temp = dictCopy(rt, viewDict(rt, self));
  const result = makeNewSet(rt, rt.types[Kind.SET]!, 0);
  try {
    const d2 = viewDict(rt, other);
    if (rt.containerLocks !== null) lockedItemsXorInto(rt, temp, result, d2);
    else for (let p = dictNextPos(rt, d2, -1); p >= 0; p = dictNextPos(rt, d2, p)) {
      const key = dictEntryKey(rt, d2, p);
      const val2 = dictEntryValue(rt, d2, p);
      const h = dictEntryHash(rt, d2, p);
      rt.incref(key);
      rt.incref(val2);
      try {
        const val1 = dictGetWithHash(rt, temp, key, h);
        if (val1 !== 0) rt.incref(val1);
        xorItem(rt, temp, result, key, val2, h, val1);
      } finally {
        rt.decref(key);
        rt.decref(val2);
      }
    }
    const rest = newDictView(rt, temp, ITEMS);
    try {
      setUpdate(rt, result, rest);
    } finally {
      rt.decref(rest);
    }
  } catch (e) {
    rt.decref(result);
    throw e;
  } finally {
    rt.decref(temp);
  }
  return result;
}

/** The set operators of views work when either operand is a keys or items view. */
const viewBinary = (f: (rt: Runtime, a: Ref, b: Ref) => Ref) => (rt: Runtime, a: Ref, b: Ref): Ref | 0 =>
  isSetView(rt, a) || isSetView(rt, b) ? f(rt, a, b) : 0;
const viewSetOp = (update: (rt: Runtime, s: Ref, other: Ref) => void) => (rt: Runtime, a: Ref, b: Ref): Ref => {
  const result = viewToSet(rt, a);
  try {
    update(rt, result, b);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
};

function viewRepr(rt: Runtime, v: Ref): string {
  if (!reprEnter(rt, v)) return '...';
  try {
    const items = iterateToArray(rt, v);
    try {
      return `${rt.typeNameOf(v)}([${items.map((x) => repr(rt, x)).join(', ')}])`;
    } finally {
      for (const x of items) rt.decref(x);
    }
  } finally {
    reprLeave(rt, v);
  }
}

defineSlots(Kind.DICT_VIEW, {
  dealloc(rt, v) {
    rt.xdecref(viewDict(rt, v));
  },
  repr: viewRepr,
  len: (rt, v) => dictLen(rt, viewDict(rt, v)),
  bool: (rt, v) => dictLen(rt, viewDict(rt, v)) !== 0,
  iter: (rt, v) => newDictIter(rt, viewDict(rt, v), viewMode(rt, v)),
  contains: viewContains,
  richcompare: viewRichCompare,
  and: viewBinary(viewIntersect),
  or: viewBinary(viewSetOp(setUpdate)),
  sub: viewBinary(viewSetOp(setDifferenceUpdate)),
  xor: viewBinary((rt, a, b) => {
    if (isSetView(rt, a) && isSetView(rt, b) && viewMode(rt, a) === ITEMS && viewMode(rt, b) === ITEMS) {
      return itemsXor(rt, a, b);
    }
    return viewSetOp(setSymmetricDifferenceUpdate)(rt, a, b);
  }),
});

function viewMethod(name: string, impl: NativeImpl): void {
  defineMethod(Kind.DICT_VIEW, 'dict_keys', name, (rt, args, kwargs, self) => {
    if (rt.kindOf(self) !== Kind.DICT_VIEW) {
      rt.raise('TypeError', `descriptor '${name}' for 'dict_keys' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
    }
    return impl(rt, args, kwargs, self);
  });
}

/** dictviews_isdisjoint. */
viewMethod('isdisjoint', (rt, args, kwargs, self) => {
  checkArity(rt, `${rt.typeNameOf(self)}.isdisjoint`, args, kwargs, 1, 1);
  let a = self;
  let b = args[0]!;
  if (a === b) return rt.bool(lenOf(rt, a) === 0);
  if (isAnySet(rt, b) || isSetView(rt, b)) {
    if (lenOf(rt, b) > lenOf(rt, a)) [a, b] = [b, a];
  }
  const it = getIter(rt, b);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      let found: boolean;
      try {
        found = contains(rt, a, x);
      } finally {
        rt.decref(x);
      }
      if (found) return rt.False;
    }
    return rt.True;
  } finally {
    rt.decref(it);
  }
});
viewMethod('__reversed__', (rt, args, kwargs, self) => {
  checkArity(rt, `${rt.typeNameOf(self)}.__reversed__`, args, kwargs, 0, 0);
  return newDictIter(rt, viewDict(rt, self), viewMode(rt, self) | REVERSE);
});

// ================= dict slots =================

defineSlots(Kind.DICT, {
  dealloc: deallocDict,
  repr: dictRepr,
  richcompare(rt, a, b, op) {
    if (!isDict(rt, b) || (op !== 2 && op !== 3)) return 0;
    const same = dictEqual(rt, a, b);
    return rt.bool(op === 2 ? same : !same);
  },
  len: dictLen,
  bool: (rt, d) => dictLen(rt, d) !== 0,
  getitem: dictSubscript,
  setitem(rt, d, key, value) {
    dictSet(rt, d, key, value);
  },
  delitem(rt, d, key) {
    if (!dictDel(rt, d, key)) raiseWithValue(rt, 'KeyError', key);
  },
  contains: (rt, d, key) => dictHas(rt, d, key),
  iter: (rt, d) => newDictIter(rt, d, KEYS),
  or(rt, a, b) {
    if (!isDict(rt, a) || !isDict(rt, b)) return 0;
    const n = dictCopy(rt, a);
    try {
      dictUpdateArg(rt, n, b);
    } catch (e) {
      rt.decref(n);
      throw e;
    }
    return n;
  },
  ior(rt, a, b) {
    dictUpdateArg(rt, a, b);
    rt.incref(a);
    return a;
  },
});

// ================= dict methods =================

function noKeywords(rt: Runtime, fname: string, kwargs: Map<string, Ref> | null): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${fname}() takes no keyword arguments`);
}

/** Defines `dict.name`, checking that `self` is a dict. */
function method(name: string, impl: NativeImpl): void {
  defineMethod(Kind.DICT, 'dict', name, (rt, args, kwargs, self) => {
    if (!isDict(rt, self)) {
      rt.raise('TypeError', `descriptor '${name}' for 'dict' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
    }
    return impl(rt, args, kwargs, self);
  });
}
/** A slot wrapper's arity check: `expected 1 argument, got 0`. */
function wrapperArity(rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null, n: number, name: string): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `wrapper ${name}() takes no keyword arguments`);
  if (args.length !== n) rt.raise('TypeError', `expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

method('keys', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.keys', args, kwargs, 0, 0);
  return newDictView(rt, self, KEYS);
});
method('values', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.values', args, kwargs, 0, 0);
  return newDictView(rt, self, VALUES);
});
method('items', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.items', args, kwargs, 0, 0);
  return newDictView(rt, self, ITEMS);
});
method('get', (rt, args, kwargs, self) => {
  noKeywords(rt, 'dict.get', kwargs);
  checkArity(rt, 'get', args, null, 1, 2);
  const v = dictGetRef(rt, self, args[0]!); // (counted under the dict's lock in no-GIL mode)
  if (v !== 0) return v;
  const r = args.length > 1 ? args[1]! : rt.None;
  rt.incref(r);
  return r;
});
method('setdefault', (rt, args, kwargs, self) => {
  noKeywords(rt, 'dict.setdefault', kwargs);
  checkArity(rt, 'setdefault', args, null, 1, 2);
  // the lookup, the store if absent and the count of the result in one step (one locked step in no-GIL mode)
  return dictSetDefaultRef(rt, self, args[0]!, args.length > 1 ? args[1]! : rt.None);
});
method('pop', (rt, args, kwargs, self) => {
  noKeywords(rt, 'dict.pop', kwargs);
  checkArity(rt, 'pop', args, null, 1, 2);
  const key = args[0]!;
  // the lookup and the removal in one step (one locked step in no-GIL mode): the dict's reference is ours
  const v = dictPopKey(rt, self, key);
  if (v === 0) {
    if (args.length > 1) {
      rt.incref(args[1]!);
      return args[1]!;
    }
    return raiseWithValue(rt, 'KeyError', key);
  }
  return v;
});
method('popitem', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.popitem', args, kwargs, 0, 0);
  const kv = dictPopLast(rt, self);
  if (kv === null) return rt.raise('KeyError', 'popitem(): dictionary is empty');
  const t = tupleFrom(rt, kv);
  rt.decref(kv[0]);
  rt.decref(kv[1]);
  return t;
});
method('update', (rt, args, kwargs, self) => {
  dictUpdateCommon(rt, self, args, kwargs, 'update');
  return rt.None;
});
method('clear', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.clear', args, kwargs, 0, 0);
  dictClear(rt, self);
  return rt.None;
});
method('copy', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.copy', args, kwargs, 0, 0);
  return dictCopy(rt, self);
});
method('__contains__', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.__contains__', args, kwargs, 1, 1);
  return rt.bool(dictHas(rt, self, args[0]!));
});
method('__getitem__', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.__getitem__', args, kwargs, 1, 1);
  return dictSubscript(rt, self, args[0]!);
});
method('__setitem__', (rt, args, kwargs, self) => {
  noKeywords(rt, 'wrapper __setitem__', kwargs);
  // wrap_objobjargproc unpacks with an empty function name
  if (args.length !== 2) rt.raise('TypeError', ` expected 2 arguments, got ${args.length}`);
  dictSet(rt, self, args[0]!, args[1]!);
  return rt.None;
});
method('__delitem__', (rt, args, kwargs, self) => {
  wrapperArity(rt, args, kwargs, 1, '__delitem__');
  if (!dictDel(rt, self, args[0]!)) raiseWithValue(rt, 'KeyError', args[0]!);
  return rt.None;
});
method('__len__', (rt, args, kwargs, self) => {
  wrapperArity(rt, args, kwargs, 0, '__len__');
  return rt.newInt(dictLen(rt, self));
});
method('__iter__', (rt, args, kwargs, self) => {
  wrapperArity(rt, args, kwargs, 0, '__iter__');
  return newDictIter(rt, self, KEYS);
});
method('__reversed__', (rt, args, kwargs, self) => {
  checkArity(rt, 'dict.__reversed__', args, kwargs, 0, 0);
  return newDictIter(rt, self, KEYS | REVERSE);
});
method('__init__', (rt, args, kwargs, self) => {
  dictUpdateCommon(rt, self, args, kwargs, 'dict');
  return rt.None;
});
// dict.__repr__(self), which subclasses' own __repr__ call (defaultdict, Counter)
method('__repr__', (rt, args, kwargs, self) => {
  wrapperArity(rt, args, kwargs, 0, '__repr__');
  return rt.newStr(dictRepr(rt, self));
});

/** dict.fromkeys(iterable, value=None, /): `cls()` then `d[key] = value` for each key. */
defineClassMethod(Kind.DICT, 'dict', 'fromkeys', (rt, args, kwargs, cls) => {
  noKeywords(rt, 'dict.fromkeys', kwargs);
  checkArity(rt, 'fromkeys', args, null, 1, 2);
  const value = args.length > 1 ? args[1]! : rt.None;
  const d = callObject(rt, cls, []);
  try {
    const exact = isExactDict(rt, d);
    const it = getIter(rt, args[0]!);
    try {
      for (let k = iterNext(rt, it); k !== 0; k = iterNext(rt, it)) {
        try {
          if (exact) dictSet(rt, d, k, value);
          else setItem(rt, d, k, value);
        } finally {
          rt.decref(k);
        }
      }
    } finally {
      rt.decref(it);
    }
  } catch (e) {
    rt.decref(d);
    throw e;
  }
  return d;
});

// ================= constructor =================

defineConstructor(Kind.DICT, (rt, type, args, kwargs) => {
  const d = type === rt.types[Kind.DICT] ? newDict(rt) : newDictOfType(rt, type);
  try {
    dictUpdateCommon(rt, d, args, kwargs, 'dict');
  } catch (e) {
    rt.decref(d);
    throw e;
  }
  return d;
});

export { KEYS as DICT_KEYS, VALUES as DICT_VALUES, ITEMS as DICT_ITEMS };
