/** list: a resizable array of references in a separate RAW block (cf. CPython listobject.c). */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import { TP_FLAGS, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import type { ContainerLocks } from '../nogil/sync.js';
import { freeStorage } from '../nogil/qsbr.js';

export const LIST_SIZE = GC_HEADER_END;
export const LIST_CAPACITY = LIST_SIZE + 4;
/** RAW block of references (its items start 16 bytes in), or 0 when the capacity is 0. */
export const LIST_ITEMS = LIST_SIZE + 8;
const LIST_BYTES = LIST_SIZE + 12;
const RAW_DATA = 16;

/** A new list of `n` NULL items (new reference); the caller fills them. */
export function newList(rt: Runtime, n = 0): Ref {
  const l = rt.allocKind(Kind.LIST, LIST_BYTES);
  if (n > 0) {
    const items = rt.allocKind(Kind.RAW, RAW_DATA + n * 4);
    rt.i32[(l + LIST_ITEMS) >> 2] = items;
    rt.i32[(l + LIST_CAPACITY) >> 2] = n;
    rt.i32[(l + LIST_SIZE) >> 2] = n;
  }
  rt.gcTrack(l);
  return l;
}

/** A new list holding `items` (borrowed). */
export function listFrom(rt: Runtime, items: readonly Ref[]): Ref {
  const l = newList(rt, items.length);
  const base = itemsBase(rt, l);
  for (let i = 0; i < items.length; i++) {
    rt.incref(items[i]!);
    rt.i32[base + i] = items[i]!;
  }
  return l;
}
/** A new list stealing the references in `items`. */
export function listSteal(rt: Runtime, items: readonly Ref[]): Ref {
  const l = newList(rt, items.length);
  if (items.length > 0) rt.i32.set(items, itemsBase(rt, l));
  return l;
}

export function listSize(rt: Runtime, l: Ref): number {
  return rt.i32[(l + LIST_SIZE) >> 2]!;
}
/** Word index of item 0 (valid until the list is resized). */
export function itemsBase(rt: Runtime, l: Ref): number {
  return (rt.i32[(l + LIST_ITEMS) >> 2]! + RAW_DATA) >> 2;
}
/** Item `i` (borrowed; no bounds check). */
export function listItem(rt: Runtime, l: Ref, i: number): Ref {
  return rt.i32[itemsBase(rt, l) + i]! as Ref;
}
/** The items (borrowed). */
export function listItems(rt: Runtime, l: Ref): Ref[] {
  const n = listSize(rt, l);
  if (n === 0) return [];
  const b = itemsBase(rt, l);
  const i32 = rt.i32;
  const out = new Array<Ref>(n);
  for (let i = 0; i < n; i++) out[i] = i32[b + i]! as Ref; // (a subarray view costs more than the copy)
  return out;
}

/** Makes room for `n` items, over-allocating as CPython's list_resize does. */
export function listResize(rt: Runtime, l: Ref, n: number): void {
  const i32 = rt.i32;
  const cap = i32[(l + LIST_CAPACITY) >> 2]!;
  if (n <= cap && n >= cap >> 1) {
    i32[(l + LIST_SIZE) >> 2] = n;
    return;
  }
  let newCap = n === 0 ? 0 : (n + (n >> 3) + 6) & ~3;
  if (n - i32[(l + LIST_SIZE) >> 2]! > newCap - n) newCap = (n + 3) & ~3;
  const old = i32[(l + LIST_ITEMS) >> 2]! as Ref;
  const size = i32[(l + LIST_SIZE) >> 2]!;
  if (newCap === 0) {
    i32[(l + LIST_ITEMS) >> 2] = 0;
  } else {
    const items = rt.allocKind(Kind.RAW, RAW_DATA + newCap * 4);
    if (old !== 0) {
      const keep = Math.min(size, n);
      i32.copyWithin((items + RAW_DATA) >> 2, (old + RAW_DATA) >> 2, ((old + RAW_DATA) >> 2) + keep);
    }
    i32[(l + LIST_ITEMS) >> 2] = items;
  }
  i32[(l + LIST_CAPACITY) >> 2] = newCap;
  i32[(l + LIST_SIZE) >> 2] = n;
  if (old !== 0) freeStorage(rt, old); // (no-GIL: an unlocked reader may still read it until its next tick)
}

/** Appends `item` (borrowed; the list takes a reference). */
export function listAppend(rt: Runtime, l: Ref, item: Ref): void {
  rt.incref(item);
  listAppendSteal(rt, l, item);
}
export function listAppendSteal(rt: Runtime, l: Ref, item: Ref): void {
  if (rt.containerLocks !== null) return lockedAppendSteal(rt, rt.containerLocks, l, item);
  const i32 = rt.i32;
  const n = i32[(l + LIST_SIZE) >> 2]!;
  if (n < i32[(l + LIST_CAPACITY) >> 2]!) {
    i32[itemsBase(rt, l) + n] = item;
    i32[(l + LIST_SIZE) >> 2] = n + 1;
    return;
  }
  listResize(rt, l, n + 1);
  i32[itemsBase(rt, l) + n] = item;
}

/** Replaces item `i`, releasing the old one (`item` borrowed). */
export function listSetItem(rt: Runtime, l: Ref, i: number, item: Ref): void {
  if (rt.containerLocks !== null) return lockedSetItem(rt, rt.containerLocks, l, i, item);
  rt.incref(item);
  const at = itemsBase(rt, l) + i;
  const old = rt.i32[at]! as Ref;
  rt.i32[at] = item;
  rt.decref(old);
}

/** An instance of a list subclass made by a class statement keeps its __dict__ (or 0 until it has one)
 *  after the list's own fields (as dict subclasses do, DICT_SUB_DICT). */
export const LIST_SUB_DICT = LIST_BYTES;

/** Whether `l` (a list or an instance of a subclass) is laid out with LIST_SUB_DICT. */
export function isListSubInstance(rt: Runtime, l: Ref): boolean {
  return (rt.i32[(rt.typeOf(l) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

/** Releases the __dict__ of a list subclass's instance (dealloc and the cycle collector's clear). */
export function releaseListSubDict(rt: Runtime, l: Ref): void {
  if (!isListSubInstance(rt, l)) return;
  const d = rt.i32[(l + LIST_SUB_DICT) >> 2]! as Ref;
  rt.i32[(l + LIST_SUB_DICT) >> 2] = 0;
  rt.xdecref(d);
}

/** Releases every item and the storage. */
export function deallocList(rt: Runtime, l: Ref): void {
  const items = listItems(rt, l);
  const raw = rt.i32[(l + LIST_ITEMS) >> 2]! as Ref;
  rt.i32[(l + LIST_SIZE) >> 2] = 0;
  rt.i32[(l + LIST_ITEMS) >> 2] = 0;
  rt.i32[(l + LIST_CAPACITY) >> 2] = 0;
  if (raw !== 0) rt.decref(raw);
  // cf. CPython list_dealloc: last item first
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]!);
}

/**
 * Replaces items [lo, hi) with `insert` (the list steals those references) and returns the removed
 * items (their references now belong to the caller, who releases them once the list is consistent
 * again: a __del__ may look at it). 0 <= lo <= hi <= size.
 */
export function listReplaceRange(rt: Runtime, l: Ref, lo: number, hi: number, insert: readonly Ref[]): Ref[] {
  const locks = rt.containerLocks;
  if (locks !== null) {
    locks.acquire(l);
    try {
      // the caller computed lo..hi before it held the lock: another worker may have shrunk the list since
      const n = listSize(rt, l);
      return replaceRange(rt, l, Math.min(lo, n), Math.min(hi, n), insert);
    } finally {
      locks.release(l);
    }
  }
  return replaceRange(rt, l, lo, hi, insert);
}
/** listReplaceRange's body (the list's lock held, if any): steals `insert`, returns the removed items
 *  as the caller's references. */
function replaceRange(rt: Runtime, l: Ref, lo: number, hi: number, insert: readonly Ref[]): Ref[] {
  const i32 = rt.i32;
  const n = listSize(rt, l);
  const removed = hi > lo ? Array.from(i32.subarray(itemsBase(rt, l) + lo, itemsBase(rt, l) + hi)) as Ref[] : [];
  const delta = insert.length - (hi - lo);
  if (delta < 0) {
    const b = itemsBase(rt, l);
    i32.copyWithin(b + hi + delta, b + hi, b + n);
    listResize(rt, l, n + delta);
  } else if (delta > 0) {
    listResize(rt, l, n + delta);
    const b = itemsBase(rt, l);
    i32.copyWithin(b + hi + delta, b + hi, b + n);
  }
  if (insert.length > 0) i32.set(insert, itemsBase(rt, l) + lo);
  return removed;
}

/** Removes every item (the list is empty before any of them is released; cf. CPython _list_clear). */
export function listClear(rt: Runtime, l: Ref): void {
  const i32 = rt.i32;
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(l);
  const raw = i32[(l + LIST_ITEMS) >> 2]! as Ref;
  const items = raw === 0 ? [] : listItems(rt, l);
  i32[(l + LIST_SIZE) >> 2] = 0;
  i32[(l + LIST_ITEMS) >> 2] = 0;
  i32[(l + LIST_CAPACITY) >> 2] = 0;
  if (locks !== null) locks.release(l); // the items are released with no lock held (their __del__ may run)
  if (raw === 0) return;
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]!);
  freeStorage(rt, raw);
}

// ---- no-GIL mode: the same operations with the list's stripe held (see nogil/sync.ts) ----

function lockedAppendSteal(rt: Runtime, locks: ContainerLocks, l: Ref, item: Ref): void {
  locks.acquire(l);
  try {
    const i32 = rt.i32;
    const n = i32[(l + LIST_SIZE) >> 2]!;
    if (n >= i32[(l + LIST_CAPACITY) >> 2]!) listResize(rt, l, n + 1); // (drops the old array: a RAW block)
    else i32[(l + LIST_SIZE) >> 2] = n + 1;
    i32[itemsBase(rt, l) + n] = item;
  } finally {
    locks.release(l);
  }
}

function lockedSetItem(rt: Runtime, locks: ContainerLocks, l: Ref, i: number, item: Ref): void {
  rt.incref(item);
  locks.acquire(l);
  let old: Ref;
  try {
    if (i >= listSize(rt, l)) { // shrunk by another worker since the caller's bounds check
      rt.decref(item);
      rt.raise('IndexError', 'list assignment index out of range');
    }
    const at = itemsBase(rt, l) + i;
    old = rt.i32[at]! as Ref;
    rt.i32[at] = item;
  } finally {
    locks.release(l);
  }
  rt.decref(old); // with no lock held: a __del__ may run
}

/** Item `i` as a NEW reference, or 0 if `i` is out of range (0 <= i): the read-and-incref a borrowed read
 *  cannot give in no-GIL mode (another worker could remove and free the item in between). */
export function listGetItemRef(rt: Runtime, l: Ref, i: number): Ref | 0 {
  const locks = rt.containerLocks;
  if (locks === null) {
    if (i >= listSize(rt, l)) return 0;
    const x = listItem(rt, l, i);
    rt.incref(x);
    return x;
  }
  locks.acquire(l);
  try {
    if (i >= listSize(rt, l)) return 0;
    const x = listItem(rt, l, i);
    rt.incref(x);
    return x;
  } finally {
    locks.release(l);
  }
}

/** list.pop(i) on the current contents (index checked and adjusted with the lock held): the item (the
 *  list's reference becomes the caller's), -1 if the list is empty, -2 if `i` is out of range. */
export function listPopAt(rt: Runtime, l: Ref, i: number): Ref | -1 | -2 {
  const locks = rt.containerLocks;
  if (locks === null) return popAt(rt, l, i);
  locks.acquire(l);
  try {
    return popAt(rt, l, i);
  } finally {
    locks.release(l);
  }
}
/** listPopAt's body (the list's lock held, if any): the item as the caller's reference, or -1 / -2. */
function popAt(rt: Runtime, l: Ref, i: number): Ref | -1 | -2 {
  const n = listSize(rt, l);
  if (n === 0) return -1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return -2;
  return replaceRange(rt, l, i, i + 1, [])[0]!;
}

/** list.insert(i, item) on the current contents (`item` stolen). */
export function listInsertAt(rt: Runtime, l: Ref, i: number, item: Ref): void {
  const locks = rt.containerLocks;
  if (locks === null) return insertAt(rt, l, i, item);
  locks.acquire(l);
  try {
    insertAt(rt, l, i, item);
  } finally {
    locks.release(l);
  }
}
function insertAt(rt: Runtime, l: Ref, i: number, item: Ref): void {
  const n = listSize(rt, l);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  replaceRange(rt, l, i, i, [item]);
}

/** The items as NEW references, read in one step (under the list's lock in no-GIL mode, so none can be
 *  removed and freed by another worker before it is counted). */
export function listItemsRef(rt: Runtime, l: Ref): Ref[] {
  const locks = rt.containerLocks;
  if (locks === null) {
    const items = listItems(rt, l);
    for (const x of items) rt.incref(x);
    return items;
  }
  locks.acquire(l);
  try {
    const items = listItems(rt, l);
    for (const x of items) rt.incref(x);
    return items;
  } finally {
    locks.release(l);
  }
}

/**
 * Items start, start + step, ... (n of them) as NEW references, read in one step under the list's lock
 * (no-GIL mode): the caller computed the indices before it held the lock, so indices another worker's
 * shrinking has put out of range are skipped.
 */
export function listSliceItemsLocked(rt: Runtime, l: Ref, start: number, step: number, n: number): Ref[] {
  const locks = rt.containerLocks!;
  locks.acquire(l);
  try {
    const size = listSize(rt, l);
    const out: Ref[] = [];
    if (size === 0) return out;
    const base = itemsBase(rt, l);
    for (let i = 0, j = start; i < n; i++, j += step) {
      if (j < 0 || j >= size) continue;
      const x = rt.i32[base + j]! as Ref;
      rt.incref(x);
      out.push(x);
    }
    return out;
  } finally {
    locks.release(l);
  }
}
