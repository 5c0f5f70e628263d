/** str: slots (printing, hashing, comparison, indexing by code point, operators), the constructor, every
 *  method with CPython 3.11's argument handling and messages, and format(str, spec)
 *  (cf. CPython unicodeobject.c, Objects/clinic/unicodeobject.c.h, Python/formatter_unicode.c). */
import { type Ref } from '../heap/layout.js';
import { PyRaise, STR_DATA, STR_HASH, STR_KIND, STR_LENGTH, STR_SERIAL, type Runtime } from '../runtime.js';
import { getAttr } from './attrs.js';
import { bytesValue, newBytes } from './bytes.js';
import { defineConstructor, type Constructor } from './constructors.js';
import { dictGet, dictGetRef, dictItems, dictSet, newDict } from './dict.js';
import { excMatches, excType, newException, raiseWithValue, setExcAttr } from './exceptions.js';
import { asDouble } from './float.js';
import { FORMATTERS, formatObject } from './format.js';
import { formatStr, percentFormat, type PercentFormatHost } from './format-spec.js';
import { floatToInt as floatToIntValue } from './int-ops.js';
import { lookupSpecial } from './int.js';
import { Kind } from './kinds.js';
import { listItems, listItemsRef, listSteal } from './list.js';
import type { NativeImpl } from './native.js';
import { getItem, getIter, indexValue, isHeapInstance, iterNext, repr, str as strOf } from './protocols.js';
import { PyErrorSpec } from './py-error-spec.js';
import { asSsize, isIndexLike, sliceIndices } from './slice.js';
import { defineSlots, SLOTS } from './slots.js';
import {
  bytesDecode, strCapitalize, strCasefold, strCenter, strCompare, strContains, strCount, strEncode,
  strEndswith, strExpandtabs, strFind, strFormat, strHash, strIsalnum, strIsalpha, strIsascii, strIsdecimal,
  strIsdigit, strIsidentifier, strIslower, strIsnumeric, strIsprintable, strIsspace, strIstitle, strIsupper,
  strLjust, strLower, strLstrip, strMaketrans, strPartition, strRemoveprefix, strRemovesuffix, strReplace,
  strRepr, strRfind, strRjust, strRpartition, strRsplit, strRstrip, strSplit, strSplitlines, strStartswith,
  strStrip, strSwapcase, strTitle, strTranslate, strUpper, strZfill, UnicodeErrorSpec, escapeCodePoint, type TransValue,
} from './str-ops.js';
import { tupleItems, tupleSteal } from './tuple.js';
import { defineMethod, defineStaticMethod, typeLookup, intern } from './type.js';

// ================= helpers shared with bytes =================

/** Raises the Python exception a pure helper described (UnicodeErrors get their attributes). */
export function raiseStrSpec(rt: Runtime, e: PyErrorSpec): never {
  if (e instanceof UnicodeErrorSpec) {
    const exc = newException(rt, excType(rt, e.pyType), e.pyMessage);
    const set = (name: string, v: Ref): void => {
      setExcAttr(rt, exc, name, v);
      rt.decref(v);
    };
    set('encoding', rt.newStr(e.encoding));
    set('object', typeof e.object === 'string' ? rt.newStr(e.object) : newBytes(rt, e.object));
    set('start', rt.newInt(e.start));
    set('end', rt.newInt(e.end));
    set('reason', rt.newStr(e.reason));
    throw new PyRaise(exc);
  }
  return rt.raise(e.pyType, e.pyMessage);
}

/** Runs a pure helper, turning a PyErrorSpec into the Python exception. */
export function strSpecCall<T>(rt: Runtime, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyErrorSpec) raiseStrSpec(rt, e);
    throw e;
  }
}


/** A Py_ssize_t argument: `'str' object cannot be interpreted as an integer`, OverflowError when huge. */
export function ssizeArg(rt: Runtime, r: Ref): number {
  const v = indexValue(rt, r);
  if (typeof v === 'bigint') return rt.raise('OverflowError', 'Python int too large to convert to C ssize_t');
  return v;
}

/** A C int argument (_PyLong_AsInt). */
export function intArg(rt: Runtime, r: Ref): number {
  const v = indexValue(rt, r);
  if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) {
    return rt.raise('OverflowError', `Python int too large to convert to C int`);
  }
  return v;
}

/** A start/end bound of find, count, startswith... (cf. _PyEval_SliceIndex): null for None. */
export function sliceIndexArg(rt: Runtime, r: Ref | undefined): number | null {
  if (r === undefined || r === rt.None) return null;
  if (!isIndexLike(rt, r)) rt.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
  const v = indexValue(rt, r);
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return v;
}

/** Positional arguments of a method parsed as CPython's clinic does for `name(a, b=..., /)`. */
export function clinicPositional(rt: Runtime, qualname: string, name: string, args: Ref[],
  kwargs: Map<string, Ref> | null, min: number, max: number): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${qualname}() takes no keyword arguments`);
  const n = args.length;
  if (n < min || n > max) {
    const bound = n < min ? min : max;
    const word = min === max ? '' : n < min ? 'at least ' : 'at most ';
    rt.raise('TypeError', `${name} expected ${word}${bound} argument${bound === 1 ? '' : 's'}, got ${n}`);
  }
}

/** Positional arguments parsed as PyArg_ParseTuple does: `find() takes at least 1 argument (0 given)`. */
export function tuplePositional(rt: Runtime, qualname: string, name: string, args: Ref[],
  kwargs: Map<string, Ref> | null, min: number, max: number): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${qualname}() takes no keyword arguments`);
  const n = args.length;
  if (n < min || n > max) {
    const bound = n < min ? min : max;
    const word = min === max ? 'exactly' : n < min ? 'at least' : 'at most';
    rt.raise('TypeError', `${name}() takes ${word} ${bound} argument${bound === 1 ? '' : 's'} (${n} given)`);
  }
}

/** Arguments parsed as clinic's _PyArg_UnpackKeywords does (positional-or-keyword parameters). */
export function clinicKeywords(rt: Runtime, name: string, args: Ref[], kwargs: Map<string, Ref> | null,
  names: readonly string[], required = 0): (Ref | undefined)[] {
  const nkw = kwargs === null ? 0 : kwargs.size;
  const max = names.length;
  if (args.length + nkw > max) {
    rt.raise('TypeError', `${name}() takes at most ${max} ${args.length === 0 ? 'keyword ' : ''}argument${max === 1 ? '' : 's'} (${args.length + nkw} given)`);
  }
  const out: (Ref | undefined)[] = names.map((_, i) => args[i]);
  let used = 0;
  for (let i = args.length; i < max; i++) {
    const v = kwargs?.get(names[i]!);
    if (v !== undefined) {
      out[i] = v;
      used++;
    } else if (i < required) {
      rt.raise('TypeError', `${name}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  if (used < nkw) {
    for (const k of kwargs!.keys()) {
      const at = names.indexOf(k);
      if (at >= 0 && at < args.length) {
        rt.raise('TypeError', `argument for ${name}() given by name ('${k}') and position (${at + 1})`);
      }
      if (at < 0) rt.raise('TypeError', `'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  return out;
}

// ================= heap access by code point =================

/** The code point at index i of a str (no bounds check): O(1) in every storage kind. */
export function strCodePointAt(rt: Runtime, r: Ref, i: number): number {
  const kind = rt.i32[(r + STR_KIND) >> 2]! & 7;
  const base = r + STR_DATA;
  if (kind === 1) return rt.u8[base + i]!;
  if (kind === 2) return rt.u16[(base >> 1) + i]!;
  return rt.u32[(base >> 2) + i]!;
}

const CHUNK = 4096;

/** The code points start, start+step, ... (n of them) of a str, as a JS string. */
export function strSubstring(rt: Runtime, r: Ref, start: number, step: number, n: number): string {
  if (n <= 0) return '';
  const kind = rt.i32[(r + STR_KIND) >> 2]! & 7;
  const base = r + STR_DATA;
  const arr = kind === 1 ? rt.u8 : kind === 2 ? rt.u16 : rt.u32;
  const b = kind === 1 ? base : kind === 2 ? base >> 1 : base >> 2;
  let out = '';
  if (step === 1) {
    for (let i = 0; i < n; i += CHUNK) {
      const sub = arr.subarray(b + start + i, b + start + Math.min(n, i + CHUNK));
      out += kind === 4 ? String.fromCodePoint(...sub) : String.fromCharCode(...sub);
    }
    return out;
  }
  const buf: number[] = [];
  for (let k = 0, i = start; k < n; k++, i += step) {
    buf.push(arr[b + i]!);
    if (buf.length === CHUNK) {
      out += String.fromCodePoint(...buf);
      buf.length = 0;
    }
  }
  return out + String.fromCodePoint(...buf);
}

/** A new str of type `type` (str or a subclass) holding `s` (new reference). */
export function newStrOfType(rt: Runtime, type: Ref, s: string): Ref {
  if (type === rt.types[Kind.STR]) return rt.newStr(s);
  const tmp = rt.newStr(s);
  const len = rt.strLength(tmp);
  const kind = rt.i32[(tmp + STR_KIND) >> 2]! & 7;
  const bytes = STR_DATA + len * kind;
  const r = rt.alloc(type, bytes);
  rt.u8.copyWithin(r + STR_LENGTH, tmp + STR_LENGTH, tmp + bytes);
  rt.i32[(r + STR_HASH) >> 2] = 0;
  rt.i32[(r + STR_SERIAL) >> 2] = rt.nextSerial();
  rt.decref(tmp);
  return r;
}

/** The view of the heap that holds characters of `kind` bytes. */
function charView(rt: Runtime, kind: number): Uint8Array | Uint16Array | Uint32Array {
  return kind === 1 ? rt.u8 : kind === 2 ? rt.u16 : rt.u32;
}

/**
 * a + b as a new str (both borrowed), copying the stored characters (widened when the kinds differ)
 * instead of going through JS strings: `s += ch` in a loop then costs a block copy per step.
 */
export function concatStrs(rt: Runtime, a: Ref, b: Ref): Ref {
  const la = rt.strLength(a);
  const lb = rt.strLength(b);
  const ka = rt.i32[(a + STR_KIND) >> 2]! & 7;
  const kb = rt.i32[(b + STR_KIND) >> 2]! & 7;
  const kind = ka > kb ? ka : kb;
  const r = rt.alloc(rt.types[Kind.STR]!, STR_DATA + (la + lb) * kind);
  const i32 = rt.i32;
  i32[(r + STR_LENGTH) >> 2] = la + lb;
  i32[(r + STR_KIND) >> 2] = kind;
  i32[(r + STR_SERIAL) >> 2] = rt.nextSerial();
  const dst = (r + STR_DATA) / kind;
  const view = charView(rt, kind);
  for (const [src, len, k, at] of [[a, la, ka, dst], [b, lb, kb, dst + la]] as const) {
    if (len === 0) continue;
    const from = (src + STR_DATA) / k;
    if (k === kind) view.copyWithin(at, from, from + len);
    else view.set(charView(rt, k).subarray(from, from + len), at);
  }
  return r;
}

function isExactStr(rt: Runtime, r: Ref): boolean {
  return rt.typeOf(r) === rt.types[Kind.STR];
}

/** The str itself if it is an exact str (identity kept, as CPython's unicode_result_unchanged), else a copy. */
function unchanged(rt: Runtime, self: Ref): Ref {
  if (isExactStr(rt, self)) {
    rt.incref(self);
    return self;
  }
  return rt.newStr(rt.strValue(self));
}

/** A new str for `out`, or `self` itself when nothing changed. */
function result(rt: Runtime, self: Ref, before: string, out: string): Ref {
  return out === before ? unchanged(rt, self) : rt.newStr(out);
}

// ================= slots =================

const CMP = (c: number, op: number): boolean => [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!;

/** The count of `seq * n` (cf. sequence repeat): OverflowError past Py_ssize_t, then when the result's
 *  length would be; an in-range count too large to allocate comes back as MAX_SAFE_INTEGER. */
export function repeatCount(rt: Runtime, count: Ref, len: number, tooLong: string): number {
  const v = indexValue(rt, count);
  const big = typeof v === 'bigint' ? v : BigInt(v);
  const max = 2n ** 63n - 1n;
  if (big > max || big < -max - 1n) rt.raise('OverflowError', "cannot fit 'int' into an index-sized integer");
  if (big > 0n && len > 0 && big * BigInt(len) > max) rt.raise('OverflowError', tooLong);
  return typeof v === 'number' ? v : v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** `seq * n` for a str and an index-able count (new reference). */
function repeat(rt: Runtime, s: Ref, count: Ref): Ref {
  const v = repeatCount(rt, count, rt.strLength(s), 'repeated string is too long');
  if (v <= 0) return rt.newStr('');
  if (v === 1) return unchanged(rt, s);
  const text = rt.strValue(s);
  if (text.length * v > 0x1fffffe8) return rt.raise('MemoryError', '');
  return rt.newStr(text.repeat(v));
}

/** True when `other` is a user object that may answer the operator itself (`__rmul__`, `__mul__`). */
function defersTo(rt: Runtime, other: Ref, dunder: string): boolean {
  if (!isHeapInstance(rt, other)) return false;
  const name = intern(rt, dunder);
  const found = typeLookup(rt, rt.typeOf(other), name) !== 0;
  rt.decref(name);
  return found;
}

function strMul(rt: Runtime, a: Ref, b: Ref): Ref | 0 {
  const [s, n] = rt.kindOf(a) === Kind.STR ? [a, b] : [b, a];
  if (isIndexLike(rt, n)) return repeat(rt, s, n);
  if (defersTo(rt, n, s === a ? '__rmul__' : '__mul__')) return 0;
  return rt.raise('TypeError', `can't multiply sequence by non-int of type '${rt.typeNameOf(n)}'`);
}

function strGetItem(rt: Runtime, r: Ref, key: Ref): Ref {
  const len = rt.strLength(r);
  if (rt.kindOf(key) === Kind.SLICE) {
    const [start, , step, n] = sliceIndices(rt, key, len);
    if (n === len && step === 1) return unchanged(rt, r);
    return rt.newStr(strSubstring(rt, r, start, step, n));
  }
  if (!isIndexLike(rt, key)) rt.raise('TypeError', `string indices must be integers, not '${rt.typeNameOf(key)}'`);
  const v = asSsize(rt, key);
  const i = v < 0 ? v + len : v;
  if (i < 0 || i >= len) rt.raise('IndexError', 'string index out of range');
  return rt.newStr(String.fromCodePoint(strCodePointAt(rt, r, i)));
}

function strContainsSlot(rt: Runtime, r: Ref, item: Ref): boolean {
  if (rt.kindOf(item) !== Kind.STR) {
    rt.raise('TypeError', `'in <string>' requires string as left operand, not ${rt.typeNameOf(item)}`);
  }
  return strContains(rt.strValue(r), rt.strValue(item));
}

defineSlots(Kind.STR, {
  repr(rt, r) {
    return strRepr(rt.strValue(r));
  },
  str(rt, r) {
    return rt.strValue(r);
  },
  hash(rt, r) {
    const i = (r + STR_HASH) >> 2;
    let h = rt.i32[i]!;
    if (h === 0) {
      h = strHash(rt.strValue(r)) | 0;
      if (h === 0) h = 1;
      rt.i32[i] = h;
    }
    return h;
  },
  len(rt, r) {
    return rt.strLength(r);
  },
  bool(rt, r) {
    return rt.strLength(r) !== 0;
  },
  richcompare(rt, a, b, op) {
    if (rt.kindOf(b) !== Kind.STR) return 0;
    if (op === 2 || op === 3) {
      const same = a === b || (rt.strLength(a) === rt.strLength(b) && rt.strValue(a) === rt.strValue(b));
      return rt.bool(op === 2 ? same : !same);
    }
    return rt.bool(CMP(strCompare(rt.strValue(a), rt.strValue(b)), op));
  },
  contains: strContainsSlot,
  getitem: strGetItem,
  add(rt, a, b) {
    if (rt.kindOf(a) !== Kind.STR || rt.kindOf(b) !== Kind.STR) return 0;
    if (rt.strLength(b) === 0 && isExactStr(rt, a)) return unchanged(rt, a);
    if (rt.strLength(a) === 0 && isExactStr(rt, b)) return unchanged(rt, b);
    return concatStrs(rt, a, b);
  },
  mul: strMul,
  mod(rt, a, b) {
    if (rt.kindOf(a) !== Kind.STR) return 0;
    return rt.newStr(strPercent(rt, rt.strValue(a), b));
  },
});

// ================= format(str, spec) =================

/** str.__format__: an empty spec gives str(self) (a subclass's __str__ included), as CPython does. */
FORMATTERS[Kind.STR] = (rt, r, spec) => {
  if (spec === '') return isExactStr(rt, r) ? rt.strValue(r) : strOf(rt, r);
  return strSpecCall(rt, () => formatStr(rt.strValue(r), spec));
};

// ================= str % args =================

/** ascii(obj): repr(obj) with its non-ASCII characters escaped. */
export function asciiOf(rt: Runtime, r: Ref): string {
  return repr(rt, r).replace(/[^\x00-\x7f]/gu, (c) => escapeCodePoint(c.codePointAt(0)!));
}

/** PyMapping_Check: the type has __getitem__ (lists and dicts do). */
function isMapping(rt: Runtime, r: Ref): boolean {
  if (SLOTS[rt.kindOf(r)]!.getitem !== undefined) return true;
  return defersTo(rt, r, '__getitem__');
}

/** `fmt % args` (cf. PyUnicode_Format), the parsing and layout being format-spec.ts's. */
export function strPercent(rt: Runtime, fmt: string, args: Ref): string {
  const owned: Ref[] = [];
  const host: PercentFormatHost<Ref> = {
    tupleItems: (x) => (rt.isInstanceOfKind(x, Kind.TUPLE) ? tupleItems(rt, x) : null),
    isMapping: (x) => isMapping(rt, x),
    getItem(mapping, key) {
      const k = rt.newStr(key);
      try {
        const v = getItem(rt, mapping, k);
        owned.push(v);
        return v;
      } finally {
        rt.decref(k);
      }
    },
    str: (x) => strOf(rt, x),
    repr: (x) => repr(rt, x),
    ascii: (x) => asciiOf(rt, x),
    typeName: (x) => rt.typeNameOf(x),
    intValue: (x) => (rt.isInstanceOfKind(x, Kind.INT) ? rt.intValue(x) : null),
    strValue: (x) => (rt.kindOf(x) === Kind.STR ? rt.strValue(x) : null),
    toInt(x, how) {
      if (how === 'int') {
        if (rt.kindOf(x) === Kind.FLOAT) return strSpecCall(rt, () => floatToIntValue(rt.floatValue(x)));
        if (!isIndexLike(rt, x)) {
          const r = lookupSpecial(rt, x, '__int__', []);
          if (r === 0) return null;
          try {
            if (!rt.isInstanceOfKind(r, Kind.INT)) rt.raise('TypeError', `__int__ returned non-int (type ${rt.typeNameOf(r)})`);
            return rt.intValue(r);
          } finally {
            rt.decref(r);
          }
        }
      }
      return isIndexLike(rt, x) ? indexValue(rt, x) : null;
    },
    toFloat(x) {
      const k = rt.kindOf(x);
      if (k === Kind.FLOAT || k === Kind.INT || k === Kind.BOOL || isIndexLike(rt, x) || defersTo(rt, x, '__float__')) {
        return asDouble(rt, x);
      }
      return null;
    },
  };
  try {
    return strSpecCall(rt, () => percentFormat(fmt, args, host));
  } finally {
    for (const r of owned) rt.decref(r);
  }
}

// ================= str(...) =================

const strConstructor: Constructor = (rt, type, args, kwargs) => {
  const [obj, encoding, errors] = clinicKeywords(rt, 'str', args, kwargs, ['object', 'encoding', 'errors']);
  if (obj === undefined) return newStrOfType(rt, type, '');
  if (encoding === undefined && errors === undefined) {
    if (isExactStr(rt, obj) && type === rt.types[Kind.STR]) {
      rt.incref(obj);
      return obj;
    }
    return newStrOfType(rt, type, strOf(rt, obj));
  }
  const enc = encoding === undefined ? 'utf-8' : strArgNamed(rt, 'str', 'encoding', encoding);
  const err = errors === undefined ? 'strict' : strArgNamed(rt, 'str', 'errors', errors);
  const k = rt.kindOf(obj);
  if (k === Kind.STR) rt.raise('TypeError', 'decoding str is not supported');
  if (k !== Kind.BYTES && k !== Kind.BYTEARRAY) {
    rt.raise('TypeError', `decoding to str: need a bytes-like object, ${rt.typeNameOf(obj)} found`);
  }
  return newStrOfType(rt, type, strSpecCall(rt, () => bytesDecode(bytesValue(rt, obj), enc, err)));
};
defineConstructor(Kind.STR, strConstructor);
defineStaticMethod(Kind.STR, 'str', '__new__', (rt, args, kwargs) => typeNew(rt, Kind.STR, strConstructor, args, kwargs));

/** `T.__new__(cls, ...)` for a built-in T (cf. CPython tp_new_wrapper): checks cls, then builds an instance of it. */
export function typeNew(rt: Runtime, kind: Kind, ctor: Constructor, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  const name = rt.typeName(rt.types[kind]!);
  if (args.length === 0) rt.raise('TypeError', `${name}.__new__(): not enough arguments`);
  const cls = args[0]!;
  if (rt.kindOf(cls) !== Kind.TYPE) {
    rt.raise('TypeError', `${name}.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
  }
  if (!rt.isSubtype(cls, rt.types[kind]!)) {
    rt.raise('TypeError', `${name}.__new__(${rt.typeName(cls)}): ${rt.typeName(cls)} is not a subtype of ${name}`);
  }
  return ctor(rt, cls, args.slice(1), kwargs);
}

/** A str argument of a clinic function: `encode() argument 'encoding' must be str, not int`. */
export function strArgNamed(rt: Runtime, fname: string, param: string, r: Ref): string {
  if (rt.kindOf(r) !== Kind.STR) rt.raise('TypeError', `${fname}() argument '${param}' must be str, not ${rt.typeNameOf(r)}`);
  return rt.strValue(r);
}

// ================= methods =================

type StrImpl = (rt: Runtime, s: string, args: Ref[], self: Ref, kwargs: Map<string, Ref> | null) => Ref;

function selfStr(rt: Runtime, self: Ref, name: string): string {
  if (rt.kindOf(self) !== Kind.STR) {
    rt.raise('TypeError', `descriptor '${name}' for 'str' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
  }
  return rt.strValue(self);
}

function def(name: string, impl: StrImpl): void {
  const native: NativeImpl = (rt, args, kwargs, self) => impl(rt, selfStr(rt, self, name), args, self, kwargs);
  defineMethod(Kind.STR, 'str', name, native);
}

/** METH_NOARGS */
function defNoArgs(name: string, impl: (rt: Runtime, s: string, self: Ref) => Ref): void {
  def(name, (rt, s, args, self, kwargs) => {
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `str.${name}() takes no keyword arguments`);
    if (args.length > 0) rt.raise('TypeError', `str.${name}() takes no arguments (${args.length} given)`);
    return impl(rt, s, self);
  });
}

/** METH_O */
function defOneArg(name: string, impl: (rt: Runtime, s: string, arg: Ref, self: Ref) => Ref): void {
  def(name, (rt, s, args, self, kwargs) => {
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `str.${name}() takes no keyword arguments`);
    if (args.length !== 1) rt.raise('TypeError', `str.${name}() takes exactly one argument (${args.length} given)`);
    return impl(rt, s, args[0]!, self);
  });
}

/** Clinic, positional only: `center expected at least 1 argument, got 0`. */
function defPositional(name: string, min: number, max: number, impl: StrImpl): void {
  def(name, (rt, s, args, self, kwargs) => {
    clinicPositional(rt, `str.${name}`, name, args, kwargs, min, max);
    return impl(rt, s, args, self, kwargs);
  });
}

/** Case mappings always build a new str (CPython's case_operation does, even when nothing changes). */
function mapCase(f: (s: string) => string) {
  return (rt: Runtime, s: string): Ref => rt.newStr(f(s));
}
defNoArgs('upper', mapCase(strUpper));
defNoArgs('lower', mapCase(strLower));
defNoArgs('casefold', mapCase(strCasefold));
defNoArgs('capitalize', mapCase(strCapitalize));
defNoArgs('title', mapCase(strTitle));
defNoArgs('swapcase', mapCase(strSwapcase));

const PREDICATES: [string, (s: string) => boolean][] = [
  ['isalnum', strIsalnum], ['isalpha', strIsalpha], ['isascii', strIsascii], ['isdecimal', strIsdecimal],
  ['isdigit', strIsdigit], ['isidentifier', strIsidentifier], ['islower', strIslower], ['isnumeric', strIsnumeric],
  ['isprintable', strIsprintable], ['isspace', strIsspace], ['istitle', strIstitle], ['isupper', strIsupper],
];
for (const [name, f] of PREDICATES) defNoArgs(name, (rt, s) => rt.bool(f(s)));

// ---- split family ----

/** `sep` of split/rsplit: `must be str or None, not int`. */
function sepArg(rt: Runtime, r: Ref | undefined): string | null {
  if (r === undefined || r === rt.None) return null;
  if (rt.kindOf(r) !== Kind.STR) rt.raise('TypeError', `must be str or None, not ${rt.typeNameOf(r)}`);
  return rt.strValue(r);
}

function strList(rt: Runtime, parts: readonly string[]): Ref {
  return listSteal(rt, parts.map((p) => rt.newStr(p)));
}

for (const [name, f] of [['split', strSplit], ['rsplit', strRsplit]] as const) {
  def(name, (rt, s, args, _self, kwargs) => {
    const [sep, maxsplit] = clinicKeywords(rt, name, args, kwargs, ['sep', 'maxsplit']);
    const sp = sepArg(rt, sep);
    const max = maxsplit === undefined ? -1 : ssizeArg(rt, maxsplit);
    return strList(rt, strSpecCall(rt, () => f(s, sp, max)));
  });
}

def('splitlines', (rt, s, args, _self, kwargs) => {
  const [keepends] = clinicKeywords(rt, 'splitlines', args, kwargs, ['keepends']);
  const keep = keepends === undefined ? false : intArg(rt, keepends) !== 0;
  return strList(rt, strSplitlines(s, keep));
});

/** The str argument of partition, find...: `must be str, not int`. */
function subArg(rt: Runtime, r: Ref): string {
  if (rt.kindOf(r) !== Kind.STR) rt.raise('TypeError', `must be str, not ${rt.typeNameOf(r)}`);
  return rt.strValue(r);
}

for (const [name, f] of [['partition', strPartition], ['rpartition', strRpartition]] as const) {
  defOneArg(name, (rt, s, arg, self) => {
    const sep = subArg(rt, arg);
    const parts = strSpecCall(rt, () => f(s, sep));
    // Without a match the str itself comes back (identity kept, as in CPython).
    const whole = name === 'partition' ? 0 : 2;
    return tupleSteal(rt, parts.map((p, i) => (i === whole && parts[1] === '' ? unchanged(rt, self) : rt.newStr(p))));
  });
}

def('join', (rt, sep, args, self, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'str.join() takes no keyword arguments');
  if (args.length !== 1) rt.raise('TypeError', `str.join() takes exactly one argument (${args.length} given)`);
  return joinStrs(rt, self, sep, args[0]!);
});

/** sep.join(iterable) (cf. CPython PyUnicode_Join): new reference. */
export function joinStrs(rt: Runtime, _self: Ref, sep: string, iterable: Ref): Ref {
  let items: Ref[];
  let owned = false;
  const k = rt.kindOf(iterable);
  if (k === Kind.LIST && rt.containerLocks !== null) {
    items = listItemsRef(rt, iterable); // (no-GIL: read and counted under the list's lock)
    owned = true;
  } else if (k === Kind.LIST) items = listItems(rt, iterable);
  else if (k === Kind.TUPLE) items = tupleItems(rt, iterable);
  else {
    let it: Ref;
    try {
      it = getIter(rt, iterable);
    } catch (e) {
      if (e instanceof PyRaise && excMatches(rt, e.exc, 'TypeError')) {
        rt.decref(e.exc);
        rt.raise('TypeError', 'can only join an iterable');
      }
      throw e;
    }
    items = [];
    owned = true;
    try {
      for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) items.push(x);
    } catch (e) {
      for (const x of items) rt.decref(x);
      throw e;
    } finally {
      rt.decref(it);
    }
  }
  try {
    if (items.length === 1 && isExactStr(rt, items[0]!)) {
      rt.incref(items[0]!);
      return items[0]!;
    }
    const parts: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!;
      if (rt.kindOf(x) !== Kind.STR) {
        rt.raise('TypeError', `sequence item ${i}: expected str instance, ${rt.typeNameOf(x)} found`);
      }
      parts.push(rt.strValue(x));
    }
    return rt.newStr(parts.join(sep));
  } finally {
    if (owned) for (const x of items) rt.decref(x);
  }
}

// ---- strip family ----

for (const [name, f] of [['strip', strStrip], ['lstrip', strLstrip], ['rstrip', strRstrip]] as const) {
  defPositional(name, 0, 1, (rt, s, args, self) => {
    const a = args[0];
    let chars: string | null = null;
    if (a !== undefined && a !== rt.None) {
      if (rt.kindOf(a) !== Kind.STR) rt.raise('TypeError', `${name} arg must be None or str`);
      chars = rt.strValue(a);
    }
    return result(rt, self, s, f(s, chars));
  });
}

// ---- replace ----

defPositional('replace', 2, 3, (rt, s, args, self) => {
  const [a, b, c] = args;
  if (rt.kindOf(a!) !== Kind.STR) rt.raise('TypeError', `replace() argument 1 must be str, not ${rt.typeNameOf(a!)}`);
  if (rt.kindOf(b!) !== Kind.STR) rt.raise('TypeError', `replace() argument 2 must be str, not ${rt.typeNameOf(b!)}`);
  const count = c === undefined ? -1 : ssizeArg(rt, c);
  return result(rt, self, s, strReplace(s, rt.strValue(a!), rt.strValue(b!), count));
});

// ---- find family ----

/** (sub[, start[, end]]) as find, count, index... parse them. */
function findArgs(rt: Runtime, name: string, args: Ref[], kwargs: Map<string, Ref> | null): [string, number | null, number | null] {
  tuplePositional(rt, `str.${name}`, name, args, kwargs, 1, 3);
  return [subArg(rt, args[0]!), sliceIndexArg(rt, args[1]), sliceIndexArg(rt, args[2])];
}

def('find', (rt, s, args, _self, kw) => rt.newInt(strFind(s, ...findArgs(rt, 'find', args, kw))));
def('rfind', (rt, s, args, _self, kw) => rt.newInt(strRfind(s, ...findArgs(rt, 'rfind', args, kw))));
def('index', (rt, s, args, _self, kw) => {
  const i = strFind(s, ...findArgs(rt, 'index', args, kw));
  if (i < 0) rt.raise('ValueError', 'substring not found');
  return rt.newInt(i);
});
def('rindex', (rt, s, args, _self, kw) => {
  const i = strRfind(s, ...findArgs(rt, 'rindex', args, kw));
  if (i < 0) rt.raise('ValueError', 'substring not found');
  return rt.newInt(i);
});
def('count', (rt, s, args, _self, kw) => rt.newInt(strCount(s, ...findArgs(rt, 'count', args, kw))));

for (const [name, f] of [['startswith', strStartswith], ['endswith', strEndswith]] as const) {
  def(name, (rt, s, args, _self, kw) => {
    tuplePositional(rt, `str.${name}`, name, args, kw, 1, 3);
    const x = args[0]!;
    const start = sliceIndexArg(rt, args[1]);
    const end = sliceIndexArg(rt, args[2]);
    if (rt.isInstanceOfKind(x, Kind.TUPLE)) {
      // Checked one at a time, as CPython does: a match ends the scan before a bad item is seen.
      for (const p of tupleItems(rt, x)) {
        if (rt.kindOf(p) !== Kind.STR) {
          rt.raise('TypeError', `tuple for ${name} must only contain str, not ${rt.typeNameOf(p)}`);
        }
        if (f(s, rt.strValue(p), start, end)) return rt.True;
      }
      return rt.False;
    }
    if (rt.kindOf(x) !== Kind.STR) {
      rt.raise('TypeError', `${name} first arg must be str or a tuple of str, not ${rt.typeNameOf(x)}`);
    }
    return rt.bool(f(s, rt.strValue(x), start, end));
  });
}

for (const [name, f] of [['removeprefix', strRemoveprefix], ['removesuffix', strRemovesuffix]] as const) {
  defOneArg(name, (rt, s, arg, self) => {
    if (rt.kindOf(arg) !== Kind.STR) rt.raise('TypeError', `${name}() argument must be str, not ${rt.typeNameOf(arg)}`);
    return result(rt, self, s, f(s, rt.strValue(arg)));
  });
}

// ---- padding ----

function fillArg(rt: Runtime, r: Ref | undefined): string | undefined {
  if (r === undefined) return undefined;
  if (rt.kindOf(r) !== Kind.STR) {
    rt.raise('TypeError', `The fill character must be a unicode character, not ${rt.typeNameOf(r)}`);
  }
  return rt.strValue(r);
}

for (const [name, f] of [['center', strCenter], ['ljust', strLjust], ['rjust', strRjust]] as const) {
  defPositional(name, 1, 2, (rt, s, args, self) => {
    const width = ssizeArg(rt, args[0]!);
    const fill = fillArg(rt, args[1]);
    return result(rt, self, s, strSpecCall(rt, () => f(s, width, fill)));
  });
}

defOneArg('zfill', (rt, s, arg, self) => result(rt, self, s, strZfill(s, ssizeArg(rt, arg))));

def('expandtabs', (rt, s, args, self, kwargs) => {
  const [tabsize] = clinicKeywords(rt, 'expandtabs', args, kwargs, ['tabsize']);
  const t = tabsize === undefined ? 8 : intArg(rt, tabsize);
  return result(rt, self, s, strExpandtabs(s, t));
});

// ---- encode ----

def('encode', (rt, s, args, _self, kwargs) => {
  const [encoding, errors] = clinicKeywords(rt, 'encode', args, kwargs, ['encoding', 'errors']);
  const enc = encoding === undefined ? 'utf-8' : strArgNamed(rt, 'encode', 'encoding', encoding);
  const err = errors === undefined ? 'strict' : strArgNamed(rt, 'encode', 'errors', errors);
  return newBytes(rt, strSpecCall(rt, () => strEncode(s, enc, err)));
});

// ---- format, format_map ----

/** template.format(...) with the VM behind the lookups; `keyword` gives a new reference or raises. */
function formatWith(rt: Runtime, template: string, args: readonly Ref[] | null, keyword: (key: string) => Ref): string {
  const owned: Ref[] = [];
  const keep = (r: Ref): Ref => {
    owned.push(r);
    return r;
  };
  try {
    return strSpecCall(rt, () => strFormat<Ref>(template, args, {
      getKeyword: (key) => keep(keyword(key)),
      getAttr(obj, name) {
        const n = intern(rt, name);
        try {
          return keep(getAttr(rt, obj, n));
        } finally {
          rt.decref(n);
        }
      },
      getItem(obj, key) {
        const k = typeof key === 'string' ? rt.newStr(key) : rt.newInt(key);
        try {
          return keep(getItem(rt, obj, k));
        } finally {
          rt.decref(k);
        }
      },
      convert: (obj, c) => keep(rt.newStr(c === 'r' ? repr(rt, obj) : c === 's' ? strOf(rt, obj) : asciiOf(rt, obj))),
      format: (obj, spec) => formatObject(rt, obj, spec),
    }));
  } finally {
    for (const r of owned) rt.decref(r);
  }
}

function raiseKeyError(rt: Runtime, key: string): never {
  const k = rt.newStr(key);
  try {
    return raiseWithValue(rt, 'KeyError', k);
  } finally {
    rt.decref(k);
  }
}

def('format', (rt, s, args, _self, kwargs) => rt.newStr(formatWith(rt, s, args, (key) => {
  const v = kwargs?.get(key);
  if (v === undefined) raiseKeyError(rt, key);
  rt.incref(v);
  return v;
})));

defOneArg('format_map', (rt, s, mapping) => rt.newStr(formatWith(rt, s, null, (key) => {
  const k = rt.newStr(key);
  try {
    return getItem(rt, mapping, k);
  } finally {
    rt.decref(k);
  }
})));

def('__format__', (rt, s, args, self, kwargs) => {
  tuplePositional(rt, 'str.__format__', '__format__', args, kwargs, 1, 1);
  const spec = args[0]!;
  if (rt.kindOf(spec) !== Kind.STR) rt.raise('TypeError', `__format__() argument must be str, not ${rt.typeNameOf(spec)}`);
  const sp = rt.strValue(spec);
  if (sp === '') return isExactStr(rt, self) ? unchanged(rt, self) : rt.newStr(strOf(rt, self));
  return rt.newStr(strSpecCall(rt, () => formatStr(s, sp)));
});

// ---- maketrans, translate ----

defineStaticMethod(Kind.STR, 'str', 'maketrans', (rt, args, kwargs) => {
  clinicPositional(rt, 'str.maketrans', 'maketrans', args, kwargs, 1, 3);
  const [x, y, z] = args;
  const d = newDict(rt);
  try {
    if (y === undefined) {
      if (rt.kindOf(x!) !== Kind.DICT) rt.raise('TypeError', 'if you give only one argument to maketrans it must be a dict');
      for (const [key, value] of dictItems(rt, x!)) {
        let code: Ref;
        if (rt.kindOf(key) === Kind.STR) {
          if (rt.strLength(key) !== 1) rt.raise('ValueError', 'string keys in translate table must be of length 1');
          code = rt.newInt(strCodePointAt(rt, key, 0));
        } else if (rt.isInstanceOfKind(key, Kind.INT)) {
          code = key;
          rt.incref(code);
        } else {
          return rt.raise('TypeError', 'keys in translate table must be strings or integers');
        }
        dictSet(rt, d, code, value);
        rt.decref(code);
      }
      return d;
    }
    if (rt.kindOf(y) !== Kind.STR) rt.raise('TypeError', `maketrans() argument 2 must be str, not ${rt.typeNameOf(y)}`);
    if (z !== undefined && rt.kindOf(z) !== Kind.STR) {
      rt.raise('TypeError', `maketrans() argument 3 must be str, not ${rt.typeNameOf(z)}`);
    }
    if (rt.kindOf(x!) !== Kind.STR) {
      rt.raise('TypeError', 'first maketrans argument must be a string if there is a second argument');
    }
    const table = strSpecCall(rt, () => strMaketrans(rt.strValue(x!), rt.strValue(y), z === undefined ? null : rt.strValue(z)));
    for (const [code, value] of table) {
      const k = rt.newInt(code);
      const v = value === null ? rt.None : rt.newInt(value as number);
      dictSet(rt, d, k, v);
      rt.decref(k);
      rt.decref(v);
    }
    return d;
  } catch (e) {
    rt.decref(d);
    throw e;
  }
});

defOneArg('translate', (rt, s, table) => {
  const cache = new Map<number, TransValue | undefined>();
  const exactDict = rt.typeOf(table) === rt.types[Kind.DICT];
  const lookup = (cp: number): TransValue | undefined => {
    if (cache.has(cp)) return cache.get(cp);
    const key = rt.newInt(cp);
    let v: Ref;
    try {
      if (exactDict) {
        // A plain dict: no __missing__ or __getitem__ to honour, so a miss needs no exception.
        const hit = dictGetRef(rt, table, key); // (counted under the dict's lock in no-GIL mode)
        if (hit === 0) {
          cache.set(cp, undefined);
          return undefined;
        }
        v = hit;
      } else v = getItem(rt, table, key);
    } catch (e) {
      if (e instanceof PyRaise && excMatches(rt, e.exc, 'LookupError')) {
        rt.decref(e.exc);
        cache.set(cp, undefined);
        return undefined;
      }
      throw e;
    } finally {
      rt.decref(key);
    }
    let out: TransValue;
    if (v === rt.None) out = null;
    else if (rt.isInstanceOfKind(v, Kind.INT)) {
      const n = rt.intValue(v);
      out = typeof n === 'bigint' ? -1 : n;
    } else if (rt.kindOf(v) === Kind.STR) out = rt.strValue(v);
    else {
      rt.decref(v);
      return rt.raise('TypeError', 'character mapping must return integer, None or str');
    }
    rt.decref(v);
    cache.set(cp, out);
    return out;
  };
  return rt.newStr(strSpecCall(rt, () => strTranslate(s, lookup)));
});

// ---- the operator dunders, as slot wrappers ----

function defWrapper(name: string, nargs: number, impl: (rt: Runtime, self: Ref, args: Ref[]) => Ref): void {
  defineMethod(Kind.STR, 'str', name, (rt, args, kwargs, self) => {
    if (rt.kindOf(self) !== Kind.STR) {
      rt.raise('TypeError', `descriptor '${name}' requires a 'str' object but received a '${rt.typeNameOf(self)}'`);
    }
    if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `wrapper ${name}() takes no keyword arguments`);
    if (args.length !== nargs) {
      rt.raise('TypeError', `expected ${nargs} argument${nargs === 1 ? '' : 's'}, got ${args.length}`);
    }
    return impl(rt, self, args);
  });
}

const notImpl = (rt: Runtime): Ref => rt.NotImplemented;
defWrapper('__len__', 0, (rt, self) => rt.newInt(rt.strLength(self)));
defWrapper('__hash__', 0, (rt, self) => rt.newInt(SLOTS[Kind.STR]!.hash!(rt, self)));
defWrapper('__str__', 0, (rt, self) => unchanged(rt, self));
defWrapper('__repr__', 0, (rt, self) => rt.newStr(strRepr(rt.strValue(self))));
defWrapper('__contains__', 1, (rt, self, [x]) => rt.bool(strContainsSlot(rt, self, x!)));
defWrapper('__getitem__', 1, (rt, self, [x]) => strGetItem(rt, self, x!));
defWrapper('__add__', 1, (rt, self, [x]) => {
  if (rt.kindOf(x!) !== Kind.STR) rt.raise('TypeError', `can only concatenate str (not "${rt.typeNameOf(x!)}") to str`);
  return SLOTS[Kind.STR]!.add!(rt, self, x!) as Ref;
});
defWrapper('__mul__', 1, (rt, self, [x]) => (isIndexLike(rt, x!) ? repeat(rt, self, x!) : notImpl(rt)));
defWrapper('__rmul__', 1, (rt, self, [x]) => (isIndexLike(rt, x!) ? repeat(rt, self, x!) : notImpl(rt)));
defWrapper('__mod__', 1, (rt, self, [x]) => rt.newStr(strPercent(rt, rt.strValue(self), x!)));
defWrapper('__rmod__', 1, (rt) => notImpl(rt));
const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
CMP_NAMES.forEach((name, op) => {
  defWrapper(name, 1, (rt, self, [x]) => {
    const r = SLOTS[Kind.STR]!.richcompare!(rt, self, x!, op);
    return r === 0 ? notImpl(rt) : r;
  });
});
defWrapper('__iter__', 0, (rt, self) => getIter(rt, self));
defWrapper('__sizeof__', 0, (rt, self) => rt.newInt(STR_DATA + 17 + rt.strLength(self) * (rt.i32[(self + STR_KIND) >> 2]! & 7)));
defWrapper('__getnewargs__', 0, (rt, self) => tupleSteal(rt, [rt.newStr(rt.strValue(self))]));

