/** list: the type's slots and methods (cf. CPython listobject.c), with CPython's timsort
 *  (powersort merge policy, galloping) so that a sort asks exactly the comparisons CPython asks. */
import type { ContainerLocks } from '../nogil/sync.js';
import type { Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { callObject } from '../interp/call.js';
import { checkArity, parseArgs } from '../builtins/args.js';
import { defineConstructor } from './constructors.js';
import { excMatches, excType, newException } from './exceptions.js';
import { newListReverseIter, newSeqIter, SeqFlavor } from './iterators.js';
import { Kind } from './kinds.js';
import {
  itemsBase, LIST_CAPACITY, LIST_ITEMS, LIST_SIZE, LIST_SUB_DICT, listAppend, listAppendSteal, listClear, listItem,
  listGetItemRef, listInsertAt, listItems, listItemsRef, listPopAt, listReplaceRange, listResize, listSetItem, listSize,
  listSliceItemsLocked, listSteal, newList, releaseListSubDict,
} from './list.js';
import { eq, getIter, indexValue, iterNext, repr, richCompare, truthy } from './protocols.js';
import { asSsize, isIndexLike, sliceIndices } from './slice.js';
import { defineSlots } from './slots.js';
import { clinicArity, compareItems, repeatCount, searchBounds } from './tuple-type.js';
import { tupleItems } from './tuple.js';
import { dictSnapshot } from './dict.js';
import { setEntriesRef } from './set.js';
import { defineMethod } from './type.js';
import { freeStorage } from '../nogil/qsbr.js';

// ================= repr recursion guard (cf. Py_ReprEnter) =================
const reprActive = new WeakMap<Runtime, Set<number>>();
/** Marks `r` as being repr'd; false if it already is (the caller prints `[...]`). */
export function reprEnter(rt: Runtime, r: Ref): boolean {
  let s = reprActive.get(rt);
  if (s === undefined) reprActive.set(rt, (s = new Set()));
  if (s.has(r)) return false;
  s.add(r);
  return true;
}
export function reprLeave(rt: Runtime, r: Ref): void {
  reprActive.get(rt)?.delete(r);
}

function memoryError(rt: Runtime): never {
  throw new PyRaise(newException(rt, excType(rt, 'MemoryError'), null));
}
/** Largest item count a list may reach (its RAW block must fit the heap's 32-bit offsets). */
const MAX_ITEMS = 0x1fffffff;

function isList(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.LIST;
}

/** The items of an assigned value as new references (cf. PySequence_Fast): a list or tuple's own
 *  items, else what iterating it gives. `message` replaces the TypeError of a non-iterable. */
export function fastItems(rt: Runtime, v: Ref, message: string): Ref[] {
  const k = rt.kindOf(v);
  if (k === Kind.LIST) return listItemsRef(rt, v); // (read and counted under its lock in no-GIL mode)
  if (k === Kind.TUPLE) {
    const items = tupleItems(rt, v);
    for (const x of items) rt.incref(x);
    return items;
  }
  let it: Ref;
  try {
    it = getIter(rt, v);
  } catch (e) {
    if (e instanceof PyRaise && excMatches(rt, e.exc, 'TypeError')) {
      rt.decref(e.exc);
      rt.raise('TypeError', message);
    }
    throw e;
  }
  const out: Ref[] = [];
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) out.push(x);
  } catch (e) {
    for (const x of out) rt.decref(x);
    throw e;
  } finally {
    rt.decref(it);
  }
  return out;
}

function releaseAll(rt: Runtime, items: readonly Ref[]): void {
  for (let i = items.length - 1; i >= 0; i--) rt.decref(items[i]!);
}

/** A new list of items [start, start + n*step) of `l` by `step`. */
function listSlice(rt: Runtime, l: Ref, start: number, step: number, n: number): Ref {
  if (rt.containerLocks !== null) return listSteal(rt, listSliceItemsLocked(rt, l, start, step, n));
  const out = newList(rt, n);
  if (n === 0) return out;
  const src = itemsBase(rt, l);
  const dst = itemsBase(rt, out);
  for (let i = 0, j = start; i < n; i++, j += step) {
    const x = rt.i32[src + j]!;
    rt.incref(x as Ref);
    rt.i32[dst + i] = x;
  }
  return out;
}

// ================= extend, repeat =================
/** `l.extend(iterable)` (cf. CPython list_extend). */
export function listExtend(rt: Runtime, l: Ref, iterable: Ref): void {
  const k = rt.kindOf(iterable);
  if (k === Kind.LIST || k === Kind.TUPLE) {
    const locks = rt.containerLocks;
    if (locks !== null) return lockedExtendFromSequence(rt, locks, l, iterable, k === Kind.LIST);
    // a snapshot first: `l.extend(l)` doubles l once
    const items = k === Kind.LIST ? listItems(rt, iterable) : tupleItems(rt, iterable);
    if (items.length === 0) return;
    const n = listSize(rt, l);
    if (n + items.length > MAX_ITEMS) memoryError(rt);
    for (const x of items) rt.incref(x);
    listResize(rt, l, n + items.length);
    rt.i32.set(items, itemsBase(rt, l) + n);
    return;
  }
  if (rt.containerLocks !== null && lockedExtendFromTable(rt, l, iterable)) return;
  const it = getIter(rt, iterable);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) listAppendSteal(rt, l, x);
  } finally {
    rt.decref(it);
  }
}

/** No-GIL mode: extend from a list (both lists locked, in stripe order) or a tuple (immutable). */
function lockedExtendFromSequence(rt: Runtime, locks: ContainerLocks, l: Ref, src: Ref, srcIsList: boolean): void {
  if (srcIsList) locks.acquire2(l, src);
  else locks.acquire(l);
  try {
    const items = srcIsList ? listItems(rt, src) : tupleItems(rt, src);
    if (items.length === 0) return;
    const n = listSize(rt, l);
    if (n + items.length > MAX_ITEMS) memoryError(rt);
    for (const x of items) rt.incref(x);
    listResize(rt, l, n + items.length);
    rt.i32.set(items, itemsBase(rt, l) + n);
  } finally {
    if (srcIsList) locks.release2(l, src);
    else locks.release(l);
  }
}

/**
 * No-GIL mode: `l.extend(d)` for an exact dict (its keys) or an exact set or frozenset reads the keys in
 * one step under the container's lock, then appends them all under the list's (cf. CPython 3.13's
 * list_extend_dict / list_extend_set under critical sections): `list(d)` and `sorted(d)` are consistent
 * copies and never see "changed size during iteration". False if `src` is none of these.
 */
function lockedExtendFromTable(rt: Runtime, l: Ref, src: Ref): boolean {
  const t = rt.typeOf(src);
  let keys: Ref[];
  if (t === rt.types[Kind.DICT]) {
    const snap = dictSnapshot(rt, src);
    for (const v of snap.values) rt.decref(v); // (only counted: a key's dict still holds its value)
    keys = snap.keys;
  } else if (t === rt.types[Kind.SET] || t === rt.types[Kind.FROZENSET]) {
    keys = [];
    setEntriesRef(rt, src, keys, []);
  } else return false;
  if (keys.length === 0) return true;
  const locks = rt.containerLocks!;
  locks.acquire(l);
  try {
    const n = listSize(rt, l);
    if (n + keys.length > MAX_ITEMS) {
      for (const k of keys) locks.dropLater(k);
      memoryError(rt);
    }
    listResize(rt, l, n + keys.length);
    rt.i32.set(keys, itemsBase(rt, l) + n); // (the list takes the snapshot's references)
  } finally {
    locks.release(l);
  }
  return true;
}

/** `list(iterable)` as a new list of the built-in type. */
export function listOf(rt: Runtime, iterable: Ref): Ref {
  const l = newList(rt);
  try {
    listExtend(rt, l, iterable);
  } catch (e) {
    rt.decref(l);
    throw e;
  }
  return l;
}

function listRepeat(rt: Runtime, l: Ref, count: Ref): Ref {
  const n = asSsize(rt, count, 'OverflowError');
  if (n <= 0 || listSize(rt, l) === 0) return newList(rt);
  if (listSize(rt, l) > MAX_ITEMS / n) memoryError(rt);
  const items = listItemsRef(rt, l); // one reference each, for the first copy (read under the lock: no-GIL)
  const size = items.length;
  if (size > MAX_ITEMS / n) {
    releaseAll(rt, items);
    memoryError(rt);
  }
  const out = newList(rt, size * n);
  if (size === 0) return out;
  const dst = itemsBase(rt, out);
  rt.i32.set(items, dst);
  for (let k = 1; k < n; k++) {
    for (let i = 0; i < size; i++) {
      rt.incref(items[i]!);
      rt.i32[dst + k * size + i] = items[i]!;
    }
  }
  return out;
}

function listInplaceRepeat(rt: Runtime, l: Ref, count: Ref): void {
  const n = asSsize(rt, count, 'OverflowError');
  const size = listSize(rt, l);
  if (size === 0 || n === 1) return;
  if (n < 1) {
    listClear(rt, l);
    return;
  }
  if (size > MAX_ITEMS / n) memoryError(rt);
  if (rt.containerLocks !== null) return lockedInplaceRepeat(rt, rt.containerLocks, l, n);
  const items = listItems(rt, l);
  listResize(rt, l, size * n);
  const dst = itemsBase(rt, l);
  for (let k = 1; k < n; k++) {
    for (let i = 0; i < size; i++) {
      rt.incref(items[i]!);
      rt.i32[dst + k * size + i] = items[i]!;
    }
  }
}

/** No-GIL mode's `l *= n` (n > 1): the items read, the list resized and filled in one step under its lock
 *  (no Python code runs meanwhile). */
function lockedInplaceRepeat(rt: Runtime, locks: ContainerLocks, l: Ref, n: number): void {
  locks.acquire(l);
  try {
    const items = listItems(rt, l);
    const size = items.length;
    if (size === 0) return;
    if (size > MAX_ITEMS / n) memoryError(rt);
    listResize(rt, l, size * n);
    const dst = itemsBase(rt, l);
    for (let k = 1; k < n; k++) {
      for (let i = 0; i < size; i++) {
        rt.incref(items[i]!);
        rt.i32[dst + k * size + i] = items[i]!;
      }
    }
  } finally {
    locks.release(l);
  }
}

// ================= item and slice assignment =================
function assignIndexError(rt: Runtime): never {
  return rt.raise('IndexError', 'list assignment index out of range');
}
function badIndexType(rt: Runtime, key: Ref): never {
  return rt.raise('TypeError', `list indices must be integers or slices, not ${rt.typeNameOf(key)}`);
}

/** `l[lo:hi] = value` (value 0: `del l[lo:hi]`) for a step-1 slice (cf. CPython list_ass_slice). */
function assignSlice(rt: Runtime, l: Ref, lo: number, hi: number, value: Ref | 0): void {
  const items = value === 0 ? [] : fastItems(rt, value, 'can only assign an iterable');
  const n = listSize(rt, l);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  if (n - (hi - lo) + items.length > MAX_ITEMS) {
    releaseAll(rt, items);
    memoryError(rt);
  }
  releaseAll(rt, listReplaceRange(rt, l, lo, hi, items));
}

/** `l[slice] = value` or `del l[slice]` (value 0), steps included (cf. CPython list_ass_subscript). */
function assignSubscriptSlice(rt: Runtime, l: Ref, key: Ref, value: Ref | 0): void {
  if (rt.containerLocks !== null) return lockedAssignSubscriptSlice(rt, rt.containerLocks, l, key, value);
  let [start, stop, step, n] = sliceIndices(rt, key, listSize(rt, l));
  if (step === 1) {
    assignSlice(rt, l, start, stop, value);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value === 0) {
    if (n <= 0) return;
    const garbage: Ref[] = [];
    deleteExtendedSlice(rt, l, start, step, n, garbage);
    for (const x of garbage) rt.decref(x);
    return;
  }
  const seq = fastItems(rt, value, 'must assign iterable to extended slice');
  if (seq.length !== n) {
    releaseAll(rt, seq);
    rt.raise('ValueError', `attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
  }
  const garbage: Ref[] = [];
  assignExtendedSlice(rt, l, start, step, seq, garbage);
  for (const x of garbage) rt.decref(x);
}

/** Removes the `n` items of `l` at start, start+step, ... (step not 1; start and n from sliceIndices);
 *  the references the list held to them are pushed on `garbage` (owned by the caller, to release). */
function deleteExtendedSlice(rt: Runtime, l: Ref, start: number, step: number, n: number, garbage: Ref[]): void {
  if (step < 0) {
    const stop = start + 1;
    start = stop + step * (n - 1) - 1;
    step = -step;
  }
  const size = listSize(rt, l);
  const old = listItems(rt, l);
  const keep: Ref[] = [];
  let next = start;
  let removed = 0;
  for (let i = 0; i < size; i++) {
    if (i === next && removed < n) {
      garbage.push(old[i]!);
      removed++;
      next += step;
    } else keep.push(old[i]!);
  }
  listResize(rt, l, keep.length);
  if (keep.length > 0) rt.i32.set(keep, itemsBase(rt, l));
}

/** Stores seq[i] at start + i*step in `l` (seq's references are stolen: the caller empties or forgets
 *  seq), pushing the references replaced on `garbage` (owned by the caller, to release). */
function assignExtendedSlice(rt: Runtime, l: Ref, start: number, step: number, seq: Ref[], garbage: Ref[]): void {
  const base = itemsBase(rt, l);
  for (let i = 0, j = start; i < seq.length; i++, j += step) {
    garbage.push(rt.i32[base + j]! as Ref);
    rt.i32[base + j] = seq[i]!;
  }
}

/**
 * No-GIL mode's `l[a:b:c] = value` / `del l[a:b:c]` for steps other than 1: the indices are computed with
 * no lock held (a slice's __index__ may run Python code), then the change is made under the list's lock
 * if the list still has the size they were computed for; otherwise they are computed again.
 */
function lockedAssignSubscriptSlice(rt: Runtime, locks: ContainerLocks, l: Ref, key: Ref, value: Ref | 0): void {
  const seq = value === 0 ? null : fastItems(rt, value, 'must assign iterable to extended slice');
  const garbage: Ref[] = [];
  try {
    for (;;) {
      const size = listSize(rt, l);
      let [start, stop, step, n] = sliceIndices(rt, key, size);
      if (step === 1) { // (bounds clamped to the present size under the lock by listReplaceRange)
        releaseAll(rt, listReplaceRange(rt, l, start, Math.max(start, stop), seq === null ? [] : seq.splice(0)));
        return;
      }
      if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
      if (seq !== null && seq.length !== n) {
        rt.raise('ValueError', `attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
      }
      if (seq === null && n <= 0) return;
      locks.acquire(l);
      try {
        if (listSize(rt, l) !== size) continue; // changed meanwhile: compute the indices again
        if (seq === null) deleteExtendedSlice(rt, l, start, step, n, garbage);
        else {
          assignExtendedSlice(rt, l, start, step, seq, garbage);
          seq.length = 0; // stolen by the list
        }
        return;
      } finally {
        locks.release(l);
      }
    }
  } finally {
    if (seq !== null) releaseAll(rt, seq);
    releaseAll(rt, garbage); // with no lock held: a __del__ may run
  }
}

/** No-GIL mode's list comparison: each pair of items read and counted under its list's lock, compared
 *  with no lock held (cf. list_richcompare; the lists may change between the steps). */
function lockedListCompare(rt: Runtime, a: Ref, b: Ref, op: number): Ref { // (the result: a NEW reference)
  if ((op === 2 || op === 3) && listSize(rt, a) !== listSize(rt, b)) return rt.bool(op === 3);
  let i = 0;
  for (;; i++) {
    const x = listGetItemRef(rt, a, i);
    if (x === 0) break;
    const y = listGetItemRef(rt, b, i);
    if (y === 0) {
      rt.decref(x);
      break;
    }
    try {
      if (x === y) continue;
      if (!eq(rt, x, y)) {
        if (op === 2) return rt.False;
        if (op === 3) return rt.True;
        return richCompare(rt, x, y, op);
      }
    } finally {
      rt.decref(x);
      rt.decref(y);
    }
  }
  const na = listSize(rt, a);
  const nb = listSize(rt, b);
  const d = na < nb ? -1 : na > nb ? 1 : 0;
  return rt.bool([d < 0, d <= 0, d === 0, d !== 0, d > 0, d >= 0][op]!);
}

// ================= slots =================
defineSlots(Kind.LIST, {
  dealloc(rt, l) {
    // cf. list_dealloc: the last item first
    const items = listItems(rt, l);
    const raw = rt.i32[(l + LIST_ITEMS) >> 2]! as Ref;
    rt.i32[(l + LIST_SIZE) >> 2] = 0;
    rt.i32[(l + LIST_ITEMS) >> 2] = 0;
    rt.i32[(l + LIST_CAPACITY) >> 2] = 0;
    releaseAll(rt, items);
    if (raw !== 0) rt.decref(raw);
    releaseListSubDict(rt, l);
  },
  repr(rt, l) {
    if (listSize(rt, l) === 0) return '[]';
    if (!reprEnter(rt, l)) return '[...]';
    try {
      const parts: string[] = [];
      for (let i = 0; i < listSize(rt, l); i++) {
        const x = listGetItemRef(rt, l, i); // (counted under the list's lock in no-GIL mode)
        if (x === 0) break;
        try {
          parts.push(repr(rt, x));
        } finally {
          rt.decref(x);
        }
      }
      return `[${parts.join(', ')}]`;
    } finally {
      reprLeave(rt, l);
    }
  },
  hash(rt, l) {
    return rt.raise('TypeError', `unhashable type: '${rt.typeNameOf(l)}'`);
  },
  richcompare(rt, a, b, op) {
    if (!isList(rt, a) || !isList(rt, b)) return 0;
    if (rt.containerLocks !== null) return lockedListCompare(rt, a, b, op);
    return compareItems(rt, a, b, op, (r) => listSize(rt, r), (r, i) => listItem(rt, r, i), true);
  },
  len(rt, l) {
    return listSize(rt, l);
  },
  bool(rt, l) {
    return listSize(rt, l) !== 0;
  },
  getitem(rt, l, key) {
    if (isIndexLike(rt, key)) {
      let i = asSsize(rt, key);
      const n = listSize(rt, l);
      if (i < 0) i += n;
      if (i < 0 || i >= n) rt.raise('IndexError', 'list index out of range');
      const x = listGetItemRef(rt, l, i); // (counted under the list's lock in no-GIL mode)
      if (x === 0) return rt.raise('IndexError', 'list index out of range'); // shrunk by another thread meanwhile
      return x;
    }
    if (rt.kindOf(key) === Kind.SLICE) {
      const [start, , step, n] = sliceIndices(rt, key, listSize(rt, l));
      return listSlice(rt, l, start, step, n);
    }
    return badIndexType(rt, key);
  },
  setitem(rt, l, key, value) {
    if (isIndexLike(rt, key)) {
      let i = asSsize(rt, key);
      const n = listSize(rt, l);
      if (i < 0) i += n;
      if (i < 0 || i >= n) assignIndexError(rt);
      if (rt.containerLocks !== null) return listSetItem(rt, l, i, value); // (bounds checked again, locked)
      rt.incref(value);
      const at = itemsBase(rt, l) + i;
      const old = rt.i32[at]! as Ref;
      rt.i32[at] = value;
      rt.decref(old);
      return;
    }
    if (rt.kindOf(key) === Kind.SLICE) {
      assignSubscriptSlice(rt, l, key, value);
      return;
    }
    badIndexType(rt, key);
  },
  delitem(rt, l, key) {
    if (isIndexLike(rt, key)) {
      let i = asSsize(rt, key);
      const n = listSize(rt, l);
      if (i < 0) i += n;
      if (i < 0 || i >= n) assignIndexError(rt);
      releaseAll(rt, listReplaceRange(rt, l, i, i + 1, []));
      return;
    }
    if (rt.kindOf(key) === Kind.SLICE) {
      assignSubscriptSlice(rt, l, key, 0);
      return;
    }
    badIndexType(rt, key);
  },
  contains(rt, l, item) {
    for (let i = 0; i < listSize(rt, l); i++) {
      const x = listGetItemRef(rt, l, i); // (counted under the list's lock in no-GIL mode)
      if (x === 0) break;
      let same: boolean;
      try {
        same = eq(rt, x, item);
      } finally {
        rt.decref(x);
      }
      if (same) return true;
    }
    return false;
  },
  iter(rt, l) {
    return newSeqIter(rt, l, SeqFlavor.LIST);
  },
  add(rt, a, b) {
    if (!isList(rt, a) || !isList(rt, b)) return 0;
    if (rt.containerLocks !== null) { // no-GIL: each list's items read and counted under its lock
      const both = listItemsRef(rt, a);
      for (const x of listItemsRef(rt, b)) both.push(x);
      if (both.length > MAX_ITEMS) {
        releaseAll(rt, both);
        memoryError(rt);
      }
      return listSteal(rt, both);
    }
    const items = [...listItems(rt, a), ...listItems(rt, b)];
    if (items.length > MAX_ITEMS) memoryError(rt);
    const out = newList(rt, items.length);
    if (items.length > 0) {
      for (const x of items) rt.incref(x);
      rt.i32.set(items, itemsBase(rt, out));
    }
    return out;
  },
  mul(rt, a, b) {
    if (isList(rt, a)) {
      const n = repeatCount(rt, a, b);
      return n === 0 ? 0 : listRepeat(rt, a, n);
    }
    const n = repeatCount(rt, b, a);
    return n === 0 ? 0 : listRepeat(rt, b, n);
  },
  iadd(rt, a, b) {
    if (!isList(rt, a)) return 0;
    listExtend(rt, a, b);
    rt.incref(a);
    return a;
  },
  imul(rt, a, b) {
    if (!isList(rt, a)) return 0;
    const n = repeatCount(rt, a, b);
    if (n === 0) return 0;
    listInplaceRepeat(rt, a, n);
    rt.incref(a);
    return a;
  },
});

// ================= methods =================
defineMethod(Kind.LIST, 'list', 'append', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.append', args, kwargs, 1, 1);
  if (listSize(rt, self) >= MAX_ITEMS) memoryError(rt);
  listAppend(rt, self, args[0]!);
  return rt.None;
});

defineMethod(Kind.LIST, 'list', 'extend', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.extend', args, kwargs, 1, 1);
  listExtend(rt, self, args[0]!);
  return rt.None;
});

/** An index argument of insert() / pop(): OverflowError beyond Py_ssize_t, as CPython. */
function ssizeArg(rt: Runtime, r: Ref): number {
  const v = indexValue(rt, r);
  if (typeof v === 'number') return v;
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) rt.raise('OverflowError', 'Python int too large to convert to C ssize_t');
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

defineMethod(Kind.LIST, 'list', 'insert', (rt, args, kwargs, self) => {
  clinicArity(rt, 'list.insert', args, kwargs, 2, 2);
  let i = ssizeArg(rt, args[0]!);
  const n = listSize(rt, self);
  if (n >= MAX_ITEMS) memoryError(rt);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  rt.incref(args[1]!);
  listInsertAt(rt, self, i, args[1]!);
  return rt.None;
});

defineMethod(Kind.LIST, 'list', 'remove', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.remove', args, kwargs, 1, 1);
  for (let i = 0; i < listSize(rt, self); i++) {
    const x = listGetItemRef(rt, self, i);
    if (x === 0) break;
    let same: boolean;
    try {
      same = eq(rt, x, args[0]!);
    } finally {
      rt.decref(x);
    }
    if (same) {
      if (i < listSize(rt, self)) releaseAll(rt, listReplaceRange(rt, self, i, i + 1, []));
      return rt.None;
    }
  }
  return rt.raise('ValueError', 'list.remove(x): x not in list');
});

defineMethod(Kind.LIST, 'list', 'pop', (rt, args, kwargs, self) => {
  clinicArity(rt, 'list.pop', args, kwargs, 0, 1);
  const i = args.length > 0 ? ssizeArg(rt, args[0]!) : -1;
  // the list's reference to the item becomes the caller's
  const x = listPopAt(rt, self, i);
  if (x === -1) return rt.raise('IndexError', 'pop from empty list');
  if (x === -2) return rt.raise('IndexError', 'pop index out of range');
  return x;
});

defineMethod(Kind.LIST, 'list', 'clear', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.clear', args, kwargs, 0, 0);
  listClear(rt, self);
  return rt.None;
});

defineMethod(Kind.LIST, 'list', 'index', (rt, args, kwargs, self) => {
  clinicArity(rt, 'list.index', args, kwargs, 1, 3);
  const [start, stop] = searchBounds(rt, args, listSize(rt, self));
  for (let i = start; i < stop && i < listSize(rt, self); i++) {
    const x = listGetItemRef(rt, self, i); // (counted under the list's lock in no-GIL mode)
    if (x === 0) break;
    let same: boolean;
    try {
      same = eq(rt, x, args[0]!);
    } finally {
      rt.decref(x);
    }
    if (same) return rt.newInt(i);
  }
  return rt.raise('ValueError', `${repr(rt, args[0]!)} is not in list`);
});

defineMethod(Kind.LIST, 'list', 'count', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.count', args, kwargs, 1, 1);
  let c = 0;
  if (rt.containerLocks !== null) { // no-GIL: each item read and counted under the list's lock
    for (let i = 0; ; i++) {
      const x = listGetItemRef(rt, self, i);
      if (x === 0) break;
      try {
        if (x === args[0] || eq(rt, x, args[0]!)) c++;
      } finally {
        rt.decref(x);
      }
    }
    return rt.newInt(c);
  }
  for (let i = 0; i < listSize(rt, self); i++) {
    const x = listItem(rt, self, i);
    if (x === args[0]) {
      c++;
      continue;
    }
    rt.incref(x);
    try {
      if (eq(rt, x, args[0]!)) c++;
    } finally {
      rt.decref(x);
    }
  }
  return rt.newInt(c);
});

defineMethod(Kind.LIST, 'list', 'reverse', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.reverse', args, kwargs, 0, 0);
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(self);
  const n = listSize(rt, self);
  if (n > 1) rt.i32.subarray(itemsBase(rt, self), itemsBase(rt, self) + n).reverse();
  if (locks !== null) locks.release(self);
  return rt.None;
});

defineMethod(Kind.LIST, 'list', 'copy', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.copy', args, kwargs, 0, 0);
  return listSlice(rt, self, 0, 1, listSize(rt, self));
});

defineMethod(Kind.LIST, 'list', '__reversed__', (rt, args, kwargs, self) => {
  checkArity(rt, 'list.__reversed__', args, kwargs, 0, 0);
  return newListReverseIter(rt, self);
});

defineMethod(Kind.LIST, 'list', 'sort', (rt, args, kwargs, self) => {
  if (kwargs !== null) {
    for (const k of kwargs.keys()) {
      if (k !== 'key' && k !== 'reverse') rt.raise('TypeError', `'${k}' is an invalid keyword argument for sort()`);
    }
  }
  const [key, reverse] = parseArgs(rt, 'sort', args, kwargs, ['*', 'key=', 'reverse=']);
  const rev = reverse === undefined ? false : indexValue(rt, reverse) != 0;
  listSort(rt, self, key === undefined || key === rt.None ? 0 : key, rev);
  return rt.None;
});

// list.__init__(self, iterable=(), /): what a subclass's own __init__ calls (cf. CPython list___init___impl)
defineMethod(Kind.LIST, 'list', '__init__', (rt, args, kwargs, self) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'list() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `list expected at most 1 argument, got ${args.length}`);
  listClear(rt, self);
  if (args.length === 1) listExtend(rt, self, args[0]!);
  return rt.None;
});

// ================= constructor =================
defineConstructor(Kind.LIST, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0 && type === rt.types[Kind.LIST]) {
    rt.raise('TypeError', 'list() takes no keyword arguments');
  }
  if (args.length > 1) rt.raise('TypeError', `list expected at most 1 argument, got ${args.length}`);
  let l: Ref;
  if (type === rt.types[Kind.LIST]) l = newList(rt);
  else {
    l = rt.alloc(type, LIST_SUB_DICT + 4); // the subclass's __dict__ at LIST_SUB_DICT
    rt.gcTrack(l);
  }
  if (args.length === 0) return l;
  try {
    listExtend(rt, l, args[0]!);
  } catch (e) {
    rt.decref(l);
    throw e;
  }
  return l;
});

// ================= sort =================
const MIN_GALLOP = 7;

interface Run { base: number; len: number; power: number }

/** One sort's state (cf. listsort.c MergeState): `keys` are compared with `lt`; `values`, when a key
 *  function was given, are the items, permuted alongside. Generic so tests can trace comparisons. */
export class MergeState<T> {
  minGallop = MIN_GALLOP;
  readonly pending: Run[] = [];

  /** `lt(a, b)` is asked exactly as CPython's ISLT asks it. */
  constructor(readonly keys: T[], readonly values: T[] | null, readonly lt: (a: T, b: T) => boolean) {}

  /** Binary insertion sort of [lo, hi), of which [lo, start) is already sorted. */
  binarySort(lo: number, hi: number, start: number): void {
    const K = this.keys;
    const V = this.values;
    if (lo === start) start++;
    for (; start < hi; start++) {
      let l = lo;
      let r = start;
      const pivot = K[r]!;
      do {
        const p = l + ((r - l) >> 1);
        if (this.lt(pivot, K[p]!)) r = p;
        else l = p + 1;
      } while (l < r);
      for (let p = start; p > l; p--) K[p] = K[p - 1]!;
      K[l] = pivot;
      if (V !== null) {
        const pv = V[start]!;
        for (let p = start; p > l; p--) V[p] = V[p - 1]!;
        V[l] = pv;
      }
    }
  }

  /** The length of the run starting at lo (in [lo, hi)) and whether it is strictly descending. */
  countRun(lo: number, hi: number): [number, boolean] {
    const K = this.keys;
    let i = lo + 1;
    if (i === hi) return [1, false];
    let n = 2;
    if (this.lt(K[i]!, K[i - 1]!)) {
      for (i = i + 1; i < hi; i++, n++) if (!this.lt(K[i]!, K[i - 1]!)) break;
      return [n, true];
    }
    for (i = i + 1; i < hi; i++, n++) if (this.lt(K[i]!, K[i - 1]!)) break;
    return [n, false];
  }

  reverseRange(lo: number, hi: number): void {
    reverseArray(this.keys, lo, hi);
    if (this.values !== null) reverseArray(this.values, lo, hi);
  }

  /** Where `key` goes in the sorted arr[base, base+n): before any equal items (cf. gallop_left). */
  gallopLeft(key: T, arr: T[], base: number, n: number, hint: number): number {
    const a = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (this.lt(arr[a]!, key)) {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (this.lt(arr[a + ofs]!, key)) {
          lastofs = ofs;
          ofs = ofs * 2 + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (this.lt(arr[a - ofs]!, key)) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (this.lt(arr[base + m]!, key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  /** Where `key` goes in the sorted arr[base, base+n): after any equal items (cf. gallop_right). */
  gallopRight(key: T, arr: T[], base: number, n: number, hint: number): number {
    const a = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (this.lt(key, arr[a]!)) {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (this.lt(key, arr[a - ofs]!)) {
          lastofs = ofs;
          ofs = ofs * 2 + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (this.lt(key, arr[a + ofs]!)) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (this.lt(key, arr[base + m]!)) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  /** Merges the adjacent runs [pa, pa+na) and [pb, pb+nb) with na <= nb, in place (cf. merge_lo). */
  mergeLo(pa: number, na: number, pb: number, nb: number): void {
    const K = this.keys;
    const V = this.values;
    const tk = K.slice(pa, pa + na);
    const tv = V === null ? null : V.slice(pa, pa + na);
    let dest = pa;
    let a = 0; // in the temp copy of run A
    let b = pb;
    let copyB = false;
    const fromB = (): void => {
      K[dest] = K[b]!;
      if (V !== null) V[dest] = V[b]!;
      dest++;
      b++;
    };
    const fromA = (): void => {
      K[dest] = tk[a]!;
      if (V !== null) V[dest] = tv![a]!;
      dest++;
      a++;
    };
    try {
      main: {
        fromB();
        if (--nb === 0) break main;
        if (na === 1) {
          copyB = true;
          break main;
        }
        let minGallop = this.minGallop;
        for (;;) {
          let acount = 0;
          let bcount = 0;
          for (;;) {
            if (this.lt(K[b]!, tk[a]!)) {
              fromB();
              bcount++;
              acount = 0;
              if (--nb === 0) break main;
              if (bcount >= minGallop) break;
            } else {
              fromA();
              acount++;
              bcount = 0;
              if (--na === 1) {
                copyB = true;
                break main;
              }
              if (acount >= minGallop) break;
            }
          }
          minGallop++;
          do {
            minGallop -= minGallop > 1 ? 1 : 0;
            this.minGallop = minGallop;
            let k = this.gallopRight(K[b]!, tk, a, na, 0);
            acount = k;
            if (k !== 0) {
              for (let i = 0; i < k; i++) fromA();
              na -= k;
              if (na === 1) {
                copyB = true;
                break main;
              }
              if (na === 0) break main;
            }
            fromB();
            if (--nb === 0) break main;
            k = this.gallopLeft(tk[a]!, K, b, nb, 0);
            bcount = k;
            if (k !== 0) {
              for (let i = 0; i < k; i++) fromB();
              nb -= k;
              if (nb === 0) break main;
            }
            fromA();
            if (--na === 1) {
              copyB = true;
              break main;
            }
          } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
          minGallop++;
          this.minGallop = minGallop;
        }
      }
    } finally {
      if (copyB) {
        // the last item of A goes after what is left of B
        for (let i = 0; i < nb; i++) fromB();
        fromA();
      } else {
        while (na > 0) {
          fromA();
          na--;
        }
      }
    }
  }

  /** Merges the adjacent runs [pa, pa+na) and [pb, pb+nb) with na > nb, from the right (cf. merge_hi). */
  mergeHi(pa: number, na: number, pb: number, nb: number): void {
    const K = this.keys;
    const V = this.values;
    const tk = K.slice(pb, pb + nb);
    const tv = V === null ? null : V.slice(pb, pb + nb);
    let dest = pb + nb - 1;
    let a = pa + na - 1;
    let b = nb - 1; // in the temp copy of run B
    let copyA = false;
    const fromA = (): void => {
      K[dest] = K[a]!;
      if (V !== null) V[dest] = V[a]!;
      dest--;
      a--;
    };
    const fromB = (): void => {
      K[dest] = tk[b]!;
      if (V !== null) V[dest] = tv![b]!;
      dest--;
      b--;
    };
    try {
      main: {
        fromA();
        if (--na === 0) break main;
        if (nb === 1) {
          copyA = true;
          break main;
        }
        let minGallop = this.minGallop;
        for (;;) {
          let acount = 0;
          let bcount = 0;
          for (;;) {
            if (this.lt(tk[b]!, K[a]!)) {
              fromA();
              acount++;
              bcount = 0;
              if (--na === 0) break main;
              if (acount >= minGallop) break;
            } else {
              fromB();
              bcount++;
              acount = 0;
              if (--nb === 1) {
                copyA = true;
                break main;
              }
              if (bcount >= minGallop) break;
            }
          }
          minGallop++;
          do {
            minGallop -= minGallop > 1 ? 1 : 0;
            this.minGallop = minGallop;
            let k = this.gallopRight(tk[b]!, K, pa, na, na - 1);
            k = na - k;
            acount = k;
            if (k !== 0) {
              for (let i = 0; i < k; i++) fromA();
              na -= k;
              if (na === 0) break main;
            }
            fromB();
            if (--nb === 1) {
              copyA = true;
              break main;
            }
            k = this.gallopLeft(K[a]!, tk, 0, nb, nb - 1);
            k = nb - k;
            bcount = k;
            if (k !== 0) {
              for (let i = 0; i < k; i++) fromB();
              nb -= k;
              if (nb === 1) {
                copyA = true;
                break main;
              }
              if (nb === 0) break main;
            }
            fromA();
            if (--na === 0) break main;
          } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
          minGallop++;
          this.minGallop = minGallop;
        }
      }
    } finally {
      if (copyA) {
        // the first item of B goes before what is left of A
        for (let i = 0; i < na; i++) fromA();
        fromB();
      } else {
        while (nb > 0) {
          fromB();
          nb--;
        }
      }
    }
  }

  /** Merges pending runs i and i+1 (cf. merge_at). */
  mergeAt(i: number): void {
    const p = this.pending;
    let pa = p[i]!.base;
    let na = p[i]!.len;
    const pb = p[i + 1]!.base;
    let nb = p[i + 1]!.len;
    p[i]!.len = na + nb;
    if (i === p.length - 3) p[i + 1] = { ...p[i + 2]! };
    p.pop();
    const K = this.keys;
    const k = this.gallopRight(K[pb]!, K, pa, na, 0);
    pa += k;
    na -= k;
    if (na === 0) return;
    nb = this.gallopLeft(K[pa + na - 1]!, K, pb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(pa, na, pb, nb);
    else this.mergeHi(pa, na, pb, nb);
  }

  /** The powersort policy: before pushing a run of length n2, merges runs deeper in the tree. */
  foundNewRun(n2: number): void {
    const p = this.pending;
    if (p.length === 0) return;
    const top = p[p.length - 1]!;
    const power = powerloop(top.base, top.len, n2, this.keys.length);
    while (p.length > 1 && p[p.length - 2]!.power > power) this.mergeAt(p.length - 2);
    p[p.length - 1]!.power = power;
  }

  mergeForceCollapse(): void {
    const p = this.pending;
    while (p.length > 1) {
      let n = p.length - 2;
      if (n > 0 && p[n - 1]!.len < p[n + 1]!.len) n--;
      this.mergeAt(n);
    }
  }

  sort(): void {
    let nremaining = this.keys.length;
    if (nremaining < 2) return;
    const minrun = computeMinrun(nremaining);
    let lo = 0;
    do {
      let [n, descending] = this.countRun(lo, lo + nremaining);
      if (descending) this.reverseRange(lo, lo + n);
      if (n < minrun) {
        const force = nremaining <= minrun ? nremaining : minrun;
        this.binarySort(lo, lo + force, lo + n);
        n = force;
      }
      this.foundNewRun(n);
      this.pending.push({ base: lo, len: n, power: 0 });
      lo += n;
      nremaining -= n;
    } while (nremaining > 0);
    this.mergeForceCollapse();
  }
}

function reverseArray<T>(a: T[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo]!;
    a[lo] = a[hi]!;
    a[hi] = t;
  }
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n = Math.floor(n / 2);
  }
  return n + r;
}

/** The "power" of the run boundary between [s1, s1+n1) and the next n2 items (cf. powerloop). */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

/**
 * Sorts `l` in place, stably, as CPython's list.sort (cf. listsort): `key` (0 for none) is called once
 * per item, in order; while sorting the list looks empty, and a list changed meanwhile raises
 * `ValueError: list modified during sort` (after the sort, the original items are back in place).
 */
export function listSort(rt: Runtime, l: Ref, key: Ref | 0, reverse: boolean): void {
  if (rt.containerLocks !== null) return lockedListSort(rt, rt.containerLocks, l, key, reverse);
  const i32 = rt.i32;
  const n = listSize(rt, l);
  const raw = i32[(l + LIST_ITEMS) >> 2]! as Ref;
  const cap = i32[(l + LIST_CAPACITY) >> 2]!;
  const items = listItems(rt, l); // references owned by `raw` throughout
  i32[(l + LIST_SIZE) >> 2] = 0;
  i32[(l + LIST_ITEMS) >> 2] = 0;
  i32[(l + LIST_CAPACITY) >> 2] = -1;
  const error = sortItems(rt, items, key, reverse);
  const modified = i32[(l + LIST_CAPACITY) >> 2] !== -1;
  if (n > 0) i32.set(items, (raw + 16) >> 2);
  // put the sorted items back, dropping whatever was stored in the list meanwhile
  const finalItems = listItems(rt, l);
  const finalRaw = i32[(l + LIST_ITEMS) >> 2]! as Ref;
  i32[(l + LIST_SIZE) >> 2] = n;
  i32[(l + LIST_ITEMS) >> 2] = raw;
  i32[(l + LIST_CAPACITY) >> 2] = cap;
  releaseAll(rt, finalItems);
  if (finalRaw !== 0) freeStorage(rt, finalRaw);
  if (error !== null) throw error;
  if (modified) rt.raise('ValueError', 'list modified during sort');
}

/** Sorts `items` in place (calling `key` once per item, in order); returns what was raised, or null. */
function sortItems(rt: Runtime, items: Ref[], key: Ref | 0, reverse: boolean): unknown {
  const n = items.length;
  let error: unknown = null;
  let keys: Ref[] | null = null;
  let reversed = false;
  try {
    if (key !== 0) {
      const ks: Ref[] = [];
      try {
        for (const x of items) ks.push(callObject(rt, key, [x]));
      } catch (e) {
        releaseAll(rt, ks);
        throw e;
      }
      keys = ks;
    }
    if (reverse) {
      reversed = true;
      if (keys !== null) reverseArray(keys, 0, n);
      reverseArray(items, 0, n);
    }
    new MergeState(keys ?? items, keys === null ? null : items, numberAwareLt(rt)).sort();
  } catch (e) {
    error = e;
  }
  if (keys !== null) for (const k of keys) rt.decref(k);
  if (reversed && n > 1) reverseArray(items, 0, n);
  return error;
}

/** The sort's `<`: exact ints and floats compare without calling anything (cf. unsafe_long_compare). */
function numberAwareLt(rt: Runtime): (a: Ref, b: Ref) => boolean {
  const intType = rt.types[Kind.INT]!;
  const floatType = rt.types[Kind.FLOAT]!;
  return (a: Ref, b: Ref): boolean => {
    const ta = rt.typeOf(a);
    if (ta === rt.typeOf(b)) {
      if (ta === intType && rt.isCompactInt(a) && rt.isCompactInt(b)) return rt.intValue(a) < rt.intValue(b);
      if (ta === floatType) return rt.floatValue(a) < rt.floatValue(b);
    }
    const r = richCompare(rt, a, b, 0);
    if (r === rt.True) return true;
    if (r === rt.False) return false;
    try {
      return truthy(rt, r);
    } finally {
      rt.decref(r);
    }
  };
}

/** True if sorting `items` with no key runs no Python code: all compact ints, or all floats. */
function plainNumbers(rt: Runtime, items: readonly Ref[]): boolean {
  if (items.length === 0) return true;
  const t = rt.typeOf(items[0]!);
  if (t === rt.types[Kind.FLOAT]) return items.every((x) => rt.typeOf(x) === t);
  if (t !== rt.types[Kind.INT]) return false;
  return items.every((x) => rt.typeOf(x) === t && rt.isCompactInt(x));
}

/**
 * No-GIL mode's list.sort. A list of plain numbers sorted with no key is sorted entirely under the
 * list's lock, as CPython 3.13 holds the list's critical section for the whole sort (no Python code runs).
 * Otherwise the items are taken out under the lock (the list looks empty to every thread meanwhile),
 * sorted with no lock held (comparisons and the key function are Python code), and put back under the
 * lock; a list changed meanwhile (by any thread) raises `ValueError: list modified during sort`, as in
 * GIL mode, and what was stored in it meanwhile is dropped.
 */
function lockedListSort(rt: Runtime, locks: ContainerLocks, l: Ref, key: Ref | 0, reverse: boolean): void {
  const i32 = rt.i32;
  locks.acquire(l);
  let n: number;
  let raw: Ref;
  let cap: number;
  let items: Ref[];
  try {
    n = listSize(rt, l);
    raw = i32[(l + LIST_ITEMS) >> 2]! as Ref;
    cap = i32[(l + LIST_CAPACITY) >> 2]!;
    items = listItems(rt, l); // references owned by `raw` throughout
    if (key === 0 && plainNumbers(rt, items)) {
      if (reverse) reverseArray(items, 0, n);
      new MergeState(items, null, numberAwareLt(rt)).sort();
      if (reverse) reverseArray(items, 0, n);
      if (n > 0) i32.set(items, (raw + 16) >> 2);
      return;
    }
    i32[(l + LIST_SIZE) >> 2] = 0;
    i32[(l + LIST_ITEMS) >> 2] = 0;
    i32[(l + LIST_CAPACITY) >> 2] = -1;
  } finally {
    locks.release(l);
  }
  const error = sortItems(rt, items, key, reverse);
  let finalItems: Ref[];
  let finalRaw: Ref;
  let modified: boolean;
  locks.acquire(l);
  try {
    modified = i32[(l + LIST_CAPACITY) >> 2] !== -1;
    if (n > 0) i32.set(items, (raw + 16) >> 2);
    finalItems = listItems(rt, l);
    finalRaw = i32[(l + LIST_ITEMS) >> 2]! as Ref;
    i32[(l + LIST_SIZE) >> 2] = n;
    i32[(l + LIST_ITEMS) >> 2] = raw;
    i32[(l + LIST_CAPACITY) >> 2] = cap;
  } finally {
    locks.release(l);
  }
  releaseAll(rt, finalItems); // with no lock held: a __del__ may run
  if (finalRaw !== 0) freeStorage(rt, finalRaw);
  if (error !== null) throw error;
  if (modified) rt.raise('ValueError', 'list modified during sort');
}

