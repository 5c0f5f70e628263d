/** Code point indexing over JS strings: a Python str is a sequence of code points, a JS string one of UTF-16 units. */
import { PyErrorSpec } from './py-error-spec.js';
import { compiledInSnapshot } from '../regexps.js';

// A JS string cannot tell Python's '\U0001F600' from the two lone surrogates '\ud83d\ude00': both are
// the same two units. We read every high+low pair as one astral character; lone surrogates are one
// character each, as in Python.

const ASTRAL = compiledInSnapshot(/[\uD800-\uDBFF][\uDC00-\uDFFF]/);
const SURROGATE = compiledInSnapshot(/[\uD800-\uDFFF]/);

/** True when the string holds an astral character, i.e. code point and unit indices differ. */
export function hasAstral(s: string): boolean {
  return ASTRAL.test(s);
}

/** True when the string holds any surrogate unit (paired or lone). */
export function hasSurrogate(s: string): boolean {
  return SURROGATE.test(s);
}

export const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
export const isLowSurrogate = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

/** Maps code point indices to UTF-16 unit offsets and back. Identity (O(1)) when the string has no
 *  astral character; otherwise O(log k) in the number k of astral characters. The VM may keep one per
 *  str object; the free functions below memoize the last few. */
export class CodePointMap {
  /** Length in code points. */
  readonly length: number;
  /** Code point indices of the astral characters, ascending; null when there are none. */
  private readonly astral: Int32Array | null;

  constructor(readonly s: string) {
    if (!ASTRAL.test(s)) {
      this.length = s.length;
      this.astral = null;
      return;
    }
    const at: number[] = [];
    let cp = 0;
    for (let u = 0; u < s.length; u++, cp++) {
      const c = s.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < s.length && isLowSurrogate(s.charCodeAt(u + 1))) {
        at.push(cp);
        u++;
      }
    }
    this.length = cp;
    this.astral = Int32Array.from(at);
  }

  /** True when unit and code point indices coincide. */
  get isIdentity(): boolean {
    return this.astral === null;
  }

  /** Unit offset of code point index i (0 <= i <= length). */
  toUnit(i: number): number {
    const a = this.astral;
    if (a === null) return i;
    // Every astral character before index i adds one unit.
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return i + lo;
  }

  /** Code point index of unit offset u (u on a code point boundary, 0 <= u <= s.length). */
  toCp(u: number): number {
    const a = this.astral;
    if (a === null) return u;
    // The k-th astral character (0-based) starts at unit a[k] + k; count those starting before u.
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! + mid < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  }
}

// A few recent maps, so that `for i in range(len(s)): s[i]` stays linear; short strings are cheap
// to scan, so they skip the cache.
const CACHE_SIZE = 4;
const cache: (CodePointMap | null)[] = new Array<CodePointMap | null>(CACHE_SIZE).fill(null);
let cacheNext = 0;

/** The CodePointMap of a string (memoized for long strings). */
export function cpMap(s: string): CodePointMap {
  if (s.length < 32) return new CodePointMap(s);
  for (let i = 0; i < CACHE_SIZE; i++) {
    const m = cache[i];
    if (m !== null && m !== undefined && m.s === s) return m;
  }
  const m = new CodePointMap(s);
  cache[cacheNext] = m;
  cacheNext = (cacheNext + 1) % CACHE_SIZE;
  return m;
}

/** len(s). */
export function pyLen(s: string): number {
  if (s.length >= 32) return cpMap(s).length;
  return ASTRAL.test(s) ? new CodePointMap(s).length : s.length;
}

/** s[i] for an int i (negative counts from the end); IndexError when out of range. */
export function pyIndex(s: string, i: number): string {
  if (s.length >= 32 ? cpMap(s).isIdentity : !ASTRAL.test(s)) {
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw new PyErrorSpec('IndexError', 'string index out of range');
    return s[i]!;
  }
  const m = cpMap(s);
  if (i < 0) i += m.length;
  if (i < 0 || i >= m.length) throw new PyErrorSpec('IndexError', 'string index out of range');
  const u = m.toUnit(i);
  const c = s.charCodeAt(u);
  return isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(u + 1)) ? s.slice(u, u + 2) : s[u]!;
}

/** Normalized slice bounds; cf. CPython PySlice_Unpack + PySlice_AdjustIndices. */
export interface SliceBounds { start: number; stop: number; step: number; length: number }

/** Resolves a slice's start/stop/step (null/undefined = None) against a sequence length. */
export function sliceIndices(len: number, start: number | null | undefined, stop: number | null | undefined,
  step: number | null | undefined = null): SliceBounds {
  // 1. PySlice_Unpack: None becomes the extreme index for the step's direction.
  const st = step ?? 1;
  if (st === 0) throw new PyErrorSpec('ValueError', 'slice step cannot be zero');
  let a = start ?? (st < 0 ? Number.MAX_SAFE_INTEGER : 0);
  let b = stop ?? (st < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);
  // 2. PySlice_AdjustIndices: clamp into range.
  if (a < 0) {
    a += len;
    if (a < 0) a = st < 0 ? -1 : 0;
  } else if (a >= len) {
    a = st < 0 ? len - 1 : len;
  }
  if (b < 0) {
    b += len;
    if (b < 0) b = st < 0 ? -1 : 0;
  } else if (b >= len) {
    b = st < 0 ? len - 1 : len;
  }
  let n = 0;
  if (st < 0) {
    if (b < a) n = Math.floor((a - b - 1) / -st) + 1;
  } else if (a < b) {
    n = Math.floor((b - a - 1) / st) + 1;
  }
  return { start: a, stop: b, step: st, length: n };
}

/** s[start:stop:step] with indices already normalized by sliceIndices. */
export function pySlice(s: string, start: number, stop: number, step: number): string {
  const m = cpMap(s);
  if (step === 1) {
    if (stop <= start) return '';
    return m.isIdentity ? s.slice(start, stop) : s.slice(m.toUnit(start), m.toUnit(stop));
  }
  const n = step < 0 ? (stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0)
    : (start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0);
  if (n === 0) return '';
  if (m.isIdentity) {
    let out = '';
    for (let k = 0, i = start; k < n; k++, i += step) out += s[i];
    return out;
  }
  const chars = Array.from(s);
  let out = '';
  for (let k = 0, i = start; k < n; k++, i += step) out += chars[i];
  return out;
}

/** The characters of s, one code point each (iteration order of `for c in s`). */
export function pyChars(s: string): string[] {
  return ASTRAL.test(s) ? Array.from(s) : s.split('');
}

/** ord(c) for a one-character str; TypeError otherwise, with CPython's message. */
export function pyOrd(c: string): number {
  const n = pyLen(c);
  if (n !== 1) {
    throw new PyErrorSpec('TypeError', `ord() expected a character, but string of length ${n} found`);
  }
  return c.codePointAt(0)!;
}

/** chr(i); ValueError outside range(0x110000). */
export function pyChr(i: number): string {
  if (!(i >= 0 && i <= 0x10ffff)) throw new PyErrorSpec('ValueError', 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(i);
}

/** Compares in code point order, as Python's str comparisons do (JS `<` compares UTF-16 units,
 *  which puts astral characters before U+E000..U+FFFF). Returns -1, 0 or 1. */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : 1;
  // Step back onto a shared high surrogate so both sides are read as whole code points.
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1)) &&
    (isLowSurrogate(a.charCodeAt(i)) || isLowSurrogate(b.charCodeAt(i)))) i--;
  const x = a.codePointAt(i)!;
  const y = b.codePointAt(i)!;
  return x < y ? -1 : x > y ? 1 : 0;
}
