/** Python float semantics as pure functions: repr, exact decimal conversion, division, pow, round, hash, hex and parsing, as CPython 3.11. */
import {
  isAsciiSpace,
  ldexp,
  normInt,
  ratioToFloat,
  transformDecimalAndSpaceToAscii,
  type PyIntValue,
} from './int-ops.js';
import { PyErrorSpec } from './py-error-spec.js';
import { strRepr } from './str-repr.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------- bits of a double

const view = new DataView(new ArrayBuffer(8));
// Outputs of decompose(), kept in module slots so the hot callers don't allocate.
let dMant = 0;
let dExp = 0;

/** Splits finite ax >= 0 into dMant * 2**dExp, dMant an integer < 2**53. */
function decompose(ax: number): void {
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * 4294967296 + lo;
  if (biased === 0) {
    dMant = frac;
    dExp = -1074;
  } else {
    dMant = frac + 4503599627370496; // implicit leading bit, 2**52
    dExp = biased - 1075;
  }
}

/** Finite ax >= 0 as an exact fraction [numerator, denominator (a power of two)]. */
function exactFraction(ax: number): [bigint, bigint] {
  decompose(ax);
  const m = BigInt(dMant);
  return dExp >= 0 ? [m << BigInt(dExp), 1n] : [m, 1n << BigInt(-dExp)];
}

function isNegative(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

function copysign(a: number, b: number): number {
  return isNegative(b) ? -Math.abs(a) : Math.abs(a);
}

// ---------------------------------------------------------------- exact decimal digits (dtoa)

const POW10: bigint[] = [];
function pow10(k: number): bigint {
  if (k < 64) {
    let p = POW10[k];
    if (p === undefined) p = POW10[k] = 10n ** BigInt(k);
    return p;
  }
  return 10n ** BigInt(k);
}

/** round(num / den * 10**k), ties to even. */
function scaledRound(num: bigint, den: bigint, k: number): bigint {
  if (k >= 0) num *= pow10(k);
  else den *= pow10(-k);
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

function stripZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 0x30) e--;
  return s.slice(0, e);
}

// dtoa's results: the significant digits (no trailing zeros) and the decimal point position,
// value = 0.DIGITS * 10**decpt.
let gDigits = '';
let gDecpt = 0;

/** Shortest digits that round-trip (dtoa mode 0); JS's Number-to-string gives the same digits. */
function shortestDigits(ax: number): void {
  let s = String(ax);
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    exp = +s.slice(e + 1);
    s = s.slice(0, e);
  }
  const point = s.indexOf('.');
  const intLen = point < 0 ? s.length : point;
  const all = point < 0 ? s : s.slice(0, point) + s.slice(point + 1);
  let lead = 0;
  while (all.charCodeAt(lead) === 0x30) lead++;
  gDigits = stripZeros(all.slice(lead));
  gDecpt = intLen - lead + exp;
}

/** Digits rounded at 10**-nd (dtoa mode 3); '' with decpt -nd when that rounds to zero. */
function fixedDigits(ax: number, nd: number): void {
  const [num, den] = exactFraction(ax);
  const n = scaledRound(num, den, nd);
  if (n === 0n) {
    gDigits = '';
    gDecpt = -nd;
    return;
  }
  const s = n.toString();
  gDigits = stripZeros(s);
  gDecpt = s.length - nd;
}

/** -1, 0, 1 as num/den compares with 10**k. */
function comparePow10(num: bigint, den: bigint, k: number): number {
  const a = k >= 0 ? num : num * pow10(-k);
  const b = k >= 0 ? den * pow10(k) : den;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** n significant digits, correctly rounded (dtoa mode 2). */
function sigDigits(ax: number, n: number): void {
  const [num, den] = exactFraction(ax);
  // k = floor(log10(ax)); the float estimate can be one off near powers of ten.
  let k = Math.floor(Math.log10(ax));
  if (comparePow10(num, den, k) < 0) k--;
  else if (comparePow10(num, den, k + 1) >= 0) k++;
  let q = scaledRound(num, den, n - 1 - k);
  if (q === pow10(n)) {
    q = pow10(n - 1);
    k++;
  }
  gDigits = stripZeros(q.toString());
  gDecpt = k + 1;
}

// Flags of formatDouble; cf. CPython Include/pystrtod.h Py_DTSF_*.
export const DTSF_ALT = 1;
export const DTSF_ADD_DOT_0 = 2;
export const DTSF_NO_NEG_0 = 4;

/**
 * PyOS_double_to_string: x formatted with code 'r' (repr, precision 0), 'e', 'E',
 * 'f', 'F', 'g' or 'G' and a precision; '-' for negatives (including -0.0 unless
 * DTSF_NO_NEG_0 and the digits are all zero), never '+'.
 * cf. CPython Python/pystrtod.c PyOS_double_to_string and format_float_short
 */
export function formatDouble(x: number, code: string, precision: number, flags: number): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const fc = upper ? code.toLowerCase() : code;
  let mode: number;
  if (fc === 'e') {
    mode = 2;
    precision++;
  } else if (fc === 'f') mode = 3;
  else if (fc === 'g') {
    mode = 2;
    if (precision === 0) precision = 1; // precision 0 makes no sense for 'g'
  } else if (fc === 'r') mode = 0;
  else throw new RangeError(`formatDouble: bad format code ${code}`);
  if (x !== x) return upper ? 'NAN' : 'nan';
  let sign = isNegative(x);
  if (x === Infinity || x === -Infinity) return (sign ? '-' : '') + (upper ? 'INF' : 'inf');
  const ax = Math.abs(x);
  const alt = (flags & DTSF_ALT) !== 0;
  const addDot0 = (flags & DTSF_ADD_DOT_0) !== 0;

  // Fast path: JS's toFixed gives the exact digits except on exact ties, where it rounds
  // away from zero and dtoa to even. A tie needs exactly precision+1 fractional bits.
  if (mode === 3 && ax < 1e21 && precision <= 100) {
    const p2 = 2 ** precision;
    if (!(Number.isInteger(ax * p2 * 2) && !Number.isInteger(ax * p2))) {
      let body = ax.toFixed(precision);
      if (alt && precision === 0) body += '.';
      if (sign && (flags & DTSF_NO_NEG_0) !== 0 && /^[0.]*$/.test(body)) sign = false;
      return sign ? '-' + body : body;
    }
  }

  if (ax === 0) {
    gDigits = '0';
    gDecpt = 1;
  } else if (mode === 0) shortestDigits(ax);
  else if (mode === 2) sigDigits(ax, precision);
  else fixedDigits(ax, precision);
  const digits = gDigits === '' && ax === 0 ? '0' : gDigits;
  let decpt = gDecpt;
  const digitsLen = digits.length;
  if (sign && (flags & DTSF_NO_NEG_0) !== 0 && (digitsLen === 0 || digits === '0')) sign = false;

  // Output the slice vdigits[vdigitsStart:vdigitsEnd] of the digits padded with zeros on both
  // sides, with a decimal point at decpt.
  let vdigitsEnd = digitsLen;
  let useExp = false;
  switch (fc) {
    case 'e':
      useExp = true;
      vdigitsEnd = precision;
      break;
    case 'f':
      vdigitsEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vdigitsEnd = precision;
      break;
    default: // 'r': exponent from 1e16 on
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  let out = sign ? '-' : '';
  if (decpt <= 0) out += '0'.repeat(decpt - vdigitsStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vdigitsStart);
  if (decpt > 0 && decpt <= digitsLen) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (digitsLen < decpt) out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vdigitsEnd - decpt);
  else out += '0'.repeat(vdigitsEnd - digitsLen);
  if (out.charCodeAt(out.length - 1) === 0x2e && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = exp < 0 ? -exp : exp;
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}

/** repr(x) (and str(x), the same in 3.x). cf. CPython floatobject.c float_repr */
export function repr(x: number): string {
  // Fast path: integral values below 1e16 print as digits + '.0'.
  if (Number.isInteger(x) && x < 1e16 && x > -1e16) return x === 0 && 1 / x < 0 ? '-0.0' : String(x) + '.0';
  return formatDouble(x, 'r', 0, DTSF_ADD_DOT_0);
}

export const str = repr;

// ---------------------------------------------------------------- arithmetic

/** x / y. cf. CPython floatobject.c float_div */
export function truediv(x: number, y: number): number {
  if (y === 0) throw new PyErrorSpec('ZeroDivisionError', 'float division by zero');
  return x / y;
}

/** The floor quotient and modulo of x by y != 0. cf. CPython floatobject.c _float_div_mod */
function divMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx; // JS % is C fmod: exact
  // vx - mod is mathematically a multiple of wx; the fp division only approximates it.
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    // Give the remainder the sign of the divisor.
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, wx);
  }
  let floordiv: number;
  if (div !== 0) {
    // Snap the quotient to the nearest integral value (NaN passes through, as in C).
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, vx / wx);
  }
  return [floordiv, mod];
}

/** x // y. cf. CPython floatobject.c float_floor_div */
export function floordiv(x: number, y: number): number {
  if (y === 0) throw new PyErrorSpec('ZeroDivisionError', 'float floor division by zero');
  return divMod(x, y)[0];
}

/** x % y, with the sign of y. cf. CPython floatobject.c float_rem */
export function mod(x: number, y: number): number {
  if (y === 0) throw new PyErrorSpec('ZeroDivisionError', 'float modulo');
  let m = x % y;
  if (m !== 0) {
    if (y < 0 !== m < 0) m += y;
  } else {
    m = copysign(0.0, y);
  }
  return m;
}

/** divmod(x, y). cf. CPython floatobject.c float_divmod */
export function divmod(x: number, y: number): [number, number] {
  if (y === 0) throw new PyErrorSpec('ZeroDivisionError', 'float divmod()');
  return divMod(x, y);
}

// ---------------------------------------------------------------- pow

// libm's pow is (nearly always) correctly rounded; V8's Math.pow is off by an ulp in about
// 9% of cases. So pow is computed here in double-double arithmetic (~100 bits), then rounded.

type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2**27 + 1, Dekker's split

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const t = twoSum(a[1], b[1]);
  const u = quickTwoSum(s[0], s[1] + t[0]);
  return quickTwoSum(u[0], u[1] + t[1]);
}

function ddMul(a: DD, b: DD): DD {
  const p = twoProd(a[0], b[0]);
  return quickTwoSum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]));
}

function ddMulD(a: DD, b: number): DD {
  const p = twoProd(a[0], b);
  return quickTwoSum(p[0], p[1] + a[1] * b);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddMulD(b, -q1));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddMulD(b, -q2));
  const q3 = r[0] / b[0];
  const q = quickTwoSum(q1, q2);
  return ddAdd(q, [q3, 0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
// 1/(2n+1) for the atanh series, and 1/n! for the exp series, to double-double precision.
const ATANH_TERMS = 21;
const ATANH_COEF: DD[] = [];
for (let n = 0; n < ATANH_TERMS; n++) ATANH_COEF.push(ddDiv([1, 0], [2 * n + 1, 0]));
const EXP_TERMS = 11;
const EXP_COEF: DD[] = [];
{
  let f: DD = [1, 0];
  for (let n = 1; n <= EXP_TERMS; n++) {
    f = ddMulD(f, n);
    EXP_COEF.push(ddDiv([1, 0], f));
  }
}

/** log(x) for finite x > 0, to about 2**-100 relative. */
function ddLog(x: number): DD {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 2 ** 54;
    k = -54;
  }
  decompose(x);
  // x = f * 2**k with f in [sqrt(1/2), sqrt(2)), then log f = 2 atanh((f-1)/(f+1)).
  let f = dMant / 4503599627370496;
  k += dExp + 52;
  if (f > Math.SQRT2) {
    f /= 2;
    k++;
  }
  const s = ddDiv([f - 1, 0], twoSum(f, 1)); // f - 1 is exact here
  const s2 = ddMul(s, s);
  let t = ATANH_COEF[ATANH_TERMS - 1]!;
  for (let n = ATANH_TERMS - 2; n >= 0; n--) t = ddAdd(ddMul(t, s2), ATANH_COEF[n]!);
  const logf = ddMulD(ddMul(s, t), 2);
  return k === 0 ? logf : ddAdd(ddMulD(LN2, k), logf);
}

/** exp(t) rounded to a double, for a double-double t; Infinity on overflow. */
function ddExpRounded(t: DD): number {
  if (t[0] > 709.8) return Infinity;
  if (t[0] < -745.2) return 0;
  const k = Math.round(t[0] / LN2[0]);
  let r = ddAdd(t, ddMulD(LN2, -k));
  // exp(r) = (1 + expm1(r / 512)) ** 512: a short series, then 9 squarings done on expm1
  // (e2 = e * (e + 2)) so that no precision is lost to cancellation.
  r = [r[0] / 512, r[1] / 512];
  let em1 = EXP_COEF[EXP_TERMS - 1]!;
  for (let n = EXP_TERMS - 2; n >= 0; n--) em1 = ddAdd(ddMul(em1, r), EXP_COEF[n]!);
  em1 = ddMul(em1, r);
  for (let i = 0; i < 9; i++) em1 = ddMul(em1, ddAdd(em1, [2, 0]));
  const [h, l] = ddAdd([1, 0], em1);
  const scaled = ldexp(h, k);
  if (scaled === Infinity || Math.abs(scaled) >= 2.2250738585072014e-308) return scaled;
  // Subnormal result: ldexp rounded h alone; fix up the rounding with the low part.
  const back = ldexp(scaled, -k);
  const err = h - back + l;
  const halfUlp = ldexp(0.5, -1074 - k);
  if (err > halfUlp) return scaled + 5e-324;
  if (err < -halfUlp) return scaled - 5e-324;
  return scaled;
}

function isOddInteger(y: number): boolean {
  return Math.abs(y) % 2 === 1;
}

/**
 * x ** y for floats (the int ** negative-int case lands here too, via float(a) ** float(b)).
 * Negative base with a non-integral exponent gives a complex in Python: thrown as
 * PyErrorSpec('NotImplementedComplex', '') for the VM to handle.
 * cf. CPython floatobject.c float_pow
 */
export function pow(x: number, y: number): number {
  // Special cases first, as CPython sorts them out instead of relying on libm.
  if (y === 0) return 1.0; // even 0**0 and nan**0
  if (x !== x) return x;
  if (y !== y) return x === 1.0 ? 1.0 : y;
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1.0) return 1.0;
    if (y > 0 === ax > 1.0) return Infinity;
    return 0.0;
  }
  if (x === Infinity || x === -Infinity) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Math.abs(x);
    return odd ? copysign(0.0, x) : 0.0;
  }
  if (x === 0) {
    if (y < 0) throw new PyErrorSpec('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return isOddInteger(y) ? x : 0.0;
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) throw new PyErrorSpec('NotImplementedComplex', '');
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1.0) return negate ? -1.0 : 1.0;
  let r: number;
  if (y === 1) r = x;
  else if (y === 2) r = x * x;
  else if (y === -1) r = 1 / x;
  else if (y === 0.5) r = Math.sqrt(x);
  else r = ddExpRounded(ddMulD(ddLog(x), y));
  // libm reports overflow as ERANGE; CPython raises OverflowError(34, 'Numerical result out of range').
  if (r === Infinity) throw new PyErrorSpec('OverflowError', "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

// ---------------------------------------------------------------- rounding and conversions

/** C round(): half away from zero. */
function roundHalfAway(x: number): number {
  const ax = Math.abs(x);
  let t = Math.trunc(ax);
  if (ax - t >= 0.5) t += 1;
  return x < 0 ? -t : t;
}

/** round(x) with no ndigits: the nearest int, ties to even. cf. CPython floatobject.c float___round___impl */
export function roundToInt(x: number): PyIntValue {
  let rounded = roundHalfAway(x);
  if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * roundHalfAway(x / 2.0);
  if (rounded !== rounded) throw new PyErrorSpec('ValueError', 'cannot convert float NaN to integer');
  if (rounded === Infinity || rounded === -Infinity) {
    throw new PyErrorSpec('OverflowError', 'cannot convert float infinity to integer');
  }
  if (rounded <= MAX_SAFE && rounded >= -MAX_SAFE) return rounded + 0;
  return BigInt(rounded);
}

/**
 * round(x, ndigits): x rounded to a multiple of 10**-ndigits, ties to even,
 * exactly as double_round does (correctly rounded digits, then strtod).
 * cf. CPython floatobject.c float___round___impl / double_round
 */
export function round(x: number, ndigits: PyIntValue): number {
  // PyNumber_AsSsize_t clips huge ndigits; anything past the limits below behaves the same.
  const nd = typeof ndigits === 'bigint' ? (ndigits > 0n ? 1e9 : -1e9) : ndigits;
  if (x !== x || x === Infinity || x === -Infinity) return x;
  // NDIGITS_MAX = (53 - (-1021)) * 0.30103 and NDIGITS_MIN = -(1024 + 1) * 0.30103, truncated.
  if (nd > 323) return x;
  if (nd < -308) return 0.0 * x;
  const ax = Math.abs(x);
  const [num, den] = exactFraction(ax);
  const n = scaledRound(num, den, nd);
  let r: number;
  if (n === 0n) r = 0;
  else if (nd >= 0) r = ratioToFloat(n, pow10(nd));
  else r = Number(n * pow10(-nd)); // BigInt -> Number rounds to nearest, ties to even
  if (r === Infinity) throw new PyErrorSpec('OverflowError', 'rounded value too large to represent');
  return isNegative(x) ? -r : r;
}

const HASH_MODULUS = (1n << 61n) - 1n;

/**
 * hash(x): integral floats hash as the equal int; inf -> 314159; nan -> null
 * (CPython hashes nan by object identity, so the VM uses the object's id).
 * cf. CPython Python/pyhash.c _Py_HashDouble
 */
export function hash(x: number): PyIntValue | null {
  if (x !== x) return null;
  if (x === Infinity) return 314159;
  if (x === -Infinity) return -314159;
  if (Number.isInteger(x) && x <= MAX_SAFE && x >= -MAX_SAFE) return x === -1 ? -2 : x + 0;
  // |x| = m * 2**e, and 2**61 == 1 (mod 2**61 - 1), so 2**e == 2**(e mod 61).
  decompose(Math.abs(x));
  let e = dExp % 61;
  if (e < 0) e += 61;
  let h = (BigInt(dMant) << BigInt(e)) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2 : normInt(h);
}

/** float.is_integer() */
export function isInteger(x: number): boolean {
  return Number.isInteger(x);
}

/** float.as_integer_ratio(): [numerator, denominator] in lowest terms. cf. CPython floatobject.c float_as_integer_ratio_impl */
export function asIntegerRatio(x: number): [PyIntValue, PyIntValue] {
  if (x !== x) throw new PyErrorSpec('ValueError', 'cannot convert NaN to integer ratio');
  if (x === Infinity || x === -Infinity) {
    throw new PyErrorSpec('OverflowError', 'cannot convert Infinity to integer ratio');
  }
  if (Number.isInteger(x)) {
    if (x <= MAX_SAFE && x >= -MAX_SAFE) return [x + 0, 1];
    return [BigInt(x), 1];
  }
  decompose(Math.abs(x));
  let m = dMant;
  let e = dExp; // negative: x is not integral
  while (m % 2 === 0) {
    m /= 2;
    e++;
  }
  const num = x < 0 ? -m : m;
  const den = normInt(1n << BigInt(-e));
  return [num, den];
}

/** float.hex(). cf. CPython floatobject.c float_hex */
export function hex(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return isNegative(x) ? '-0x0.0p+0' : '0x0.0p+0';
  decompose(Math.abs(x));
  const subnormal = dExp === -1074 && dMant < 4503599627370496;
  const frac = subnormal ? dMant : dMant - 4503599627370496;
  const e = subnormal ? -1022 : dExp + 52;
  const body = (subnormal ? '0.' : '1.') + frac.toString(16).padStart(13, '0');
  return (x < 0 ? '-' : '') + '0x' + body + 'p' + (e < 0 ? '-' : '+') + Math.abs(e);
}

const INF_OR_NAN = /^[+-]?(?:inf(?:inity)?|nan)/i;

function hexDigitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/** float.fromhex(s). cf. CPython floatobject.c float_fromhex */
export function fromHex(s: string): number {
  const parseError = (): PyErrorSpec => new PyErrorSpec('ValueError', 'invalid hexadecimal floating-point string');
  const overflow = (): PyErrorSpec =>
    new PyErrorSpec('OverflowError', 'hexadecimal value too large to represent as a float');
  const n = s.length;
  let i = 0;
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  let x: number;
  const special = INF_OR_NAN.exec(s.slice(i));
  if (special !== null) {
    const word = special[0];
    const neg = word[0] === '-';
    x = /nan/i.test(word) ? NaN : neg ? -Infinity : Infinity;
    i += word.length;
  } else {
    let negate = false;
    if (s[i] === '-') {
      negate = true;
      i++;
    } else if (s[i] === '+') i++;
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) i += 2;
    const coeffStart = i;
    while (i < n && hexDigitValue(s.charCodeAt(i)) >= 0) i++;
    const intPart = s.slice(coeffStart, i);
    let fracPart = '';
    if (s[i] === '.') {
      i++;
      const fs = i;
      while (i < n && hexDigitValue(s.charCodeAt(i)) >= 0) i++;
      fracPart = s.slice(fs, i);
    }
    if (intPart.length + fracPart.length === 0) throw parseError();
    let exp = 0;
    if (s[i] === 'p' || s[i] === 'P') {
      i++;
      const es = i;
      if (s[i] === '-' || s[i] === '+') i++;
      if (!(s[i]! >= '0' && s[i]! <= '9')) throw parseError();
      while (s[i]! >= '0' && s[i]! <= '9') i++;
      // strtol saturates; anything this large over- or underflows anyway.
      exp = Math.max(-1e15, Math.min(1e15, Number(s.slice(es, i))));
    }
    const m = BigInt('0x0' + intPart + fracPart);
    const e = exp - 4 * fracPart.length;
    if (m === 0n) x = 0;
    else {
      const topExp = m.toString(2).length + e; // the value is below 2**topExp
      if (topExp > 1025) throw overflow();
      if (topExp < -1076) x = 0;
      else {
        x = e >= 0 ? ratioToFloat(m << BigInt(e), 1n) : ratioToFloat(m, 1n << BigInt(-e));
        if (x === Infinity) throw overflow();
      }
    }
    if (negate) x = -x;
  }
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  if (i !== n) throw parseError();
  return x;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF_NAN_WHOLE = /^([+-]?)(?:(inf|infinity)|nan)$/i;

/**
 * float(text): surrounding whitespace, underscores between digits, inf/infinity/nan
 * in any case with a sign, Unicode decimal digits.
 * cf. CPython floatobject.c float_from_string / _Py_string_to_number_with_underscores
 */
export function parseFloat(text: string): number {
  const bad = (): PyErrorSpec => new PyErrorSpec('ValueError', 'could not convert string to float: ' + strRepr(text));
  let s = transformDecimalAndSpaceToAscii(text);
  let a = 0;
  let b = s.length;
  while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
  s = s.slice(a, b);
  if (s.includes('_')) {
    // Underscores only between two digits.
    let prev = 0;
    let out = '';
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x5f) {
        if (!(prev >= 0x30 && prev <= 0x39)) throw bad();
      } else {
        if (prev === 0x5f && !(c >= 0x30 && c <= 0x39)) throw bad();
        out += s[k];
      }
      prev = c;
    }
    if (prev === 0x5f) throw bad();
    s = out;
  }
  if (DECIMAL_FLOAT.test(s)) return Number(s); // correctly rounded, like _Py_dg_strtod
  const m = INF_NAN_WHOLE.exec(s);
  if (m === null) throw bad();
  if (m[2] === undefined) return NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}

// ---------------------------------------------------------------- int/float comparison

/**
 * Compares int i with float x exactly (no rounding of i): -1, 0 or 1, or NaN
 * when x is nan (every ordering is then False and != is True).
 * cf. CPython floatobject.c float_richcompare
 */
export function compareIntFloat(i: PyIntValue, x: number): number {
  if (typeof i === 'number') return i < x ? -1 : i > x ? 1 : i === x ? 0 : NaN; // exact in a double
  if (x !== x) return NaN;
  if (x === Infinity) return -1;
  if (x === -Infinity) return 1;
  const fl = Math.floor(x);
  const b = BigInt(fl);
  if (i < b) return -1;
  if (i > b) return 1;
  return fl === x ? 0 : -1;
}
