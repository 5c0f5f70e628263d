/** set and frozenset: open-addressing tables laid out and probed exactly as CPython's setobject.c, so
 *  that iteration order (and so printing) matches CPython for the same hashes. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { dropRef } from '../nogil/sync.js';
import { freeStorage } from '../nogil/qsbr.js';

export const SET_USED = GC_HEADER_END;
export const SET_FILL = SET_USED + 4;
export const SET_MASK = SET_USED + 8;
/** RAW block: (hash, key) pairs; key 0 = unused, DUMMY_KEY = deleted. */
export const SET_TABLE = SET_USED + 12;
/** Where set.pop() resumes its scan (cf. so->finger). */
export const SET_FINGER = SET_USED + 16;
export const SET_VERSION = SET_USED + 20;
const SET_BYTES = SET_USED + 24;
const RAW_DATA = 16;
const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
/** Marks a deleted entry (CPython's dummy key, hash -1). Never a valid Ref (refs are multiples of 16). */
const DUMMY_KEY = 1;

let keyHash: (rt: Runtime, r: Ref) => number;
let keyEq: (rt: Runtime, a: Ref, b: Ref) => boolean;
/** Installed by protocols.ts (sets must not import it: it would be a cycle). */
export function setSetKeyOps(hash: typeof keyHash, eq: typeof keyEq): void {
  keyHash = hash;
  keyEq = eq;
}

function newTable(rt: Runtime, size: number): Ref {
  const t = rt.allocKind(Kind.RAW, RAW_DATA + size * 8);
  return t;
}

/** A new empty set or frozenset (new reference). */
export function newSet(rt: Runtime, frozen = false): Ref {
  const s = rt.allocKind(frozen ? Kind.FROZENSET : Kind.SET, SET_BYTES);
  rt.i32[(s + SET_MASK) >> 2] = MINSIZE - 1;
  rt.i32[(s + SET_TABLE) >> 2] = newTable(rt, MINSIZE);
  rt.gcTrack(s);
  return s;
}

export function setLen(rt: Runtime, s: Ref): number {
  return rt.i32[(s + SET_USED) >> 2]!;
}

function tableBase(rt: Runtime, s: Ref): number {
  return (rt.i32[(s + SET_TABLE) >> 2]! + RAW_DATA) >> 2;
}

/** Adds `key` (borrowed); returns true if it was not there. */
export function setAdd(rt: Runtime, s: Ref, key: Ref): boolean {
  return setAddHash(rt, s, key, keyHash(rt, key));
}

function setAddHashUnlocked(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  const i32 = rt.i32;
  restart: for (;;) {
    const mask = i32[(s + SET_MASK) >> 2]!;
    const base = tableBase(rt, s);
    const table = i32[(s + SET_TABLE) >> 2]!;
    let i = hash & mask;
    // perturb is CPython's size_t: the hash sign-extended to 64 bits, shifted as unsigned
    let pLo = hash >>> 0;
    let pHi = hash < 0 ? 0xffffffff : 0;
    let freeslot = -1;
    for (;;) {
      let e = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const ek = i32[base + e * 2 + 1]!;
        const eh = i32[base + e * 2]!;
        if (ek === 0) {
          // unused: take it, or an earlier deleted slot
          rt.incref(key);
          if (freeslot >= 0) {
            i32[base + freeslot * 2] = hash;
            i32[base + freeslot * 2 + 1] = key;
            i32[(s + SET_USED) >> 2]!++;
            i32[(s + SET_VERSION) >> 2]!++;
            return true;
          }
          i32[base + e * 2] = hash;
          i32[base + e * 2 + 1] = key;
          i32[(s + SET_FILL) >> 2]!++;
          i32[(s + SET_USED) >> 2]!++;
          i32[(s + SET_VERSION) >> 2]!++;
          if (i32[(s + SET_FILL) >> 2]! * 5 >= mask * 3) {
            const used = i32[(s + SET_USED) >> 2]!;
            resize(rt, s, used > 50000 ? used * 2 : used * 4);
          }
          return true;
        }
        if (ek === DUMMY_KEY) {
          // the LAST deleted slot on the probe path is reused (cf. set_add_entry: freeslot = entry)
          freeslot = e;
        } else if (eh === hash) {
          if (ek === key) return false;
          const eq = keyEq(rt, ek as Ref, key);
          if (i32[(s + SET_TABLE) >> 2] !== table || i32[(s + SET_MASK) >> 2] !== mask) continue restart;
          if (eq) return false;
        }
        e++;
      } while (probes-- > 0);
      pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
      pHi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/** Heap-checking mode without the GIL: fails unless this worker holds `s`'s lock (whoever frees a set's
 *  table or moves its keys must: a reader holding the lock may be reading them). */
function assertLocked(rt: Runtime, s: Ref, what: string): void {
  if (rt.containerLocks !== null && rt.heap.debug) rt.containerLocks.assertHeld(s, what);
}

function resize(rt: Runtime, s: Ref, minused: number): void {
  assertLocked(rt, s, 'set table resize');
  const i32 = rt.i32;
  let size = MINSIZE;
  while (size <= minused) size <<= 1;
  const oldTable = i32[(s + SET_TABLE) >> 2]! as Ref;
  const oldBase = (oldTable + RAW_DATA) >> 2;
  const oldSize = i32[(s + SET_MASK) >> 2]! + 1;
  const t = newTable(rt, size);
  const base = (t + RAW_DATA) >> 2;
  const mask = size - 1;
  for (let k = 0; k < oldSize; k++) {
    const key = i32[oldBase + k * 2 + 1]!;
    if (key === 0 || key === DUMMY_KEY) continue;
    const hash = i32[oldBase + k * 2]!;
    // set_insert_clean
    let i = hash & mask;
    // perturb is CPython's size_t: the hash sign-extended to 64 bits, shifted as unsigned
    let pLo = hash >>> 0;
    let pHi = hash < 0 ? 0xffffffff : 0;
    for (;;) {
      if (i32[base + i * 2 + 1] === 0) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (i32[base + (i + j) * 2 + 1] === 0) {
            found = i + j;
            break;
          }
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
      pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
      pHi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + pLo) & mask;
    }
    i32[base + i * 2] = hash;
    i32[base + i * 2 + 1] = key;
  }
  i32[(s + SET_TABLE) >> 2] = t;
  i32[(s + SET_MASK) >> 2] = mask;
  i32[(s + SET_FILL) >> 2] = i32[(s + SET_USED) >> 2]!;
  freeStorage(rt, oldTable); // (no-GIL: an unlocked reader may still read it until its next tick)
}

/** The table slot holding `key`, or -1. */
function find(rt: Runtime, s: Ref, key: Ref, hash: number): number {
  const i32 = rt.i32;
  restart: for (;;) {
    const mask = i32[(s + SET_MASK) >> 2]!;
    const base = tableBase(rt, s);
    const table = i32[(s + SET_TABLE) >> 2]!;
    let i = hash & mask;
    // perturb is CPython's size_t: the hash sign-extended to 64 bits, shifted as unsigned
    let pLo = hash >>> 0;
    let pHi = hash < 0 ? 0xffffffff : 0;
    for (;;) {
      let e = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const ek = i32[base + e * 2 + 1]!;
        if (ek === 0) return -1;
        if (ek !== DUMMY_KEY && i32[base + e * 2] === hash) {
          if (ek === key) return e;
          const eq = keyEq(rt, ek as Ref, key);
          if (i32[(s + SET_TABLE) >> 2] !== table || i32[(s + SET_MASK) >> 2] !== mask) continue restart;
          if (eq) return e;
        }
        e++;
      } while (probes-- > 0);
      pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
      pHi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

export function setContains(rt: Runtime, s: Ref, key: Ref): boolean {
  return setContainsKnownHash(rt, s, key, keyHash(rt, key));
}

/** Removes `key`; returns false if absent. */
export function setDiscard(rt: Runtime, s: Ref, key: Ref): boolean {
  return setDiscardKnownHash(rt, s, key, keyHash(rt, key));
}

/** Keys in table order (borrowed): the order CPython iterates and prints them. */
export function setItems(rt: Runtime, s: Ref): Ref[] {
  const i32 = rt.i32;
  const base = tableBase(rt, s);
  const size = i32[(s + SET_MASK) >> 2]! + 1;
  const out: Ref[] = [];
  for (let k = 0; k < size; k++) {
    const key = i32[base + k * 2 + 1]!;
    if (key !== 0 && key !== DUMMY_KEY) out.push(key as Ref);
  }
  return out;
}

/** The next occupied slot after `pos` (for iterators), or -1; read the key with setSlotKey. */
export function setNextSlot(rt: Runtime, s: Ref, pos: number): number {
  const i32 = rt.i32;
  const base = tableBase(rt, s);
  const size = i32[(s + SET_MASK) >> 2]! + 1;
  for (let k = pos + 1; k < size; k++) {
    const key = i32[base + k * 2 + 1]!;
    if (key !== 0 && key !== DUMMY_KEY) return k;
  }
  return -1;
}
export function setSlotKey(rt: Runtime, s: Ref, slot: number): Ref {
  return rt.i32[tableBase(rt, s) + slot * 2 + 1]! as Ref;
}

/** set.pop(): removes and returns (new reference) an arbitrary key, as CPython picks it; 0 if empty. */
function setPopUnlocked(rt: Runtime, s: Ref): Ref | 0 {
  const i32 = rt.i32;
  if (i32[(s + SET_USED) >> 2] === 0) return 0;
  const base = tableBase(rt, s);
  const mask = i32[(s + SET_MASK) >> 2]!;
  let i = i32[(s + SET_FINGER) >> 2]! & mask;
  for (;;) {
    const k = i32[base + i * 2 + 1]!;
    if (k !== 0 && k !== DUMMY_KEY) break;
    i = (i + 1) & mask;
  }
  const key = i32[base + i * 2 + 1]! as Ref;
  i32[base + i * 2] = -1;
  i32[base + i * 2 + 1] = DUMMY_KEY;
  i32[(s + SET_USED) >> 2]!--;
  i32[(s + SET_FINGER) >> 2] = i + 1;
  i32[(s + SET_VERSION) >> 2]!++;
  return key;
}

export function setClear(rt: Runtime, s: Ref): void {
  const locks = rt.containerLocks;
  if (locks === null) return setClearUnlocked(rt, s);
  locks.acquire(s);
  try {
    setClearUnlocked(rt, s); // (its drops are deferred until the lock is released)
  } finally {
    locks.release(s);
  }
}
function setClearUnlocked(rt: Runtime, s: Ref): void {
  assertLocked(rt, s, 'set.clear');
  const keys = setItems(rt, s);
  const old = rt.i32[(s + SET_TABLE) >> 2]! as Ref;
  rt.i32[(s + SET_TABLE) >> 2] = newTable(rt, MINSIZE);
  rt.i32[(s + SET_MASK) >> 2] = MINSIZE - 1;
  rt.i32[(s + SET_USED) >> 2] = 0;
  rt.i32[(s + SET_FILL) >> 2] = 0;
  rt.i32[(s + SET_VERSION) >> 2]!++;
  freeStorage(rt, old);
  for (const k of keys) dropRef(rt, k);
}

/** A new frozenset (or set) of `items` (borrowed). */
export function newFrozensetFrom(rt: Runtime, items: readonly Ref[], frozen = true): Ref {
  const s = newSet(rt, frozen);
  for (const x of items) setAdd(rt, s, x);
  return s;
}

export function deallocSet(rt: Runtime, s: Ref): void {
  const keys = setItems(rt, s);
  rt.decref(rt.i32[(s + SET_TABLE) >> 2]! as Ref);
  rt.i32[(s + SET_TABLE) >> 2] = 0;
  for (const k of keys) rt.decref(k);
}

// ================= helpers for set-type.ts (cf. setobject.c) =================

/** A new empty set of `type` (a set or frozenset type, or a subclass; borrowed). New reference. */
export function newSetOfType(rt: Runtime, type: Ref): Ref {
  const s = rt.alloc(type, SET_BYTES);
  rt.i32[(s + SET_MASK) >> 2] = MINSIZE - 1;
  rt.i32[(s + SET_TABLE) >> 2] = newTable(rt, MINSIZE);
  rt.gcTrack(s);
  return s;
}

export function setMask(rt: Runtime, s: Ref): number {
  return rt.i32[(s + SET_MASK) >> 2]!;
}
export function setFill(rt: Runtime, s: Ref): number {
  return rt.i32[(s + SET_FILL) >> 2]!;
}
/** The stored hash of an occupied slot (see setNextSlot). */
export function setSlotHash(rt: Runtime, s: Ref, slot: number): number {
  return rt.i32[tableBase(rt, s) + slot * 2]!;
}

/** set_add_entry: adds `key` (borrowed) whose hash is known; true if it was not there. */
export function setAddKnownHash(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  return setAddHash(rt, s, key, hash);
}
function setContainsKnownHashUnlocked(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  return find(rt, s, key, hash) >= 0;
}
/** set_discard_entry with a known hash; false if absent. */
function setDiscardKnownHashUnlocked(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  const e = find(rt, s, key, hash);
  if (e < 0) return false;
  const i32 = rt.i32;
  const base = tableBase(rt, s);
  const old = i32[base + e * 2 + 1]! as Ref;
  i32[base + e * 2] = -1;
  i32[base + e * 2 + 1] = DUMMY_KEY;
  i32[(s + SET_USED) >> 2]!--;
  i32[(s + SET_VERSION) >> 2]!++;
  dropRef(rt, old);
  return true;
}

/** set_table_resize: rebuilds the table for `minused` items (dummies dropped). No-GIL mode: the caller
 *  holds the set's lock, and computed `minused` under it (a table smaller than the set cannot hold it). */
export function setResize(rt: Runtime, s: Ref, minused: number): void {
  resize(rt, s, minused);
  rt.i32[(s + SET_VERSION) >> 2]!++;
}

/** The end of set_difference_update: if more than a quarter of the table are dummies (deleted slots),
 *  rebuilds it without them. No-GIL mode: the test and the rebuild under the set's lock, since the
 *  rebuild frees the old table, which a reader holding the lock may be reading. */
export function setResizeAwayDummies(rt: Runtime, s: Ref): void {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(s);
  try {
    const i32 = rt.i32;
    const used = i32[(s + SET_USED) >> 2]!;
    if (i32[(s + SET_FILL) >> 2]! - used <= (i32[(s + SET_MASK) >> 2]! >>> 2)) return;
    setResize(rt, s, used > 50000 ? used * 2 : used * 4);
  } finally {
    if (locks !== null) locks.release(s);
  }
}

/** set_insert_clean into a table known to hold no equal key and no dummies. */
function insertClean(rt: Runtime, base: number, mask: number, key: number, hash: number): void {
  const i32 = rt.i32;
  let i = hash & mask;
  // perturb is CPython's size_t: the hash sign-extended to 64 bits, shifted as unsigned
  let pLo = hash >>> 0;
  let pHi = hash < 0 ? 0xffffffff : 0;
  for (;;) {
    if (i32[base + i * 2 + 1] === 0) break;
    let found = -1;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (i32[base + (i + j) * 2 + 1] === 0) {
          found = i + j;
          break;
        }
      }
    }
    if (found >= 0) {
      i = found;
      break;
    }
    pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
    pHi >>>= PERTURB_SHIFT;
    i = (i * 5 + 1 + pLo) & mask;
  }
  i32[base + i * 2] = hash;
  i32[base + i * 2 + 1] = key;
}

/** set_merge: adds every key of the set or frozenset `other` to `s`, with CPython's fast paths (so the
 *  resulting table order is CPython's). */
export function setMerge(rt: Runtime, s: Ref, other: Ref): void {
  if (rt.containerLocks !== null) return lockedSetMerge(rt, s, other);
  const i32 = rt.i32;
  const otherUsed = i32[(other + SET_USED) >> 2]!;
  if (other === s || otherUsed === 0) return;
  if ((i32[(s + SET_FILL) >> 2]! + otherUsed) * 5 >= i32[(s + SET_MASK) >> 2]! * 3) {
    resize(rt, s, (i32[(s + SET_USED) >> 2]! + otherUsed) * 2);
  }
  if (i32[(s + SET_FILL) >> 2] === 0) {
    mergeIntoEmpty(rt, s, other);
    return;
  }
  // keys may already be there: ordinary insertions (an __eq__ may change `other`, so re-read it)
  for (let k = 0; k <= i32[(other + SET_MASK) >> 2]!; k++) {
    const b = tableBase(rt, other);
    const key = i32[b + k * 2 + 1]!;
    if (key !== 0 && key !== DUMMY_KEY) setAddHash(rt, s, key as Ref, i32[b + k * 2]!);
  }
}

/** set_swap_bodies: exchanges the tables (and counts) of two sets. */
export function setSwapBodies(rt: Runtime, a: Ref, b: Ref): void {
  const locks = rt.containerLocks;
  if (locks !== null) {
    locks.acquire2(a, b);
    try {
      swapBodies(rt, a, b);
    } finally {
      locks.release2(a, b);
    }
    return;
  }
  swapBodies(rt, a, b);
}
function swapBodies(rt: Runtime, a: Ref, b: Ref): void {
  assertLocked(rt, a, 'set body swap');
  assertLocked(rt, b, 'set body swap');
  const i32 = rt.i32;
  for (const off of [SET_USED, SET_FILL, SET_MASK, SET_TABLE]) {
    const t = i32[(a + off) >> 2]!;
    i32[(a + off) >> 2] = i32[(b + off) >> 2]!;
    i32[(b + off) >> 2] = t;
  }
  i32[(a + SET_VERSION) >> 2]!++;
  i32[(b + SET_VERSION) >> 2]!++;
}

/** 32x32 -> 64-bit unsigned product as [hi, lo]. */
function mul32(a: number, b: number): [number, number] {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p00 = a0 * b0;
  const mid = a1 * b0 + a0 * b1; // < 2**33
  const lo = p00 + (mid % 0x10000) * 0x10000;
  const hi = a1 * b1 + Math.floor(mid / 0x10000) + Math.floor(lo / 0x100000000);
  return [hi >>> 0, lo >>> 0];
}

/**
 * frozenset_hash of CPython 3.11, computed on 64 bits from the entries' hashes sign-extended to 64 bits
 * (exact for elements whose CPython hash fits in 32 signed bits), then folded to the low 32 bits.
 */
export function frozensetHash(rt: Runtime, s: Ref): number {
  const i32 = rt.i32;
  const base = tableBase(rt, s);
  const size = i32[(s + SET_MASK) >> 2]! + 1;
  let accHi = 0;
  let accLo = 0;
  for (let k = 0; k < size; k++) {
    const key = i32[base + k * 2 + 1]!;
    if (key === 0 || key === DUMMY_KEY) continue;
    // _shuffle_bits(h) = ((h ^ 89869747) ^ (h << 16)) * 3644798167
    const h = i32[base + k * 2]!;
    const hLo = h >>> 0;
    const hHi = h < 0 ? 0xffffffff : 0;
    const xLo = ((hLo ^ 89869747) ^ (hLo << 16)) >>> 0;
    const xHi = (hHi ^ ((hHi << 16) | (hLo >>> 16))) >>> 0;
    const [pHi, pLo] = mul32(xLo, 3644798167);
    const hi = (pHi + Math.imul(xHi, 3644798167 | 0)) >>> 0;
    accHi = (accHi ^ hi) >>> 0;
    accLo = (accLo ^ pLo) >>> 0;
  }
  const M = (1n << 64n) - 1n;
  let hash = (BigInt(accHi) << 32n) | BigInt(accLo);
  hash ^= (BigInt(i32[(s + SET_USED) >> 2]!) + 1n) * 1927868237n & M;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M;
  if (hash === M) hash = 590923713n;
  return Number(BigInt.asIntN(32, hash));
}

/** Visits each key (for the cycle collector). */
export function traverseSet(rt: Runtime, s: Ref, visit: (r: Ref) => void): void {
  for (const k of setItems(rt, s)) visit(k);
}

export function setAddHash(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  const locks = rt.containerLocks;
  if (locks === null) return setAddHashUnlocked(rt, s, key, hash);
  locks.acquire(s);
  try {
    return setAddHashUnlocked(rt, s, key, hash);
  } finally {
    locks.release(s);
  }
}

export function setContainsKnownHash(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  const locks = rt.containerLocks;
  if (locks === null) return setContainsKnownHashUnlocked(rt, s, key, hash);
  locks.acquire(s);
  try {
    return setContainsKnownHashUnlocked(rt, s, key, hash);
  } finally {
    locks.release(s);
  }
}

export function setDiscardKnownHash(rt: Runtime, s: Ref, key: Ref, hash: number): boolean {
  const locks = rt.containerLocks;
  if (locks === null) return setDiscardKnownHashUnlocked(rt, s, key, hash);
  locks.acquire(s);
  try {
    return setDiscardKnownHashUnlocked(rt, s, key, hash);
  } finally {
    locks.release(s);
  }
}

/** set.pop() (under the set's lock without the GIL): an arbitrary key as a NEW reference, 0 if empty. */
export function setPop(rt: Runtime, s: Ref): Ref | 0 {
  const locks = rt.containerLocks;
  if (locks === null) return setPopUnlocked(rt, s);
  locks.acquire(s);
  try {
    return setPopUnlocked(rt, s);
  } finally {
    locks.release(s);
  }
}

// ---- no-GIL mode: reads of a shared set with its stripe held (see nogil/sync.ts) ----

/**
 * set_merge in no-GIL mode. Into an empty table (a copy, a union's first operand) the keys are copied
 * slot for slot with both sets locked (acquire2: no Python code runs, so the table order is CPython's and
 * the copy is consistent); otherwise `other`'s keys are read as a snapshot under its lock (each counted)
 * and added one locked insertion at a time, with no lock held while a key's __eq__ may run.
 */
function lockedSetMerge(rt: Runtime, s: Ref, other: Ref): void {
  const locks = rt.containerLocks!;
  if (other === s) return;
  const i32 = rt.i32;
  locks.acquire2(s, other);
  try {
    const otherUsed = i32[(other + SET_USED) >> 2]!;
    if (otherUsed === 0) return;
    if ((i32[(s + SET_FILL) >> 2]! + otherUsed) * 5 >= i32[(s + SET_MASK) >> 2]! * 3) {
      resize(rt, s, (i32[(s + SET_USED) >> 2]! + otherUsed) * 2);
    }
    if (i32[(s + SET_FILL) >> 2] === 0) {
      mergeIntoEmpty(rt, s, other);
      return;
    }
  } finally {
    locks.release2(s, other);
  }
  const keys: Ref[] = [];
  const hashes: number[] = [];
  setEntriesRef(rt, other, keys, hashes);
  try {
    for (let i = 0; i < keys.length; i++) setAddHash(rt, s, keys[i]!, hashes[i]!);
  } finally {
    for (const k of keys) rt.decref(k);
  }
}

/** setMerge's copy into an empty (and big enough) table. */
function mergeIntoEmpty(rt: Runtime, s: Ref, other: Ref): void {
  const i32 = rt.i32;
  const otherUsed = i32[(other + SET_USED) >> 2]!;
  const omask = i32[(other + SET_MASK) >> 2]!;
  const ofill = i32[(other + SET_FILL) >> 2]!;
  const obase = tableBase(rt, other);
  const mask = i32[(s + SET_MASK) >> 2]!;
  const base = tableBase(rt, s);
  if (mask === omask && ofill === otherUsed) {
    for (let k = 0; k <= omask; k++) {
      const key = i32[obase + k * 2 + 1]!;
      if (key !== 0) {
        rt.incref(key as Ref);
        i32[base + k * 2] = i32[obase + k * 2]!;
        i32[base + k * 2 + 1] = key;
      }
    }
    i32[(s + SET_FILL) >> 2] = ofill;
  } else {
    for (let k = 0; k <= omask; k++) {
      const key = i32[obase + k * 2 + 1]!;
      if (key !== 0 && key !== DUMMY_KEY) {
        rt.incref(key as Ref);
        insertClean(rt, base, mask, key, i32[obase + k * 2]!);
      }
    }
    i32[(s + SET_FILL) >> 2] = otherUsed;
  }
  i32[(s + SET_USED) >> 2] = otherUsed;
  i32[(s + SET_VERSION) >> 2]!++;
}

/**
 * The keys of `s` in table order with their hashes, each key a NEW reference (pushed onto `keys` and
 * `hashes`), read in one step (under the set's lock in no-GIL mode).
 */
export function setEntriesRef(rt: Runtime, s: Ref, keys: Ref[], hashes: number[]): void {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(s);
  try {
    const i32 = rt.i32;
    const base = tableBase(rt, s);
    const size = i32[(s + SET_MASK) >> 2]! + 1;
    for (let k = 0; k < size; k++) {
      const key = i32[base + k * 2 + 1]!;
      if (key === 0 || key === DUMMY_KEY) continue;
      rt.incref(key as Ref);
      keys.push(key as Ref);
      hashes.push(i32[base + k * 2]!);
    }
  } finally {
    if (locks !== null) locks.release(s);
  }
}

/**
 * One step of a set iterator in no-GIL mode, under the set's lock: if `s` still has `used` keys, the next
 * occupied slot at or after `pos` and its key increfed (out[0]). Returns the slot, -1 at the end, -2 if
 * the size changed.
 */
export function setIterStepLocked(rt: Runtime, s: Ref, used: number, pos: number, out: Ref[]): number {
  const locks = rt.containerLocks!;
  locks.acquire(s);
  try {
    if (rt.i32[(s + SET_USED) >> 2] !== used) return -2;
    const p = setNextSlot(rt, s, pos - 1);
    if (p < 0) return -1;
    const k = setSlotKey(rt, s, p);
    rt.incref(k);
    out[0] = k;
    return p;
  } finally {
    locks.release(s);
  }
}
