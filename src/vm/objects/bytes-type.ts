/** bytes: slots, the constructor, and the methods bytes and bytearray share (cf. CPython bytesobject.c,
 *  bytes_methods.c). The search and split methods run the str helpers over latin-1 JS strings (one
 *  char per byte). bytearray's own slots and mutators are in bytearray-type.ts. */
import type { Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { getAttr } from './attrs.js';
import {
  BYTES_HASH, bufLatin1, bufLength, bytesAt, bytesLatin1, bytesLength, bytesRepr, bytesValue, isBytesLike, newBytes,
  newBytesLatin1, newBytesOfType,
} from './bytes.js';
import { newByteArray, newByteArrayLatin1 } from './bytearray.js';
import { callObject } from '../interp/call.js';
import { defineConstructor, type Constructor } from './constructors.js';
import { excMatches } from './exceptions.js';
import { Kind } from './kinds.js';
import { listItems, listItemsRef, listSteal } from './list.js';
import type { NativeImpl } from './native.js';
import { getItem, getIter, indexValue, isHeapInstance, iterNext, len as lenOf, truthy } from './protocols.js';
import { asDouble } from './float.js';
import { percentFormat, type PercentFormatHost } from './format-spec.js';
import { floatToInt as floatToIntValue } from './int-ops.js';
import { PyErrorSpec } from './py-error-spec.js';
import { newSeqIter, SeqFlavor } from './iterators.js';
import { asSsize, isIndexLike, sliceIndices } from './slice.js';
import { defineSlots, SLOTS } from './slots.js';
import {
  bytesDecode, strCenter, strCount, strEncode, strEndswith, strExpandtabs, strFind, strHash, strLjust, strPartition,
  strReplace, strRfind, strRjust, strRpartition, strStartswith, strZfill,
} from './str-ops.js';
import {
  asciiOf, clinicKeywords, clinicPositional, repeatCount, sliceIndexArg, strSpecCall, ssizeArg, strArgNamed, tuplePositional, typeNew,
} from './str.js';
import { tupleItems, tupleSteal } from './tuple.js';
import { defineClassMethod, defineMethod, defineStaticMethod, intern, typeLookup } from './type.js';

const isBytes = (rt: Runtime, r: Ref): boolean => rt.kindOf(r) === Kind.BYTES;


export function userDefines(rt: Runtime, r: Ref, dunder: string): boolean {
  if (!isHeapInstance(rt, r)) return false;
  const name = intern(rt, dunder);
  const found = typeLookup(rt, rt.typeOf(r), name) !== 0;
  rt.decref(name);
  return found;
}

/** A bytes-like argument as a latin-1 string, or TypeError `a bytes-like object is required, not 'str'`. */
export function bytesLike(rt: Runtime, r: Ref): string {
  if (!isBytesLike(rt, r)) rt.raise('TypeError', `a bytes-like object is required, not '${rt.typeNameOf(r)}'`);
  return bufLatin1(rt, r);
}

/** A new object of self's built-in kind (bytes or bytearray, never a subclass) from a latin-1 string. */
export function newLike(rt: Runtime, self: Ref, s: string): Ref {
  return rt.kindOf(self) === Kind.BYTEARRAY ? newByteArrayLatin1(rt, s) : newBytesLatin1(rt, s);
}

const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

// ================= slots =================

function bytesMul(rt: Runtime, a: Ref, b: Ref): Ref | 0 {
  const [s, n] = isBytes(rt, a) ? [a, b] : [b, a];
  if (!isIndexLike(rt, n)) {
    if (userDefines(rt, n, s === a ? '__rmul__' : '__mul__')) return 0;
    return rt.raise('TypeError', `can't multiply sequence by non-int of type '${rt.typeNameOf(n)}'`);
  }
  const v = repeatCount(rt, n, bytesLength(rt, s), 'repeated bytes are too long');
  if (v === 1 && rt.typeOf(s) === rt.types[Kind.BYTES]) {
    rt.incref(s);
    return s;
  }
  const len = bytesLength(rt, s);
  if (v <= 0 || len === 0) return newBytes(rt, new Uint8Array(0));
  if (len * v > 0x3fffffff) return rt.raise('MemoryError', '');
  const src = bytesValue(rt, s);
  const out = new Uint8Array(len * v);
  for (let i = 0; i < v; i++) out.set(src, i * len);
  return newBytes(rt, out);
}

function bytesGetItem(rt: Runtime, r: Ref, key: Ref): Ref {
  const len = bytesLength(rt, r);
  if (rt.kindOf(key) === Kind.SLICE) {
    const [start, , step, n] = sliceIndices(rt, key, len);
    if (n === len && step === 1 && rt.typeOf(r) === rt.types[Kind.BYTES]) {
      rt.incref(r);
      return r;
    }
    const out = new Uint8Array(Math.max(n, 0));
    for (let k = 0, i = start; k < n; k++, i += step) out[k] = bytesAt(rt, r, i);
    return newBytes(rt, out);
  }
  if (!isIndexLike(rt, key)) rt.raise('TypeError', `byte indices must be integers or slices, not ${rt.typeNameOf(key)}`);
  const v = asSsize(rt, key);
  const i = v < 0 ? v + len : v;
  if (i < 0 || i >= len) rt.raise('IndexError', 'index out of range');
  return rt.newInt(bytesAt(rt, r, i));
}

export function bytesContains(rt: Runtime, r: Ref, item: Ref): boolean {
  if (isIndexLike(rt, item)) {
    const v = indexValue(rt, item);
    if (typeof v === 'bigint' || v < 0 || v > 255) rt.raise('ValueError', 'byte must be in range(0, 256)');
    return bufLatin1(rt, r).includes(String.fromCharCode(v));
  }
  return bufLatin1(rt, r).includes(bytesLike(rt, item));
}

/** Compares two bytes-like objects as CPython's bytes_richcompare does (bytewise, then by length). */
export function compareBytes(rt: Runtime, a: Ref, b: Ref): number {
  const x = bufLatin1(rt, a);
  const y = bufLatin1(rt, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

defineSlots(Kind.BYTES, {
  repr(rt, r) {
    const n = bytesLength(rt, r);
    return bytesRepr(rt.u8.subarray(r + 24, r + 24 + n));
  },
  hash(rt, r) {
    const i = (r + BYTES_HASH) >> 2;
    let h = rt.i32[i]!;
    if (h === 0) {
      // The str hash of the same code points: hash(b'abc') == hash('abc'), as in CPython.
      h = strHash(bytesLatin1(rt, r)) | 0;
      if (h === 0) h = 1;
      rt.i32[i] = h;
    }
    return h;
  },
  len(rt, r) {
    return bytesLength(rt, r);
  },
  bool(rt, r) {
    return bytesLength(rt, r) !== 0;
  },
  richcompare(rt, a, b, op) {
    if (!isBytesLike(rt, b)) return 0;
    const c = compareBytes(rt, a, b);
    return rt.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!);
  },
  getitem: bytesGetItem,
  contains: bytesContains,
  iter(rt, r) {
    // The generic sequence iterator: bytes[i] for i = 0, 1, ... until IndexError.
    return newSeqIter(rt, r, SeqFlavor.BYTES);
  },
  add(rt, a, b) {
    if (!isBytes(rt, a)) return 0;
    if (!isBytesLike(rt, b)) {
      if (userDefines(rt, b, '__radd__')) return 0;
      return rt.raise('TypeError', `can't concat ${rt.typeNameOf(b)} to ${rt.typeNameOf(a)}`);
    }
    // cf. bytes_concat: an empty operand gives the other back when that one is an exact bytes.
    for (const [x, y] of [[a, b], [b, a]]) {
      if (bufLength(rt, x!) === 0 && rt.typeOf(y!) === rt.types[Kind.BYTES]) {
        rt.incref(y!);
        return y!;
      }
    }
    return newBytesLatin1(rt, bytesLatin1(rt, a) + bufLatin1(rt, b));
  },
  mul: bytesMul,
});

// ================= bytes(...) =================

const bytesConstructor: Constructor = (rt, type, args, kwargs) => {
  const [source, encoding, errors] = clinicKeywords(rt, 'bytes', args, kwargs, ['source', 'encoding', 'errors']);
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) {
      rt.raise('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    }
    return newBytesOfType(rt, type, new Uint8Array(0));
  }
  if (encoding !== undefined || errors !== undefined) {
    if (rt.kindOf(source) !== Kind.STR) {
      rt.raise('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    }
    const enc = encoding === undefined ? 'utf-8' : strArgNamed(rt, 'bytes', 'encoding', encoding);
    const err = errors === undefined ? 'strict' : strArgNamed(rt, 'bytes', 'errors', errors);
    return newBytesOfType(rt, type, strSpecCall(rt, () => strEncode(rt.strValue(source), enc, err)));
  }
  if (rt.kindOf(source) === Kind.STR) rt.raise('TypeError', 'string argument without an encoding');
  if (userDefines(rt, source, '__bytes__')) {
    const name = intern(rt, '__bytes__');
    const m = getAttr(rt, source, name);
    rt.decref(name);
    let res: Ref;
    try {
      res = callObject(rt, m, []);
    } finally {
      rt.decref(m);
    }
    if (!isBytes(rt, res)) {
      const tn = rt.typeNameOf(res);
      rt.decref(res);
      rt.raise('TypeError', `__bytes__ returned non-bytes (type ${tn})`);
    }
    if (type === rt.types[Kind.BYTES]) return res;
    const copy = newBytesOfType(rt, type, bytesValue(rt, res));
    rt.decref(res);
    return copy;
  }
  if (isIndexLike(rt, source)) {
    const n = ssizeArg(rt, source);
    if (n < 0) rt.raise('ValueError', 'negative count');
    return newBytesOfType(rt, type, new Uint8Array(n));
  }
  if (isBytesLike(rt, source)) {
    if (type === rt.types[Kind.BYTES] && rt.typeOf(source) === type) {
      rt.incref(source);
      return source;
    }
    return newBytesOfType(rt, type, bytesValue(rt, source));
  }
  return newBytesOfType(rt, type, bytesFromIterable(rt, source, 'bytes'));
};
defineConstructor(Kind.BYTES, bytesConstructor);
defineStaticMethod(Kind.BYTES, 'bytes', '__new__', (rt, args, kwargs) => typeNew(rt, Kind.BYTES, bytesConstructor, args, kwargs));

/** The ints of an iterable as bytes (for bytes(...): `bytes must be in range(0, 256)`, for
 *  bytearray(...): `byte must be...`). */
export function bytesFromIterable(rt: Runtime, source: Ref, what: 'bytes' | 'bytearray'): Uint8Array {
  const k = rt.kindOf(source);
  const toByte = (x: Ref): number => {
    const v = indexValue(rt, x);
    if (typeof v === 'bigint' || v < 0 || v > 255) rt.raise('ValueError', `${what === 'bytes' ? 'bytes' : 'byte'} must be in range(0, 256)`);
    return v as number;
  };
  if (k === Kind.LIST && rt.containerLocks !== null) { // no-GIL: read and counted under the list's lock
    const items = listItemsRef(rt, source);
    try {
      return Uint8Array.from(items, toByte);
    } finally {
      for (const x of items) rt.decref(x);
    }
  }
  if (k === Kind.LIST || k === Kind.TUPLE) {
    const items = k === Kind.LIST ? listItems(rt, source) : tupleItems(rt, source);
    return Uint8Array.from(items, toByte);
  }
  let it: Ref;
  try {
    it = getIter(rt, source);
  } catch (e) {
    if (e instanceof PyRaise && excMatches(rt, e.exc, 'TypeError')) {
      rt.decref(e.exc);
      rt.raise('TypeError', `cannot convert '${rt.typeNameOf(source)}' object to ${what}`);
    }
    throw e;
  }
  const out: number[] = [];
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      try {
        out.push(toByte(x));
      } finally {
        rt.decref(x);
      }
    }
  } finally {
    rt.decref(it);
  }
  return Uint8Array.from(out);
}

// ================= methods =================

type BytesImpl = (rt: Runtime, s: string, args: Ref[], self: Ref, kwargs: Map<string, Ref> | null) => Ref;

const tname = (rt: Runtime, self: Ref): string => (rt.kindOf(self) === Kind.BYTEARRAY ? 'bytearray' : 'bytes');

/** A method of both bytes and bytearray, working on self's bytes as a latin-1 string. */
function def(name: string, impl: BytesImpl): void {
  for (const [kind, tn] of [[Kind.BYTES, 'bytes'], [Kind.BYTEARRAY, 'bytearray']] as const) {
    const native: NativeImpl = (rt, args, kwargs, self) => {
      if (rt.kindOf(self) !== kind) {
        rt.raise('TypeError', `descriptor '${name}' for '${tn}' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
      }
      return impl(rt, bufLatin1(rt, self), args, self, kwargs);
    };
    defineMethod(kind, tn, name, native);
  }
}

function defNoArgs(name: string, impl: (rt: Runtime, s: string, self: Ref) => Ref): void {
  def(name, (rt, s, args, self, kwargs) => {
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${tname(rt, self)}.${name}() takes no keyword arguments`);
    if (args.length > 0) rt.raise('TypeError', `${tname(rt, self)}.${name}() takes no arguments (${args.length} given)`);
    return impl(rt, s, self);
  });
}

/** The same bytes object when nothing changed (exact bytes only), else a new bytes or bytearray. */
function bytesResult(rt: Runtime, self: Ref, before: string, out: string): Ref {
  if (out === before && rt.typeOf(self) === rt.types[Kind.BYTES]) {
    rt.incref(self);
    return self;
  }
  return newLike(rt, self, out);
}

def('decode', (rt, s, args, _self, kwargs) => {
  const [encoding, errors] = clinicKeywords(rt, 'decode', args, kwargs, ['encoding', 'errors']);
  const enc = encoding === undefined ? 'utf-8' : strArgNamed(rt, 'decode', 'encoding', encoding);
  const err = errors === undefined ? 'strict' : strArgNamed(rt, 'decode', 'errors', errors);
  const data = Uint8Array.from(s, (c) => c.charCodeAt(0));
  return rt.newStr(strSpecCall(rt, () => bytesDecode(data, enc, err)));
});

def('hex', (rt, s, args, _self, kwargs) => {
  const [sepArg, perArg] = clinicKeywords(rt, 'hex', args, kwargs, ['sep', 'bytes_per_sep']);
  const digits = Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
  if (sepArg === undefined) return rt.newStr(digits.join(''));
  let sep: string;
  if (rt.kindOf(sepArg) === Kind.STR) sep = rt.strValue(sepArg);
  else if (isBytesLike(rt, sepArg)) sep = bufLatin1(rt, sepArg);
  else {
    // cf. _Py_strhex_impl: the length is asked for first.
    if (lenOf(rt, sepArg) !== 1) rt.raise('ValueError', 'sep must be length 1.');
    return rt.raise('TypeError', 'sep must be str or bytes.');
  }
  if (sep.length !== 1) rt.raise('ValueError', 'sep must be length 1.');
  if (sep.charCodeAt(0) > 127) rt.raise('ValueError', 'sep must be ASCII.');
  const per = perArg === undefined ? 1 : ssizeArg(rt, perArg);
  if (per === 0 || digits.length === 0) return rt.newStr(digits.join(''));
  const n = Math.abs(per);
  const groups: string[] = [];
  if (per > 0) {
    // Groups count from the right.
    let end = digits.length;
    while (end > 0) {
      groups.unshift(digits.slice(Math.max(0, end - n), end).join(''));
      end -= n;
    }
  } else {
    for (let i = 0; i < digits.length; i += n) groups.push(digits.slice(i, i + n).join(''));
  }
  return rt.newStr(groups.join(sep));
});

const fromhex = (tn: string): NativeImpl => (rt, args, kwargs, cls) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${tn}.fromhex() takes no keyword arguments`);
  if (args.length !== 1) rt.raise('TypeError', `${tn}.fromhex() takes exactly one argument (${args.length} given)`);
  const a = args[0]!;
  if (rt.kindOf(a) !== Kind.STR) rt.raise('TypeError', `fromhex() argument must be str, not ${rt.typeNameOf(a)}`);
  const s = rt.strValue(a);
  const out: number[] = [];
  const hexval = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57
    : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);
  let i = 0;
  while (i < s.length) {
    if (isAsciiSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const hi = hexval(s.charCodeAt(i));
    if (hi < 0) rt.raise('ValueError', `non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = i + 1 < s.length ? hexval(s.charCodeAt(i + 1)) : -1;
    if (lo < 0) rt.raise('ValueError', `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  const data = Uint8Array.from(out);
  if (cls === rt.types[Kind.BYTES]) return newBytes(rt, data);
  if (cls === rt.types[Kind.BYTEARRAY]) return newByteArray(rt, data);
  const tmp = tn === 'bytes' ? newBytes(rt, data) : newByteArray(rt, data);
  try {
    return callObject(rt, cls, [tmp]);
  } finally {
    rt.decref(tmp);
  }
};
defineClassMethod(Kind.BYTES, 'bytes', 'fromhex', fromhex('bytes'));
defineClassMethod(Kind.BYTEARRAY, 'bytearray', 'fromhex', fromhex('bytearray'));

/** A search argument of find/count/index: an int in range(256) or bytes. */
export function subArg(rt: Runtime, r: Ref): string {
  if (isBytesLike(rt, r)) return bufLatin1(rt, r);
  if (isIndexLike(rt, r)) {
    const v = indexValue(rt, r);
    if (typeof v === 'bigint' || v < 0 || v > 255) rt.raise('ValueError', 'byte must be in range(0, 256)');
    return String.fromCharCode(v as number);
  }
  return rt.raise('TypeError', `argument should be integer or bytes-like object, not '${rt.typeNameOf(r)}'`);
}

function findArgs(rt: Runtime, self: Ref, name: string, args: Ref[], kwargs: Map<string, Ref> | null): [string, number | null, number | null] {
  tuplePositional(rt, `${tname(rt, self)}.${name}`, name, args, kwargs, 1, 3);
  return [subArg(rt, args[0]!), sliceIndexArg(rt, args[1]), sliceIndexArg(rt, args[2])];
}

def('find', (rt, s, args, self, kw) => rt.newInt(strFind(s, ...findArgs(rt, self, 'find', args, kw))));
def('rfind', (rt, s, args, self, kw) => rt.newInt(strRfind(s, ...findArgs(rt, self, 'rfind', args, kw))));
def('index', (rt, s, args, self, kw) => {
  const i = strFind(s, ...findArgs(rt, self, 'index', args, kw));
  if (i < 0) rt.raise('ValueError', 'subsection not found');
  return rt.newInt(i);
});
def('rindex', (rt, s, args, self, kw) => {
  const i = strRfind(s, ...findArgs(rt, self, 'rindex', args, kw));
  if (i < 0) rt.raise('ValueError', 'subsection not found');
  return rt.newInt(i);
});
def('count', (rt, s, args, self, kw) => rt.newInt(strCount(s, ...findArgs(rt, self, 'count', args, kw))));

for (const [name, f] of [['startswith', strStartswith], ['endswith', strEndswith]] as const) {
  def(name, (rt, s, args, self, kw) => {
    tuplePositional(rt, `${tname(rt, self)}.${name}`, name, args, kw, 1, 3);
    const x = args[0]!;
    const start = sliceIndexArg(rt, args[1]);
    const end = sliceIndexArg(rt, args[2]);
    if (rt.isInstanceOfKind(x, Kind.TUPLE)) {
      for (const p of tupleItems(rt, x)) {
        if (f(s, bytesLike(rt, p), start, end)) return rt.True;
      }
      return rt.False;
    }
    if (!isBytesLike(rt, x)) {
      rt.raise('TypeError', `${name} first arg must be bytes or a tuple of bytes, not ${rt.typeNameOf(x)}`);
    }
    return rt.bool(f(s, bufLatin1(rt, x), start, end));
  });
}

// ---- split, join, replace, strip ----

/** bytes.split without a separator: runs of ASCII whitespace (cf. stringlib split_whitespace). */
function splitWhitespace(s: string, max: number, fromRight: boolean): string[] {
  const out: string[] = [];
  if (!fromRight) {
    let i = 0;
    const n = s.length;
    while (max-- !== 0) {
      while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
      if (i === n) return out;
      const j = i;
      while (i < n && !isAsciiSpace(s.charCodeAt(i))) i++;
      out.push(s.slice(j, i));
    }
    while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
    if (i < n) out.push(s.slice(i));
    return out;
  }
  let i = s.length - 1;
  while (max-- !== 0) {
    while (i >= 0 && isAsciiSpace(s.charCodeAt(i))) i--;
    if (i < 0) return out.reverse();
    const j = i;
    while (i >= 0 && !isAsciiSpace(s.charCodeAt(i))) i--;
    out.push(s.slice(i + 1, j + 1));
  }
  while (i >= 0 && isAsciiSpace(s.charCodeAt(i))) i--;
  if (i >= 0) out.push(s.slice(0, i + 1));
  return out.reverse();
}

function splitBy(s: string, sep: string, max: number, fromRight: boolean): string[] {
  if (sep.length === 0) throw new PyErrorSpec('ValueError', 'empty separator');
  if (!fromRight) {
    const out: string[] = [];
    let i = 0;
    while (max-- !== 0) {
      const j = s.indexOf(sep, i);
      if (j < 0) break;
      out.push(s.slice(i, j));
      i = j + sep.length;
    }
    out.push(s.slice(i));
    return out;
  }
  const out: string[] = [];
  let j = s.length;
  while (max-- !== 0) {
    const at = j - sep.length < 0 ? -1 : s.lastIndexOf(sep, j - sep.length);
    if (at < 0) break;
    out.push(s.slice(at + sep.length, j));
    j = at;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

/** A part of self's bytes `s`: self itself when it is the whole of an exact bytes (as CPython returns it). */
function partOf(rt: Runtime, self: Ref, s: string, p: string): Ref {
  if (p.length === s.length && rt.typeOf(self) === rt.types[Kind.BYTES]) {
    rt.incref(self);
    return self;
  }
  return newLike(rt, self, p);
}

function bytesList(rt: Runtime, self: Ref, parts: string[]): Ref {
  if (parts.length === 1) return listSteal(rt, [partOf(rt, self, bufLatin1(rt, self), parts[0]!)]);
  return listSteal(rt, parts.map((p) => newLike(rt, self, p)));
}

for (const [name, fromRight] of [['split', false], ['rsplit', true]] as const) {
  def(name, (rt, s, args, self, kwargs) => {
    const [sepArg, maxArg] = clinicKeywords(rt, name, args, kwargs, ['sep', 'maxsplit']);
    let max = maxArg === undefined ? -1 : ssizeArg(rt, maxArg);
    if (max < 0) max = -1;
    if (sepArg === undefined || sepArg === rt.None) return bytesList(rt, self, splitWhitespace(s, max, fromRight));
    const sep = bytesLike(rt, sepArg);
    return bytesList(rt, self, strSpecCall(rt, () => splitBy(s, sep, max, fromRight)));
  });
}

for (const [name, f] of [['partition', strPartition], ['rpartition', strRpartition]] as const) {
  def(name, (rt, s, args, self, kw) => {
    tuplePositional(rt, `${tname(rt, self)}.${name}`, name, args, kw, 1, 1);
    const sep = bytesLike(rt, args[0]!);
    const parts = strSpecCall(rt, () => f(s, sep));
    return tupleSteal(rt, parts.map((p) => partOf(rt, self, s, p)));
  });
}

def('join', (rt, sep, args, self, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${tname(rt, self)}.join() takes no keyword arguments`);
  if (args.length !== 1) rt.raise('TypeError', `${tname(rt, self)}.join() takes exactly one argument (${args.length} given)`);
  const items: Ref[] = [];
  let it: Ref;
  try {
    it = getIter(rt, args[0]!);
  } catch (e) {
    if (!(e instanceof PyRaise) || !excMatches(rt, e.exc, 'TypeError')) throw e;
    rt.decref(e.exc);
    return rt.raise('TypeError', 'can only join an iterable');
  }
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) items.push(x);
    if (items.length === 1 && rt.typeOf(items[0]!) === rt.types[Kind.BYTES] && rt.kindOf(self) === Kind.BYTES) {
      rt.incref(items[0]!);
      return items[0]!;
    }
    const parts: string[] = [];
    items.forEach((x, i) => {
      if (!isBytesLike(rt, x)) {
        rt.raise('TypeError', `sequence item ${i}: expected a bytes-like object, ${rt.typeNameOf(x)} found`);
      }
      parts.push(bufLatin1(rt, x));
    });
    return newLike(rt, self, parts.join(sep));
  } finally {
    rt.decref(it);
    for (const x of items) rt.decref(x);
  }
});

def('replace', (rt, s, args, self, kw) => {
  clinicPositional(rt, `${tname(rt, self)}.replace`, 'replace', args, kw, 2, 3);
  const old = bytesLike(rt, args[0]!);
  const rep = bytesLike(rt, args[1]!);
  const count = args[2] === undefined ? -1 : ssizeArg(rt, args[2]);
  return bytesResult(rt, self, s, strReplace(s, old, rep, count));
});

for (const [name, left, right] of [['strip', true, true], ['lstrip', true, false], ['rstrip', false, true]] as const) {
  def(name, (rt, s, args, self, kw) => {
    clinicPositional(rt, `${tname(rt, self)}.${name}`, name, args, kw, 0, 1);
    const a = args[0];
    const strip = a === undefined || a === rt.None ? null : bytesLike(rt, a);
    const inSet = (c: number): boolean => (strip === null ? isAsciiSpace(c) : strip.includes(String.fromCharCode(c)));
    let i = 0;
    let j = s.length;
    if (left) while (i < j && inSet(s.charCodeAt(i))) i++;
    if (right) while (j > i && inSet(s.charCodeAt(j - 1))) j--;
    return bytesResult(rt, self, s, s.slice(i, j));
  });
}

for (const [name, prefix] of [['removeprefix', true], ['removesuffix', false]] as const) {
  def(name, (rt, s, args, self, kw) => {
    tuplePositional(rt, `${tname(rt, self)}.${name}`, name, args, kw, 1, 1);
    const p = bytesLike(rt, args[0]!);
    let out = s;
    if (p.length > 0 && prefix && s.startsWith(p)) out = s.slice(p.length);
    else if (p.length > 0 && !prefix && s.endsWith(p)) out = s.slice(0, s.length - p.length);
    return bytesResult(rt, self, s, out);
  });
}

// ---- ASCII case and predicates ----

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const mapBytes = (s: string, f: (c: number, i: number, prev: number) => number): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(f(s.charCodeAt(i), i, i > 0 ? s.charCodeAt(i - 1) : -1));
  return out;
};
const toUpper = (c: number): number => (isLower(c) ? c - 32 : c);
const toLower = (c: number): number => (isUpper(c) ? c + 32 : c);

defNoArgs('upper', (rt, s, self) => newLike(rt, self, mapBytes(s, toUpper)));
defNoArgs('lower', (rt, s, self) => newLike(rt, self, mapBytes(s, toLower)));
defNoArgs('swapcase', (rt, s, self) => newLike(rt, self, mapBytes(s, (c) => (isLower(c) ? c - 32 : toLower(c)))));
defNoArgs('capitalize', (rt, s, self) => newLike(rt, self, mapBytes(s, (c, i) => (i === 0 ? toUpper(c) : toLower(c)))));
defNoArgs('title', (rt, s, self) => {
  let prevCased = false;
  const out = mapBytes(s, (c) => {
    const r = prevCased ? toLower(c) : toUpper(c);
    prevCased = isLower(c) || isUpper(c);
    return r;
  });
  return newLike(rt, self, out);
});

const all = (s: string, f: (c: number) => boolean): boolean => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!f(s.charCodeAt(i))) return false;
  return true;
};
defNoArgs('isdigit', (rt, s) => rt.bool(all(s, isDigit)));
defNoArgs('isalpha', (rt, s) => rt.bool(all(s, (c) => isLower(c) || isUpper(c))));
defNoArgs('isalnum', (rt, s) => rt.bool(all(s, (c) => isLower(c) || isUpper(c) || isDigit(c))));
defNoArgs('isspace', (rt, s) => rt.bool(all(s, isAsciiSpace)));
defNoArgs('isascii', (rt, s) => rt.bool(s.length === 0 || all(s, (c) => c < 128)));
defNoArgs('istitle', (rt, s) => {
  // cf. bytes_methods.c _Py_bytes_istitle
  let cased = false;
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpper(c)) {
      if (prevCased) return rt.False;
      prevCased = true;
      cased = true;
    } else if (isLower(c)) {
      if (!prevCased) return rt.False;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return rt.bool(cased);
});
defNoArgs('islower', (rt, s) => {
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpper(c)) return rt.False;
    if (isLower(c)) cased = true;
  }
  return rt.bool(cased);
});
defNoArgs('isupper', (rt, s) => {
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLower(c)) return rt.False;
    if (isUpper(c)) cased = true;
  }
  return rt.bool(cased);
});

// ---- dunders as slot wrappers ----

function defWrapper(name: string, nargs: number, impl: (rt: Runtime, self: Ref, args: Ref[]) => Ref): void {
  defineMethod(Kind.BYTES, 'bytes', name, (rt, args, kwargs, self) => {
    if (!isBytes(rt, self)) {
      rt.raise('TypeError', `descriptor '${name}' requires a 'bytes' object but received a '${rt.typeNameOf(self)}'`);
    }
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `wrapper ${name}() takes no keyword arguments`);
    if (args.length !== nargs) rt.raise('TypeError', `expected ${nargs} argument${nargs === 1 ? '' : 's'}, got ${args.length}`);
    return impl(rt, self, args);
  });
}
defWrapper('__len__', 0, (rt, self) => rt.newInt(bytesLength(rt, self)));
defWrapper('__getitem__', 1, (rt, self, [k]) => bytesGetItem(rt, self, k!));
defWrapper('__contains__', 1, (rt, self, [x]) => rt.bool(bytesContains(rt, self, x!)));
defWrapper('__bytes__', 0, (rt, self) => {
  if (rt.typeOf(self) === rt.types[Kind.BYTES]) {
    rt.incref(self);
    return self;
  }
  return newBytes(rt, bytesValue(rt, self));
});

// ---- splitlines, padding, expandtabs ----

def('splitlines', (rt, s, args, self, kwargs) => {
  const [keepArg] = clinicKeywords(rt, 'splitlines', args, kwargs, ['keepends']);
  const keep = keepArg === undefined ? false : truthy(rt, keepArg);
  // Only \n, \r and \r\n end a line in bytes (cf. stringlib/split.h STRINGLIB_SPLITLINES with ASCII).
  const parts: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
    let eol = j;
    if (j < s.length) eol = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
    parts.push(s.slice(i, keep ? eol : j));
    i = eol;
  }
  return bytesList(rt, self, parts);
});

/** The fill byte of center/ljust/rjust: a bytes-like of length 1. */
function fillArg(rt: Runtime, name: string, r: Ref | undefined): string {
  if (r === undefined) return ' ';
  if (isBytesLike(rt, r) && bufLength(rt, r) === 1) return bufLatin1(rt, r);
  return rt.raise('TypeError', `${name}() argument 2 must be a byte string of length 1, not ${rt.typeNameOf(r)}`);
}

for (const [name, f] of [['center', strCenter], ['ljust', strLjust], ['rjust', strRjust]] as const) {
  def(name, (rt, s, args, self, kw) => {
    clinicPositional(rt, `${tname(rt, self)}.${name}`, name, args, kw, 1, 2);
    const width = ssizeArg(rt, args[0]!);
    const fill = fillArg(rt, name, args[1]);
    return bytesResult(rt, self, s, f(s, width, fill));
  });
}
def('zfill', (rt, s, args, self, kw) => {
  clinicPositional(rt, `${tname(rt, self)}.zfill`, 'zfill', args, kw, 1, 1);
  return bytesResult(rt, self, s, strZfill(s, ssizeArg(rt, args[0]!)));
});
def('expandtabs', (rt, s, args, self, kwargs) => {
  const [size] = clinicKeywords(rt, 'expandtabs', args, kwargs, ['tabsize']);
  return newLike(rt, self, strExpandtabs(s, size === undefined ? 8 : ssizeArg(rt, size)));
});

// ---- bytes % args (cf. bytesobject.c _PyBytes_FormatEx) ----

/** `fmt % args` for a bytes or bytearray template, as a latin-1 string. */
export function bytesPercent(rt: Runtime, fmt: string, args: Ref): string {
  const owned: Ref[] = [];
  const bytesOf = (x: Ref): string => {
    if (isBytesLike(rt, x)) return bufLatin1(rt, x);
    if (userDefines(rt, x, '__bytes__')) {
      const b = callObject(rt, rt.types[Kind.BYTES]!, [x]);
      owned.push(b);
      return bufLatin1(rt, b);
    }
    return rt.raise('TypeError',
      `%b requires a bytes-like object, or an object that implements __bytes__, not '${rt.typeNameOf(x)}'`);
  };
  const host: PercentFormatHost<Ref> = {
    tupleItems: (x) => (rt.isInstanceOfKind(x, Kind.TUPLE) ? tupleItems(rt, x) : null),
    isMapping: (x) => {
      const k = rt.kindOf(x);
      if (k === Kind.STR || k === Kind.BYTEARRAY) return false;
      return SLOTS[k]!.getitem !== undefined || userDefines(rt, x, '__getitem__');
    },
    getItem(mapping, key) {
      const k = newBytesLatin1(rt, key);
      try {
        const v = getItem(rt, mapping, k);
        owned.push(v);
        return v;
      } finally {
        rt.decref(k);
      }
    },
    str: bytesOf,
    repr: (x) => asciiOf(rt, x),
    ascii: (x) => asciiOf(rt, x),
    typeName: (x) => rt.typeNameOf(x),
    intValue: (x) => (rt.isInstanceOfKind(x, Kind.INT) ? rt.intValue(x) : null),
    // Only bytes count as "strings" here: they are never a mapping of keys.
    strValue: (x) => (isBytes(rt, x) ? bytesLatin1(rt, x) : null),
    toInt(x, how) {
      if (how === 'int' && rt.kindOf(x) === Kind.FLOAT) return strSpecCall(rt, () => floatToIntValue(rt.floatValue(x)));
      return isIndexLike(rt, x) ? indexValue(rt, x) : null;
    },
    toFloat(x) {
      const k = rt.kindOf(x);
      return k === Kind.FLOAT || k === Kind.INT || k === Kind.BOOL || isIndexLike(rt, x) ? asDouble(rt, x) : null;
    },
    bytesMode: {
      formatChar(x) {
        if (isBytesLike(rt, x) && bufLength(rt, x) === 1) return bufLatin1(rt, x);
        if (rt.isInstanceOfKind(x, Kind.INT)) {
          const v = rt.intValue(x);
          if (v < 0 || v > 255) rt.raise('OverflowError', '%c arg not in range(256)');
          return String.fromCharCode(Number(v));
        }
        return rt.raise('TypeError', '%c requires an integer in range(256) or a single byte');
      },
    },
  };
  try {
    return percentFormat(fmt, args, host);
  } catch (e) {
    if (e instanceof PyErrorSpec) {
      // The shared formatter words two errors as str % does; bytes % words them so.
      let msg = e.pyMessage;
      if (msg === 'not all arguments converted during string formatting') msg = 'not all arguments converted during bytes formatting';
      else if (msg.startsWith('must be real number, not ')) msg = `float argument required, not ${msg.slice(25)}`;
      rt.raise(e.pyType, msg);
    }
    throw e;
  } finally {
    for (const r of owned) rt.decref(r);
  }
}

/** The mod slot of bytes and bytearray. */
export function bytesMod(rt: Runtime, a: Ref, b: Ref): Ref | 0 {
  if (!isBytesLike(rt, a)) return 0;
  return newLike(rt, a, bytesPercent(rt, bufLatin1(rt, a), b));
}
defineSlots(Kind.BYTES, { mod: bytesMod });

// ---- maketrans / translate ----

for (const [kind, tn] of [[Kind.BYTES, 'bytes'], [Kind.BYTEARRAY, 'bytearray']] as const) {
  defineStaticMethod(kind, tn, 'maketrans', (rt, args, kwargs) => {
    clinicPositional(rt, 'maketrans', 'maketrans', args, kwargs, 2, 2);
    const from = bytesLike(rt, args[0]!);
    const to = bytesLike(rt, args[1]!);
    if (from.length !== to.length) rt.raise('ValueError', 'maketrans arguments must have same length');
    const table = new Uint8Array(256).map((_, i) => i);
    for (let i = 0; i < from.length; i++) table[from.charCodeAt(i)] = to.charCodeAt(i);
    return newBytes(rt, table);
  });
}

def('translate', (rt, s, args, self, kwargs) => {
  if (args.length === 0) rt.raise('TypeError', 'translate() takes at least 1 positional argument (0 given)');
  const [tableArg, deleteArg] = clinicKeywords(rt, 'translate', args, kwargs, ['', 'delete']);
  let table: string | null = null;
  if (tableArg !== rt.None) {
    table = bytesLike(rt, tableArg!);
    if (table.length !== 256) rt.raise('ValueError', 'translation table must be 256 characters long');
  }
  const del = deleteArg === undefined ? '' : bytesLike(rt, deleteArg);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (del.includes(s[i]!)) continue;
    out += table === null ? s[i] : table[s.charCodeAt(i)];
  }
  return bytesResult(rt, self, s, out);
});

// ---- the operator dunders of bytes and bytearray, as slot wrappers ----

function defWrapperBoth(name: string, nargs: number, impl: (rt: Runtime, self: Ref, args: Ref[]) => Ref): void {
  for (const [kind, tn] of [[Kind.BYTES, 'bytes'], [Kind.BYTEARRAY, 'bytearray']] as const) {
    defineMethod(kind, tn, name, (rt, args, kwargs, self) => {
      if (rt.kindOf(self) !== kind) {
        rt.raise('TypeError', `descriptor '${name}' requires a '${tn}' object but received a '${rt.typeNameOf(self)}'`);
      }
      if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `wrapper ${name}() takes no keyword arguments`);
      if (args.length !== nargs) rt.raise('TypeError', `expected ${nargs} argument${nargs === 1 ? '' : 's'}, got ${args.length}`);
      return impl(rt, self, args);
    });
  }
}
const slotOr = (rt: Runtime, r: Ref | 0): Ref => (r === 0 ? rt.NotImplemented : r);
defWrapperBoth('__add__', 1, (rt, self, [x]) => slotOr(rt, SLOTS[rt.kindOf(self)]!.add!(rt, self, x!)));
defWrapperBoth('__mul__', 1, (rt, self, [x]) => {
  indexValue(rt, x!); // sq_repeat's wrapper: `'str' object cannot be interpreted as an integer`
  return SLOTS[rt.kindOf(self)]!.mul!(rt, self, x!) as Ref;
});
defWrapperBoth('__rmul__', 1, (rt, self, [x]) => {
  indexValue(rt, x!); // sq_repeat's wrapper: `'str' object cannot be interpreted as an integer`
  return SLOTS[rt.kindOf(self)]!.mul!(rt, self, x!) as Ref;
});
defWrapperBoth('__mod__', 1, (rt, self, [x]) => slotOr(rt, bytesMod(rt, self, x!)));
defWrapperBoth('__rmod__', 1, (rt, self, [x]) => slotOr(rt, bytesMod(rt, x!, self)));
['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
  defWrapperBoth(name, 1, (rt, self, [x]) => slotOr(rt, SLOTS[rt.kindOf(self)]!.richcompare!(rt, self, x!, op)));
});
defWrapperBoth('__iter__', 0, (rt, self) => getIter(rt, self));
defWrapperBoth('__repr__', 0, (rt, self) => rt.newStr(SLOTS[rt.kindOf(self)]!.repr!(rt, self)));
defWrapper('__hash__', 0, (rt, self) => rt.newInt(SLOTS[Kind.BYTES]!.hash!(rt, self)));
