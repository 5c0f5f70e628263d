/** Pure str methods with CPython 3.11 semantics over JS strings (split, strip, find, replace, pad, ...); also re-exports the other str helpers. */
import { PyErrorSpec } from './py-error-spec.js';
import { cpMap, hasSurrogate, isHighSurrogate, isLowSurrogate, pyChars, pyLen } from './str-index.js';
import { isLineBreakCode, isSpaceCode } from './str-unicode.js';
import { compiledInSnapshot } from '../regexps.js';

export * from './str-index.js';
export * from './str-case.js';
export * from './str-codec.js';
export * from './str-repr.js';
export * from './str-format.js';

/** Python's None may arrive as null or undefined. */
export type Opt<T> = T | null | undefined;

// ---- searching on code point boundaries ----
// JS indexOf works on UTF-16 units. A needle can only match inside an astral character when it starts
// with a low surrogate or ends with a high one (lone surrogates, as Python allows); only then are matches
// checked, so the common path is the builtin alone.

function needsBoundaryCheck(sub: string): boolean {
  return sub.length > 0 && (isLowSurrogate(sub.charCodeAt(0)) || isHighSurrogate(sub.charCodeAt(sub.length - 1)));
}

/** Whether unit offset u of s is between two code points (not inside a surrogate pair). */
function isBoundary(s: string, u: number): boolean {
  return u <= 0 || u >= s.length || !(isLowSurrogate(s.charCodeAt(u)) && isHighSurrogate(s.charCodeAt(u - 1)));
}

/** First unit offset in [from, to - sub.length] where sub matches whole code points, or -1. */
function findUnits(s: string, sub: string, from: number, to: number): number {
  const last = to - sub.length;
  if (last < from) return -1;
  const check = needsBoundaryCheck(sub);
  for (let i = s.indexOf(sub, from); i >= 0 && i <= last; i = s.indexOf(sub, i + 1)) {
    if (!check || (isBoundary(s, i) && isBoundary(s, i + sub.length))) return i;
  }
  return -1;
}

/** Last unit offset in [from, to - sub.length] where sub matches whole code points, or -1. */
function rfindUnits(s: string, sub: string, from: number, to: number): number {
  let i = to - sub.length;
  if (i < from) return -1;
  const check = needsBoundaryCheck(sub);
  for (;;) {
    i = s.lastIndexOf(sub, i);
    if (i < from) return -1;
    if (!check || (isBoundary(s, i) && isBoundary(s, i + sub.length))) return i;
    if (--i < from) return -1;
  }
}

/** cf. CPython ADJUST_INDICES: start/end of find, count, startswith...; None is 0 / the end. */
function adjustIndices(start: Opt<number>, end: Opt<number>, len: number): [number, number] {
  let a = start ?? 0;
  let b = end ?? len;
  if (b > len) b = len;
  else if (b < 0) {
    b += len;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += len;
    if (a < 0) a = 0;
  }
  return [a, b];
}

/** `sub in s`. */
export function strContains(s: string, sub: string): boolean {
  return findUnits(s, sub, 0, s.length) >= 0;
}

/** str.find(sub[, start[, end]]); cf. CPython any_find_slice. */
export function strFind(s: string, sub: string, start?: Opt<number>, end?: Opt<number>): number {
  const m = cpMap(s);
  const [a, b] = adjustIndices(start, end, m.length);
  if (b - a < pyLen(sub)) return -1;
  const i = findUnits(s, sub, m.toUnit(a), m.toUnit(b));
  return i < 0 ? -1 : m.toCp(i);
}

/** str.rfind(sub[, start[, end]]). */
export function strRfind(s: string, sub: string, start?: Opt<number>, end?: Opt<number>): number {
  const m = cpMap(s);
  const [a, b] = adjustIndices(start, end, m.length);
  if (b - a < pyLen(sub)) return -1;
  const i = rfindUnits(s, sub, m.toUnit(a), m.toUnit(b));
  return i < 0 ? -1 : m.toCp(i);
}

/** str.index(): find, or ValueError. */
export function strIndex(s: string, sub: string, start?: Opt<number>, end?: Opt<number>): number {
  const i = strFind(s, sub, start, end);
  if (i < 0) throw new PyErrorSpec('ValueError', 'substring not found');
  return i;
}

/** str.rindex(): rfind, or ValueError. */
export function strRindex(s: string, sub: string, start?: Opt<number>, end?: Opt<number>): number {
  const i = strRfind(s, sub, start, end);
  if (i < 0) throw new PyErrorSpec('ValueError', 'substring not found');
  return i;
}

/** str.count(sub[, start[, end]]): non-overlapping occurrences; the empty string occurs len+1 times. */
export function strCount(s: string, sub: string, start?: Opt<number>, end?: Opt<number>): number {
  const m = cpMap(s);
  const [a, b] = adjustIndices(start, end, m.length);
  if (b - a < pyLen(sub)) return 0;
  if (sub.length === 0) return b - a + 1;
  const to = m.toUnit(b);
  let n = 0;
  for (let i = findUnits(s, sub, m.toUnit(a), to); i >= 0; i = findUnits(s, sub, i + sub.length, to)) n++;
  return n;
}

/** cf. CPython tailmatch: does s[start:end] start (dir < 0) or end (dir > 0) with sub? */
function tailmatch(s: string, sub: string, start: Opt<number>, end: Opt<number>, dir: -1 | 1): boolean {
  const m = cpMap(s);
  const subLen = pyLen(sub);
  let [a, b] = adjustIndices(start, end, m.length);
  b -= subLen;
  if (b < a) return false;
  if (subLen === 0) return true;
  const from = dir < 0 ? a : b;
  const u = m.toUnit(from);
  // Same unit span and same units means the same code points.
  return m.toUnit(from + subLen) - u === sub.length && s.startsWith(sub, u);
}

/** str.startswith(prefix or tuple of prefixes[, start[, end]]). */
export function strStartswith(s: string, prefix: string | readonly string[], start?: Opt<number>, end?: Opt<number>): boolean {
  if (typeof prefix === 'string') return tailmatch(s, prefix, start, end, -1);
  return prefix.some((p) => tailmatch(s, p, start, end, -1));
}

/** str.endswith(suffix or tuple of suffixes[, start[, end]]). */
export function strEndswith(s: string, suffix: string | readonly string[], start?: Opt<number>, end?: Opt<number>): boolean {
  if (typeof suffix === 'string') return tailmatch(s, suffix, start, end, 1);
  return suffix.some((p) => tailmatch(s, p, start, end, 1));
}

/** str.removeprefix(prefix). */
export function strRemoveprefix(s: string, prefix: string): string {
  return prefix.length > 0 && s.startsWith(prefix) && isBoundary(s, prefix.length) ? s.slice(prefix.length) : s;
}

/** str.removesuffix(suffix). */
export function strRemovesuffix(s: string, suffix: string): string {
  const at = s.length - suffix.length;
  return suffix.length > 0 && s.endsWith(suffix) && isBoundary(s, at) ? s.slice(0, at) : s;
}

// ---- splitting ----

/** Py_UNICODE_ISSPACE as a class (isSpaceCode in str-unicode.ts is the same set, checked by the tests). */
const WHITESPACE_RUN = compiledInSnapshot(/[\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/);
const LINE_BREAK = compiledInSnapshot(/\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/);

/** maxsplit as a count: negative (or None) means no limit. */
const splitLimit = (maxsplit: Opt<number>): number => (maxsplit == null || maxsplit < 0 ? Infinity : maxsplit);

function emptySeparator(): PyErrorSpec {
  return new PyErrorSpec('ValueError', 'empty separator');
}

/** str.split(sep=None, maxsplit=-1); cf. CPython stringlib/split.h split_whitespace and split. */
export function strSplit(s: string, sep?: Opt<string>, maxsplit?: Opt<number>): string[] {
  let max = splitLimit(maxsplit);
  const out: string[] = [];
  const n = s.length;
  if (sep == null) {
    if (max === Infinity) {
      // Runs of whitespace separate the words; only the ends can give empty strings.
      const words = s.split(WHITESPACE_RUN);
      if (words[0] === '') words.shift();
      if (words.length > 0 && words[words.length - 1] === '') words.pop();
      return words;
    }
    // Whitespace characters are all in the BMP and never surrogates, so units will do.
    let i = 0;
    while (max-- > 0) {
      while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
      if (i === n) break;
      const j = i++;
      while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
      out.push(s.slice(j, i));
    }
    if (i < n) {
      // Only when maxsplit ran out: skip whitespace, keep the rest.
      while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
      if (i !== n) out.push(s.slice(i));
    }
    return out;
  }
  if (sep.length === 0) throw emptySeparator();
  if (max === Infinity && !needsBoundaryCheck(sep)) return s.split(sep);
  let i = 0;
  while (max-- > 0) {
    const j = findUnits(s, sep, i, n);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

/** str.rsplit(sep=None, maxsplit=-1); cf. CPython stringlib/split.h rsplit_whitespace and rsplit. */
export function strRsplit(s: string, sep?: Opt<string>, maxsplit?: Opt<number>): string[] {
  let max = splitLimit(maxsplit);
  const out: string[] = [];
  if (sep == null) {
    // Without a limit, whitespace splits the same from either end.
    if (max === Infinity) return strSplit(s, null, -1);
    let i = s.length - 1;
    while (max-- > 0) {
      while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
      if (i < 0) break;
      const j = i--;
      while (i >= 0 && !isSpaceCode(s.charCodeAt(i))) i--;
      out.push(s.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
      if (i >= 0) out.push(s.slice(0, i + 1));
    }
    return out.reverse();
  }
  if (sep.length === 0) throw emptySeparator();
  let j = s.length;
  while (max-- > 0) {
    const pos = rfindUnits(s, sep, 0, j);
    if (pos < 0) break;
    out.push(s.slice(pos + sep.length, j));
    j = pos;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

/** str.splitlines(keepends=False): \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029; cf. CPython stringlib splitlines. */
export function strSplitlines(s: string, keepends = false): string[] {
  if (!keepends) {
    if (s.length === 0) return [];
    const lines = s.split(LINE_BREAK);
    // A break at the very end ends the last line rather than starting an empty one.
    if (isLineBreakCode(s.charCodeAt(s.length - 1))) lines.pop();
    return lines;
  }
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isLineBreakCode(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      i += s.charCodeAt(i) === 0x0d && i + 1 < n && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      if (keepends) eol = i;
    }
    out.push(s.slice(j, eol));
  }
  return out;
}

/** str.partition(sep). */
export function strPartition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw emptySeparator();
  const i = findUnits(s, sep, 0, s.length);
  return i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

/** str.rpartition(sep). */
export function strRpartition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw emptySeparator();
  const i = rfindUnits(s, sep, 0, s.length);
  return i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

/** sep.join(items), the items already checked to be str. */
export function strJoin(sep: string, items: readonly string[]): string {
  return items.join(sep);
}

// ---- stripping ----

const LEFT = 1;
const RIGHT = 2;

/** cf. CPython do_strip (whitespace) and _PyUnicode_XStrip (a set of characters). */
function doStrip(s: string, chars: Opt<string>, sides: number): string {
  let i = 0;
  let j = s.length;
  if (chars == null) {
    if (sides & LEFT) while (i < j && isSpaceCode(s.charCodeAt(i))) i++;
    if (sides & RIGHT) while (j > i && isSpaceCode(s.charCodeAt(j - 1))) j--;
    return s.slice(i, j);
  }
  if (!hasSurrogate(chars)) {
    // No surrogate in the set, so no half of an astral character can match.
    if (sides & LEFT) while (i < j && chars.includes(s[i]!)) i++;
    if (sides & RIGHT) while (j > i && chars.includes(s[j - 1]!)) j--;
    return s.slice(i, j);
  }
  const set = new Set(pyChars(chars));
  const cs = pyChars(s);
  let a = 0;
  let b = cs.length;
  if (sides & LEFT) while (a < b && set.has(cs[a]!)) a++;
  if (sides & RIGHT) while (b > a && set.has(cs[b - 1]!)) b--;
  return cs.slice(a, b).join('');
}

/** str.strip(chars=None). */
export const strStrip = (s: string, chars?: Opt<string>): string => doStrip(s, chars, LEFT | RIGHT);
/** str.lstrip(chars=None). */
export const strLstrip = (s: string, chars?: Opt<string>): string => doStrip(s, chars, LEFT);
/** str.rstrip(chars=None). */
export const strRstrip = (s: string, chars?: Opt<string>): string => doStrip(s, chars, RIGHT);

// ---- replacing ----

/** str.replace(old, new, count=-1); cf. CPython unicodeobject.c replace (empty old interleaves). */
export function strReplace(s: string, old: string, repl: string, count?: Opt<number>): string {
  let max = splitLimit(count);
  if (max === 0) return s;
  if (old.length === 0) {
    // Insert repl before each of the first max-1 characters and then once more: min(len+1, max) times.
    const chars = pyChars(s);
    let n = Math.min(chars.length + 1, max);
    let out = repl;
    let i = 0;
    while (--n > 0) out += chars[i++]! + repl;
    return i === 0 ? out + s : out + chars.slice(i).join('');
  }
  if (max === Infinity && !needsBoundaryCheck(old)) {
    // '$' is special in replacement strings; '$$' stands for itself.
    return s.replaceAll(old, repl.includes('$') ? repl.replace(/\$/g, '$$$$') : repl);
  }
  let out = '';
  let i = 0;
  while (max-- > 0) {
    const j = findUnits(s, old, i, s.length);
    if (j < 0) break;
    out += s.slice(i, j) + repl;
    i = j + old.length;
  }
  return i === 0 ? s : out + s.slice(i);
}

// ---- padding ----

function fillOf(fillchar: Opt<string>): string {
  const f = fillchar ?? ' ';
  if (pyLen(f) !== 1) throw new PyErrorSpec('TypeError', 'The fill character must be exactly one character long');
  return f;
}

/** str.center(width, fillchar=' '); cf. CPython unicode_center_impl (odd margins favour the left when width is odd). */
export function strCenter(s: string, width: number, fillchar?: Opt<string>): string {
  const f = fillOf(fillchar);
  const len = pyLen(s);
  if (len >= width) return s;
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return f.repeat(left) + s + f.repeat(marg - left);
}

/** str.ljust(width, fillchar=' '). */
export function strLjust(s: string, width: number, fillchar?: Opt<string>): string {
  const f = fillOf(fillchar);
  const len = pyLen(s);
  return len >= width ? s : s + f.repeat(width - len);
}

/** str.rjust(width, fillchar=' '). */
export function strRjust(s: string, width: number, fillchar?: Opt<string>): string {
  const f = fillOf(fillchar);
  const len = pyLen(s);
  return len >= width ? s : f.repeat(width - len) + s;
}

/** str.zfill(width): zeros go after a leading sign. */
export function strZfill(s: string, width: number): string {
  const len = pyLen(s);
  if (len >= width) return s;
  const zeros = '0'.repeat(width - len);
  const c = s[0];
  return c === '+' || c === '-' ? c + zeros + s.slice(1) : zeros + s;
}

/** str.expandtabs(tabsize=8): columns restart after \n and \r only; cf. CPython unicode_expandtabs_impl. */
export function strExpandtabs(s: string, tabsize = 8): string {
  if (!s.includes('\t')) return s;
  let out = '';
  let col = 0;
  let from = 0;
  for (let u = 0; u < s.length; u++) {
    const c = s.charCodeAt(u);
    if (c === 0x09) {
      out += s.slice(from, u);
      from = u + 1;
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        out += ' '.repeat(incr);
        col += incr;
      }
    } else if (c === 0x0a || c === 0x0d) {
      col = 0;
    } else if (!(isLowSurrogate(c) && u > 0 && isHighSurrogate(s.charCodeAt(u - 1)))) {
      col++;
    }
  }
  return out + s.slice(from);
}

// ---- translate ----

/** A translation table value: a code point, a replacement string, or null to delete. */
export type TransValue = number | string | null;

/** str.maketrans(x[, y[, z]]). With one argument, x is the dict's items (keys str of length 1 or int);
 *  with two or three, x and y are equal-length strs and z's characters map to None. */
export function strMaketrans<V = TransValue>(
  x: string | Iterable<readonly [unknown, V]>, y?: Opt<string>, z?: Opt<string>,
): Map<number, V | number | null> {
  const table = new Map<number, V | number | null>();
  if (y == null) {
    if (typeof x === 'string') {
      throw new PyErrorSpec('TypeError', 'if you give only one argument to maketrans it must be a dict');
    }
    for (const [key, value] of x) {
      if (typeof key === 'string') {
        if (pyLen(key) !== 1) throw new PyErrorSpec('ValueError', 'string keys in translate table must be of length 1');
        table.set(key.codePointAt(0)!, value);
      } else if (typeof key === 'number' || typeof key === 'bigint') {
        table.set(Number(key), value);
      } else {
        throw new PyErrorSpec('TypeError', 'keys in translate table must be strings or integers');
      }
    }
    return table;
  }
  if (typeof x !== 'string') {
    throw new PyErrorSpec('TypeError', 'first maketrans argument must be a string if there is a second argument');
  }
  const xs = pyChars(x);
  const ys = pyChars(y);
  if (xs.length !== ys.length) {
    throw new PyErrorSpec('ValueError', 'the first two maketrans arguments must have equal length');
  }
  for (let i = 0; i < xs.length; i++) table.set(xs[i]!.codePointAt(0)!, ys[i]!.codePointAt(0)!);
  if (z != null) for (const c of pyChars(z)) table.set(c.codePointAt(0)!, null);
  return table;
}

/** str.translate(table): the table as a Map or a lookup returning undefined for "not in table" (LookupError). */
export function strTranslate(s: string, table: ReadonlyMap<number, TransValue> | ((cp: number) => TransValue | undefined)): string {
  const lookup = typeof table === 'function' ? table : (cp: number) => table.get(cp);
  let out = '';
  for (let u = 0; u < s.length;) {
    const cp = s.codePointAt(u)!;
    const w = cp > 0xffff ? 2 : 1;
    const v = lookup(cp);
    if (v === undefined) out += s.slice(u, u + w);
    else if (typeof v === 'number') {
      if (!(v >= 0 && v <= 0x10ffff)) throw new PyErrorSpec('ValueError', 'character mapping must be in range(0x110000)');
      out += String.fromCodePoint(v);
    } else if (v !== null) {
      out += v;
    }
    u += w;
  }
  return out;
}

// ---- hashing ----

/** A deterministic str hash: FNV-1a over code points as a signed 32-bit int, 0 for '' and never -1.
 *  CPython's own is keyed SipHash (randomized per process), so no program can rely on its values. */
export function strHash(s: string): number {
  if (s.length === 0) return 0;
  let h = 0x811c9dc5;
  for (let u = 0; u < s.length; u++) {
    let c = s.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < s.length) {
      const d = s.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        u++;
      }
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h === -1 ? -2 : h | 0;
}
