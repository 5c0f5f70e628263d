/**
 * The per-runtime cache of attribute lookups along classes' MROs (cf. CPython's type method cache,
 * typeobject.c _PyType_Lookup, and its per-type slots for the dunders a class may override).
 *
 * Validity comes from dict versions: every dict has a version, taken from a heap-wide counter at each
 * change, so a version names one dict in one state. A class's entry records the dicts of its MRO and
 * their versions; while its MRO tuple is the same and none of those versions moved, every answer found
 * in those dicts still holds. An entry that fails that check is refreshed (new versions, a new epoch),
 * which drops every answer cached for it. The dicts an entry records are marked DICT_WATCHED, so that any
 * change to one also bumps the heap's H_WATCHED_DICTS: while that counter has not moved since an entry
 * was last checked, the entry holds without looking at its dicts (the steady state of a program that
 * does not assign class attributes as it runs: a hit costs a few loads). The answers themselves sit in a direct-mapped table keyed by
 * (class, name's serial, epoch): a str's serial names one str object for its lifetime, and names come
 * from code objects (one str per name per code object) or the interned table.
 *
 * Everything here is JS-side state of one Runtime: a no-GIL worker has its own cache over the shared
 * heap. Answers are borrowed from the class dicts, exactly as an uncached lookup's are.
 */
import { H_WATCHED_DICTS, OB_TYPE, type Ref } from '../heap/layout.js';
import { STR_SERIAL, TP_DICT, TP_FLAGS, TP_MRO, TPF_HEAPTYPE, TUPLE_ITEMS, TUPLE_SIZE, type Runtime } from '../runtime.js';
import { DICT_VERSION, DICT_WATCHED, dictGetStr } from './dict.js';
import { intern } from './interned.js';

/** The dunders whose per-class answer (is it defined by a class statement?) the hot paths ask for. */
export const enum Dunder {
  GETATTRIBUTE, GETATTR, SETATTR, DELATTR, NEW, INIT, DEL, CALL, HASH, EQ, GET, SET, DELETE, COUNT,
}
const DUNDER_NAMES: readonly string[] = [
  '__getattribute__', '__getattr__', '__setattr__', '__delattr__', '__new__', '__init__', '__del__', '__call__',
  '__hash__', '__eq__', '__get__', '__set__', '__delete__',
];

/** What the cache knows about one class: its MRO's dicts and their versions when it last looked. */
export class TypeEntry {
  type = 0;
  mro = 0;
  /** Unique per refresh (per cache): the answers cached for this class carry it. */
  epoch = 0;
  /** H_WATCHED_DICTS when the entry was last found valid. */
  seen = -1;
  /** The dicts of the MRO's classes in order (classes without a dict skipped), and their versions. */
  count = 0;
  dicts = new Int32Array(8);
  versions = new Int32Array(8);
  /** How many of those dicts come first from classes made by class statements (heap types). */
  heapDicts = 0;
  /** Per Dunder: -1 not asked yet, else userDefined's answer (0: none). */
  readonly dunders = new Int32Array(Dunder.COUNT);
  /** For attrs.ts: 1 when neither __getattribute__ nor __getattr__ is user-defined, 0 if one is, -1 not
   *  asked yet. */
  plainGetattr = -1;
  /** Likewise: 1 when __setattr__ is not user-defined. */
  plainSetattr = -1;
}

const ATTR_BITS = 12;
const ATTR_STRIDE = 8;
/** attrs' fields, ATTR_STRIDE words per slot. */
const A_TYPE = 0;
const A_NAME = 1;
const A_EPOCH = 2;
const A_VALUE = 3;
const A_FOUND = 4;
/** H_WATCHED_DICTS when the slot was last confirmed, and the class's QUICK_* flags then. */
const A_SEEN = 5;
const A_FLAGS = 6;
/** The class's MRO tuple then (the collector and the VM's teardown empty a dying class's MRO). */
const A_MRO = 7;
const TYPE_BITS = 9;

/** One runtime's cache (Runtime.typeCache). */
export class TypeCache {
  readonly types: (TypeEntry | undefined)[] = new Array(1 << TYPE_BITS).fill(undefined);
  /** (class, name serial, epoch) -> value (borrowed, or 0) and the index of the dict it was found in. */
  readonly attrs = new Int32Array((1 << ATTR_BITS) * ATTR_STRIDE);
  nextEpoch = 1;
  /** Set by lookupIn: the index (in the entry's dicts) where the answer was found, -1 if nowhere. */
  found = -1;
  /** Interned names (each holds a reference for the runtime's life), by Dunder and by text. */
  readonly dunderNames = new Int32Array(Dunder.COUNT);
  readonly names = new Map<string, Ref>();
}

export function typeCacheOf(rt: Runtime): TypeCache {
  let c = rt.typeCache;
  if (c === null) c = rt.typeCache = new TypeCache();
  return c;
}

/**
 * `type`'s entry, checked against the heap (refreshed if a dict along the MRO changed), or null for a
 * class without an MRO yet (being built): then callers walk uncached.
 */
export function typeEntry(rt: Runtime, c: TypeCache, type: Ref): TypeEntry | null {
  const i32 = rt.i32;
  const mro = i32[(type + TP_MRO) >> 2]!;
  if (mro === 0) return null;
  const slot = Math.imul(type, 0x9e3779b1) >>> (32 - TYPE_BITS);
  let e = c.types[slot];
  // (the counter is read before the versions: a change between the two is seen at the next check)
  const seen = i32[H_WATCHED_DICTS >> 2]!;
  if (e !== undefined && e.type === type && e.mro === mro) {
    if (e.seen === seen) return e;
    const dicts = e.dicts;
    const versions = e.versions;
    let k = 0;
    const n = e.count;
    while (k < n && i32[(dicts[k]! + DICT_VERSION) >> 2] === versions[k]) k++;
    if (k === n) {
      e.seen = seen; // some other class's dict changed
      return e;
    }
  } else if (e === undefined) {
    e = c.types[slot] = new TypeEntry();
  }
  refresh(rt, c, e, type, mro, seen);
  return e;
}

/** Records `type`'s MRO dicts and their versions in `e` (read before any lookup made through it), and
 *  marks those dicts watched. */
function refresh(rt: Runtime, c: TypeCache, e: TypeEntry, type: Ref, mro: number, seen: number): void {
  const i32 = rt.i32;
  const n = i32[(mro + TUPLE_SIZE) >> 2]!;
  if (e.dicts.length < n) {
    e.dicts = new Int32Array(n);
    e.versions = new Int32Array(n);
  }
  let count = 0;
  let heapPrefix = true;
  let heapDicts = 0;
  for (let i = 0; i < n; i++) {
    const t = i32[((mro + TUPLE_ITEMS) >> 2) + i]!;
    heapPrefix &&= (i32[(t + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
    const d = i32[(t + TP_DICT) >> 2]!;
    if (d === 0) continue;
    i32[(d + DICT_WATCHED) >> 2] = 1;
    e.dicts[count] = d;
    e.versions[count] = i32[(d + DICT_VERSION) >> 2]!;
    count++;
    if (heapPrefix) heapDicts = count;
  }
  e.type = type;
  e.mro = mro;
  e.count = count;
  e.heapDicts = heapDicts;
  e.epoch = c.nextEpoch++;
  e.seen = seen;
  e.dunders.fill(-1);
  e.plainGetattr = -1;
  e.plainSetattr = -1;
}

/**
 * `name` looked up in the dicts of `e`'s MRO (borrowed, or 0), `c.found` set to the index of the dict
 * that had it (-1: none). `name` must be an exact str.
 */
export function lookupIn(rt: Runtime, c: TypeCache, e: TypeEntry, name: Ref): Ref | 0 {
  const serial = rt.i32[(name + STR_SERIAL) >> 2]!;
  const a = c.attrs;
  const s = attrSlot(e.type, serial);
  // (a slot is stamped with the counter its entry was found valid at, and the class's flags as known now)
  const seen = e.seen;
  const flags = (e.plainGetattr === 1 ? QUICK_GET : 0) | (e.plainSetattr === 1 ? QUICK_SET : 0);
  if (a[s + A_TYPE] === e.type && a[s + A_NAME] === serial && a[s + A_EPOCH] === e.epoch) {
    a[s + A_SEEN] = seen;
    a[s + A_FLAGS] = flags;
    a[s + A_MRO] = e.mro;
    c.found = a[s + A_FOUND]!;
    return a[s + A_VALUE]! as Ref | 0;
  }
  let v: Ref | 0 = 0;
  let k = 0;
  for (; k < e.count; k++) {
    v = dictGetStr(rt, e.dicts[k]! as Ref, name);
    if (v !== 0) break;
  }
  const found = v === 0 ? -1 : k;
  a[s + A_TYPE] = e.type;
  a[s + A_NAME] = serial;
  a[s + A_EPOCH] = e.epoch;
  a[s + A_VALUE] = v;
  a[s + A_FOUND] = found;
  a[s + A_SEEN] = seen;
  a[s + A_FLAGS] = flags;
  a[s + A_MRO] = e.mro;
  c.found = found;
  return v;
}

function attrSlot(type: number, serial: number): number {
  return (Math.imul(type ^ Math.imul(serial, 0x2c1b3c6d), 0x9e3779b1) >>> (32 - ATTR_BITS)) * ATTR_STRIDE;
}

/** quickLookup's `need` bits: the class defines no __getattribute__ / __getattr__ (QUICK_GET), no
 *  __setattr__ (QUICK_SET) by a class statement. */
export const QUICK_GET = 1;
export const QUICK_SET = 2;

/**
 * The hit path of lookupIn without the class's entry: `name` (an exact str) along `type`'s MRO as last
 * answered, when no watched dict changed and no class died since (H_WATCHED_DICTS has not moved), the
 * class has the same MRO tuple and had the `need` flags then; `c.found` set. The value is borrowed (or 0:
 * not found); -1 when the caller must ask typeEntry and lookupIn.
 */
export function quickLookup(rt: Runtime, c: TypeCache, type: Ref, name: Ref, need: number): Ref | 0 | -1 {
  const i32 = rt.i32;
  const serial = i32[(name + STR_SERIAL) >> 2]!;
  const a = c.attrs;
  const s = attrSlot(type, serial);
  if (a[s + A_TYPE] === type && a[s + A_NAME] === serial && a[s + A_SEEN] === i32[H_WATCHED_DICTS >> 2]
    && (a[s + A_FLAGS]! & need) === need && a[s + A_MRO] === i32[(type + TP_MRO) >> 2]) {
    c.found = a[s + A_FOUND]!;
    return a[s + A_VALUE]! as Ref | 0;
  }
  return -1;
}

/** Whether `name` is a str object the cache may key (exact str: a subclass's __eq__/__hash__ may differ). */
export function isCacheableName(rt: Runtime, name: Ref): boolean {
  return rt.i32[(name + OB_TYPE) >> 2] === rt.strType;
}

/** The interned str of a Dunder for this runtime (borrowed: the cache keeps it). */
export function dunderName(rt: Runtime, c: TypeCache, id: Dunder): Ref {
  let r = c.dunderNames[id]! as Ref;
  if (r === 0) {
    r = internedNameIn(rt, c, DUNDER_NAMES[id]!);
    c.dunderNames[id] = r;
  }
  return r;
}

/** The interned str for `s` (borrowed: the cache keeps a reference for the runtime's life). */
export function internedNameIn(rt: Runtime, c: TypeCache, s: string): Ref {
  let r = c.names.get(s);
  if (r === undefined) {
    r = intern(rt, s);
    c.names.set(s, r);
  }
  return r;
}

/**
 * The attribute `id` of `type` if a class statement defined it (found in a heap type's dict before any
 * built-in type's along the MRO), else 0. Borrowed.
 */
export function userDunder(rt: Runtime, type: Ref, id: Dunder): Ref | 0 {
  const c = typeCacheOf(rt);
  const e = typeEntry(rt, c, type);
  return e === null ? 0 : userDunderIn(rt, c, e, id);
}

/** userDunder for a class whose entry the caller holds (fresh from typeEntry): borrowed, or 0. */
export function userDunderIn(rt: Runtime, c: TypeCache, e: TypeEntry, id: Dunder): Ref | 0 {
  let v = e.dunders[id]!;
  if (v === -1) {
    v = userDefinedIn(rt, c, e, dunderName(rt, c, id));
    e.dunders[id] = v;
  }
  return v as Ref | 0;
}

/** `name` (an exact str) along the MRO of `e`'s class if a class statement defined it (found in a heap
 *  type's dict before any built-in type's): borrowed, or 0. */
export function userDefinedIn(rt: Runtime, c: TypeCache, e: TypeEntry, name: Ref): Ref | 0 {
  const f = lookupIn(rt, c, e, name);
  return f !== 0 && c.found < e.heapDicts ? f : 0;
}
