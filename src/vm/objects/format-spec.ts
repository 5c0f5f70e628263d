/** The format-spec mini-language for int, float and str (format(), f-strings, str.format), and printf-style `str % args`, as CPython 3.11. */
import { DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0, formatDouble, repr as floatRepr } from './float-ops.js';
import { intToFloat, toString as intToString, type PyIntValue } from './int-ops.js';
import { PyErrorSpec } from './py-error-spec.js';
import { charDecimal } from './str-unicode.js';
import { compiledInSnapshot } from '../regexps.js';

// Everything here mirrors CPython Python/formatter_unicode.c and Objects/unicodeobject.c
// (PyUnicode_Format), including the order in which errors surface.

const valueError = (msg: string): PyErrorSpec => new PyErrorSpec('ValueError', msg);
const typeError = (msg: string): PyErrorSpec => new PyErrorSpec('TypeError', msg);

const SURROGATE = compiledInSnapshot(/[\uD800-\uDFFF]/);

/** Length in code points (Python's len). */
function cpLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** s[start:start+count] in code points. */
function cpSlice(s: string, start: number, count: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, start + count);
  return Array.from(s)
    .slice(start, start + count)
    .join('');
}

// A sane bound on padding: CPython would raise MemoryError long before JS strings run out.
const MAX_PAD = 2 ** 28;

function repeat(fill: string, n: number): string {
  if (n <= 0) return '';
  if (n > MAX_PAD) throw new PyErrorSpec('MemoryError', '');
  return fill.repeat(n);
}

// ---------------------------------------------------------------- parsing the spec

/** How thousands are separated; cf. CPython formatter_unicode.c LocaleType. */
const Sep = {
  NONE: 0, // LT_NO_LOCALE
  COMMA: 1, // LT_DEFAULT_LOCALE: ',' every 3 digits
  UNDERSCORE: 2, // LT_UNDERSCORE_LOCALE: '_' every 3 digits
  UNDER_FOUR: 3, // LT_UNDER_FOUR_LOCALE: '_' every 4 digits (b, o, x, X)
  CURRENT: 4, // LT_CURRENT_LOCALE: 'n' (the C locale: no grouping)
} as const;
type Sep = (typeof Sep)[keyof typeof Sep];

/** A parsed spec; cf. CPython InternalFormatSpec. `type` '' is "no type given". */
interface InternalFormatSpec {
  fill: string;
  align: string;
  alternate: boolean;
  noNeg0: boolean;
  sign: string;
  width: number;
  thousands: Sep;
  precision: number;
  type: string;
}

const PY_SSIZE_T_MAX = 9223372036854775807n;
const INT_MAX = 2147483647;

function isAlign(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

/** Reads a run of (Unicode) decimal digits; cf. CPython formatter_unicode.c get_integer */
function getInteger(cps: string[], pos: number): [consumed: number, value: number] {
  let text = '';
  let i = pos;
  for (; i < cps.length; i++) {
    const d = charDecimal(cps[i]!.codePointAt(0)!);
    if (d < 0) break;
    text += String.fromCharCode(0x30 + d);
  }
  if (text.length > 15 && BigInt(text) > PY_SSIZE_T_MAX) throw valueError('Too many decimal digits in format string');
  return [i - pos, text === '' ? 0 : Number(text)];
}

/** A type character for messages: itself if printable ASCII, else \x<hex>. */
function typeCharForMessage(t: string): string {
  const cp = t.codePointAt(0) ?? 0;
  return cp > 32 && cp < 128 ? t : '\\x' + cp.toString(16);
}

function unknownPresentationType(type: string, typeName: string): PyErrorSpec {
  return valueError(`Unknown format code '${typeCharForMessage(type)}' for object of type '${typeName}'`);
}

/** cf. CPython formatter_unicode.c parse_internal_render_format_spec */
function parseSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string): InternalFormatSpec {
  const cps = SURROGATE.test(spec) ? Array.from(spec) : spec.split('');
  const end = cps.length;
  const f: InternalFormatSpec = {
    fill: ' ',
    align: defaultAlign,
    alternate: false,
    noNeg0: false,
    sign: '',
    width: -1,
    thousands: Sep.NONE,
    precision: -1,
    type: defaultType,
  };
  let pos = 0;
  let alignSpecified = false;
  let fillSpecified = false;
  // 1. [[fill]align]
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.align = cps[pos + 1]!;
    f.fill = cps[pos]!;
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos]!;
    alignSpecified = true;
    pos++;
  }
  // 2. [sign] [z] [#]
  if (end - pos >= 1 && (cps[pos] === '+' || cps[pos] === '-' || cps[pos] === ' ')) f.sign = cps[pos++]!;
  if (end - pos >= 1 && cps[pos] === 'z') {
    f.noNeg0 = true;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === '#') {
    f.alternate = true;
    pos++;
  }
  // 3. A leading 0 means fill with '0' (and '=' alignment where numbers are right-aligned).
  if (!fillSpecified && end - pos >= 1 && cps[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  // 4. [width]
  const [wc, w] = getInteger(cps, pos);
  pos += wc;
  if (wc > 0) f.width = w;
  // 5. [grouping]
  if (end - pos >= 1 && cps[pos] === ',') {
    f.thousands = Sep.COMMA;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === '_') {
    if (f.thousands !== Sep.NONE) throw valueError("Cannot specify both ',' and '_'.");
    f.thousands = Sep.UNDERSCORE;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === ',' && f.thousands === Sep.UNDERSCORE) {
    throw valueError("Cannot specify both ',' and '_'.");
  }
  // 6. [.precision]
  if (end - pos >= 1 && cps[pos] === '.') {
    pos++;
    const [pc, p] = getInteger(cps, pos);
    pos += pc;
    if (pc === 0) throw valueError('Format specifier missing precision');
    f.precision = p;
  }
  // 7. [type]
  if (end - pos > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (end - pos === 1) f.type = cps[pos]!;
  if (f.thousands !== Sep.NONE) {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f.thousands === Sep.UNDERSCORE) {
          f.thousands = Sep.UNDER_FOUR;
          break;
        }
        throw invalidThousandsSeparatorType(f);
      default:
        throw invalidThousandsSeparatorType(f);
    }
  }
  return f;
}

function invalidThousandsSeparatorType(f: InternalFormatSpec): PyErrorSpec {
  const sep = f.thousands === Sep.COMMA ? ',' : '_';
  return valueError(`Cannot specify '${sep}' with '${typeCharForMessage(f.type)}'.`);
}

// ---------------------------------------------------------------- laying out a number

/**
 * Groups digits (right to left) with sep every `group` digits (0: never), zero-padding on the
 * left up to minWidth; padding zeros get separators too. cf. CPython _PyUnicode_InsertThousandsGrouping
 */
function insertGrouping(digits: string, minWidth: number, group: number, sep: string): string {
  minWidth = Math.max(0, minWidth);
  let remaining = digits.length;
  let pos = digits.length;
  let out = '';
  let useSep = false;
  const piece = (len: number): void => {
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    out = repeat('0', nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : '') + out;
    pos -= nChars;
    remaining -= nChars;
  };
  if (group > 0) {
    for (;;) {
      const len = Math.min(group, Math.max(remaining, minWidth, 1));
      piece(len);
      useSep = true;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) return out;
      minWidth -= sep.length;
    }
  }
  piece(Math.max(remaining, minWidth, 1));
  return out;
}

/**
 * Lays out [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad].
 * cf. CPython formatter_unicode.c calc_number_widths and fill_number
 */
function layoutNumber(
  f: InternalFormatSpec,
  signChar: string,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
  sepKind: Sep,
  toUpper: boolean,
): string {
  let sign = '';
  if (f.sign === '+') sign = signChar === '-' ? '-' : '+';
  else if (f.sign === ' ') sign = signChar === '-' ? '-' : ' ';
  else if (signChar === '-') sign = '-';
  const nRemainder = cpLength(remainder);
  const nonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + nRemainder;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  // cf. get_locale_info: ',' and '_' group by 3 ('_' by 4 for b/o/x/X); the C locale never groups.
  const group = sepKind === Sep.COMMA || sepKind === Sep.UNDERSCORE ? 3 : sepKind === Sep.UNDER_FOUR ? 4 : 0;
  const sep = sepKind === Sep.COMMA ? ',' : '_';
  let grouped = digits.length === 0 ? '' : insertGrouping(digits, minWidth, group, sep);
  const nPadding = f.width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (nPadding > 0) {
    switch (f.align) {
      case '<':
        rpad = nPadding;
        break;
      case '^':
        lpad = nPadding >> 1;
        rpad = nPadding - lpad;
        break;
      case '=':
        spad = nPadding;
        break;
      default:
        lpad = nPadding;
        break;
    }
  }
  if (toUpper) {
    prefix = prefix.toUpperCase();
    grouped = grouped.toUpperCase();
  }
  return (
    repeat(f.fill, lpad) +
    sign +
    prefix +
    repeat(f.fill, spad) +
    grouped +
    (hasDecimal ? '.' : '') +
    remainder +
    repeat(f.fill, rpad)
  );
}

// ---------------------------------------------------------------- int

/**
 * format(v, spec) for an int (typeName 'bool' for bools, for the messages).
 * cf. CPython formatter_unicode.c _PyLong_FormatAdvancedWriter
 */
export function formatInt(v: PyIntValue, spec: string, typeName = 'int'): string {
  if (spec === '') return intToString(v, 10);
  const f = parseSpec(spec, 'd', '>', typeName);
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return formatLongInternal(v, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatInternal(intToFloat(v), f);
    default:
      throw unknownPresentationType(f.type, typeName);
  }
}

/** cf. CPython formatter_unicode.c format_long_internal */
function formatLongInternal(v: PyIntValue, f: InternalFormatSpec): string {
  if (f.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v >= 1n << 63n || v < -(1n << 63n))) {
      throw new PyErrorSpec('OverflowError', 'Python int too large to convert to C long');
    }
    if (v < 0 || v > 0x10ffff) throw new PyErrorSpec('OverflowError', '%c arg not in range(0x110000)');
    // The character counts as "remainder": copied, never grouped.
    return layoutNumber(f, '', '', '', false, String.fromCodePoint(Number(v)), Sep.NONE, false);
  }
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const s = intToString(v, base);
  let start = 0;
  let signChar = '';
  if (s.charCodeAt(0) === 0x2d) {
    signChar = '-';
    start = 1;
  }
  const skip = base === 10 ? 0 : 2; // the 0b/0o/0x that intToString adds
  const prefix = f.alternate ? s.slice(start, start + skip) : '';
  const digits = s.slice(start + skip);
  const sepKind = f.type === 'n' ? Sep.CURRENT : f.thousands;
  return layoutNumber(f, signChar, prefix, digits, false, '', sepKind, f.type === 'X');
}

// ---------------------------------------------------------------- float

/**
 * format(x, spec) for a float.
 * cf. CPython formatter_unicode.c _PyFloat_FormatAdvancedWriter
 */
export function formatFloat(x: number, spec: string, typeName = 'float'): string {
  if (spec === '') return floatRepr(x);
  const f = parseSpec(spec, '', '>', typeName);
  switch (f.type) {
    case '':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return formatFloatInternal(x, f);
    default:
      throw unknownPresentationType(f.type, typeName);
  }
}

/** cf. CPython formatter_unicode.c format_float_internal */
function formatFloatInternal(val: number, f: InternalFormatSpec): string {
  if (f.precision > INT_MAX) throw valueError('precision too big');
  let precision = f.precision;
  let flags = 0;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNeg0) flags |= DTSF_NO_NEG_0;
  let type = f.type;
  let defaultPrecision = 6;
  if (type === '') {
    // Like repr() without a precision; else like 'g' with at least one digit after the point.
    flags |= DTSF_ADD_DOT_0;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') {
    type = 'f';
    val *= 100;
    addPct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let buf = formatDouble(val, type, precision, flags);
  if (addPct) buf += '%';
  let signChar = '';
  let start = 0;
  if (buf.charCodeAt(0) === 0x2d) {
    signChar = '-';
    start = 1;
  }
  // cf. parse_number: leading digits are grouped; a '.' splits off the remainder.
  let i = start;
  while (i < buf.length && buf.charCodeAt(i) >= 0x30 && buf.charCodeAt(i) <= 0x39) i++;
  const digits = buf.slice(start, i);
  const hasDecimal = buf.charCodeAt(i) === 0x2e;
  const remainder = buf.slice(hasDecimal ? i + 1 : i);
  const sepKind = f.type === 'n' ? Sep.CURRENT : f.thousands;
  return layoutNumber(f, signChar, '', digits, hasDecimal, remainder, sepKind, false);
}

// ---------------------------------------------------------------- str

/**
 * format(s, spec) for a str.
 * cf. CPython formatter_unicode.c _PyUnicode_FormatAdvancedWriter / format_string_internal
 */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  if (spec === '') return s;
  const f = parseSpec(spec, 's', '<', typeName);
  if (f.type !== 's') throw unknownPresentationType(f.type, typeName);
  if (f.sign !== '') {
    throw valueError(f.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
  }
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let len = cpLength(s);
  if ((f.width === -1 || f.width <= len) && (f.precision === -1 || f.precision >= len)) return s;
  if (f.precision >= 0 && len >= f.precision) {
    s = cpSlice(s, 0, f.precision);
    len = f.precision;
  }
  // cf. calc_padding
  const total = f.width >= 0 && f.width > len ? f.width : len;
  const lpad = f.align === '>' ? total - len : f.align === '^' ? (total - len) >> 1 : 0;
  return repeat(f.fill, lpad) + s + repeat(f.fill, total - len - lpad);
}

// ---------------------------------------------------------------- printf-style: str % args

/**
 * What percentFormat needs to know about the VM's objects (T: the VM's reference type).
 * Every method may throw (the VM's own exceptions pass through untouched).
 */
export interface PercentFormatHost<T> {
  /** The items when x is a tuple (PyTuple_Check), else null. */
  tupleItems(x: T): readonly T[] | null;
  /** PyMapping_Check(x): x has __getitem__ (lists and dicts do), so %(key)s may index it. */
  isMapping(x: T): boolean;
  /** x[key] for %(key)s. */
  getItem(mapping: T, key: string): T;
  /** str(x), repr(x) and ascii(x). */
  str(x: T): string;
  repr(x: T): string;
  ascii(x: T): string;
  /** type(x).__name__, for messages. */
  typeName(x: T): string;
  /** x's value when it is an int (PyLong_Check: int, bool, subclasses), else null. */
  intValue(x: T): PyIntValue | null;
  /** x's value when it is a str (PyUnicode_Check), else null. */
  strValue(x: T): string | null;
  /**
   * int(x) ('int', for %d %i %u: PyNumber_Long) or operator.index(x) ('index', for %x %X %o %c),
   * for an x that is not an int; null when CPython would get a TypeError (not a number, or no
   * such conversion).
   */
  toInt(x: T, how: 'int' | 'index'): PyIntValue | null;
  /** float(x) as PyFloat_AsDouble does it (__float__, then __index__); null when that is a TypeError. */
  toFloat(x: T): number | null;
  /** bytes % args only: %b is %s, and %c is formatted by this (cf. bytesobject.c byte_converter). */
  bytesMode?: { formatChar(x: T): string };
}

// Flags; cf. CPython unicodeobject.c F_LJUST etc.
const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

const C_PERCENT = 0x25;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function asSsize(v: PyIntValue): number {
  if (typeof v === 'bigint' && (v > PY_SSIZE_T_MAX || v < -PY_SSIZE_T_MAX - 1n)) {
    throw new PyErrorSpec('OverflowError', 'Python int too large to convert to C ssize_t');
  }
  return Number(v);
}

function asCInt(v: PyIntValue): number {
  if (v > INT_MAX || v < -INT_MAX - 1) throw new PyErrorSpec('OverflowError', 'Python int too large to convert to C int');
  return Number(v);
}

/**
 * `template % args`. args is the right operand as is: a tuple supplies the arguments in
 * order, a mapping serves %(key)s, anything else is the single argument.
 * cf. CPython unicodeobject.c PyUnicode_Format
 */
export function percentFormat<T>(template: string, args: T, host: PercentFormatHost<T>): string {
  const fmt = template;
  const items = host.tupleItems(args);
  let curArgs = args;
  let arglen = items !== null ? items.length : -1;
  let argidx = items !== null ? 0 : -2;
  const dict = items === null && host.strValue(args) === null && host.isMapping(args) ? args : null;
  // Past the end reads as NUL, like CPython's terminator.
  const read = (i: number): number => (i < fmt.length ? fmt.charCodeAt(i) : 0);
  let fmtpos = 0;
  let fmtcnt = fmt.length;
  let out = '';

  // cf. unicode_format_getnextarg
  const nextArg = (): T => {
    if (argidx < arglen) {
      argidx++;
      return arglen < 0 ? curArgs : items![argidx - 1]!;
    }
    throw typeError('not enough arguments for format string');
  };

  // cf. unicode_format_arg: one conversion, fmtpos just past the '%'.
  const formatArg = (): void => {
    let ch = read(fmtpos);
    if (ch === C_PERCENT) {
      fmtpos++;
      fmtcnt--;
      out += '%';
      return;
    }
    let flags = 0;
    let width = -1;
    let prec = -1;
    // 1. %(key): the argument is args[key].
    if (ch === 0x28) {
      if (dict === null) throw typeError('format requires a mapping');
      ++fmtpos;
      --fmtcnt;
      const keystart = fmtpos;
      let pcount = 1;
      while (pcount > 0 && --fmtcnt >= 0) {
        ch = read(fmtpos);
        if (ch === 0x29) --pcount;
        else if (ch === 0x28) ++pcount;
        fmtpos++;
      }
      const keylen = fmtpos - keystart - 1;
      if (fmtcnt < 0 || pcount > 0) throw valueError('incomplete format key');
      curArgs = host.getItem(dict, fmt.slice(keystart, keystart + keylen));
      arglen = -1;
      argidx = -2;
    }
    // 2. Flags.
    while (--fmtcnt >= 0) {
      ch = read(fmtpos);
      fmtpos++;
      if (ch === 0x2d) flags |= F_LJUST;
      else if (ch === 0x2b) flags |= F_SIGN;
      else if (ch === 0x20) flags |= F_BLANK;
      else if (ch === 0x23) flags |= F_ALT;
      else if (ch === 0x30) flags |= F_ZERO;
      else break;
    }
    // 3. Width.
    if (ch === 0x2a) {
      const w = host.intValue(nextArg());
      if (w === null) throw typeError('* wants int');
      width = asSsize(w);
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      if (--fmtcnt >= 0) ch = read(fmtpos++);
    } else if (isDigitCode(ch)) {
      width = ch - 0x30;
      while (--fmtcnt >= 0) {
        ch = read(fmtpos++);
        if (!isDigitCode(ch)) break;
        if (width > Math.floor((9223372036854775807 - (ch - 0x30)) / 10)) throw valueError('width too big');
        width = width * 10 + (ch - 0x30);
      }
    }
    // 4. Precision.
    if (ch === 0x2e) {
      prec = 0;
      if (--fmtcnt >= 0) ch = read(fmtpos++);
      if (ch === 0x2a) {
        const p = host.intValue(nextArg());
        if (p === null) throw typeError('* wants int');
        prec = asCInt(p);
        if (prec < 0) prec = 0;
        if (--fmtcnt >= 0) ch = read(fmtpos++);
      } else if (isDigitCode(ch)) {
        prec = ch - 0x30;
        while (--fmtcnt >= 0) {
          ch = read(fmtpos++);
          if (!isDigitCode(ch)) break;
          if (prec > Math.floor((INT_MAX - (ch - 0x30)) / 10)) throw valueError('precision too big');
          prec = prec * 10 + (ch - 0x30);
        }
      }
    }
    // 5. A length modifier (h, l, L) is accepted and ignored.
    if (fmtcnt >= 0 && (ch === 0x68 || ch === 0x6c || ch === 0x4c)) {
      if (--fmtcnt >= 0) ch = read(fmtpos++);
    }
    if (fmtcnt < 0) throw valueError('incomplete format');

    // 6. Convert the argument (fetched before the type is checked, as CPython does).
    const v = nextArg();
    const type = ch === 0x62 && host.bytesMode !== undefined ? 's' : String.fromCharCode(ch);
    let s: string;
    let isNumber = false;
    switch (type) {
      case 's':
        s = host.str(v);
        break;
      case 'r':
        s = host.repr(v);
        break;
      case 'a':
        s = host.ascii(v);
        break;
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        s = formatLongArg(v, type, (flags & F_ALT) !== 0, prec, host);
        isNumber = true;
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const x = host.toFloat(v);
        if (x === null) throw typeError(`must be real number, not ${host.typeName(v)}`);
        s = formatDouble(x, type, prec < 0 ? 6 : prec, (flags & F_ALT) !== 0 ? DTSF_ALT : 0);
        isNumber = true;
        break;
      }
      case 'c':
        s = host.bytesMode !== undefined ? host.bytesMode.formatChar(v) : formatCharArg(v, host);
        break;
      default: {
        // The index and the character are in code points.
        let cp = ch;
        if (ch >= 0xd800 && ch <= 0xdbff) {
          const lo = read(fmtpos);
          if (lo >= 0xdc00 && lo <= 0xdfff) cp = (ch - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        }
        const shown = cp >= 31 && cp <= 126 ? String.fromCharCode(cp) : '?';
        const index = cpLength(fmt.slice(0, fmtpos - 1));
        throw valueError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
      }
    }
    out += percentOutput(s, type, flags, width, prec, isNumber);
    if (dict !== null && argidx < arglen) throw typeError('not all arguments converted during string formatting');
  };

  while (--fmtcnt >= 0) {
    if (read(fmtpos) !== C_PERCENT) {
      const nonfmtpos = fmtpos++;
      while (fmtcnt >= 0 && read(fmtpos) !== C_PERCENT) {
        fmtpos++;
        fmtcnt--;
      }
      if (fmtcnt < 0) fmtpos--;
      out += fmt.slice(nonfmtpos, fmtpos);
    } else {
      fmtpos++;
      formatArg();
    }
  }
  if (argidx < arglen && dict === null) throw typeError('not all arguments converted during string formatting');
  return out;
}

/** %d %i %u %o %x %X. cf. CPython unicodeobject.c mainformatlong and _PyUnicode_FormatLong */
function formatLongArg<T>(v: T, type: string, alt: boolean, prec: number, host: PercentFormatHost<T>): string {
  let iv = host.intValue(v);
  if (iv === null) {
    iv = host.toInt(v, type === 'o' || type === 'x' || type === 'X' ? 'index' : 'int');
    if (iv === null) {
      const what = type === 'o' || type === 'x' || type === 'X' ? 'an integer' : 'a real number';
      throw typeError(`%${type} format: ${what} is required, not ${host.typeName(v)}`);
    }
  }
  if (prec > INT_MAX - 3) throw new PyErrorSpec('OverflowError', 'precision too large');
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  let s = intToString(iv, base);
  const sign = s.charCodeAt(0) === 0x2d ? 1 : 0;
  let numnondigits = (base === 10 ? 0 : 2) + sign;
  const numdigits = s.length - numnondigits;
  if (!alt && base !== 10) {
    // Drop the 0o/0x marker.
    s = (sign ? '-' : '') + s.slice(sign + 2);
    numnondigits -= 2;
  }
  if (prec > numdigits) s = s.slice(0, numnondigits) + repeat('0', prec - numdigits) + s.slice(numnondigits);
  if (type === 'X') s = s.toUpperCase();
  return s;
}

/** %c. cf. CPython unicodeobject.c formatchar */
function formatCharArg<T>(v: T, host: PercentFormatHost<T>): string {
  const sv = host.strValue(v);
  if (sv !== null) {
    if (cpLength(sv) === 1) return sv;
    throw typeError('%c requires int or char');
  }
  const iv = host.intValue(v) ?? host.toInt(v, 'index');
  if (iv === null) throw typeError('%c requires int or char');
  if (iv < 0 || iv > 0x10ffff) throw new PyErrorSpec('OverflowError', '%c arg not in range(0x110000)');
  return String.fromCodePoint(Number(iv));
}

/** Width, precision truncation, sign and 0x prefix placement. cf. CPython unicodeobject.c unicode_format_arg_output */
function percentOutput(str: string, type: string, flags: number, width: number, prec: number, isNumber: boolean): string {
  const fill = isNumber && (flags & F_ZERO) !== 0 ? '0' : ' ';
  let len = cpLength(str);
  if ((width === -1 || width <= len) && (prec === -1 || prec >= len) && (flags & (F_SIGN | F_BLANK)) === 0) return str;
  if ((type === 's' || type === 'r' || type === 'a') && prec >= 0 && len > prec) len = prec;
  let pindex = 0;
  let signchar = '';
  let sign = isNumber;
  if (sign) {
    const c0 = str[0];
    if (c0 === '-' || c0 === '+') {
      signchar = c0;
      len--;
      pindex++;
    } else if (flags & F_SIGN) signchar = '+';
    else if (flags & F_BLANK) signchar = ' ';
    else sign = false;
  }
  if (width < len) width = len;
  let res = '';
  if (sign) {
    if (fill !== ' ') res += signchar;
    if (width > len) width--;
  }
  const altPrefix = (flags & F_ALT) !== 0 && (type === 'x' || type === 'X' || type === 'o');
  if (altPrefix) {
    if (fill !== ' ') {
      res += '0' + type;
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && (flags & F_LJUST) === 0) {
    res += repeat(fill, width - len);
    width = len;
  }
  if (fill === ' ') {
    if (sign) res += signchar;
    if (altPrefix) {
      res += '0' + type;
      pindex += 2;
    }
  }
  if (len > 0) res += cpSlice(str, pindex, len);
  if (width > len) res += repeat(' ', width - len);
  return res;
}
