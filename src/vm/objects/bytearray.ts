/** bytearray's storage: a mutable byte string whose bytes live in a separate RAW block, so that the
 *  object keeps its address while it grows (cf. CPython bytearrayobject.c). It holds no references,
 *  so it is a plain object, not a GC container. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { freeStorage } from '../nogil/qsbr.js';

export const BA_SIZE = 16;
export const BA_ALLOC = 20;
/** RAW block holding the bytes (they start RAW_DATA bytes in), or 0 while the capacity is 0. */
export const BA_BUF = 24;
export const BA_BYTES = 28;
const RAW_DATA = 16;

/** A new bytearray of `type` (bytearray or a subclass) holding a copy of `data` (new reference). */
export function newByteArray(rt: Runtime, data: ArrayLike<number>, type: Ref = rt.types[Kind.BYTEARRAY]!): Ref {
  const r = rt.alloc(type, BA_BYTES);
  baResize(rt, r, data.length);
  if (data.length > 0) rt.u8.set(data, baBase(rt, r));
  return r;
}

/** A new bytearray from a string of char codes 0..255 (new reference). */
export function newByteArrayLatin1(rt: Runtime, s: string): Ref {
  const r = rt.allocKind(Kind.BYTEARRAY, BA_BYTES);
  baResize(rt, r, s.length);
  const base = baBase(rt, r);
  const u8 = rt.u8;
  for (let i = 0; i < s.length; i++) u8[base + i] = s.charCodeAt(i);
  return r;
}

export function baLength(rt: Runtime, r: Ref): number {
  return rt.i32[(r + BA_SIZE) >> 2]!;
}

/** Byte offset of byte 0 in the heap (valid until the next resize; 0 when empty with no storage). */
export function baBase(rt: Runtime, r: Ref): number {
  const buf = rt.i32[(r + BA_BUF) >> 2]!;
  return buf === 0 ? 0 : buf + RAW_DATA;
}

/** Sets the length to `n`, growing the storage as CPython's bytearray_resize does (new bytes are 0). */
export function baResize(rt: Runtime, r: Ref, n: number): void {
  const locks = rt.containerLocks;
  if (locks === null) return resize(rt, r, n);
  locks.acquire(r); // no-GIL: two workers resizing at once would each free the storage
  try {
    resize(rt, r, n);
  } finally {
    locks.release(r);
  }
}
function resize(rt: Runtime, r: Ref, n: number): void {
  const i32 = rt.i32;
  const size = i32[(r + BA_SIZE) >> 2]!;
  const alloc = i32[(r + BA_ALLOC) >> 2]!;
  if (n > 0x3fffffff) rt.raise('MemoryError', '');
  if (n <= alloc && n >= alloc >> 1) {
    if (n > size) rt.u8.fill(0, baBase(rt, r) + size, baBase(rt, r) + n);
    i32[(r + BA_SIZE) >> 2] = n;
    return;
  }
  // Over-allocate when growing a little (appends), fit exactly otherwise.
  let cap = n === 0 ? 0 : n <= alloc * 1.125 || n === size + 1 ? n + (n >> 3) + (n < 9 ? 3 : 6) : n + 1;
  if (cap > 0x3fffffff) cap = n;
  const old = i32[(r + BA_BUF) >> 2]! as Ref;
  if (cap === 0) {
    i32[(r + BA_BUF) >> 2] = 0;
  } else {
    const buf = rt.allocKind(Kind.RAW, RAW_DATA + cap);
    const u8 = rt.u8;
    const keep = Math.min(size, n);
    if (old !== 0 && keep > 0) u8.copyWithin(buf + RAW_DATA, old + RAW_DATA, old + RAW_DATA + keep);
    u8.fill(0, buf + RAW_DATA + keep, buf + RAW_DATA + cap);
    rt.i32[(r + BA_BUF) >> 2] = buf;
  }
  rt.i32[(r + BA_ALLOC) >> 2] = cap;
  rt.i32[(r + BA_SIZE) >> 2] = n;
  if (old !== 0) freeStorage(rt, old); // (no-GIL: an unlocked reader may still read it until its next tick)
}

/** Replaces bytes [lo, hi) with `data` (the length changes by data.length - (hi - lo)). */
export function baReplace(rt: Runtime, r: Ref, lo: number, hi: number, data: ArrayLike<number>): void {
  const locks = rt.containerLocks;
  if (locks === null) return replace(rt, r, lo, hi, data);
  locks.acquire(r);
  try {
    const n = baLength(rt, r); // (the caller's bounds may be stale: clamp to the current length)
    replace(rt, r, Math.min(lo, n), Math.min(hi, n), data);
  } finally {
    locks.release(r);
  }
}
function replace(rt: Runtime, r: Ref, lo: number, hi: number, data: ArrayLike<number>): void {
  const n = baLength(rt, r);
  const tail = rt.u8.slice(baBase(rt, r) + hi, baBase(rt, r) + n);
  const newLen = lo + data.length + tail.length;
  resize(rt, r, newLen);
  const base = baBase(rt, r);
  if (data.length > 0) rt.u8.set(data, base + lo);
  if (tail.length > 0) rt.u8.set(tail, base + lo + data.length);
}

/** Frees the storage (the dealloc slot). */
export function baDealloc(rt: Runtime, r: Ref): void {
  const buf = rt.i32[(r + BA_BUF) >> 2]! as Ref;
  rt.i32[(r + BA_BUF) >> 2] = 0;
  rt.i32[(r + BA_SIZE) >> 2] = 0;
  rt.i32[(r + BA_ALLOC) >> 2] = 0;
  if (buf !== 0) rt.decref(buf);
}

// ---- element reads and writes that stay within the storage while other workers resize it ----
// (In no-GIL mode a resize by another worker frees the storage: every access below reads the length and
// the storage and touches the bytes in one step under the bytearray's lock. No Python code runs there.)

/** Byte `i` (negative: counted from the end, at the moment it is read), or -1 if out of range. */
export function baGetByte(rt: Runtime, r: Ref, i: number): number {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const n = baLength(rt, r);
    if (i < 0) i += n;
    return i >= 0 && i < n ? rt.u8[baBase(rt, r) + i]! : -1;
  } finally {
    if (locks !== null) locks.release(r);
  }
}

/** Stores byte `i` (negative: counted from the end, at the moment it is stored); false if out of range. */
export function baSetByte(rt: Runtime, r: Ref, i: number, v: number): boolean {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const n = baLength(rt, r);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return false;
    rt.u8[baBase(rt, r) + i] = v;
    return true;
  } finally {
    if (locks !== null) locks.release(r);
  }
}

/** Appends one byte: the length is read, the storage grown and the byte stored in one step. */
export function baAppendByte(rt: Runtime, r: Ref, v: number): void {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const n = baLength(rt, r);
    resize(rt, r, n + 1);
    rt.u8[baBase(rt, r) + n] = v;
  } finally {
    if (locks !== null) locks.release(r);
  }
}

/** Removes byte `i` (negative: from the end) and returns it; -1 if empty, -2 if out of range. */
export function baPopByte(rt: Runtime, r: Ref, i: number): number {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const n = baLength(rt, r);
    if (n === 0) return -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return -2;
    const v = rt.u8[baBase(rt, r) + i]!;
    replace(rt, r, i, i + 1, []);
    return v;
  } finally {
    if (locks !== null) locks.release(r);
  }
}

/** A copy of the bytes, read in one step. */
export function baCopyBytes(rt: Runtime, r: Ref): Uint8Array {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const base = baBase(rt, r);
    return rt.u8.slice(base, base + baLength(rt, r));
  } finally {
    if (locks !== null) locks.release(r);
  }
}

/** Writes data[k] at indices start + k * step that are below the present length (extended slices), or
 *  reverses the bytes in place (data null), in one step. */
export function baWriteStrided(rt: Runtime, r: Ref, start: number, step: number, data: Uint8Array | null): void {
  const locks = rt.containerLocks;
  if (locks !== null) locks.acquire(r);
  try {
    const base = baBase(rt, r);
    const n = baLength(rt, r);
    if (data === null) {
      rt.u8.subarray(base, base + n).reverse();
      return;
    }
    for (let k = 0, i = start; k < data.length; k++, i += step) if (i >= 0 && i < n) rt.u8[base + i] = data[k]!;
  } finally {
    if (locks !== null) locks.release(r);
  }
}
