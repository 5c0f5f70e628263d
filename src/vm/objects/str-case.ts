/** str case conversions (upper, lower, casefold, capitalize, title, swapcase) and the is...() predicates, as CPython 3.11. */
import {
  CASE_FOLD, CASE_LOWER, CASE_TITLE, CASE_UPPER, caseMap, charFlags, FLAG_ALPHA, FLAG_CASE_IGNORABLE, FLAG_CASED,
  FLAG_DECIMAL, FLAG_DIGIT, FLAG_LOWER, FLAG_NUMERIC, FLAG_PRINTABLE, FLAG_TITLE, FLAG_UPPER, FLAG_XID_CONTINUE,
  FLAG_XID_START, isSpaceCode,
} from './str-unicode.js';
import { compiledInSnapshot } from '../regexps.js';

const ASCII_ONLY = compiledInSnapshot(/^[\x00-\x7f]*$/);
const SIGMA = 0x3a3;
// In ASCII the cased characters are exactly the letters, so title() capitalizes runs of letters.
const ASCII_WORD = compiledInSnapshot(/[A-Za-z]+/g);
const asciiTitleWord = (w: string): string => w[0]!.toUpperCase() + w.slice(1).toLowerCase();

/** The code point starting at unit u (a lone surrogate is its own code point). */
function cpAt(s: string, u: number): number {
  const c = s.charCodeAt(u);
  if (c >= 0xd800 && c <= 0xdbff && u + 1 < s.length) {
    const d = s.charCodeAt(u + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The unit where the code point ending just before unit u starts. */
function prevStart(s: string, u: number): number {
  const d = s.charCodeAt(u - 1);
  if (d >= 0xdc00 && d <= 0xdfff && u >= 2) {
    const c = s.charCodeAt(u - 2);
    if (c >= 0xd800 && c <= 0xdbff) return u - 2;
  }
  return u - 1;
}

/** Whether the capital sigma at unit u is in the Final_Sigma context:
 *  \p{cased} \p{case-ignorable}* U+03A3 !(\p{case-ignorable}* \p{cased}); cf. CPython handle_capital_sigma. */
function isFinalSigma(s: string, u: number): boolean {
  let j = u;
  let f = 0;
  for (;;) {
    if (j === 0) return false;
    j = prevStart(s, j);
    f = charFlags(cpAt(s, j));
    if (!(f & FLAG_CASE_IGNORABLE)) break;
  }
  if (!(f & FLAG_CASED)) return false;
  for (j = u + 1; j < s.length;) {
    const c = cpAt(s, j);
    const g = charFlags(c);
    if (!(g & FLAG_CASE_IGNORABLE)) return !(g & FLAG_CASED);
    j += c > 0xffff ? 2 : 1;
  }
  return true;
}

/** cf. CPython lower_ucs4: the full lowercase mapping, with U+03A3 decided by context. */
function lowerAt(s: string, u: number, cp: number): string {
  if (cp === SIGMA) return isFinalSigma(s, u) ? '\u03c2' : '\u03c3';
  return caseMap(cp, CASE_LOWER);
}

const asciiUpper = (t: string): string => t.toUpperCase();
const asciiLower = (t: string): string => t.toLowerCase();

/** Maps each character: runs of ASCII through the JS builtin (exact there), the rest through the table. */
function mapChars(s: string, ascii: (t: string) => string, other: (s: string, u: number, cp: number) => string): string {
  if (ASCII_ONLY.test(s)) return ascii(s);
  let out = '';
  let from = 0;
  for (let u = 0; u < s.length;) {
    if (s.charCodeAt(u) < 0x80) {
      u++;
      continue;
    }
    if (from < u) out += ascii(s.slice(from, u));
    const cp = cpAt(s, u);
    out += other(s, u, cp);
    u += cp > 0xffff ? 2 : 1;
    from = u;
  }
  return from < s.length ? out + ascii(s.slice(from)) : out;
}

const upperOf = (_s: string, _u: number, cp: number): string => caseMap(cp, CASE_UPPER);
const foldOf = (_s: string, _u: number, cp: number): string => caseMap(cp, CASE_FOLD);

/** str.upper(). */
export function strUpper(s: string): string {
  return mapChars(s, asciiUpper, upperOf);
}

/** str.lower(). */
export function strLower(s: string): string {
  return mapChars(s, asciiLower, lowerAt);
}

/** str.casefold(): full case folding, no context (so U+03A3 folds to U+03C3 everywhere). */
export function strCasefold(s: string): string {
  return mapChars(s, asciiLower, foldOf);
}

/** str.capitalize(): titlecase for the first character (since 3.8), lowercase for the rest; cf. CPython do_capitalize. */
export function strCapitalize(s: string): string {
  if (s.length === 0) return s;
  if (ASCII_ONLY.test(s)) return s[0]!.toUpperCase() + s.slice(1).toLowerCase();
  const first = cpAt(s, 0);
  let out = caseMap(first, CASE_TITLE);
  for (let u = first > 0xffff ? 2 : 1; u < s.length;) {
    const cp = cpAt(s, u);
    out += lowerAt(s, u, cp);
    u += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** str.title(): titlecase after an uncased character, lowercase after a cased one; cf. CPython do_title. */
export function strTitle(s: string): string {
  if (ASCII_ONLY.test(s)) return s.replace(ASCII_WORD, asciiTitleWord);
  let out = '';
  let previousIsCased = false;
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    if (cp < 0x80) {
      // ASCII: cased exactly when a letter.
      const isUpper = cp >= 0x41 && cp <= 0x5a;
      const isLower = cp >= 0x61 && cp <= 0x7a;
      out += previousIsCased ? (isUpper ? String.fromCharCode(cp + 32) : s[u]) : (isLower ? String.fromCharCode(cp - 32) : s[u]);
      previousIsCased = isUpper || isLower;
      u++;
      continue;
    }
    out += previousIsCased ? lowerAt(s, u, cp) : caseMap(cp, CASE_TITLE);
    previousIsCased = (charFlags(cp) & FLAG_CASED) !== 0;
    u += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** str.swapcase(); cf. CPython do_swapcase (uppercase characters lower with the sigma rule). */
export function strSwapcase(s: string): string {
  let out = '';
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    const f = charFlags(cp);
    if (f & FLAG_UPPER) out += lowerAt(s, u, cp);
    else if (f & FLAG_LOWER) out += caseMap(cp, CASE_UPPER);
    else out += cp > 0xffff ? s.slice(u, u + 2) : s[u];
    u += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** True when s is non-empty and every character has one of the flags in mask. */
function allHave(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    if (!(charFlags(cp) & mask)) return false;
    u += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** str.isdecimal(): Unicode decimal digits (category Nd). */
export const strIsdecimal = (s: string): boolean => allHave(s, FLAG_DECIMAL);
/** str.isdigit(): characters with a digit value, e.g. superscripts and circled digits as well. */
export const strIsdigit = (s: string): boolean => allHave(s, FLAG_DIGIT);
/** str.isnumeric(): characters with a numeric value, e.g. '½' and CJK numerals as well. */
export const strIsnumeric = (s: string): boolean => allHave(s, FLAG_NUMERIC);
/** str.isalpha(): categories Lm, Lt, Lu, Ll, Lo. */
export const strIsalpha = (s: string): boolean => allHave(s, FLAG_ALPHA);
/** str.isalnum(): every character isalpha, isdecimal, isdigit or isnumeric. */
export const strIsalnum = (s: string): boolean => allHave(s, FLAG_ALPHA | FLAG_DECIMAL | FLAG_DIGIT | FLAG_NUMERIC);

/** str.isspace(). */
export function strIsspace(s: string): boolean {
  if (s.length === 0) return false;
  for (let u = 0; u < s.length; u++) if (!isSpaceCode(s.charCodeAt(u))) return false;
  return true;
}

/** str.isprintable(): true for the empty string. */
export function strIsprintable(s: string): boolean {
  return s.length === 0 || allHave(s, FLAG_PRINTABLE);
}

/** str.isascii(). */
export function strIsascii(s: string): boolean {
  return ASCII_ONLY.test(s);
}

/** str.islower(): some cased character and no uppercase or titlecase one; cf. CPython unicode_islower_impl. */
export function strIslower(s: string): boolean {
  let cased = false;
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    const f = charFlags(cp);
    if (f & (FLAG_UPPER | FLAG_TITLE)) return false;
    if (f & FLAG_LOWER) cased = true;
    u += cp > 0xffff ? 2 : 1;
  }
  return cased;
}

/** str.isupper(); cf. CPython unicode_isupper_impl. */
export function strIsupper(s: string): boolean {
  let cased = false;
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    const f = charFlags(cp);
    if (f & (FLAG_LOWER | FLAG_TITLE)) return false;
    if (f & FLAG_UPPER) cased = true;
    u += cp > 0xffff ? 2 : 1;
  }
  return cased;
}

/** str.istitle(): uppercase/titlecase only after uncased characters, lowercase only after cased ones;
 *  cf. CPython unicode_istitle_impl. */
export function strIstitle(s: string): boolean {
  let cased = false;
  let previousIsCased = false;
  for (let u = 0; u < s.length;) {
    const cp = cpAt(s, u);
    const f = charFlags(cp);
    if (f & (FLAG_UPPER | FLAG_TITLE)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (f & FLAG_LOWER) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else {
      previousIsCased = false;
    }
    u += cp > 0xffff ? 2 : 1;
  }
  return cased;
}

/** str.isidentifier(): XID_Start or '_', then XID_Continue*; keywords count (cf. CPython _PyUnicode_ScanIdentifier). */
export function strIsidentifier(s: string): boolean {
  if (s.length === 0) return false;
  const first = cpAt(s, 0);
  if (first !== 0x5f && !(charFlags(first) & FLAG_XID_START)) return false;
  for (let u = first > 0xffff ? 2 : 1; u < s.length;) {
    const cp = cpAt(s, u);
    if (!(charFlags(cp) & FLAG_XID_CONTINUE)) return false;
    u += cp > 0xffff ? 2 : 1;
  }
  return true;
}
