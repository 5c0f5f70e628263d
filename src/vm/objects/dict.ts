/** dict: an insertion-ordered hash table on the heap, laid out as CPython's compact dict
 *  (cf. CPython dictobject.c): an index array into a dense array of (hash, key, value) entries. */
import { GC_HEADER_END, H_WATCHED_DICTS, OB_TYPE, type Ref } from '../heap/layout.js';
import { STR_HASH, TP_FLAGS, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { dropDictRef, freeStorage } from '../nogil/qsbr.js';

/** dict object: number of items, table (a RAW block), version (bumped by every change), watched flag. */
export const DICT_USED = GC_HEADER_END;
export const DICT_TABLE = DICT_USED + 4;
export const DICT_VERSION = DICT_USED + 8;
/** Non-zero for a class's dict the type cache relies on: its changes also bump H_WATCHED_DICTS. */
export const DICT_WATCHED = DICT_USED + 12;
export const DICT_SIZE = DICT_USED + 16;

/** table: log2 of the index size, entries used (live and deleted), entries usable, then the arrays. */
const T_LOG2 = 16;
const T_NENTRIES = 20;
const T_USABLE = 24;
const T_INDICES = 28;
const EMPTY = -1;
const DUMMY = -2;
const MIN_LOG2 = 3;
const PERTURB_SHIFT = 5;

/** Hash and equality for keys, supplied by protocols.ts (so that a key's __hash__/__eq__ may run). */
export interface KeyOps {
  hash(rt: Runtime, key: Ref): number;
  eq(rt: Runtime, a: Ref, b: Ref): boolean;
}
let keyOps: KeyOps;
export function setKeyOps(ops: KeyOps): void {
  keyOps = ops;
}

/** A key's hash: an exact str's cached one read straight from the heap (the keys of attribute and
 *  namespace dicts), else through keyOps (which may run __hash__). */
function keyHash(rt: Runtime, key: Ref): number {
  const i32 = rt.i32;
  if (i32[(key + OB_TYPE) >> 2] === rt.strType) {
    const h = i32[(key + STR_HASH) >> 2]!;
    if (h !== 0) return h;
  }
  return keyOps.hash(rt, key);
}

function entriesBase(table: number, log2: number): number {
  return table + T_INDICES + (4 << log2);
}

function tableBytes(log2: number): number {
  const size = 1 << log2;
  return T_INDICES + 4 * size + 12 * (((size * 2) / 3) | 0);
}

function newTable(rt: Runtime, log2: number): Ref {
  const t = rt.allocKind(Kind.RAW, tableBytes(log2));
  initTable(rt, t, log2);
  return t;
}

/** Fills in an empty table's counts and indices (its entries are zero). */
function initTable(rt: Runtime, t: number, log2: number): void {
  const size = 1 << log2;
  const i32 = rt.i32;
  i32[(t + T_LOG2) >> 2] = log2;
  i32[(t + T_NENTRIES) >> 2] = 0;
  i32[(t + T_USABLE) >> 2] = ((size * 2) / 3) | 0;
  const idx = (t + T_INDICES) >> 2;
  for (let k = idx; k < idx + size; k++) i32[k] = EMPTY;
}

/**
 * A new dict's first table, when it is the smallest, lives in the dict's own block right after its
 * fields: one allocation and one free for the commonest dicts (instance attributes, keyword arguments).
 * The embedded table's address is where its T_LOG2 falls at DICT_SIZE, so its header words overlap the
 * dict's fields: they are never read, since an embedded table is never counted, freed or made immortal
 * (isEmbedded). A resize or a clear gives the dict a table block of its own and leaves the space unused.
 */
const EMBED_OFF = DICT_SIZE - T_LOG2;
const EMBEDDED_DICT_BYTES = EMBED_OFF + tableBytes(MIN_LOG2);

function isEmbedded(d: number, t: number): boolean {
  return t === d + EMBED_OFF;
}

/**
 * Gives `d` a new version from the heap-wide counter: versions are unique across all dicts, so a cache
 * holding (dict, version) can never be fooled by another dict at the same address (LOAD_GLOBAL's is).
 */
function bumpVersion(rt: Runtime, d: Ref): void {
  const i32 = rt.i32;
  i32[(d + DICT_VERSION) >> 2] = rt.nextSerial();
  // (after the dict's own version: a cache that sees the counter moved then sees the new version)
  if (i32[(d + DICT_WATCHED) >> 2] !== 0) watchedDictsChanged(rt);
}

/** Bumps H_WATCHED_DICTS: a watched dict changed or is freed, or a class is freed (type-cache.ts). */
export function watchedDictsChanged(rt: Runtime): void {
  if (rt.atomicHeader) Atomics.add(rt.i32, H_WATCHED_DICTS >> 2, 1);
  else rt.i32[H_WATCHED_DICTS >> 2]!++;
}

/** A new empty dict (new reference). */
export function newDict(rt: Runtime, sizeHint = 0): Ref {
  let log2 = MIN_LOG2;
  while (((1 << log2) * 2) / 3 < sizeHint) log2++;
  let d: Ref;
  if (log2 === MIN_LOG2) {
    d = rt.allocKind(Kind.DICT, EMBEDDED_DICT_BYTES);
    initTable(rt, d + EMBED_OFF, MIN_LOG2);
    rt.i32[(d + DICT_TABLE) >> 2] = d + EMBED_OFF;
  } else {
    d = rt.allocKind(Kind.DICT, DICT_SIZE);
    rt.i32[(d + DICT_TABLE) >> 2] = newTable(rt, log2);
  }
  bumpVersion(rt, d);
  rt.gcTrack(d);
  return d;
}

export function dictLen(rt: Runtime, d: Ref): number {
  return rt.i32[(d + DICT_USED) >> 2]!;
}

/**
 * Finds `key`: returns the entry index (>= 0), or -(slot + 1) for the empty index slot where it would go.
 */
function lookup(rt: Runtime, d: Ref, key: Ref, hash: number): number {
  const i32 = rt.i32;
  for (;;) {
    const t = i32[(d + DICT_TABLE) >> 2]!;
    const log2 = i32[(t + T_LOG2) >> 2]!;
    const mask = (1 << log2) - 1;
    const idx = (t + T_INDICES) >> 2;
    const ent = entriesBase(t, log2) >> 2;
    let perturb = hash >>> 0;
    let i = hash & mask;
    let freeslot = -1;
    const version = i32[(d + DICT_VERSION) >> 2]!;
    for (;;) {
      const ix = i32[idx + i]!;
      if (ix === EMPTY) return -((freeslot >= 0 ? freeslot : i) + 1);
      if (ix === DUMMY) {
        if (freeslot < 0) freeslot = i;
      } else {
        const e = ent + ix * 3;
        const k = i32[e + 1]!;
        if (k === key) return ix;
        if (i32[e]! === hash && keyOps.eq(rt, k as Ref, key)) {
          // __eq__ may have changed the dict; CPython restarts the lookup then
          if (i32[(d + DICT_TABLE) >> 2] !== t || i32[(d + DICT_VERSION) >> 2] !== version) break;
          return ix;
        }
      }
      perturb >>>= PERTURB_SHIFT;
      i = (i * 5 + perturb + 1) & mask;
    }
  }
}

/** The value for `key` (borrowed), or 0 if absent. May run the key's __hash__/__eq__. */
export function dictGet(rt: Runtime, d: Ref, key: Ref): Ref | 0 {
  if (rt.i32[(key + OB_TYPE) >> 2] === rt.strType) return dictGetStr(rt, d, key);
  return dictGetWithHash(rt, d, key, keyHash(rt, key));
}

/** The value for `key` as a NEW reference, or 0 if absent: what a no-GIL reader must use (a borrowed
 *  value could be freed by another worker's store before the caller increfs it). */
export function dictGetRef(rt: Runtime, d: Ref, key: Ref): Ref | 0 {
  return dictGetRefWithHash(rt, d, key, keyHash(rt, key)); // (the hash outside the lock: may run Python code)
}

/** Like dictGet for a key whose hash is known (an interned str's, say). */
function dictGetWithHashUnlocked(rt: Runtime, d: Ref, key: Ref, hash: number): Ref | 0 {
  const ix = lookup(rt, d, key, hash);
  if (ix < 0) return 0;
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return rt.i32[(entriesBase(t, rt.i32[(t + T_LOG2) >> 2]!) >> 2) + ix * 3 + 2]! as Ref;
}

/**
 * Looks for an exact str `key` (its hash `hash` cached) by identity in `d`'s table. Returns the word index
 * of its entry (hash, key, value) when found; -1 when an entry with the same hash holds another object
 * (an equal str, or anything whose __eq__ must be asked): the caller takes the general path then; else
 * (absent) -2 - the index slot where it would go. GIL mode only (no lock taken). Attribute and namespace
 * names are interned, so the identity probe is what nearly every lookup needs.
 */
function probeStr(i32: Int32Array, d: Ref, key: Ref, hash: number): number {
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const log2 = i32[(t + T_LOG2) >> 2]!;
  const mask = (1 << log2) - 1;
  const idx = (t + T_INDICES) >> 2;
  const ent = entriesBase(t, log2) >> 2;
  let perturb = hash >>> 0;
  let i = hash & mask;
  let freeslot = -1;
  for (;;) {
    const ix = i32[idx + i]!;
    if (ix === EMPTY) return -2 - (freeslot >= 0 ? freeslot : i);
    if (ix === DUMMY) {
      if (freeslot < 0) freeslot = i;
    } else {
      const e = ent + ix * 3;
      if (i32[e + 1] === key) return e;
      if (i32[e] === hash) return -1;
    }
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/** dictGet for a key that is an exact str (an attribute name; borrowed, not kept): the value (borrowed), or 0. */
export function dictGetStr(rt: Runtime, d: Ref, key: Ref): Ref | 0 {
  const i32 = rt.i32;
  const hash = i32[(key + STR_HASH) >> 2]!;
  if (hash !== 0 && rt.containerLocks === null) {
    const e = probeStr(i32, d, key, hash);
    if (e >= 0) return i32[e + 2]! as Ref;
    if (e !== -1) return 0;
  }
  return dictGetWithHash(rt, d, key, keyHash(rt, key));
}

/** dictSet for a key that is an exact str (an attribute name); key and value borrowed. Found, or inserted
 *  where the table has room, it finishes as dictSetWithHashUnlocked does (replaceValue, appendEntry). */
export function dictSetStr(rt: Runtime, d: Ref, key: Ref, value: Ref): void {
  const i32 = rt.i32;
  const hash = i32[(key + STR_HASH) >> 2]!;
  if (hash !== 0 && rt.containerLocks === null) {
    const e = probeStr(i32, d, key, hash);
    if (e >= 0) {
      rt.incref(value);
      replaceValue(rt, d, e, value);
      return;
    }
    const t = i32[(d + DICT_TABLE) >> 2]!;
    if (e !== -1 && i32[(t + T_NENTRIES) >> 2]! < i32[(t + T_USABLE) >> 2]!) {
      rt.incref(value);
      rt.incref(key);
      appendEntry(rt, d, t, -2 - e, hash, key, value);
      return;
    }
  }
  dictSetWithHash(rt, d, key, value, keyHash(rt, key));
}

/** d[key] = value. Takes its own references to key and value (both borrowed here). */
export function dictSet(rt: Runtime, d: Ref, key: Ref, value: Ref): void {
  if (rt.i32[(key + OB_TYPE) >> 2] === rt.strType) {
    dictSetStr(rt, d, key, value);
    return;
  }
  dictSetWithHash(rt, d, key, value, keyHash(rt, key));
}

function dictSetWithHashUnlocked(rt: Runtime, d: Ref, key: Ref, value: Ref, hash: number): void {
  const i32 = rt.i32;
  const ix = lookup(rt, d, key, hash);
  rt.incref(value);
  let t = i32[(d + DICT_TABLE) >> 2]!;
  if (ix >= 0) {
    replaceValue(rt, d, (entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2) + ix * 3, value);
    return;
  }
  rt.incref(key);
  let slot = -ix - 1;
  if (i32[(t + T_NENTRIES) >> 2]! >= i32[(t + T_USABLE) >> 2]!) {
    resize(rt, d, growthLog2(i32[(d + DICT_USED) >> 2]! + 1));
    t = i32[(d + DICT_TABLE) >> 2]!;
    slot = findEmptySlot(rt, t, hash);
  }
  appendEntry(rt, d, t, slot, hash, key, value);
}

/** Puts `value` (a reference the caller took for the dict) into entry word `e`, then drops the value it
 *  replaces (no-GIL: once every reader that may hold it borrowed passed its tick). */
function replaceValue(rt: Runtime, d: Ref, e: number, value: Ref): void {
  const i32 = rt.i32;
  const old = i32[e + 2]! as Ref;
  i32[e + 2] = value;
  bumpVersion(rt, d);
  dropDictRef(rt, old);
}

/** Appends the entry (hash, key, value) to `d`'s table `t`, which has room, at index slot `slot`; the
 *  references to key and value are the caller's, taken for the dict. */
function appendEntry(rt: Runtime, d: Ref, t: number, slot: number, hash: number, key: Ref, value: Ref): void {
  const i32 = rt.i32;
  const n = i32[(t + T_NENTRIES) >> 2]!;
  const e = (entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2) + n * 3;
  i32[e] = hash;
  i32[e + 1] = key;
  i32[e + 2] = value;
  i32[((t + T_INDICES) >> 2) + slot] = n;
  i32[(t + T_NENTRIES) >> 2] = n + 1;
  i32[(d + DICT_USED) >> 2]!++;
  bumpVersion(rt, d);
}

/** The index size for a table holding `used` items: CPython's GROWTH_RATE (used * 3). */
function growthLog2(used: number): number {
  let log2 = MIN_LOG2;
  while ((1 << log2) < used * 3) log2++;
  return log2;
}

function findEmptySlot(rt: Runtime, t: number, hash: number): number {
  const i32 = rt.i32;
  const mask = (1 << i32[(t + T_LOG2) >> 2]!) - 1;
  const idx = (t + T_INDICES) >> 2;
  let perturb = hash >>> 0;
  let i = hash & mask;
  while (i32[idx + i] !== EMPTY) {
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

/** Rebuilds the table at a new size, compacting deleted entries (insertion order kept). */
function resize(rt: Runtime, d: Ref, log2: number): void {
  const i32 = rt.i32;
  const old = i32[(d + DICT_TABLE) >> 2]! as Ref;
  const oldEnt = entriesBase(old, i32[(old + T_LOG2) >> 2]!) >> 2;
  const oldN = i32[(old + T_NENTRIES) >> 2]!;
  const t = newTable(rt, log2);
  const ent = entriesBase(t, log2) >> 2;
  let n = 0;
  for (let k = 0; k < oldN; k++) {
    const e = oldEnt + k * 3;
    if (i32[e + 1] === 0) continue;
    const hash = i32[e]!;
    const dst = ent + n * 3;
    i32[dst] = hash;
    i32[dst + 1] = i32[e + 1]!;
    i32[dst + 2] = i32[e + 2]!;
    i32[((t + T_INDICES) >> 2) + findEmptySlot(rt, t, hash)] = n;
    n++;
  }
  i32[(t + T_NENTRIES) >> 2] = n;
  i32[(d + DICT_TABLE) >> 2] = t;
  if (!isEmbedded(d, old)) freeStorage(rt, old); // (no-GIL: an unlocked reader may still read it until its next tick)
}

/** Deletes `key`; returns false if it was absent. Releases the dict's references to key and value. */
export function dictDel(rt: Runtime, d: Ref, key: Ref): boolean {
  return dictDelWithHash(rt, d, key, keyHash(rt, key));
}

/**
 * Iteration: the entry position after `pos` holding an item, or -1. Read the item with dictEntryKey /
 * dictEntryValue (borrowed). Positions stay valid while the dict is not resized.
 */
export function dictNextPos(rt: Runtime, d: Ref, pos: number): number {
  const i32 = rt.i32;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const n = i32[(t + T_NENTRIES) >> 2]!;
  const ent = entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2;
  for (let p = pos + 1; p < n; p++) if (i32[ent + p * 3 + 1] !== 0) return p;
  return -1;
}
export function dictEntryKey(rt: Runtime, d: Ref, pos: number): Ref {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return rt.i32[(entriesBase(t, rt.i32[(t + T_LOG2) >> 2]!) >> 2) + pos * 3 + 1]! as Ref;
}
export function dictEntryValue(rt: Runtime, d: Ref, pos: number): Ref {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return rt.i32[(entriesBase(t, rt.i32[(t + T_LOG2) >> 2]!) >> 2) + pos * 3 + 2]! as Ref;
}
/** Replaces the value at an iteration position (takes a new reference to `value`). */
export function dictSetEntryValue(rt: Runtime, d: Ref, pos: number, value: Ref): void {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  const e = (entriesBase(t, rt.i32[(t + T_LOG2) >> 2]!) >> 2) + pos * 3 + 2;
  rt.incref(value);
  const old = rt.i32[e]! as Ref;
  rt.i32[e] = value;
  bumpVersion(rt, d);
  dropDictRef(rt, old);
}
export function dictVersion(rt: Runtime, d: Ref): number {
  return rt.i32[(d + DICT_VERSION) >> 2]!;
}

/** A dict's entries read in one step, each key and value a NEW reference (release with dropSnapshot). */
export interface DictSnapshot {
  keys: Ref[];
  values: Ref[];
  hashes: number[];
}

/**
 * Every (hash, key, value) of `d` in order, each key and value with a NEW reference, read in one step
 * under the dict's lock in no-GIL mode (so nothing read can be freed by another worker before it is
 * counted, and the copy is consistent, as CPython's dict_merge / dict_copy under the critical section).
 */
export function dictSnapshot(rt: Runtime, d: Ref): DictSnapshot {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(d);
  try {
    const i32 = rt.i32;
    const t = i32[(d + DICT_TABLE) >> 2]!;
    const n = i32[(t + T_NENTRIES) >> 2]!;
    const ent = entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2;
    const out: DictSnapshot = { keys: [], values: [], hashes: [] };
    for (let p = 0; p < n; p++) {
      const e = ent + p * 3;
      const k = i32[e + 1]!;
      if (k === 0) continue;
      const v = i32[e + 2]! as Ref;
      rt.incref(k as Ref);
      rt.incref(v);
      out.keys.push(k as Ref);
      out.values.push(v);
      out.hashes.push(i32[e]!);
    }
    return out;
  } finally {
    if (locks !== null) locks.release(d);
  }
}

/** Releases a snapshot's references (with no lock held: a __del__ may run). */
export function dropSnapshot(rt: Runtime, s: DictSnapshot): void {
  for (let i = 0; i < s.keys.length; i++) {
    rt.decref(s.keys[i]!);
    rt.decref(s.values[i]!);
  }
  s.keys.length = 0;
  s.values.length = 0;
}

/**
 * One step of a dict iterator in no-GIL mode, under the dict's lock: the live entry at or after `pos`
 * (before or at, with `reverse`) if the dict still has `used` items; its key and/or value are increfed
 * before the lock is released. Returns the entry's position, -1 at the end, -2 if the size changed.
 */
export function dictIterStepLocked(rt: Runtime, d: Ref, used: number, pos: number, reverse: boolean,
  wantKey: boolean, wantValue: boolean, out: Ref[]): number {
  const locks = rt.containerLocks!;
  locks.acquire(d);
  try {
    const i32 = rt.i32;
    if (i32[(d + DICT_USED) >> 2] !== used) return -2;
    const p = reverse ? (pos < 0 ? -1 : dictPrevPos(rt, d, pos + 1)) : dictNextPos(rt, d, pos - 1);
    if (p < 0) return -1;
    const t = i32[(d + DICT_TABLE) >> 2]!;
    const e = (entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2) + p * 3;
    if (wantKey) {
      rt.incref(i32[e + 1]! as Ref);
      out[0] = i32[e + 1]! as Ref;
    }
    if (wantValue) {
      rt.incref(i32[e + 2]! as Ref);
      out[1] = i32[e + 2]! as Ref;
    }
    return p;
  } finally {
    locks.release(d);
  }
}

/** Like dictGetRef for a key whose hash is known: the value as a NEW reference, or 0 if absent. */
export function dictGetRefWithHash(rt: Runtime, d: Ref, key: Ref, hash: number): Ref | 0 {
  const locks = rt.containerLocks;
  if (locks === null) {
    const v = dictGetWithHashUnlocked(rt, d, key, hash);
    if (v !== 0) rt.incref(v);
    return v;
  }
  locks.acquire(d);
  try {
    const v = dictGetWithHashUnlocked(rt, d, key, hash);
    if (v !== 0) rt.incref(v);
    return v;
  } finally {
    locks.release(d);
  }
}

/**
 * dict.pop(key) in one step: removes `key` and returns its value (the dict's reference becomes the
 * caller's), or 0 if absent. The key's reference is dropped after the lock is released.
 */
export function dictPopKey(rt: Runtime, d: Ref, key: Ref): Ref | 0 {
  const hash = keyHash(rt, key); // (outside the lock: may run Python code)
  const locks = rt.containerLocks;
  if (locks === null) return popKey(rt, d, key, hash);
  locks.acquire(d);
  try {
    return popKey(rt, d, key, hash);
  } finally {
    locks.release(d);
  }
}
/** dictPopKey's body (the dict's lock held, if any): the value as the caller's reference, or 0. */
function popKey(rt: Runtime, d: Ref, key: Ref, hash: number): Ref | 0 {
  const ix = lookup(rt, d, key, hash);
  if (ix < 0) return 0;
  const i32 = rt.i32;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const v = i32[(entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2) + ix * 3 + 2]! as Ref;
  rt.incref(v); // the caller's; dictDelWithHashUnlocked drops the dict's (deferred under a lock)
  dictDelWithHashUnlocked(rt, d, key, hash);
  return v;
}

/** dict.setdefault(key, dflt) in one step: the value now stored for `key` as a NEW reference. */
export function dictSetDefaultRef(rt: Runtime, d: Ref, key: Ref, dflt: Ref): Ref {
  const hash = keyHash(rt, key); // (outside the lock: may run Python code)
  const locks = rt.containerLocks;
  if (locks === null) return setDefault(rt, d, key, dflt, hash);
  locks.acquire(d);
  try {
    return setDefault(rt, d, key, dflt, hash);
  } finally {
    locks.release(d);
  }
}
/** dictSetDefaultRef's body (the dict's lock held, if any): the stored value, a NEW reference. */
function setDefault(rt: Runtime, d: Ref, key: Ref, dflt: Ref, hash: number): Ref {
  let v = dictGetWithHashUnlocked(rt, d, key, hash);
  if (v === 0) {
    dictSetWithHashUnlocked(rt, d, key, dflt, hash);
    v = dflt;
  }
  rt.incref(v);
  return v;
}

/**
 * All (key, value) pairs, borrowed, in order. In no-GIL mode the table is read under the dict's lock
 * (another worker's resize frees the table), and the pairs stay alive until this worker's next tick or
 * blocking wait, as with the GIL until the next thread switch (what the dict gives up meanwhile waits for
 * it: nogil/qsbr.ts); a caller that holds them longer, or across Python code, takes a snapshot instead.
 */
export function dictItems(rt: Runtime, d: Ref): [Ref, Ref][] {
  const locks = rt.containerLocks;
  if (locks === null) return itemsOf(rt, d);
  locks.acquire(d);
  try {
    return itemsOf(rt, d);
  } finally {
    locks.release(d);
  }
}
function itemsOf(rt: Runtime, d: Ref): [Ref, Ref][] {
  const out: [Ref, Ref][] = [];
  for (let p = dictNextPos(rt, d, -1); p >= 0; p = dictNextPos(rt, d, p)) {
    out.push([dictEntryKey(rt, d, p), dictEntryValue(rt, d, p)]);
  }
  return out;
}

/** Removes every item. */
export function dictClear(rt: Runtime, d: Ref): void {
  const i32 = rt.i32;
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(d);
  const old = i32[(d + DICT_TABLE) >> 2]! as Ref;
  try {
    i32[(d + DICT_TABLE) >> 2] = newTable(rt, MIN_LOG2);
    i32[(d + DICT_USED) >> 2] = 0;
    bumpVersion(rt, d);
  } finally {
    if (locks !== null) locks.release(d);
  }
  releaseTable(rt, d, old, true); // with no lock held: the items' __del__ may run
}

/** Releases the keys and values of `d`'s table `t` (through the delayed drops with `shared`: a dict still
 *  reachable, whose items another worker may hold borrowed), then the table itself (unless embedded). */
function releaseTable(rt: Runtime, d: Ref, t: Ref, shared: boolean): void {
  const i32 = rt.i32;
  const n = i32[(t + T_NENTRIES) >> 2]!;
  const ent = entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2;
  // clear first, then release: a __del__ run by a release must see consistent entries. The references
  // wait on one scratch stack (no array per table): a release that frees another dict pushes above them.
  const refs = releaseScratch;
  const start = releaseTop;
  let top = start;
  for (let k = 0; k < n; k++) {
    const e = ent + k * 3;
    if (i32[e + 1] !== 0) {
      refs[top++] = i32[e + 1]!;
      refs[top++] = i32[e + 2]!;
      i32[e + 1] = 0;
      i32[e + 2] = 0;
    }
  }
  const end = top;
  releaseTop = top;
  if (isEmbedded(d, t)) { /* part of the dict's block */ } else if (shared) freeStorage(rt, t);
  else rt.releaseRaw(t);
  if (shared) for (let k = start; k < end; k++) dropDictRef(rt, refs[k]! as Ref);
  else for (let k = start; k < end; k++) rt.decref(refs[k]! as Ref);
  releaseTop = start;
}
/** releaseTable's stack of references to release, and its top (0 between calls; an exception out of a
 *  release may leave it higher, which only leaves dead words below the next call's). */
const releaseScratch: number[] = [];
let releaseTop = 0;

/** dealloc slot: releases keys, values and the table. */
export function deallocDict(rt: Runtime, d: Ref): void {
  if (rt.i32[(d + DICT_WATCHED) >> 2] !== 0) watchedDictsChanged(rt);
  releaseTable(rt, d, rt.i32[(d + DICT_TABLE) >> 2]! as Ref, false);
  if (isDictSubInstance(rt, d)) rt.xdecref(rt.i32[(d + DICT_SUB_DICT) >> 2]! as Ref);
}

/** An instance of a dict subclass made by a class statement keeps its __dict__ (or 0 until it has one)
 *  after the dict's own fields (cf. CPython's tp_dictoffset for subclasses of built-in types). */
export const DICT_SUB_DICT = DICT_SIZE;

/** Whether `d` (a dict or an instance of a subclass) is laid out with DICT_SUB_DICT. */
export function isDictSubInstance(rt: Runtime, d: Ref): boolean {
  return (rt.i32[(rt.typeOf(d) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

/** Visits each key and value (for the cycle collector). */
export function traverseDict(rt: Runtime, d: Ref, visit: (r: Ref) => void): void {
  for (let p = dictNextPos(rt, d, -1); p >= 0; p = dictNextPos(rt, d, p)) {
    visit(dictEntryKey(rt, d, p));
    visit(dictEntryValue(rt, d, p));
  }
}

/** The RAW table block of a dict, or 0 while its table is embedded in its own block. */
export function dictTable(rt: Runtime, d: Ref): Ref | 0 {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return isEmbedded(d, t) ? 0 : t as Ref;
}

// ================= helpers for dict-type.ts =================

/** A new empty dict whose type is `type` (dict or a subclass; borrowed). New reference. */
export function newDictOfType(rt: Runtime, type: Ref): Ref {
  const d = rt.alloc(type, DICT_SIZE + 4); // the subclass's __dict__ at DICT_SUB_DICT
  rt.i32[(d + DICT_TABLE) >> 2] = newTable(rt, MIN_LOG2);
  rt.gcTrack(d);
  return d;
}

/** The stored hash of the entry at an iteration position. */
export function dictEntryHash(rt: Runtime, d: Ref, pos: number): number {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return rt.i32[(entriesBase(t, rt.i32[(t + T_LOG2) >> 2]!) >> 2) + pos * 3]!;
}

/** Entries used so far, live and deleted (CPython's dk_nentries): the end of the iteration positions. */
export function dictNEntries(rt: Runtime, d: Ref): number {
  const t = rt.i32[(d + DICT_TABLE) >> 2]!;
  return rt.i32[(t + T_NENTRIES) >> 2]!;
}

/** Reverse iteration: the position before `pos` (at most nentries - 1) holding an item, or -1. */
export function dictPrevPos(rt: Runtime, d: Ref, pos: number): number {
  const i32 = rt.i32;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const n = i32[(t + T_NENTRIES) >> 2]!;
  const ent = entriesBase(t, i32[(t + T_LOG2) >> 2]!) >> 2;
  for (let p = Math.min(pos - 1, n - 1); p >= 0; p--) if (i32[ent + p * 3 + 1] !== 0) return p;
  return -1;
}

/**
 * dict.popitem(): removes the last item and returns [key, value] (new references), or null if empty. As
 * CPython's dict_popitem_impl, the entry count drops to the removed position (the slot is reused).
 */
function dictPopLastUnlocked(rt: Runtime, d: Ref): [Ref, Ref] | null {
  const i32 = rt.i32;
  if (i32[(d + DICT_USED) >> 2] === 0) return null;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const log2 = i32[(t + T_LOG2) >> 2]!;
  const ent = entriesBase(t, log2) >> 2;
  let ix = i32[(t + T_NENTRIES) >> 2]! - 1;
  while (ix >= 0 && i32[ent + ix * 3 + 1] === 0) ix--;
  const e = ent + ix * 3;
  const hash = i32[e]!;
  const mask = (1 << log2) - 1;
  const idx = (t + T_INDICES) >> 2;
  let perturb = hash >>> 0;
  let i = hash & mask;
  while (i32[idx + i] !== ix) {
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  i32[idx + i] = DUMMY;
  const k = i32[e + 1]! as Ref;
  const v = i32[e + 2]! as Ref;
  i32[e + 1] = 0;
  i32[e + 2] = 0;
  i32[(t + T_NENTRIES) >> 2] = ix;
  i32[(d + DICT_USED) >> 2]!--;
  bumpVersion(rt, d);
  if (rt.delayedDrops !== null) {
    // no-GIL: another worker may hold k or v borrowed (read before this removal): the caller gets new
    // references and the dict's are dropped once those readers passed their ticks (qsbr.ts)
    rt.incref(k);
    rt.incref(v);
    dropDictRef(rt, k);
    dropDictRef(rt, v);
  }
  return [k, v];
}

/** Deletes `key` whose hash is known; false if absent. */
function dictDelWithHashUnlocked(rt: Runtime, d: Ref, key: Ref, hash: number): boolean {
  const ix = lookup(rt, d, key, hash);
  if (ix < 0) return false;
  const i32 = rt.i32;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const log2 = i32[(t + T_LOG2) >> 2]!;
  const mask = (1 << log2) - 1;
  const idx = (t + T_INDICES) >> 2;
  let perturb = hash >>> 0;
  let i = hash & mask;
  while (i32[idx + i] !== ix) {
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  i32[idx + i] = DUMMY;
  const e = (entriesBase(t, log2) >> 2) + ix * 3;
  const k = i32[e + 1]! as Ref;
  const v = i32[e + 2]! as Ref;
  i32[e + 1] = 0;
  i32[e + 2] = 0;
  i32[(d + DICT_USED) >> 2]!--;
  bumpVersion(rt, d);
  dropDictRef(rt, k);
  dropDictRef(rt, v);
  return true;
}

/** Like dictGet for a key whose hash is known: the value (borrowed), or 0 if absent. (In no-GIL mode a
 *  value another worker replaces may be freed before the caller counts it: see dictGetRefWithHash.) */
export function dictGetWithHash(rt: Runtime, d: Ref, key: Ref, hash: number): Ref | 0 {
  const locks = rt.containerLocks;
  if (locks === null) return dictGetWithHashUnlocked(rt, d, key, hash);
  locks.acquire(d);
  try {
    return dictGetWithHashUnlocked(rt, d, key, hash);
  } finally {
    locks.release(d);
  }
}

/**
 * The value (borrowed) for the str key whose text is `text`, or 0, in a dict whose keys are all exact strs
 * (the interned table, the exception types' table); `hash` is that str's hash (interned.ts textHash). It
 * makes no str and runs no Python code: what intern() and excType() look names up with.
 */
export function dictGetByText(rt: Runtime, d: Ref, text: string, hash: number): Ref | 0 {
  const locks = rt.containerLocks;
  if (locks === null) return dictGetByTextUnlocked(rt, d, text, hash);
  locks.acquire(d);
  try {
    return dictGetByTextUnlocked(rt, d, text, hash);
  } finally {
    locks.release(d);
  }
}

function dictGetByTextUnlocked(rt: Runtime, d: Ref, text: string, hash: number): Ref | 0 {
  const i32 = rt.i32;
  const t = i32[(d + DICT_TABLE) >> 2]!;
  const log2 = i32[(t + T_LOG2) >> 2]!;
  const mask = (1 << log2) - 1;
  const idx = (t + T_INDICES) >> 2;
  const ent = entriesBase(t, log2) >> 2;
  let perturb = hash >>> 0;
  let i = hash & mask;
  for (;;) {
    const ix = i32[idx + i]!;
    if (ix === EMPTY) return 0;
    if (ix !== DUMMY) {
      const e = ent + ix * 3;
      if (i32[e]! === hash && rt.strValue(i32[e + 1]! as Ref) === text) return i32[e + 2]! as Ref;
    }
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/** dictGet's no-GIL form for a result only compared with 0 (no count, no hold). */
export function dictHasWithHash(rt: Runtime, d: Ref, key: Ref, hash: number): boolean {
  const locks = rt.containerLocks;
  if (locks === null) return dictGetWithHashUnlocked(rt, d, key, hash) !== 0;
  locks.acquire(d);
  try {
    return dictGetWithHashUnlocked(rt, d, key, hash) !== 0;
  } finally {
    locks.release(d);
  }
}

/** `key in d` (may run the key's __hash__/__eq__). */
export function dictHas(rt: Runtime, d: Ref, key: Ref): boolean {
  return dictHasWithHash(rt, d, key, keyHash(rt, key));
}

export function dictSetWithHash(rt: Runtime, d: Ref, key: Ref, value: Ref, hash: number): void {
  const locks = rt.containerLocks;
  if (locks === null) return dictSetWithHashUnlocked(rt, d, key, value, hash);
  locks.acquire(d);
  try {
    return dictSetWithHashUnlocked(rt, d, key, value, hash);
  } finally {
    locks.release(d);
  }
}

export function dictDelWithHash(rt: Runtime, d: Ref, key: Ref, hash: number): boolean {
  const locks = rt.containerLocks;
  if (locks === null) return dictDelWithHashUnlocked(rt, d, key, hash);
  locks.acquire(d);
  try {
    return dictDelWithHashUnlocked(rt, d, key, hash);
  } finally {
    locks.release(d);
  }
}

export function dictPopLast(rt: Runtime, d: Ref): [Ref, Ref] | null {
  const locks = rt.containerLocks;
  if (locks === null) return dictPopLastUnlocked(rt, d);
  locks.acquire(d);
  try {
    return dictPopLastUnlocked(rt, d);
  } finally {
    locks.release(d);
  }
}
