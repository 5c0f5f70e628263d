/** String and number literals: prefixes, escape sequences and numeric values, as CPython decodes them. */
import { inflateSync } from 'node:zlib';
import type { ConstantValue } from './ast.js';
import { unicodeNamesDeflated } from './unicode-names.gen.js';

/** A problem in a literal; the caller turns it into a positioned SyntaxError. */
export class LiteralError extends Error {}

export interface StringParts {
  prefix: string;
  isBytes: boolean;
  isRaw: boolean;
  isFormat: boolean;
  isUnicodeMarked: boolean;
  /** Length of the opening (and closing) quote: 1 or 3. */
  quoteLen: number;
  /** The text between the quotes, undecoded. */
  body: string;
}

export function splitString(image: string): StringParts {
  let i = 0;
  while (image[i] !== '"' && image[i] !== "'") i++;
  const prefix = image.slice(0, i).toLowerCase();
  const q = image[i]!;
  const quoteLen = image.startsWith(q.repeat(3), i) && image.length - i >= 6 ? 3 : 1;
  return {
    prefix,
    isBytes: prefix.includes('b'),
    isRaw: prefix.includes('r'),
    isFormat: prefix.includes('f'),
    isUnicodeMarked: image.slice(0, i).includes('u'),
    quoteLen,
    body: image.slice(i + quoteLen, image.length - quoteLen),
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Looks up `\N{...}` names; gilpy carries no full Unicode name database (see README, deviations). */
export type UnicodeNameLookup = (name: string) => number | undefined;
let lookupName: UnicodeNameLookup = () => undefined;
export function setUnicodeNameLookup(f: UnicodeNameLookup): void {
  lookupName = f;
}

/** `text` with its \r\n and \r line breaks made \n (the regular expression only when there is a \r: a
 *  literal in a function is compiled again in each process; see lexer/index.ts). */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Decodes the escapes of a non-raw str literal body (cf. CPython `_PyUnicode_DecodeUnicodeEscapeInternal`). */
export function decodeStrEscapes(body: string): string {
  if (!body.includes('\\')) return normalizeNewlines(body);
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i]!;
    if (c === '\r') {
      out += '\n';
      i += body[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const pos = i;
    const e = body[i + 1];
    if (e === undefined) {
      out += '\\';
      i++;
      continue;
    }
    i += 2;
    if (e === '\n') continue;
    if (e === '\r') {
      if (body[i] === '\n') i++;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
    } else if (e >= '0' && e <= '7') {
      let digits = e;
      while (digits.length < 3 && body[i] !== undefined && body[i]! >= '0' && body[i]! <= '7') digits += body[i++];
      out += String.fromCodePoint(parseInt(digits, 8));
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
        let end = i;
        while (end < i + len && /[0-9a-fA-F]/.test(body[end] ?? '')) end++;
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${end - 1}: truncated \\${e}${'X'.repeat(len)} escape`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${i + len - 1}: illegal Unicode character`);
      }
      out += String.fromCodePoint(cp);
      i += len;
    } else if (e === 'N') {
      const close = body.indexOf('}', i);
      if (body[i] !== '{' || close < 0) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${i - 1}: malformed \\N character escape`);
      }
      const cp = lookupName(body.slice(i + 1, close).toUpperCase());
      if (cp === undefined) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos}-${close}: unknown Unicode character name`);
      }
      out += String.fromCodePoint(cp);
      i = close + 1;
    } else {
      out += '\\' + e; // an invalid escape stays as written (CPython only warns)
    }
  }
  return out;
}

/** Decodes a bytes literal body to bytes; only ASCII may be written literally. */
export function decodeBytes(body: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    const ch = body.charCodeAt(i);
    if (ch >= 0x80) throw new LiteralError('bytes can only contain ASCII literal characters');
    if (ch === 13) {
      out.push(10);
      i += body[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (raw || ch !== 92) {
      out.push(ch);
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) {
      out.push(92);
      i++;
      continue;
    }
    const pos = i;
    i += 2;
    if (e === '\n') continue;
    if (e === '\r') {
      if (body[i] === '\n') i++;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple.charCodeAt(0));
    } else if (e >= '0' && e <= '7') {
      let digits = e;
      while (digits.length < 3 && body[i] !== undefined && body[i]! >= '0' && body[i]! <= '7') digits += body[i++];
      out.push(parseInt(digits, 8) & 0xff);
    } else if (e === 'x') {
      const hex = body.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new LiteralError(`(value error) invalid \\x escape at position ${pos}`);
      }
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      if (e.charCodeAt(0) >= 0x80) throw new LiteralError('bytes can only contain ASCII literal characters');
      out.push(92, e.charCodeAt(0));
    }
  }
  return Uint8Array.from(out);
}

/** A float's mark in a number's text (made once: see lexer/index.ts on literals in functions). */
const FLOAT_MARK = /[.eE]/;

/** The value of a NUMBER token. */
export function numberValue(image: string): ConstantValue {
  const text = image.replaceAll('_', '');
  const last = text[text.length - 1];
  if (last === 'j' || last === 'J') return { imag: Number(text.slice(0, -1)) };
  const p = text.slice(0, 2).toLowerCase();
  if (p === '0x' || p === '0o' || p === '0b') return BigInt(text.toLowerCase());
  if (FLOAT_MARK.test(text)) return Number(text);
  return BigInt(text);
}


let NAMES: Map<string, number> | null = null;
const HANGUL_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI',
  'YU', 'EU', 'YI', 'I'];
const HANGUL_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B',
  'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];
/** CJK unified ideograph blocks of Unicode 14.0 (cf. CPython unicodedata.c `is_unified_ideograph`). */
const CJK_RANGES: [number, number][] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df], [0x2a700, 0x2b738],
  [0x2b740, 0x2b81d], [0x2b820, 0x2cea1], [0x2ceb0, 0x2ebe0], [0x30000, 0x3134a]];

/** `unicodedata.lookup` for names (not aliases or named sequences). */
export function lookupUnicodeName(name: string): number | undefined {
  if (name.startsWith('CJK UNIFIED IDEOGRAPH-')) {
    const cp = parseInt(name.slice(22), 16);
    if (/^[0-9A-F]{4,5}$/.test(name.slice(22)) && CJK_RANGES.some(([a, b]) => cp >= a && cp <= b)) return cp;
    return undefined;
  }
  if (name.startsWith('HANGUL SYLLABLE ')) {
    const rest = name.slice(16);
    for (let l = 0; l < HANGUL_L.length; l++) {
      for (let v = 0; v < HANGUL_V.length; v++) {
        for (let t = 0; t < HANGUL_T.length; t++) {
          if (HANGUL_L[l]! + HANGUL_V[v]! + HANGUL_T[t]! === rest) return 0xac00 + (l * 21 + v) * 28 + t;
        }
      }
    }
    return undefined;
  }
  if (NAMES === null) {
    NAMES = new Map();
    const text = inflateSync(Buffer.from(unicodeNamesDeflated(), 'base64')).toString('ascii');
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      NAMES.set(line.slice(0, tab), parseInt(line.slice(tab + 1), 16));
    }
  }
  return NAMES.get(name);
}
setUnicodeNameLookup(lookupUnicodeName);
