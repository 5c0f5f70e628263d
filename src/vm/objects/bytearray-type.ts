/** bytearray: its slots, constructor and mutating methods (cf. CPython bytearrayobject.c). The methods
 *  it shares with bytes (find, split, decode, upper...) are defined for both in bytes-type.ts. */
import type { Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import {
  baAppendByte, baBase, baCopyBytes, baDealloc, baGetByte, baLength, baPopByte, baReplace, baResize, baSetByte,
  baWriteStrided, newByteArray, newByteArrayLatin1,
} from './bytearray.js';
import { bufLatin1, bytesRepr, isBytesLike, latin1Bytes } from './bytes.js';
import {
  bytesContains, bytesFromIterable, bytesMod, compareBytes, userDefines,
} from './bytes-type.js';
import { defineConstructor, type Constructor } from './constructors.js';
import { userDefined } from './classes.js';
import { excMatches } from './exceptions.js';
import { setBytesLikeHook } from './int.js';
import { newSeqIter, SeqFlavor } from './iterators.js';
import { Kind } from './kinds.js';
import type { NativeImpl } from './native.js';
import { getIter, indexValue, iterNext } from './protocols.js';
import { asSsize, isIndexLike, sliceIndices } from './slice.js';
import { defineSlots, SLOTS } from './slots.js';
import { clinicKeywords, clinicPositional, repeatCount, ssizeArg, strArgNamed, strSpecCall, typeNew } from './str.js';
import { strEncode } from './str-ops.js';
import { defineMethod, defineStaticMethod } from './type.js';

const isByteArray = (rt: Runtime, r: Ref): boolean => rt.kindOf(r) === Kind.BYTEARRAY;

/** The bytes (a copy). */
function baValue(rt: Runtime, r: Ref): Uint8Array {
  if (rt.containerLocks !== null) return baCopyBytes(rt, r); // (read under its lock: no-GIL)
  const base = baBase(rt, r);
  return rt.u8.slice(base, base + baLength(rt, r));
}

/** An item to store: an int in range(256) (cf. _getbytevalue). */
function byteValue(rt: Runtime, r: Ref): number {
  const v = indexValue(rt, r);
  if (typeof v === 'bigint' || v < 0 || v > 255) rt.raise('ValueError', 'byte must be in range(0, 256)');
  return v as number;
}

/** An index into self, negative ones counted from the end: IndexError when out of range. The length
 *  is read after `raw` was computed (an __index__ method may have resized self). */
function itemIndex(rt: Runtime, r: Ref, raw: number): number {
  const n = baLength(rt, r);
  const i = raw < 0 ? raw + n : raw;
  if (i < 0 || i >= n) rt.raise('IndexError', 'bytearray index out of range');
  return i;
}

/** sliceIndices for self's current length: the bounds' __index__ methods run before the length is
 *  known, and if one of them resized self the indices are computed again (they must never point
 *  past the storage). */
function sliceOf(rt: Runtime, r: Ref, key: Ref): [number, number, number, number] {
  const n = baLength(rt, r);
  const res = sliceIndices(rt, key, n);
  return baLength(rt, r) === n ? res : sliceIndices(rt, key, baLength(rt, r));
}

function badIndex(rt: Runtime, key: Ref): never {
  return rt.raise('TypeError', `bytearray indices must be integers or slices, not ${rt.typeNameOf(key)}`);
}

/** PyNumber_Check or a str: values a slice assignment refuses outright. */
function isNumberOrStr(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.STR || k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT || k === Kind.COMPLEX || isIndexLike(rt, r);
}

/** self[key] = value, or del self[key] when value is 0 (cf. bytearray_ass_subscript). */
function assignSubscript(rt: Runtime, r: Ref, key: Ref, value: Ref | 0): void {
  if (isIndexLike(rt, key)) {
    // cf. bytearray_ass_subscript: the index, then the value, then the bounds.
    const raw = asSsize(rt, key);
    if (value === 0) {
      const i = itemIndex(rt, r, raw);
      baReplace(rt, r, i, i + 1, []);
      return;
    }
    const v = byteValue(rt, value);
    if (rt.containerLocks !== null) { // no-GIL: bounds checked and the byte stored under the lock
      if (!baSetByte(rt, r, raw, v)) rt.raise('IndexError', 'bytearray index out of range');
      return;
    }
    rt.u8[baBase(rt, r) + itemIndex(rt, r, raw)] = v;
    return;
  }
  if (rt.kindOf(key) !== Kind.SLICE) badIndex(rt, key);
  let data: Uint8Array;
  if (value === 0) data = new Uint8Array(0);
  else if (isBytesLike(rt, value)) data = Uint8Array.from(bufLatin1(rt, value), (c) => c.charCodeAt(0));
  else if (isNumberOrStr(rt, value)) {
    return rt.raise('TypeError', 'can assign only bytes, buffers, or iterables of ints in range(0, 256)');
  } else data = bytesFromIterable(rt, value, 'bytearray');
  const [start, stop, step, n] = sliceOf(rt, r, key);
  if (step === 1) {
    baReplace(rt, r, start, Math.max(start, stop), data);
    return;
  }
  if (data.length === 0) {
    // Deleting an extended slice (an empty value deletes too, as in CPython).
    if (n === 0) return;
    const drop = new Set<number>();
    for (let k = 0, i = start; k < n; k++, i += step) drop.add(i);
    const old = baValue(rt, r);
    baReplace(rt, r, 0, old.length, old.filter((_, i) => !drop.has(i)));
    return;
  }
  if (data.length !== n) {
    rt.raise('ValueError', `attempt to assign bytes of size ${data.length} to extended slice of size ${n}`);
  }
  if (rt.containerLocks !== null) return baWriteStrided(rt, r, start, step, data);
  const base = baBase(rt, r);
  for (let k = 0, i = start; k < n; k++, i += step) rt.u8[base + i] = data[k]!;
}

/** Appends the bytes of a bytes-like object or of an iterable of ints (cf. bytearray_extend). */
function baExtend(rt: Runtime, r: Ref, src: Ref): void {
  if (isBytesLike(rt, src)) {
    const add = bufLatin1(rt, src);
    // no-GIL: appended at the end as one locked step (the end is the length at that moment)
    if (rt.containerLocks !== null) return baReplace(rt, r, 0x7fffffff, 0x7fffffff, latin1Bytes(add));
    const n = baLength(rt, r);
    baResize(rt, r, n + add.length);
    const base = baBase(rt, r);
    for (let i = 0; i < add.length; i++) rt.u8[base + n + i] = add.charCodeAt(i);
    return;
  }
  let it: Ref;
  try {
    it = getIter(rt, src);
  } catch (e) {
    if (!(e instanceof PyRaise) || !excMatches(rt, e.exc, 'TypeError')) throw e;
    rt.decref(e.exc);
    return rt.raise('TypeError', `can't extend bytearray with ${rt.typeNameOf(src)}`);
  }
  const out: number[] = [];
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      try {
        out.push(byteValue(rt, x));
      } finally {
        rt.decref(x);
      }
    }
  } finally {
    rt.decref(it);
  }
  const n = baLength(rt, r);
  baReplace(rt, r, n, n, out);
}

function baRepeat(rt: Runtime, r: Ref, count: Ref): Uint8Array {
  const len = baLength(rt, r);
  const v = repeatCount(rt, count, len, 'repeated bytes are too long');
  if (v <= 0 || len === 0) return new Uint8Array(0);
  if (len * v > 0x3fffffff) rt.raise('MemoryError', '');
  const src = baValue(rt, r);
  const out = new Uint8Array(len * v);
  for (let i = 0; i < v; i++) out.set(src, i * len);
  return out;
}

function concatError(rt: Runtime, a: Ref, b: Ref): never {
  return rt.raise('TypeError', `can't concat ${rt.typeNameOf(b)} to ${rt.typeNameOf(a)}`);
}

defineSlots(Kind.BYTEARRAY, {
  dealloc: baDealloc,
  repr(rt, r) {
    if (rt.containerLocks !== null) return `${rt.typeNameOf(r)}(${bytesRepr(baCopyBytes(rt, r), 'b', true)})`;
    const base = baBase(rt, r);
    return `${rt.typeNameOf(r)}(${bytesRepr(rt.u8.subarray(base, base + baLength(rt, r)), 'b', true)})`;
  },
  hash(rt, r) {
    return rt.raise('TypeError', `unhashable type: '${rt.typeNameOf(r)}'`);
  },
  len: baLength,
  bool(rt, r) {
    return baLength(rt, r) !== 0;
  },
  richcompare(rt, a, b, op) {
    if (!isBytesLike(rt, a) || !isBytesLike(rt, b)) return 0;
    const c = compareBytes(rt, a, b);
    return rt.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!);
  },
  getitem(rt, r, key) {
    if (isIndexLike(rt, key)) {
      const raw = asSsize(rt, key);
      if (rt.containerLocks !== null) { // no-GIL: bounds checked and the byte read under the lock
        const v = baGetByte(rt, r, raw);
        return v < 0 ? rt.raise('IndexError', 'bytearray index out of range') : rt.newInt(v);
      }
      return rt.newInt(rt.u8[baBase(rt, r) + itemIndex(rt, r, raw)]!);
    }
    if (rt.kindOf(key) !== Kind.SLICE) badIndex(rt, key);
    const [start, , step, n] = sliceOf(rt, r, key);
    if (rt.containerLocks !== null) { // no-GIL: a copy read under the lock (indices past its end skipped)
      const all = baCopyBytes(rt, r);
      const picked: number[] = [];
      for (let k = 0, i = start; k < n; k++, i += step) if (i >= 0 && i < all.length) picked.push(all[i]!);
      return newByteArray(rt, picked);
    }
    const base = baBase(rt, r);
    const out = new Uint8Array(n);
    for (let k = 0, i = start; k < n; k++, i += step) out[k] = rt.u8[base + i]!;
    return newByteArray(rt, out);
  },
  setitem(rt, r, key, value) {
    assignSubscript(rt, r, key, value);
  },
  delitem(rt, r, key) {
    assignSubscript(rt, r, key, 0);
  },
  contains: bytesContains,
  iter(rt, r) {
    return newSeqIter(rt, r, SeqFlavor.BYTEARRAY);
  },
  add(rt, a, b) {
    if (!isByteArray(rt, a)) return 0;
    if (!isBytesLike(rt, b)) {
      if (userDefines(rt, b, '__radd__')) return 0;
      return concatError(rt, a, b);
    }
    return newByteArrayLatin1(rt, bufLatin1(rt, a) + bufLatin1(rt, b));
  },
  mul(rt, a, b) {
    const [s, n] = isByteArray(rt, a) ? [a, b] : [b, a];
    if (!isIndexLike(rt, n)) {
      if (userDefines(rt, n, s === a ? '__rmul__' : '__mul__')) return 0;
      return rt.raise('TypeError', `can't multiply sequence by non-int of type '${rt.typeNameOf(n)}'`);
    }
    return newByteArray(rt, baRepeat(rt, s, n));
  },
  iadd(rt, a, b) {
    if (!isByteArray(rt, a)) return 0;
    if (!isBytesLike(rt, b)) return concatError(rt, a, b);
    // CPython exports a's buffer to read b, and then cannot resize a (bytearray_iconcat).
    if (a === b && baLength(rt, a) > 0) rt.raise('BufferError', 'Existing exports of data: object cannot be re-sized');
    baExtend(rt, a, b);
    rt.incref(a);
    return a;
  },
  imul(rt, a, b) {
    if (!isByteArray(rt, a)) return 0;
    if (!isIndexLike(rt, b)) return rt.raise('TypeError', `can't multiply sequence by non-int of type '${rt.typeNameOf(b)}'`);
    const data = baRepeat(rt, a, b);
    baReplace(rt, a, 0, baLength(rt, a), data);
    rt.incref(a);
    return a;
  },
  mod: bytesMod,
});

// ================= bytearray(...) =================

/** The initial bytes bytearray(...) and bytearray.__init__ compute from their arguments. */
function initialData(rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null): ArrayLike<number> {
  const [source, encoding, errors] = clinicKeywords(rt, 'bytearray', args, kwargs, ['source', 'encoding', 'errors']);
  let data: ArrayLike<number>;
  if (source === undefined || encoding !== undefined || errors !== undefined) {
    if (encoding !== undefined || errors !== undefined) {
      if (source === undefined || rt.kindOf(source) !== Kind.STR) {
        rt.raise('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
      }
      const enc = encoding === undefined ? 'utf-8' : strArgNamed(rt, 'bytearray', 'encoding', encoding);
      const err = errors === undefined ? 'strict' : strArgNamed(rt, 'bytearray', 'errors', errors);
      const text = rt.strValue(source!);
      data = strSpecCall(rt, () => strEncode(text, enc, err));
    } else data = [];
  } else if (rt.kindOf(source) === Kind.STR) {
    return rt.raise('TypeError', 'string argument without an encoding');
  } else if (isIndexLike(rt, source)) {
    const n = ssizeArg(rt, source);
    if (n < 0) rt.raise('ValueError', 'negative count');
    data = new Uint8Array(n);
  } else if (isBytesLike(rt, source)) {
    data = Uint8Array.from(bufLatin1(rt, source), (c) => c.charCodeAt(0));
  } else data = bytesFromIterable(rt, source, 'bytearray');
  return data;
}

/** As in CPython, a subclass whose class defines __init__ gets an empty object, filled by
 *  bytearray.__init__ when (and if) that __init__ calls it. */
const byteArrayConstructor: Constructor = (rt, type, args, kwargs) => {
  if (type !== rt.types[Kind.BYTEARRAY] && userDefined(rt, type, '__init__') !== 0) return newByteArray(rt, [], type);
  return newByteArray(rt, initialData(rt, args, kwargs), type);
};
defineConstructor(Kind.BYTEARRAY, byteArrayConstructor);
defineStaticMethod(Kind.BYTEARRAY, 'bytearray', '__new__',
  (rt, args, kwargs) => typeNew(rt, Kind.BYTEARRAY, byteArrayConstructor, args, kwargs));

defineMethod(Kind.BYTEARRAY, 'bytearray', '__init__', (rt, args, kwargs, self) => {
  if (!isByteArray(rt, self)) {
    rt.raise('TypeError', `descriptor '__init__' for 'bytearray' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
  }
  const data = initialData(rt, args, kwargs);
  baReplace(rt, self, 0, baLength(rt, self), data);
  return rt.None;
});

// int(bytearray), float(bytearray), int.from_bytes(bytearray) read it through this hook.
setBytesLikeHook((rt, x) => baValue(rt, x));

// ================= mutators =================

function def(name: string, impl: NativeImpl): void {
  defineMethod(Kind.BYTEARRAY, 'bytearray', name, (rt, args, kwargs, self) => {
    if (!isByteArray(rt, self)) {
      rt.raise('TypeError', `descriptor '${name}' for 'bytearray' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
    }
    return impl(rt, args, kwargs, self);
  });
}

/** METH_O / METH_NOARGS argument checks with CPython's messages. */
function exactly(rt: Runtime, name: string, args: Ref[], kwargs: Map<string, Ref> | null, n: 0 | 1): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `bytearray.${name}() takes no keyword arguments`);
  if (args.length !== n) {
    rt.raise('TypeError', n === 0 ? `bytearray.${name}() takes no arguments (${args.length} given)`
      : `bytearray.${name}() takes exactly one argument (${args.length} given)`);
  }
}

def('append', (rt, args, kw, self) => {
  exactly(rt, 'append', args, kw, 1);
  const v = byteValue(rt, args[0]!);
  if (rt.containerLocks !== null) { // no-GIL: grown and stored in one locked step
    baAppendByte(rt, self, v);
    return rt.None;
  }
  const n = baLength(rt, self);
  baResize(rt, self, n + 1);
  rt.u8[baBase(rt, self) + n] = v;
  return rt.None;
});
def('extend', (rt, args, kw, self) => {
  exactly(rt, 'extend', args, kw, 1);
  baExtend(rt, self, args[0]!);
  return rt.None;
});
def('insert', (rt, args, kw, self) => {
  clinicPositional(rt, 'bytearray.insert', 'insert', args, kw, 2, 2);
  let i = ssizeArg(rt, args[0]!);
  const v = byteValue(rt, args[1]!);
  const n = baLength(rt, self);
  if (i < 0) i = Math.max(0, i + n);
  if (i > n) i = n;
  baReplace(rt, self, i, i, [v]);
  return rt.None;
});
def('pop', (rt, args, kw, self) => {
  clinicPositional(rt, 'bytearray.pop', 'pop', args, kw, 0, 1);
  let i = args[0] === undefined ? -1 : ssizeArg(rt, args[0]);
  if (rt.containerLocks !== null) { // no-GIL: read and removed in one locked step
    const v = baPopByte(rt, self, i);
    if (v === -1) rt.raise('IndexError', 'pop from empty bytearray');
    if (v === -2) rt.raise('IndexError', 'pop index out of range');
    return rt.newInt(v);
  }
  const n = baLength(rt, self);
  if (n === 0) rt.raise('IndexError', 'pop from empty bytearray');
  if (i < 0) i += n;
  if (i < 0 || i >= n) rt.raise('IndexError', 'pop index out of range');
  const v = rt.u8[baBase(rt, self) + i]!;
  baReplace(rt, self, i, i + 1, []);
  return rt.newInt(v);
});
def('remove', (rt, args, kw, self) => {
  exactly(rt, 'remove', args, kw, 1);
  const v = byteValue(rt, args[0]!);
  const i = baValue(rt, self).indexOf(v);
  if (i < 0) rt.raise('ValueError', 'value not found in bytearray');
  baReplace(rt, self, i, i + 1, []);
  return rt.None;
});
def('clear', (rt, args, kw, self) => {
  exactly(rt, 'clear', args, kw, 0);
  baResize(rt, self, 0);
  return rt.None;
});
def('reverse', (rt, args, kw, self) => {
  exactly(rt, 'reverse', args, kw, 0);
  if (rt.containerLocks !== null) {
    baWriteStrided(rt, self, 0, 1, null);
    return rt.None;
  }
  const base = baBase(rt, self);
  rt.u8.subarray(base, base + baLength(rt, self)).reverse();
  return rt.None;
});
def('copy', (rt, args, kw, self) => {
  exactly(rt, 'copy', args, kw, 0);
  return newByteArray(rt, baValue(rt, self));
});

// ---- dunders as slot wrappers ----

function defWrapper(name: string, nargs: number, impl: (rt: Runtime, self: Ref, args: Ref[]) => Ref): void {
  defineMethod(Kind.BYTEARRAY, 'bytearray', name, (rt, args, kwargs, self) => {
    if (!isByteArray(rt, self)) {
      rt.raise('TypeError', `descriptor '${name}' requires a 'bytearray' object but received a '${rt.typeNameOf(self)}'`);
    }
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `wrapper ${name}() takes no keyword arguments`);
    if (args.length !== nargs) rt.raise('TypeError', `expected ${nargs} argument${nargs === 1 ? '' : 's'}, got ${args.length}`);
    return impl(rt, self, args);
  });
}
defWrapper('__len__', 0, (rt, self) => rt.newInt(baLength(rt, self)));
defWrapper('__getitem__', 1, (rt, self, [k]) => SLOTS[Kind.BYTEARRAY]!.getitem!(rt, self, k!));
defWrapper('__setitem__', 2, (rt, self, [k, v]) => {
  assignSubscript(rt, self, k!, v!);
  return rt.None;
});
defWrapper('__delitem__', 1, (rt, self, [k]) => {
  assignSubscript(rt, self, k!, 0);
  return rt.None;
});
defWrapper('__contains__', 1, (rt, self, [x]) => rt.bool(bytesContains(rt, self, x!)));
defWrapper('__iadd__', 1, (rt, self, [x]) => SLOTS[Kind.BYTEARRAY]!.iadd!(rt, self, x!) as Ref);
defWrapper('__imul__', 1, (rt, self, [x]) => SLOTS[Kind.BYTEARRAY]!.imul!(rt, self, x!) as Ref);
