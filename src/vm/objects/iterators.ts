/** The built-in iterator objects (cf. CPython listobject.c listiter, iterobject.c, enumobject.c,
 *  bltinmodule.c zip/map/filter): sequence iterators, enumerate, zip, map, filter, reversed and
 *  iter(callable, sentinel).
 *
 *  Every iterator owns a reference to what it walks. The sequence-like ones (list, tuple, str,
 *  __getitem__ objects, reversed, callable_iterator) drop it as soon as they are exhausted, as
 *  CPython's do; enumerate, zip, map and filter keep theirs until they are freed, as CPython's do.
 */
import type { Ref } from '../heap/layout.js';
import { GC_HEADER_END } from '../heap/layout.js';
import { PyRaise, STR_DATA, STR_KIND, type Runtime } from '../runtime.js';
import { callObject } from '../interp/call.js';
import { checkArity } from '../builtins/args.js';
import { defineConstructor } from './constructors.js';
import { excMatches, excType, newException } from './exceptions.js';
import { SeqFlavor, SeqIterLayout } from './iter-layout.js';
import { Kind } from './kinds.js';
import { itemsBase, listGetItemRef, listSize } from './list.js';
import { eq, getItem, getIter, idOf, indexValue, iterNext, len, setSeqIterHook, truthy } from './protocols.js';
import { SLOTS, defineSlots } from './slots.js';
import { tupleItem, tupleSize, tupleSteal } from './tuple.js';
import { defineMethod, typeLookup } from './type.js';
import { internedNameIn, typeCacheOf } from './type-cache.js';

/** `<name object at 0x...>`, as object.__repr__ prints iterators. */
function iterRepr(rt: Runtime, r: Ref, name: string): string {
  return `<${name} object at 0x${idOf(r).toString(16)}>`;
}
function iterSelf(rt: Runtime, r: Ref): Ref {
  rt.incref(r);
  return r;
}
/** Allocates an iterator of `kind` with `bytes` bytes, as an instance of `type` (a subclass, for
 *  enumerate & co) or of the built-in type. */
function allocIter(rt: Runtime, kind: Kind, bytes: number, type: Ref | 0 = 0): Ref {
  const r = type === 0 ? rt.allocKind(kind, bytes) : rt.alloc(type, bytes);
  rt.gcTrack(r);
  return r;
}
/** Releases the reference field at `off` (if set) and clears it. */
function clearField(rt: Runtime, r: Ref, off: number): void {
  const v = rt.i32[(r + off) >> 2]! as Ref;
  if (v !== 0) {
    rt.i32[(r + off) >> 2] = 0;
    rt.decref(v);
  }
}
/** Runs `f`; a StopIteration or IndexError it raises (by `names`) becomes `null`. */
function catching<T>(rt: Runtime, names: readonly string[], f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRaise && names.some((n) => excMatches(rt, e.exc, n))) {
      rt.decref(e.exc);
      return null;
    }
    throw e;
  }
}

// ================= SEQ_ITER: list, tuple, str and __getitem__ iterators =================
/** seq (owned; 0 once exhausted), flavor, index (a float64: a __getitem__ sequence may be long): the
 *  layout is in iter-layout.ts, which the loop's FOR_ITER reads too. */
export const SI_SEQ = SeqIterLayout.SEQ;
export const SI_FLAVOR = SeqIterLayout.FLAVOR;
export const SI_INDEX = SeqIterLayout.INDEX;
const SI_BYTES = SeqIterLayout.BYTES;
if (SI_SEQ !== GC_HEADER_END) throw new Error('gilpy bug: SeqIterLayout.SEQ is not GC_HEADER_END');

export { SeqFlavor };
const SEQ_NAMES = ['list_iterator', 'tuple_iterator', 'str_ascii_iterator', 'str_iterator', 'iterator', 'bytes_iterator',
  'bytearray_iterator'];

/** A new iterator over `seq` (borrowed) of the given flavor (new reference). */
export function newSeqIter(rt: Runtime, seq: Ref, flavor: SeqFlavor): Ref {
  const it = allocIter(rt, Kind.SEQ_ITER, SI_BYTES);
  rt.incref(seq);
  rt.i32[(it + SI_SEQ) >> 2] = seq;
  rt.i32[(it + SI_FLAVOR) >> 2] = flavor;
  rt.f64[(it + SI_INDEX) >> 3] = 0;
  return it;
}

/** An iterator over a str's characters (new reference). */
export function newStrIter(rt: Runtime, s: Ref): Ref {
  let ascii = rt.i32[(s + STR_KIND) >> 2] === 1;
  if (ascii) {
    const n = rt.strLength(s);
    const base = s + STR_DATA;
    for (let i = 0; i < n; i++) {
      if (rt.u8[base + i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
  }
  return newSeqIter(rt, s, ascii ? SeqFlavor.STR_ASCII : SeqFlavor.STR);
}

/** The code point at index `i` of a str. */
function strCodePoint(rt: Runtime, s: Ref, i: number): number {
  const kind = rt.i32[(s + STR_KIND) >> 2]! & 7;
  const base = s + STR_DATA;
  if (kind === 1) return rt.u8[base + i]!;
  if (kind === 2) return rt.u16[(base >> 1) + i]!;
  return rt.u32[(base >> 2) + i]!;
}

function seqIterNext(rt: Runtime, it: Ref): Ref | 0 {
  const i32 = rt.i32;
  const seq = i32[(it + SI_SEQ) >> 2]! as Ref;
  if (seq === 0) return 0;
  const idx = rt.f64[(it + SI_INDEX) >> 3]!;
  switch (i32[(it + SI_FLAVOR) >> 2]! as SeqFlavor) {
    case SeqFlavor.LIST:
      if (rt.containerLocks !== null) { // no-GIL: read and incref with the list's lock held
        const x = listGetItemRef(rt, seq, idx);
        if (x !== 0) {
          rt.f64[(it + SI_INDEX) >> 3] = idx + 1;
          return x;
        }
        break;
      }
      if (idx < listSize(rt, seq)) {
        rt.f64[(it + SI_INDEX) >> 3] = idx + 1;
        const x = i32[itemsBase(rt, seq) + idx]! as Ref;
        rt.incref(x);
        return x;
      }
      break;
    case SeqFlavor.TUPLE:
      if (idx < tupleSize(rt, seq)) {
        rt.f64[(it + SI_INDEX) >> 3] = idx + 1;
        const x = tupleItem(rt, seq, idx);
        rt.incref(x);
        return x;
      }
      break;
    case SeqFlavor.STR_ASCII: case SeqFlavor.STR:
      if (idx < rt.strLength(seq)) {
        rt.f64[(it + SI_INDEX) >> 3] = idx + 1;
        return rt.newStr(String.fromCodePoint(strCodePoint(rt, seq, idx)));
      }
      break;
    case SeqFlavor.GENERIC: case SeqFlavor.BYTES: case SeqFlavor.BYTEARRAY: {
      const key = rt.newInt(idx);
      let x: Ref | null;
      try {
        x = catching(rt, ['IndexError', 'StopIteration'], () => getItem(rt, seq, key));
      } finally {
        rt.decref(key);
      }
      if (x !== null) {
        rt.f64[(it + SI_INDEX) >> 3] = idx + 1;
        return x;
      }
      break;
    }
  }
  clearField(rt, it, SI_SEQ);
  return 0;
}

defineSlots(Kind.SEQ_ITER, {
  dealloc(rt, it) {
    clearField(rt, it, SI_SEQ);
  },
  repr(rt, it) {
    return iterRepr(rt, it, SEQ_NAMES[rt.i32[(it + SI_FLAVOR) >> 2]!]!);
  },
  iter: iterSelf,
  next: seqIterNext,
});

setSeqIterHook((rt, obj) => newSeqIter(rt, obj, SeqFlavor.GENERIC));

// str's iterator lives here (it is a SEQ_ITER); str.ts may have installed its own first.
if (SLOTS[Kind.STR]!.iter === undefined) defineSlots(Kind.STR, { iter: newStrIter });

// ================= REVERSED: reversed() over a sequence, and list_reverseiterator =================
/** seq (owned; 0 once exhausted), flavor (0: reversed, 1: list_reverseiterator), index (float64; -1 done). */
export const RV_SEQ = GC_HEADER_END;
export const RV_FLAVOR = RV_SEQ + 4;
export const RV_INDEX = RV_SEQ + 8;
const RV_BYTES = RV_INDEX + 8;

/** A reverse iterator over `seq` (borrowed) starting at index `start` (new reference). */
function newReversed(rt: Runtime, seq: Ref, start: number, listFlavor: boolean, type: Ref | 0 = 0): Ref {
  const it = allocIter(rt, Kind.REVERSED, RV_BYTES, type);
  rt.incref(seq);
  rt.i32[(it + RV_SEQ) >> 2] = seq;
  rt.i32[(it + RV_FLAVOR) >> 2] = listFlavor ? 1 : 0;
  rt.f64[(it + RV_INDEX) >> 3] = start;
  return it;
}

/** `reversed(list)`: a list_reverseiterator (new reference). */
export function newListReverseIter(rt: Runtime, l: Ref): Ref {
  return newReversed(rt, l, listSize(rt, l) - 1, true);
}

defineSlots(Kind.REVERSED, {
  dealloc(rt, it) {
    clearField(rt, it, RV_SEQ);
  },
  repr(rt, it) {
    return iterRepr(rt, it, rt.i32[(it + RV_FLAVOR) >> 2] === 1 ? 'list_reverseiterator' : rt.typeNameOf(it));
  },
  iter: iterSelf,
  next(rt, it) {
    const seq = rt.i32[(it + RV_SEQ) >> 2]! as Ref;
    if (seq === 0) return 0;
    const idx = rt.f64[(it + RV_INDEX) >> 3]!;
    if (rt.i32[(it + RV_FLAVOR) >> 2] === 1) {
      // cf. listreviter_next: a list that shrank below the index ends the iteration
      if (rt.containerLocks !== null && idx >= 0) {
        const x = listGetItemRef(rt, seq, idx);
        if (x !== 0) {
          rt.f64[(it + RV_INDEX) >> 3] = idx - 1;
          return x;
        }
      } else if (idx >= 0 && idx < listSize(rt, seq)) {
        rt.f64[(it + RV_INDEX) >> 3] = idx - 1;
        const x = rt.i32[itemsBase(rt, seq) + idx]! as Ref;
        rt.incref(x);
        return x;
      }
    } else if (idx >= 0) {
      const key = rt.newInt(idx);
      let x: Ref | null;
      try {
        x = catching(rt, ['IndexError', 'StopIteration'], () => getItem(rt, seq, key));
      } finally {
        rt.decref(key);
      }
      if (x !== null) {
        rt.f64[(it + RV_INDEX) >> 3] = idx - 1;
        return x;
      }
    }
    rt.f64[(it + RV_INDEX) >> 3] = -1;
    clearField(rt, it, RV_SEQ);
    return 0;
  },
});



/** True for objects PySequence_Check accepts: built-in sequences, and classes with __getitem__ that
 *  are not dicts. */
function isSequence(rt: Runtime, r: Ref): boolean {
  switch (rt.kindOf(r)) {
    case Kind.DICT: case Kind.SET: case Kind.FROZENSET: case Kind.DICT_VIEW: case Kind.TYPE: return false;
    case Kind.STR: case Kind.TUPLE: case Kind.LIST: case Kind.BYTES: case Kind.BYTEARRAY: case Kind.RANGE:
      return true;
    default:
      return typeLookup(rt, rt.typeOf(r), internedNameIn(rt, typeCacheOf(rt), '__getitem__')) !== 0
        || SLOTS[rt.kindOf(r)]!.getitem !== undefined;
  }
}

/** `reversed(seq)` (new reference): `seq.__reversed__()` if its type has one, else a reverse
 *  iterator over a sequence (cf. CPython reversed_new_impl). */
export function reversedOf(rt: Runtime, seq: Ref, type: Ref | 0 = 0): Ref {
  const meth = typeLookup(rt, rt.typeOf(seq), internedNameIn(rt, typeCacheOf(rt), '__reversed__'));
  if (meth === rt.None) rt.raise('TypeError', `'${rt.typeNameOf(seq)}' object is not reversible`);
  if (meth !== 0) return callObject(rt, meth, [seq]);
  if (!isSequence(rt, seq)) rt.raise('TypeError', `'${rt.typeNameOf(seq)}' object is not reversible`);
  const n = len(rt, seq);
  return newReversed(rt, seq, n - 1, false, type);
}

defineConstructor(Kind.REVERSED, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0 && type === rt.types[Kind.REVERSED]) {
    rt.raise('TypeError', 'reversed() takes no keyword arguments');
  }
  if (args.length !== 1) rt.raise('TypeError', `reversed expected 1 argument, got ${args.length}`);
  return reversedOf(rt, args[0]!, type === rt.types[Kind.REVERSED] ? 0 : type);
});

// ================= ENUMERATE =================
/** the iterator (owned), the index as a big int object when it left the float64-exact range (owned, or 0),
 *  the index (float64). */
export const EN_ITER = GC_HEADER_END;
export const EN_BIG = EN_ITER + 4;
export const EN_INDEX = EN_ITER + 8;
const EN_BYTES = EN_INDEX + 8;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** enumerate(iterable, start) (new reference; arguments borrowed, `start` 0 for 0). */
export function newEnumerate(rt: Runtime, iterable: Ref, start: Ref | 0, type: Ref | 0 = 0): Ref {
  const it = getIter(rt, iterable);
  let big: Ref | 0 = 0;
  let idx = 0;
  if (start !== 0) {
    let v: number | bigint;
    try {
      v = indexValue(rt, start);
    } catch (e) {
      rt.decref(it);
      throw e;
    }
    if (typeof v === 'number' && v >= -MAX_EXACT && v <= MAX_EXACT) idx = v;
    else big = rt.newInt(v);
  }
  const en = allocIter(rt, Kind.ENUMERATE, EN_BYTES, type);
  rt.i32[(en + EN_ITER) >> 2] = it;
  rt.i32[(en + EN_BIG) >> 2] = big;
  rt.f64[(en + EN_INDEX) >> 3] = idx;
  return en;
}

defineSlots(Kind.ENUMERATE, {
  dealloc(rt, en) {
    clearField(rt, en, EN_ITER);
    clearField(rt, en, EN_BIG);
  },
  repr(rt, en) {
    return iterRepr(rt, en, rt.typeNameOf(en));
  },
  iter: iterSelf,
  next(rt, en) {
    const x = iterNext(rt, rt.i32[(en + EN_ITER) >> 2]! as Ref);
    if (x === 0) return 0;
    let index: Ref;
    const big = rt.i32[(en + EN_BIG) >> 2]! as Ref;
    if (big !== 0) {
      index = big;
      const v = rt.intValue(big);
      rt.i32[(en + EN_BIG) >> 2] = rt.newInt(typeof v === 'bigint' ? v + 1n : BigInt(v) + 1n);
    } else {
      const i = rt.f64[(en + EN_INDEX) >> 3]!;
      index = rt.newInt(i);
      if (i === MAX_EXACT) rt.i32[(en + EN_BIG) >> 2] = rt.newInt(BigInt(i) + 1n);
      else rt.f64[(en + EN_INDEX) >> 3] = i + 1;
    }
    return tupleSteal(rt, [index, x]);
  },
});

defineConstructor(Kind.ENUMERATE, (rt, type, args, kwargs) => {
  let iterable: Ref | undefined = args[0];
  let start: Ref | undefined = args[1];
  const given = args.length + (kwargs?.size ?? 0);
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      if (k === 'iterable' && args.length < 1) iterable = v;
      else if (k === 'start' && args.length < 2) start = v;
      else if (k === 'iterable' || k === 'start') {
        rt.raise('TypeError', `argument for enumerate() given by name ('${k}') and position (${k === 'iterable' ? 1 : 2})`);
      } else rt.raise('TypeError', `'${k}' is an invalid keyword argument for enumerate()`);
    }
  }
  if (given > 2) rt.raise('TypeError', `enumerate() takes at most 2 arguments (${given} given)`);
  if (iterable === undefined) rt.raise('TypeError', "enumerate() missing required argument 'iterable'");
  return newEnumerate(rt, iterable, start ?? 0, type === rt.types[Kind.ENUMERATE] ? 0 : type);
});

// ================= ZIP =================
/** a tuple of the iterators (owned), strict flag. */
export const ZP_ITERS = GC_HEADER_END;
export const ZP_STRICT = ZP_ITERS + 4;
const ZP_BYTES = ZP_ITERS + 8;

/** Iterators over each of `iterables` (new references), released again if one of them fails. */
function itersOf(rt: Runtime, iterables: readonly Ref[]): Ref {
  const its: Ref[] = [];
  try {
    for (const x of iterables) its.push(getIter(rt, x));
  } catch (e) {
    for (const it of its) rt.decref(it);
    throw e;
  }
  return tupleSteal(rt, its);
}

/** zip(*iterables, strict) (new reference). */
export function newZip(rt: Runtime, iterables: readonly Ref[], strict: boolean, type: Ref | 0 = 0): Ref {
  const iters = itersOf(rt, iterables);
  const z = allocIter(rt, Kind.ZIP, ZP_BYTES, type);
  rt.i32[(z + ZP_ITERS) >> 2] = iters;
  rt.i32[(z + ZP_STRICT) >> 2] = strict ? 1 : 0;
  return z;
}

defineSlots(Kind.ZIP, {
  dealloc(rt, z) {
    clearField(rt, z, ZP_ITERS);
  },
  repr(rt, z) {
    return iterRepr(rt, z, rt.typeNameOf(z));
  },
  iter: iterSelf,
  next(rt, z) {
    const iters = rt.i32[(z + ZP_ITERS) >> 2]! as Ref;
    const n = tupleSize(rt, iters);
    if (n === 0) return 0;
    const items: Ref[] = [];
    let i = 0;
    try {
      for (; i < n; i++) {
        const x = iterNext(rt, tupleItem(rt, iters, i));
        if (x === 0) break;
        items.push(x);
      }
    } catch (e) {
      for (const x of items) rt.decref(x);
      throw e;
    }
    if (i === n) return tupleSteal(rt, items);
    for (const x of items) rt.decref(x);
    if (rt.i32[(z + ZP_STRICT) >> 2] === 0) return 0;
    // cf. CPython zip_next's strict check
    if (i > 0) {
      rt.raise('ValueError', `zip() argument ${i + 1} is shorter than argument${i === 1 ? ' ' : 's 1-'}${i}`);
    }
    for (let j = 1; j < n; j++) {
      const x = iterNext(rt, tupleItem(rt, iters, j));
      if (x !== 0) {
        rt.decref(x);
        rt.raise('ValueError', `zip() argument ${j + 1} is longer than argument${j === 1 ? ' ' : 's 1-'}${j}`);
      }
    }
    return 0;
  },
});

defineConstructor(Kind.ZIP, (rt, type, args, kwargs) => {
  let strict = false;
  if (kwargs !== null && kwargs.size > 0) {
    if (kwargs.size > 1) rt.raise('TypeError', `zip() takes at most 1 keyword argument (${kwargs.size} given)`);
    for (const [k, v] of kwargs) {
      if (k !== 'strict') rt.raise('TypeError', `'${k}' is an invalid keyword argument for zip()`);
      strict = truthy(rt, v);
    }
  }
  return newZip(rt, args, strict, type === rt.types[Kind.ZIP] ? 0 : type);
});

// ================= MAP =================
/** the function (owned), a tuple of the iterators (owned). */
export const MP_FUNC = GC_HEADER_END;
export const MP_ITERS = MP_FUNC + 4;
const MP_BYTES = MP_FUNC + 8;

/** map(func, *iterables) (new reference). */
export function newMap(rt: Runtime, func: Ref, iterables: readonly Ref[], type: Ref | 0 = 0): Ref {
  const iters = itersOf(rt, iterables);
  const m = allocIter(rt, Kind.MAP, MP_BYTES, type);
  rt.incref(func);
  rt.i32[(m + MP_FUNC) >> 2] = func;
  rt.i32[(m + MP_ITERS) >> 2] = iters;
  return m;
}

defineSlots(Kind.MAP, {
  dealloc(rt, m) {
    clearField(rt, m, MP_FUNC);
    clearField(rt, m, MP_ITERS);
  },
  repr(rt, m) {
    return iterRepr(rt, m, rt.typeNameOf(m));
  },
  iter: iterSelf,
  next(rt, m) {
    const iters = rt.i32[(m + MP_ITERS) >> 2]! as Ref;
    const n = tupleSize(rt, iters);
    const items: Ref[] = [];
    try {
      for (let i = 0; i < n; i++) {
        const x = iterNext(rt, tupleItem(rt, iters, i));
        if (x === 0) return 0;
        items.push(x);
      }
      return callObject(rt, rt.i32[(m + MP_FUNC) >> 2]! as Ref, items);
    } finally {
      for (const x of items) rt.decref(x);
    }
  },
});

defineConstructor(Kind.MAP, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0 && type === rt.types[Kind.MAP]) {
    rt.raise('TypeError', 'map() takes no keyword arguments');
  }
  if (args.length < 2) rt.raise('TypeError', 'map() must have at least two arguments.');
  return newMap(rt, args[0]!, args.slice(1), type === rt.types[Kind.MAP] ? 0 : type);
});

// ================= FILTER =================
/** the function or None (owned), the iterator (owned). */
export const FT_FUNC = GC_HEADER_END;
export const FT_ITER = FT_FUNC + 4;
const FT_BYTES = FT_FUNC + 8;

/** filter(func, iterable) (new reference). */
export function newFilter(rt: Runtime, func: Ref, iterable: Ref, type: Ref | 0 = 0): Ref {
  const it = getIter(rt, iterable);
  const f = allocIter(rt, Kind.FILTER, FT_BYTES, type);
  rt.incref(func);
  rt.i32[(f + FT_FUNC) >> 2] = func;
  rt.i32[(f + FT_ITER) >> 2] = it;
  return f;
}

defineSlots(Kind.FILTER, {
  dealloc(rt, f) {
    clearField(rt, f, FT_FUNC);
    clearField(rt, f, FT_ITER);
  },
  repr(rt, f) {
    return iterRepr(rt, f, rt.typeNameOf(f));
  },
  iter: iterSelf,
  next(rt, f) {
    const func = rt.i32[(f + FT_FUNC) >> 2]! as Ref;
    const it = rt.i32[(f + FT_ITER) >> 2]! as Ref;
    const checkTrue = func === rt.None || func === rt.types[Kind.BOOL];
    for (;;) {
      const x = iterNext(rt, it);
      if (x === 0) return 0;
      let ok: boolean;
      try {
        if (checkTrue) ok = truthy(rt, x);
        else {
          const good = callObject(rt, func, [x]);
          try {
            ok = truthy(rt, good);
          } finally {
            rt.decref(good);
          }
        }
      } catch (e) {
        rt.decref(x);
        throw e;
      }
      if (ok) return x;
      rt.decref(x);
    }
  },
});

defineConstructor(Kind.FILTER, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0 && type === rt.types[Kind.FILTER]) {
    rt.raise('TypeError', 'filter() takes no keyword arguments');
  }
  if (args.length !== 2) rt.raise('TypeError', `filter expected 2 arguments, got ${args.length}`);
  return newFilter(rt, args[0]!, args[1]!, type === rt.types[Kind.FILTER] ? 0 : type);
});

// ================= CALL_ITER: iter(callable, sentinel) =================
/** the callable and the sentinel (both owned; 0 once exhausted). */
export const CI_FUNC = GC_HEADER_END;
export const CI_SENTINEL = CI_FUNC + 4;
const CI_BYTES = CI_FUNC + 8;

/** `iter(callable, sentinel)` (new reference; arguments borrowed). */
export function newCallIter(rt: Runtime, callable: Ref, sentinel: Ref): Ref {
  const c = allocIter(rt, Kind.CALL_ITER, CI_BYTES);
  rt.incref(callable);
  rt.incref(sentinel);
  rt.i32[(c + CI_FUNC) >> 2] = callable;
  rt.i32[(c + CI_SENTINEL) >> 2] = sentinel;
  return c;
}

defineSlots(Kind.CALL_ITER, {
  dealloc(rt, c) {
    clearField(rt, c, CI_FUNC);
    clearField(rt, c, CI_SENTINEL);
  },
  repr(rt, c) {
    return iterRepr(rt, c, 'callable_iterator');
  },
  iter: iterSelf,
  next(rt, c) {
    // cf. CPython calliter_iternext
    const func = rt.i32[(c + CI_FUNC) >> 2]! as Ref;
    if (func === 0) return 0;
    const result = catching(rt, ['StopIteration'], () => callObject(rt, func, []));
    if (result !== null) {
      let same: boolean;
      try {
        same = eq(rt, rt.i32[(c + CI_SENTINEL) >> 2]! as Ref, result);
      } catch (e) {
        rt.decref(result);
        throw e;
      }
      if (!same) return result;
      rt.decref(result);
    }
    clearField(rt, c, CI_FUNC);
    clearField(rt, c, CI_SENTINEL);
    return 0;
  },
});

// ================= __iter__ / __next__ as methods =================
const ITER_KINDS: [Kind, string][] = [[Kind.SEQ_ITER, 'iterator'], [Kind.REVERSED, 'reversed'], [Kind.ENUMERATE, 'enumerate'],
  [Kind.ZIP, 'zip'], [Kind.MAP, 'map'], [Kind.FILTER, 'filter'], [Kind.CALL_ITER, 'callable_iterator']];

/** `next()` on an iterator: its next item, or StopIteration (new reference). */
export function nextOrStop(rt: Runtime, it: Ref): Ref {
  const x = SLOTS[rt.kindOf(it)]!.next!(rt, it);
  if (x === 0) throw new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
  return x;
}

for (const [kind, typeName] of ITER_KINDS) {
  defineMethod(kind, typeName, '__iter__', (rt, args, kwargs, self) => {
    checkArity(rt, `${typeName}.__iter__`, args, kwargs, 0, 0);
    return iterSelf(rt, self);
  });
  defineMethod(kind, typeName, '__next__', (rt, args, kwargs, self) => {
    checkArity(rt, `${typeName}.__next__`, args, kwargs, 0, 0);
    return nextOrStop(rt, self);
  });
}

