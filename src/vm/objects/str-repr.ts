/** repr() and ascii() of a str, character for character as CPython 3.11 writes them. */
import { charFlags, FLAG_PRINTABLE } from './str-unicode.js';
import { compiledInSnapshot } from '../regexps.js';

const PLAIN_ASCII = compiledInSnapshot(/^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/);
const NON_ASCII = compiledInSnapshot(/[^\x00-\x7f]/gu);

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The \x, \u or \U escape of a code point; cf. CPython's backslashreplace. */
export function escapeCodePoint(cp: number): string {
  return cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
}

/** repr(s): single quotes unless s has ' and no ", escapes for the unprintable; cf. CPython unicode_repr. */
export function strRepr(s: string): string {
  if (PLAIN_ASCII.test(s)) return "'" + s + "'";
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  // Copy runs of characters that stand for themselves; escape the rest.
  let out = quote;
  let from = 0;
  for (let u = 0; u < s.length;) {
    const cp = s.codePointAt(u)!;
    const w = cp > 0xffff ? 2 : 1;
    let esc: string | null = null;
    if (cp < 0x7f) {
      if (cp === 0x5c || cp === quote.charCodeAt(0)) esc = '\\' + s[u];
      else if (cp === 0x09) esc = '\\t';
      else if (cp === 0x0a) esc = '\\n';
      else if (cp === 0x0d) esc = '\\r';
      else if (cp < 0x20) esc = '\\x' + hex(cp, 2);
    } else if (cp === 0x7f || !(charFlags(cp) & FLAG_PRINTABLE)) {
      esc = escapeCodePoint(cp);
    }
    if (esc !== null) {
      out += s.slice(from, u) + esc;
      from = u + w;
    }
    u += w;
  }
  out += s.slice(from);
  return out + quote;
}

/** ascii(s): repr(s) with every non-ASCII character escaped. */
export function strAscii(s: string): string {
  return strRepr(s).replace(NON_ASCII, (c) => escapeCodePoint(c.codePointAt(0)!));
}
