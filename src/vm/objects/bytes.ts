/** bytes: an immutable byte string, its length then its bytes inline. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';

export const BYTES_LENGTH = 16;
export const BYTES_HASH = 20;
export const BYTES_DATA = 24;

/** A new bytes object holding a copy of `data` (new reference). */
export function newBytes(rt: Runtime, data: Uint8Array): Ref {
  const r = rt.allocKind(Kind.BYTES, BYTES_DATA + data.length + 1);
  rt.i32[(r + BYTES_LENGTH) >> 2] = data.length;
  rt.u8.set(data, r + BYTES_DATA);
  return r;
}
export function bytesLength(rt: Runtime, r: Ref): number {
  return rt.i32[(r + BYTES_LENGTH) >> 2]!;
}
/** A copy of the bytes (the heap view is shared, so callers get their own array). */
export function bytesValue(rt: Runtime, r: Ref): Uint8Array {
  const n = bytesLength(rt, r);
  return rt.u8.slice(r + BYTES_DATA, r + BYTES_DATA + n);
}
