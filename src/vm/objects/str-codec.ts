/** str.encode / bytes.decode for the utf-8, ascii and latin-1 codecs with CPython's error handlers and messages. */
import { PyErrorSpec } from './py-error-spec.js';
import { escapeCodePoint } from './str-repr.js';
import { compiledInSnapshot } from '../regexps.js';

/** A UnicodeEncodeError or UnicodeDecodeError, with the fields the VM needs to build the exception object
 *  (start and end count code points when encoding, bytes when decoding). */
export class UnicodeErrorSpec extends PyErrorSpec {
  constructor(pyType: 'UnicodeEncodeError' | 'UnicodeDecodeError', message: string, readonly encoding: string,
    readonly object: string | Uint8Array, readonly start: number, readonly end: number, readonly reason: string) {
    super(pyType, message);
  }
}

/** The codecs implemented here, by the name CPython's messages use. */
export type CodecName = 'utf-8' | 'ascii' | 'latin-1';

// cf. CPython Lib/encodings/aliases.py: the entries for utf_8, ascii and latin_1.
const ALIASES = new Map<string, CodecName>(Object.entries({
  utf_8: 'utf-8', cp65001: 'utf-8', u8: 'utf-8', utf: 'utf-8', utf8: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8',
  ascii: 'ascii', '646': 'ascii', 'ansi_x3.4_1968': 'ascii', 'ansi_x3.4_1986': 'ascii', ansi_x3_4_1968: 'ascii',
  cp367: 'ascii', csascii: 'ascii', ibm367: 'ascii', iso646_us: 'ascii', 'iso_646.irv_1991': 'ascii',
  iso_ir_6: 'ascii', us: 'ascii', us_ascii: 'ascii',
  latin_1: 'latin-1', '8859': 'latin-1', cp819: 'latin-1', csisolatin1: 'latin-1', ibm819: 'latin-1',
  iso8859: 'latin-1', iso8859_1: 'latin-1', iso_8859_1: 'latin-1', iso_8859_1_1987: 'latin-1',
  iso_ir_100: 'latin-1', l1: 'latin-1', latin: 'latin-1', latin1: 'latin-1',
}) as [string, CodecName][]);

/** Resolves an encoding name as codecs.lookup does (lowercase, runs of punctuation to '_', aliases);
 *  LookupError for names it does not know. cf. CPython _Py_normalize_encoding, encodings.search_function. */
export function lookupCodec(encoding: string): CodecName {
  let norm = '';
  let punct = false;
  for (const c of encoding) {
    if (/^[A-Za-z0-9.]$/.test(c)) {
      if (punct && norm.length > 0) norm += '_';
      norm += c.toLowerCase();
      punct = false;
    } else {
      punct = true;
    }
  }
  const codec = ALIASES.get(norm) ?? ALIASES.get(norm.replace(/\./g, '_'));
  if (codec === undefined) throw new PyErrorSpec('LookupError', `unknown encoding: ${encoding}`);
  return codec;
}

function unknownHandler(errors: string): PyErrorSpec {
  return new PyErrorSpec('LookupError', `unknown error handler name '${errors}'`);
}

// ---- encoding ----

/** cf. CPython UnicodeEncodeError.__str__. */
function encodeError(codec: CodecName, s: string, cps: number[], start: number, end: number, reason: string): UnicodeErrorSpec {
  const msg = end === start + 1
    ? `'${codec}' codec can't encode character '${escapeCodePoint(cps[start]!)}' in position ${start}: ${reason}`
    : `'${codec}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
  return new UnicodeErrorSpec('UnicodeEncodeError', msg, codec, s, start, end, reason);
}

/** Growable byte buffer. */
class ByteSink {
  buf = new Uint8Array(64);
  n = 0;
  push(b: number): void {
    if (this.n === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = b;
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.push(text.charCodeAt(i));
  }
  utf8(cp: number): void {
    if (cp < 0x80) this.push(cp);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6));
      this.push(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.push(0xe0 | (cp >> 12));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    } else {
      this.push(0xf0 | (cp >> 18));
      this.push(0x80 | ((cp >> 12) & 0x3f));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    }
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

const LONE_SURROGATE = compiledInSnapshot(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
const UTF8 = new TextEncoder();
const isSurrogateCp = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/** str.encode(encoding='utf-8', errors='strict'); handlers strict, ignore, replace, backslashreplace,
 *  xmlcharrefreplace, surrogateescape, surrogatepass. cf. CPython unicode_encode_ucs1 and stringlib utf8_encoder. */
export function strEncode(s: string, encoding = 'utf-8', errors = 'strict'): Uint8Array {
  const codec = lookupCodec(encoding);
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : 0x110000;
  if (codec === 'utf-8' && !LONE_SURROGATE.test(s)) return UTF8.encode(s);
  if (codec !== 'utf-8' && !(codec === 'ascii' ? /[^\x00-\x7f]/ : /[^\x00-\xff]/).test(s)) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const bad = codec === 'utf-8' ? isSurrogateCp : (cp: number) => cp >= limit;
  const reason = codec === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
  const out = new ByteSink();
  let pos = 0;
  while (pos < cps.length) {
    const cp = cps[pos]!;
    if (!bad(cp)) {
      if (codec === 'utf-8') out.utf8(cp);
      else out.push(cp);
      pos++;
      continue;
    }
    // The whole run of unencodable characters goes to the handler at once.
    let start = pos;
    let end = pos + 1;
    while (end < cps.length && bad(cps[end]!)) end++;
    switch (errors) {
      case 'strict':
        throw encodeError(codec, s, cps, start, end, reason);
      case 'ignore':
        break;
      case 'replace':
        for (let k = start; k < end; k++) out.push(0x3f);
        break;
      case 'backslashreplace':
        for (let k = start; k < end; k++) out.ascii(escapeCodePoint(cps[k]!));
        break;
      case 'xmlcharrefreplace':
        for (let k = start; k < end; k++) out.ascii(`&#${cps[k]!};`);
        break;
      case 'surrogateescape':
        for (; start < end && cps[start]! >= 0xdc80 && cps[start]! <= 0xdcff; start++) out.push(cps[start]! - 0xdc00);
        if (start < end) throw encodeError(codec, s, cps, start, end, reason);
        break;
      case 'surrogatepass':
        if (codec !== 'utf-8') throw encodeError(codec, s, cps, start, end, reason);
        for (let k = start; k < end; k++) out.utf8(cps[k]!);
        break;
      default:
        throw unknownHandler(errors);
    }
    pos = end;
  }
  return out.result();
}

// ---- decoding ----

/** cf. CPython UnicodeDecodeError.__str__. */
function decodeError(codec: CodecName, b: Uint8Array, start: number, end: number, reason: string): UnicodeErrorSpec {
  const msg = end === start + 1
    ? `'${codec}' codec can't decode byte 0x${b[start]!.toString(16).padStart(2, '0')} in position ${start}: ${reason}`
    : `'${codec}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  return new UnicodeErrorSpec('UnicodeDecodeError', msg, codec, b, start, end, reason);
}

/** Bytes below 0x100 as one UTF-16 unit each, in chunks (fromCharCode takes bounded argument lists). */
function latin1(b: Uint8Array, from = 0, to = b.length): string {
  let out = '';
  for (let i = from; i < to; i += 8192) {
    out += String.fromCharCode.apply(null, b.subarray(i, Math.min(i + 8192, to)) as unknown as number[]);
  }
  return out;
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isCont = (x: number | undefined): boolean => x !== undefined && (x & 0xc0) === 0x80;

/** Applies a decoding error handler to bytes [start, end); returns the text and where decoding resumes. */
function handleDecodeError(codec: CodecName, b: Uint8Array, start: number, end: number, reason: string,
  errors: string): [string, number] {
  switch (errors) {
    case 'strict':
      throw decodeError(codec, b, start, end, reason);
    case 'ignore':
      return ['', end];
    case 'replace':
      return ['\ufffd', end];
    case 'backslashreplace': {
      let t = '';
      for (let k = start; k < end; k++) t += '\\x' + b[k]!.toString(16).padStart(2, '0');
      return [t, end];
    }
    case 'surrogateescape': {
      // cf. CPython PyCodec_SurrogateEscapeErrors: up to 4 bytes, never an ASCII one.
      let t = '';
      let k = start;
      while (k - start < 4 && k < end && b[k]! >= 0x80) t += String.fromCharCode(0xdc00 + b[k++]!);
      if (k === start) throw decodeError(codec, b, start, end, reason);
      return [t, k];
    }
    case 'surrogatepass': {
      // cf. CPython PyCodec_SurrogatePassErrors: one UTF-8-encoded surrogate at start, or the original error.
      if (codec === 'utf-8' && b.length - start >= 3 && (b[start]! & 0xf0) === 0xe0 && isCont(b[start + 1]) &&
        isCont(b[start + 2])) {
        const cp = ((b[start]! & 0x0f) << 12) + ((b[start + 1]! & 0x3f) << 6) + (b[start + 2]! & 0x3f);
        if (isSurrogateCp(cp)) return [String.fromCharCode(cp), start + 3];
      }
      throw decodeError(codec, b, start, end, reason);
    }
    case 'xmlcharrefreplace':
    case 'namereplace':
      throw new PyErrorSpec('TypeError', "don't know how to handle UnicodeDecodeError in error callback");
    default:
      throw unknownHandler(errors);
  }
}

/** The length and validity of the UTF-8 sequence at i: [code point, bytes] or [-1, error end, reason];
 *  cf. CPython stringlib/codecs.h utf8_decode (InvalidStart, InvalidContinuation1-3, end of data). */
function utf8At(b: Uint8Array, i: number): [number, number, string?] {
  const n = b.length;
  const c = b[i]!;
  const invalidStart: [number, number, string] = [-1, i + 1, 'invalid start byte'];
  const cont = (k: number): [number, number, string] => [-1, i + k, 'invalid continuation byte'];
  const eod: [number, number, string] = [-1, n, 'unexpected end of data'];
  if (c < 0xc2) return invalidStart;
  if (c < 0xe0) {
    if (n - i < 2) return eod;
    if (!isCont(b[i + 1])) return cont(1);
    return [((c & 0x1f) << 6) | (b[i + 1]! & 0x3f), 2];
  }
  if (c < 0xf0) {
    // E0 needs A0..BF next (no overlong forms), ED needs 80..9F (no surrogates).
    const badSecond = (x: number): boolean => !isCont(x) || (x < 0xa0 ? c === 0xe0 : c === 0xed);
    if (n - i < 3) {
      if (n - i < 2) return eod;
      return badSecond(b[i + 1]!) ? cont(1) : eod;
    }
    if (badSecond(b[i + 1]!)) return cont(1);
    if (!isCont(b[i + 2])) return cont(2);
    return [((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f), 3];
  }
  if (c < 0xf5) {
    // F0 needs 90..BF next (no overlong forms), F4 needs 80..8F (nothing past U+10FFFF).
    const badSecond = (x: number): boolean => !isCont(x) || (x < 0x90 ? c === 0xf0 : c === 0xf4);
    if (n - i < 4) {
      if (n - i < 2) return eod;
      if (badSecond(b[i + 1]!)) return cont(1);
      if (n - i < 3) return eod;
      return isCont(b[i + 2]) ? eod : cont(2);
    }
    if (badSecond(b[i + 1]!)) return cont(1);
    if (!isCont(b[i + 2])) return cont(2);
    if (!isCont(b[i + 3])) return cont(3);
    return [((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f), 4];
  }
  return invalidStart;
}

/** bytes.decode(encoding='utf-8', errors='strict'); handlers strict, ignore, replace, backslashreplace,
 *  surrogateescape, surrogatepass. cf. CPython unicode_decode_utf8, ascii_decode. */
export function bytesDecode(b: Uint8Array, encoding = 'utf-8', errors = 'strict'): string {
  const codec = lookupCodec(encoding);
  if (codec === 'latin-1') return latin1(b);
  if (codec === 'utf-8') {
    try {
      return UTF8_FATAL.decode(b);
    } catch {
      // Invalid somewhere: decode by hand below, to report or handle the error as CPython does.
    }
  }
  let out = '';
  let from = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    out += latin1(b, from, i);
    if (codec === 'ascii') {
      const [text, next] = handleDecodeError(codec, b, i, i + 1, 'ordinal not in range(128)', errors);
      out += text;
      i = from = next;
      continue;
    }
    const [cp, len, reason] = utf8At(b, i);
    if (cp >= 0) {
      out += String.fromCodePoint(cp);
      i = from = i + len;
    } else {
      const [text, next] = handleDecodeError(codec, b, i, len, reason!, errors);
      out += text;
      i = from = next;
    }
  }
  return out + latin1(b, from, b.length);
}
