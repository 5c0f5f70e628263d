/** Python int semantics as pure functions on PyIntValue (a safe-integer number, else a bigint), with CPython 3.11's results and errors. */
import { PyErrorSpec } from './py-error-spec.js';
import { strRepr } from './str-repr.js';
import { charDecimal, isSpaceCode } from './str-unicode.js';

/**
 * A Python int. Canonical form: a JS number when |v| <= 2**53 - 1 (never -0),
 * a bigint otherwise. Every function here returns the canonical form, so two
 * equal ints are always `===`.
 */
export type PyIntValue = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
// V8 refuses BigInts past 2**30 bits; CPython would try and most likely raise MemoryError.
const MAX_BITS = 2 ** 30;
// The 32-bit fast path for bitwise ops.
const I32_MIN = -0x80000000;
const I32_MAX = 0x7fffffff;

// ---------------------------------------------------------------- helpers

/** The canonical PyIntValue for x (an integer-valued number or a bigint). */
export function normInt(x: bigint | number): PyIntValue {
  if (typeof x === 'number') {
    if (x <= MAX_SAFE && x >= -MAX_SAFE) return x + 0; // + 0 turns -0 into 0
    if (!Number.isInteger(x)) throw new RangeError(`normInt: not an integer: ${x}`);
    return BigInt(x);
  }
  return x >= -MAX_SAFE_BIG && x <= MAX_SAFE_BIG ? Number(x) : x;
}

/** v as a bigint (allocates for numbers: keep off fast paths). */
export function toBig(v: PyIntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function memoryError(): PyErrorSpec {
  return new PyErrorSpec('MemoryError', '');
}

/** Bit length of |x| for a bigint. */
function bigBitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  const h = x.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(h[0]!, 16)));
}

function numBitLength(a: number): number {
  if (a < 0) a = -a;
  if (a <= I32_MAX) return 32 - Math.clz32(a);
  const hi = Math.floor(a / 4294967296);
  return 64 - Math.clz32(hi);
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Floor division and modulo of bigints, with Python's signs. */
function bigDivmod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r !== 0n && (r < 0n) !== (b < 0n)) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

// ---------------------------------------------------------------- arithmetic

export function add(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    // Exact whenever the true sum is safe; an unsafe sum can't round back into range.
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return normInt(toBig(a) + toBig(b));
}

export function sub(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0;
  }
  return normInt(toBig(a) - toBig(b));
}

export function mul(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0;
  }
  const x = toBig(a);
  const y = toBig(b);
  if (bigBitLength(x) + bigBitLength(y) > MAX_BITS) throw memoryError();
  return normInt(x * y);
}

/** a // b. cf. CPython longobject.c long_div / l_divmod */
export function floordiv(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'integer division or modulo by zero');
    // For |a|, |b| < 2**53 the rounded quotient never crosses an integer, so floor() is exact.
    return Math.floor(a / b) + 0;
  }
  if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'integer division or modulo by zero');
  return normInt(bigDivmod(toBig(a), toBig(b))[0]);
}

/** a % b, with the sign of b. cf. CPython longobject.c long_mod */
export function mod(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'integer modulo by zero');
    let r = a % b; // exact (fmod)
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r + 0;
  }
  if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'integer modulo by zero');
  return normInt(bigDivmod(toBig(a), toBig(b))[1]);
}

export function divmod(a: PyIntValue, b: PyIntValue): [PyIntValue, PyIntValue] {
  if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') return [floordiv(a, b), mod(a, b)];
  const [q, r] = bigDivmod(toBig(a), toBig(b));
  return [normInt(q), normInt(r)];
}

/**
 * n / d correctly rounded (ties to even) to a double, for bigints n >= 0, d > 0,
 * including the subnormal range. Infinity when it overflows.
 * cf. CPython longobject.c long_true_divide
 */
export function ratioToFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const nb = bigBitLength(n);
  const db = bigBitLength(d);
  if (nb <= 53 && db <= 53) return Number(n) / Number(d); // both exact: IEEE division rounds correctly
  // q = floor(n * 2**s / d) has 55 or 56 bits: 53 kept, a rounding bit, and more; the rest is "sticky".
  const s = 55 - (nb - db);
  let q: bigint;
  let sticky: boolean;
  if (s >= 0) {
    const nn = n << BigInt(s);
    q = nn / d;
    sticky = q * d !== nn;
  } else {
    const dd = d << BigInt(-s);
    q = n / dd;
    sticky = q * dd !== n;
  }
  const ql = bigBitLength(q);
  const msbExp = ql - 1 - s; // value is in [2**msbExp, 2**(msbExp+1))
  if (msbExp > 1023) return Infinity;
  // Bits kept: 53 for normal results, fewer below 2**-1022 (the last kept bit is worth 2**-1074).
  const keep = msbExp >= -1022 ? 53 : 53 - (-1022 - msbExp);
  if (keep < 0) return 0;
  const drop = ql - keep;
  let m = q >> BigInt(drop);
  const rest = q - (m << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  return ldexp(Number(m), drop - s);
}

/** m * 2**k without intermediate overflow or underflow, exact when the result is representable. */
export function ldexp(m: number, k: number): number {
  if (k > 1023) return m * 2 ** 1023 * 2 ** (k - 1023);
  if (k < -1022) return m * 2 ** -1022 * 2 ** (k + 1022);
  return m * 2 ** k;
}

/** a / b as a float, correctly rounded. cf. CPython longobject.c long_true_divide */
export function truediv(a: PyIntValue, b: PyIntValue): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'division by zero');
    return a / b; // both exactly representable, so IEEE division is correctly rounded
  }
  if (b === 0) throw new PyErrorSpec('ZeroDivisionError', 'division by zero');
  const x = toBig(a);
  const y = toBig(b);
  const negate = (x < 0n) !== (y < 0n);
  const r = ratioToFloat(x < 0n ? -x : x, y < 0n ? -y : y);
  if (r === Infinity) throw new PyErrorSpec('OverflowError', 'integer division result too large for a float');
  return negate ? -r : r;
}

/** Modular inverse of a mod m (m > 1). cf. CPython longobject.c long_invmod */
function invmod(a: bigint, m: bigint): bigint {
  let [b, c] = [((a % m) + m) % m, m];
  let [x0, x1] = [1n, 0n];
  while (c !== 0n) {
    const q = b / c;
    [b, c] = [c, b - q * c];
    [x0, x1] = [x1, x0 - q * x1];
  }
  if (b !== 1n) throw new PyErrorSpec('ValueError', 'base is not invertible for the given modulus');
  return ((x0 % m) + m) % m;
}

function powModBig(base: bigint, e: bigint, m: bigint): bigint {
  let result = 1n;
  base %= m;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % m;
    e >>= 1n;
    if (e > 0n) base = (base * base) % m;
  }
  return result;
}

/**
 * a ** b (b >= 0), or pow(a, b, m). For b < 0 without a modulus CPython returns
 * float(a) ** float(b): the caller must call float-ops pow instead (as long_pow
 * defers to float_pow); this function throws a JS RangeError for that misuse.
 * cf. CPython longobject.c long_pow
 */
export function pow(a: PyIntValue, b: PyIntValue, m: PyIntValue | null = null): PyIntValue {
  if (m === null) {
    if (typeof a === 'number' && typeof b === 'number' && b >= 0 && b < 64) {
      // Square-and-multiply while every step stays exact.
      let result = 1;
      let base = a;
      let e = b;
      for (;;) {
        if (e & 1) {
          result *= base;
          if (result > MAX_SAFE || result < -MAX_SAFE) break;
        }
        e >>>= 1;
        if (e === 0) return result + 0;
        base *= base;
        if (base > MAX_SAFE) break;
      }
    }
    if (b < 0) throw new RangeError('int pow with a negative exponent has a float result: use float-ops pow');
    const x = toBig(a);
    if (x === 0n || x === 1n) return b === 0 ? 1 : normInt(x);
    if (x === -1n) return toBig(b) % 2n === 0n ? 1 : -1;
    if (typeof b === 'bigint' || bigBitLength(x) * b > MAX_BITS) throw memoryError();
    return normInt(x ** BigInt(b));
  }
  // 1. modulus == 0 is an error; a negative modulus gives a result in (m, 0].
  if (m === 0) throw new PyErrorSpec('ValueError', 'pow() 3rd argument cannot be 0');
  let mm = toBig(m);
  const negativeOutput = mm < 0n;
  if (negativeOutput) mm = -mm;
  // 2. modulus 1 gives 0, even before checking invertibility.
  if (mm === 1n) return 0;
  let x = toBig(a);
  let e = toBig(b);
  // 3. A negative exponent means the modular inverse (3.8+).
  if (e < 0n) {
    e = -e;
    x = invmod(x, mm);
  }
  x %= mm;
  if (x < 0n) x += mm;
  let z: bigint;
  if (mm <= 67108864n && e <= MAX_SAFE_BIG) {
    // Products of residues < 2**26 stay below 2**52: exact in doubles.
    const mn = Number(mm);
    let base = Number(x);
    let en = Number(e);
    let r = 1 % mn;
    while (en > 0) {
      if (en % 2 === 1) r = (r * base) % mn;
      en = Math.floor(en / 2);
      if (en > 0) base = (base * base) % mn;
    }
    z = BigInt(r);
  } else {
    z = powModBig(x, e, mm);
  }
  if (negativeOutput && z !== 0n) z -= mm;
  return normInt(z);
}

export function neg(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return -a; // the safe range is symmetric, so a bigint stays a bigint
}

export function pos(a: PyIntValue): PyIntValue {
  return a;
}

export function abs(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') return a < 0 ? -a : a;
  return a < 0n ? -a : a;
}

/** ~a == -(a + 1) */
export function invert(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') {
    const r = -a - 1;
    if (r >= -MAX_SAFE) return r + 0;
  }
  return normInt(-toBig(a) - 1n);
}

// ---------------------------------------------------------------- shifts and bitwise ops

function isNegative(v: PyIntValue): boolean {
  return typeof v === 'number' ? v < 0 : v < 0n;
}

/** a << b. cf. CPython longobject.c long_lshift */
export function lshift(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isNegative(b)) throw new PyErrorSpec('ValueError', 'negative shift count');
  if (a === 0) return 0;
  if (typeof a === 'number' && typeof b === 'number' && b < 53) {
    const r = a * 2 ** b; // exact: scaling by a power of two
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  const x = toBig(a);
  if (typeof b === 'bigint' || bigBitLength(x) + b > MAX_BITS) throw memoryError();
  return normInt(x << BigInt(b));
}

/** a >> b, flooring. cf. CPython longobject.c long_rshift */
export function rshift(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isNegative(b)) throw new PyErrorSpec('ValueError', 'negative shift count');
  if (typeof a === 'number') {
    if (typeof b === 'bigint' || b >= 53) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b) + 0;
  }
  if (typeof b === 'bigint' || b > MAX_BITS) return a < 0n ? -1 : 0;
  return normInt(a >> BigInt(b));
}

function isI32(v: PyIntValue): v is number {
  return typeof v === 'number' && v >= I32_MIN && v <= I32_MAX;
}

export function and(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isI32(a) && isI32(b)) return a & b;
  return normInt(toBig(a) & toBig(b));
}

export function or(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isI32(a) && isI32(b)) return a | b;
  return normInt(toBig(a) | toBig(b));
}

export function xor(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (isI32(a) && isI32(b)) return a ^ b;
  return normInt(toBig(a) ^ toBig(b));
}

// ---------------------------------------------------------------- comparison and predicates

/** -1, 0 or 1. */
export function compare(a: PyIntValue, b: PyIntValue): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed kinds: the bigint is outside the safe range, so its sign decides.
  if (typeof a === 'number') return (b as bigint) > 0n ? -1 : 1;
  if (typeof b === 'number') return a > 0n ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function eq(a: PyIntValue, b: PyIntValue): boolean {
  return a === b; // canonical forms: a number never equals a bigint
}

export function bool(a: PyIntValue): boolean {
  return a !== 0; // a canonical bigint is never 0n
}

/** int.bit_length() */
export function bitLength(a: PyIntValue): number {
  return typeof a === 'number' ? numBitLength(a) : bigBitLength(a);
}

/** int.bit_count(): the number of ones in |a|. */
export function bitCount(a: PyIntValue): number {
  if (typeof a === 'number') {
    if (a < 0) a = -a;
    return popcount32(a >>> 0) + popcount32(Math.floor(a / 4294967296));
  }
  let n = 0;
  for (const c of (a < 0n ? -a : a).toString(16)) n += popcount32(Number.parseInt(c, 16));
  return n;
}

// ---------------------------------------------------------------- int <-> str

let maxStrDigits = 4300;
// cf. CPython Include/internal/pycore_long.h _PY_LONG_MAX_STR_DIGITS_THRESHOLD
const MAX_STR_DIGITS_THRESHOLD = 640;

/** sys.get_int_max_str_digits() */
export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/** sys.set_int_max_str_digits(n) */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD) {
    throw new PyErrorSpec('ValueError', `maxdigits must be 0 or larger than ${MAX_STR_DIGITS_THRESHOLD}`);
  }
  maxStrDigits = n;
}

/**
 * str(a) (base 10), hex(a), oct(a) or bin(a), with the 0x/0o/0b prefix and a leading '-'.
 * Base 10 honours the int_max_str_digits limit. cf. CPython longobject.c _PyLong_Format
 */
export function toString(a: PyIntValue, base: 2 | 8 | 10 | 16 = 10): string {
  if (base === 10) {
    if (typeof a === 'number') return String(a);
    const s = a.toString();
    const digits = a < 0n ? s.length - 1 : s.length;
    if (maxStrDigits > 0 && digits > maxStrDigits) {
      throw new PyErrorSpec(
        'ValueError',
        `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    return s;
  }
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '0b';
  const neg = typeof a === 'number' ? a < 0 : a < 0n;
  const mag = typeof a === 'number' ? (neg ? -a : a) : neg ? -a : a;
  return (neg ? '-' : '') + prefix + mag.toString(base);
}

const CODE_0 = 0x30;
const CODE_UNDERSCORE = 0x5f;

/** Value of an ASCII digit or letter in bases up to 36, else 37. cf. CPython _PyLong_DigitValue */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 37;
}

/** Py_ISSPACE: ASCII whitespace only. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Non-ASCII spaces become ' ', non-ASCII decimal digits become ASCII digits;
 * anything else non-ASCII becomes '?' and ends the string.
 * cf. CPython unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII
 */
export function transformDecimalAndSpaceToAscii(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x7f) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (const ch of s.slice(i)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f) out += ch;
    else if (isSpaceCode(cp)) out += ' ';
    else {
      const d = charDecimal(cp);
      if (d < 0) return out + '?';
      out += String.fromCharCode(CODE_0 + d);
    }
  }
  return out;
}

/**
 * int(text, base): the parsing rules of CPython's PyLong_FromUnicodeObject /
 * PyLong_FromString (whitespace, sign, 0x/0o/0b prefixes, single underscores
 * between digits, base 0 rules) and their error messages.
 */
export function parseInt(text: string, base: number = 10): PyIntValue {
  if ((base !== 0 && base < 2) || base > 36) {
    throw new PyErrorSpec('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const origBase = base;
  const bad = (): PyErrorSpec => {
    const r = strRepr(text);
    const shown = r.length <= 200 ? r : Array.from(r).slice(0, 200).join('');
    return new PyErrorSpec('ValueError', `invalid literal for int() with base ${origBase}: ${shown}`);
  };
  const s = transformDecimalAndSpaceToAscii(text);
  const n = s.length;
  const at = (i: number): number => (i < n ? s.charCodeAt(i) : 0);
  let i = 0;
  while (i < n && isAsciiSpace(at(i))) i++;
  let negative = false;
  if (at(i) === 0x2b) i++;
  else if (at(i) === 0x2d) {
    negative = true;
    i++;
  }
  let errorIfNonzero = false;
  const c1 = at(i + 1) | 0x20; // lower-cased letter after a leading 0
  if (base === 0) {
    if (at(i) !== CODE_0) base = 10;
    else if (c1 === 0x78) base = 16;
    else if (c1 === 0x6f) base = 8;
    else if (c1 === 0x62) base = 2;
    else {
      // "old" C-style octal such as 010: invalid unless the value is 0.
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (
    at(i) === CODE_0 &&
    ((base === 16 && c1 === 0x78) || (base === 8 && c1 === 0x6f) || (base === 2 && c1 === 0x62))
  ) {
    i += 2;
    if (at(i) === CODE_UNDERSCORE) i++; // one underscore allowed after the prefix
  }
  if (at(i) === CODE_UNDERSCORE) throw bad();
  // Scan digits, allowing single underscores between them.
  const start = i;
  let prev = 0;
  let digits = 0;
  let hasUnderscore = false;
  while (i < n) {
    const c = at(i);
    if (c === CODE_UNDERSCORE) {
      if (prev === CODE_UNDERSCORE) throw bad();
      hasUnderscore = true;
    } else if (digitValue(c) < base) digits++;
    else break;
    prev = c;
    i++;
  }
  if (prev === CODE_UNDERSCORE) throw bad();
  if ((base & (base - 1)) !== 0 && digits > MAX_STR_DIGITS_THRESHOLD && maxStrDigits > 0 && digits > maxStrDigits) {
    // Binary bases are exempt; the check precedes every later syntax check.
    throw new PyErrorSpec(
      'ValueError',
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (digits === 0) throw bad();
  let body = s.slice(start, i);
  if (hasUnderscore) body = body.replace(/_/g, '');
  while (i < n && isAsciiSpace(at(i))) i++;
  if (i !== n) throw bad();
  let value: PyIntValue;
  if (base === 10 && body.length <= 15) value = Number(body);
  else if (base === 10) value = normInt(BigInt(body));
  else if (base === 16 || base === 8 || base === 2) {
    value = normInt(BigInt((base === 16 ? '0x' : base === 8 ? '0o' : '0b') + body));
  } else value = parseOtherBase(body, base);
  if (errorIfNonzero && value !== 0) throw bad();
  return negative ? neg(value) : value;
}

function parseOtherBase(body: string, base: number): PyIntValue {
  // Chunks of digits small enough to accumulate exactly in a double, then combined as bigints.
  const chunk = base <= 10 ? 15 : 9;
  if (body.length <= chunk) {
    let v = 0;
    for (let k = 0; k < body.length; k++) v = v * base + digitValue(body.charCodeAt(k));
    return v;
  }
  let acc = 0n;
  for (let k = 0; k < body.length; k += chunk) {
    const part = body.slice(k, k + chunk);
    let v = 0;
    for (let j = 0; j < part.length; j++) v = v * base + digitValue(part.charCodeAt(j));
    acc = acc * BigInt(base) ** BigInt(part.length) + BigInt(v);
  }
  return normInt(acc);
}

// ---------------------------------------------------------------- hashing and conversions

const HASH_MODULUS = (1n << 61n) - 1n;

/** hash(a): sign(a) * (|a| mod (2**61 - 1)), with -1 mapped to -2. cf. CPython longobject.c long_hash */
export function hash(a: PyIntValue): PyIntValue {
  if (typeof a === 'number') return a === -1 ? -2 : a; // |a| < 2**53 < modulus
  let h = (a < 0n ? -a : a) % HASH_MODULUS;
  if (a < 0n) h = -h;
  return h === -1n ? -2 : normInt(h);
}

/** float(a), correctly rounded. cf. CPython longobject.c PyLong_AsDouble */
export function intToFloat(a: PyIntValue): number {
  if (typeof a === 'number') return a;
  const r = Number(a); // rounds to nearest, ties to even, like CPython
  if (r === Infinity || r === -Infinity) throw new PyErrorSpec('OverflowError', 'int too large to convert to float');
  return r;
}

/** int(x) for a float: truncation toward zero. cf. CPython longobject.c PyLong_FromDouble */
export function floatToInt(x: number): PyIntValue {
  if (x <= MAX_SAFE && x >= -MAX_SAFE) return Math.trunc(x) + 0;
  if (x !== x) throw new PyErrorSpec('ValueError', 'cannot convert float NaN to integer');
  if (x === Infinity || x === -Infinity) {
    throw new PyErrorSpec('OverflowError', 'cannot convert float infinity to integer');
  }
  return BigInt(x); // |x| >= 2**53 is integral
}

/** round(a, ndigits) for an int. cf. CPython longobject.c int___round___impl */
export function round(a: PyIntValue, ndigits: PyIntValue | null = null): PyIntValue {
  if (ndigits === null || !isNegative(ndigits)) return a;
  // The nearest multiple of 10**-ndigits, ties to the even multiple.
  const x = toBig(a);
  const nd = -toBig(ndigits);
  // 10**nd > 2|x| rounds to 0; CPython computes 10**nd anyway (and may run out of memory).
  if (nd > BigInt(bigBitLength(x))) return 0;
  const p = 10n ** nd;
  const [q, r] = bigDivmod(x, p);
  const twice = 2n * r;
  const up = twice > p || (twice === p && (q & 1n) === 1n);
  return normInt((up ? q + 1n : q) * p);
}

// ---------------------------------------------------------------- bytes

function parseByteorder(byteorder: string): boolean {
  if (byteorder === 'little') return true;
  if (byteorder === 'big') return false;
  throw new PyErrorSpec('ValueError', "byteorder must be either 'little' or 'big'");
}

/** int.to_bytes(length, byteorder, signed=...). cf. CPython longobject.c int_to_bytes_impl / _PyLong_AsByteArray */
export function toBytes(a: PyIntValue, length: number, byteorder: string, signed = false): Uint8Array {
  const little = parseByteorder(byteorder);
  if (length < 0) throw new PyErrorSpec('ValueError', 'length argument must be non-negative');
  const x = toBig(a);
  if (x < 0n && !signed) throw new PyErrorSpec('OverflowError', "can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  const fits = signed
    ? (x >= -(1n << (bits - 1n)) && x < 1n << (bits - 1n)) || (length === 0 && x === -1n) // -1 needs no stored bits
    : x < 1n << bits;
  if (length === 0 ? x !== 0n && !(signed && x === -1n) : !fits) {
    throw new PyErrorSpec('OverflowError', 'int too big to convert');
  }
  const out = new Uint8Array(length);
  let v = x < 0n ? (1n << bits) + x : x;
  for (let k = 0; k < length; k++) {
    out[little ? k : length - 1 - k] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** int.from_bytes(bytes, byteorder, signed=...). cf. CPython longobject.c int_from_bytes_impl */
export function fromBytes(bytes: Uint8Array, byteorder: string, signed = false): PyIntValue {
  const little = parseByteorder(byteorder);
  const n = bytes.length;
  if (n <= 6) {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 256 + bytes[little ? n - 1 - k : k]!;
    if (signed && n > 0 && v >= 2 ** (8 * n - 1)) v -= 2 ** (8 * n);
    return v + 0;
  }
  let hex = '';
  for (let k = 0; k < n; k++) hex += bytes[little ? n - 1 - k : k]!.toString(16).padStart(2, '0');
  let v = BigInt('0x' + hex);
  if (signed && (bytes[little ? n - 1 : 0]! & 0x80) !== 0) v -= 1n << BigInt(8 * n);
  return normInt(v);
}
