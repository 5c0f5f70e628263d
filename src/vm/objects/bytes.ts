/** bytes: an immutable byte string, its length then its bytes inline. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { baBase, baCopyBytes, baLength } from './bytearray.js';
import { Kind } from './kinds.js';

export const BYTES_LENGTH = 16;
/** Cached hash (0 = not computed yet). */
export const BYTES_HASH = 20;
export const BYTES_DATA = 24;

/** A new bytes object holding a copy of `data` (new reference). */
export function newBytes(rt: Runtime, data: Uint8Array): Ref {
  const r = rt.allocKind(Kind.BYTES, BYTES_DATA + data.length + 1);
  rt.i32[(r + BYTES_LENGTH) >> 2] = data.length;
  rt.u8.set(data, r + BYTES_DATA);
  return r;
}
/** A new instance of `type` (bytes or a subclass) holding a copy of `data` (new reference). */
export function newBytesOfType(rt: Runtime, type: Ref, data: Uint8Array): Ref {
  if (type === rt.types[Kind.BYTES]) return newBytes(rt, data);
  const r = rt.alloc(type, BYTES_DATA + data.length + 1);
  rt.i32[(r + BYTES_LENGTH) >> 2] = data.length;
  rt.u8.set(data, r + BYTES_DATA);
  return r;
}
export function bytesLength(rt: Runtime, r: Ref): number {
  return rt.i32[(r + BYTES_LENGTH) >> 2]!;
}
/** A copy of the bytes of a bytes or bytearray (the heap view is shared, so callers get their own array). */
export function bytesValue(rt: Runtime, r: Ref): Uint8Array {
  // no-GIL: a bytearray is copied under its lock (length and storage read in one step)
  if (rt.containerLocks !== null && rt.kindOf(r) === Kind.BYTEARRAY) return baCopyBytes(rt, r);
  const base = bufBase(rt, r);
  return rt.u8.slice(base, base + bufLength(rt, r));
}

// ---- bytes and bytearray alike (the "bytes-like objects" this VM has) ----

export function isBytesLike(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.BYTES || k === Kind.BYTEARRAY;
}
/** The length of a bytes or bytearray. */
export function bufLength(rt: Runtime, r: Ref): number {
  return rt.kindOf(r) === Kind.BYTEARRAY ? baLength(rt, r) : rt.i32[(r + BYTES_LENGTH) >> 2]!;
}
/** Heap offset of byte 0 of a bytes or bytearray (valid until a bytearray is resized). */
export function bufBase(rt: Runtime, r: Ref): number {
  return rt.kindOf(r) === Kind.BYTEARRAY ? baBase(rt, r) : r + BYTES_DATA;
}
/** A bytes or bytearray as a JS string of char codes 0..255. */
export function bufLatin1(rt: Runtime, r: Ref): string {
  if (rt.containerLocks !== null && rt.kindOf(r) === Kind.BYTEARRAY) { // no-GIL: copied under its lock
    const b = baCopyBytes(rt, r);
    let out = '';
    for (let i = 0; i < b.length; i += 4096) out += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 4096)));
    return out;
  }
  const n = bufLength(rt, r);
  const base = bufBase(rt, r);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...rt.u8.subarray(base + i, base + Math.min(n, i + 4096)));
  return out;
}
/** Byte i (no bounds check). */
export function bytesAt(rt: Runtime, r: Ref, i: number): number {
  return rt.u8[r + BYTES_DATA + i]!;
}
/** The bytes as a JS string of char codes 0..255 (so the str helpers can search and split them). */
export function bytesLatin1(rt: Runtime, r: Ref): string {
  const n = bytesLength(rt, r);
  const base = r + BYTES_DATA;
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...rt.u8.subarray(base + i, base + Math.min(n, i + 4096)));
  return out;
}
/** A JS string of char codes 0..255 back to bytes. */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
/** A new bytes object from a string of char codes 0..255 (new reference). */
export function newBytesLatin1(rt: Runtime, s: string): Ref {
  const r = rt.allocKind(Kind.BYTES, BYTES_DATA + s.length + 1);
  rt.i32[(r + BYTES_LENGTH) >> 2] = s.length;
  const base = r + BYTES_DATA;
  const u8 = rt.u8;
  for (let i = 0; i < s.length; i++) u8[base + i] = s.charCodeAt(i);
  return r;
}

/** repr(b): b'...' with CPython's quoting and escapes (cf. bytesobject.c PyBytes_Repr). bytearray's
 *  repr escapes a single quote even inside double quotes (cf. bytearray_repr). */
export function bytesRepr(data: ArrayLike<number>, prefix = 'b', escapeSingle = false): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x27) hasSingle = true;
    else if (data[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  const q = quote.charCodeAt(0);
  let out = prefix + quote;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === q || c === 0x5c || (escapeSingle && c === 0x27)) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}
