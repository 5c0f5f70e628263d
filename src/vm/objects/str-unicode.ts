/** Per-character Unicode data as CPython 3.11 sees it (Unicode 14.0): type flags, decimal values, full case mappings. */
import { RECORDS, RUNS } from './str-unicode.gen.js';

// Flag bits of a record; cf. CPython Objects/unicodectype.c (ALPHA_MASK, DECIMAL_MASK, ...).
// Keep in sync with scripts/gen_str_unicode.py.
export const FLAG_ALPHA = 1 << 0;
export const FLAG_DECIMAL = 1 << 1;
export const FLAG_DIGIT = 1 << 2;
export const FLAG_NUMERIC = 1 << 3;
export const FLAG_LOWER = 1 << 4;
export const FLAG_UPPER = 1 << 5;
export const FLAG_TITLE = 1 << 6;
export const FLAG_SPACE = 1 << 7;
export const FLAG_PRINTABLE = 1 << 8;
export const FLAG_XID_START = 1 << 9;
export const FLAG_XID_CONTINUE = 1 << 10;
export const FLAG_CASED = 1 << 11;
export const FLAG_CASE_IGNORABLE = 1 << 12;

const N = RECORDS.length;
const recFlags = new Uint16Array(N);
const recDecimal = new Int8Array(N);
/** Mapping kinds 0..3 = upper, lower, title, fold: a delta per record, or a string when longer than one character. */
const recDelta = [new Int32Array(N), new Int32Array(N), new Int32Array(N), new Int32Array(N)];
const recFull: (string | null)[][] = [[], [], [], []];
for (let r = 0; r < N; r++) {
  const rec = RECORDS[r]!;
  recFlags[r] = rec[0];
  recDecimal[r] = rec[1];
  for (let k = 0; k < 4; k++) {
    const m = rec[2 + k]!;
    if (typeof m === 'number') {
      recDelta[k]![r] = m;
      recFull[k]![r] = null;
    } else {
      recFull[k]![r] = m;
    }
  }
}

// The BMP gets a flat record-index table (128 KiB, built once); astral code points, rare in
// practice, binary-search the run starts.
const runStarts: number[] = [];
const runRecords: number[] = [];
{
  let start = 0;
  for (let i = 0; i < RUNS.length; i += 2) {
    start += RUNS[i]!;
    runStarts.push(start);
    runRecords.push(RUNS[i + 1]!);
  }
}
const bmp = new Uint16Array(0x10000);
for (let i = 0; i < runStarts.length && runStarts[i]! < 0x10000; i++) {
  const end = Math.min(i + 1 < runStarts.length ? runStarts[i + 1]! : 0x110000, 0x10000);
  bmp.fill(runRecords[i]!, runStarts[i]!, end);
}

function recordOf(cp: number): number {
  if (cp < 0x10000) return bmp[cp]!;
  let lo = 0;
  let hi = runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return runRecords[lo]!;
}

// The flags are the hottest lookup (is...() loops), so the BMP gets them directly too.
const bmpFlags = new Uint16Array(0x10000);
for (let cp = 0; cp < 0x10000; cp++) bmpFlags[cp] = recFlags[bmp[cp]!]!;

/** The FLAG_* bits of a code point. */
export function charFlags(cp: number): number {
  return cp < 0x10000 ? bmpFlags[cp]! : recFlags[recordOf(cp)]!;
}

/** The decimal digit value (0-9) of a code point, or -1; cf. CPython _PyUnicode_ToDecimalDigit. */
export function charDecimal(cp: number): number {
  return recDecimal[recordOf(cp)]!;
}

/** Which case mapping: upper, lower, title or casefold. */
export type CaseKind = 0 | 1 | 2 | 3;
export const CASE_UPPER = 0, CASE_LOWER = 1, CASE_TITLE = 2, CASE_FOLD = 3;

/** The full case mapping of one code point (1-3 characters); cf. CPython _PyUnicode_ToUpperFull and
 *  friends. Lower gives U+03A3's non-final form: the Final_Sigma context is the caller's business. */
export function caseMap(cp: number, kind: CaseKind): string {
  const r = recordOf(cp);
  const full = recFull[kind]![r];
  if (full != null) return full;
  return String.fromCodePoint(cp + recDelta[kind]![r]!);
}

/** Like caseMap, for callers that only need to know whether the character changes. */
export function caseDelta(cp: number, kind: CaseKind): number | string {
  const r = recordOf(cp);
  return recFull[kind]![r] ?? recDelta[kind]![r]!;
}

/** Py_UNICODE_ISSPACE; cf. CPython _PyUnicode_IsWhitespace (the characters of bidi class WS, B or S, or category Zs). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Py_UNICODE_ISLINEBREAK: the boundaries str.splitlines() splits on; cf. CPython _PyUnicode_IsLinebreak. */
export function isLineBreakCode(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}
