/** Python float semantics as pure functions: repr, exact decimal conversion, division, pow, round, hash, hex and parsing, as CPython 3.11. */
import {
  isAsciiSpace,
  normInt,
  ratioToFloat,
  transformDecimalAndSpaceToAscii,
  type PyIntValue,
} from './int-ops.js';
import { PyErrorSpec } from './py-error-spec.js';
import { strRepr } from './str-repr.js';
import { compiledInSnapshot } from '../regexps.js';

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
  // Fast paths: integral values below 1e16 print as digits + '.0'; other values in [1e-4, 1e16)
  // print without an exponent in both languages, with the same shortest digits.
  const ax = Math.abs(x);
  if (ax < 1e16) {
    if (Number.isInteger(x)) return x === 0 && 1 / x < 0 ? '-0.0' : String(x) + '.0';
    if (ax >= 1e-4) return String(x);
  }
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

// CPython calls the C library's pow(). On the reference platform (glibc >= 2.28, x86-64 with FMA)
// that is ARM's optimized-routines pow: about 0.52 ulp, so not always correctly rounded, and V8's
// Math.pow differs from it in ~9% of cases. To print the digits CPython prints, this runs the same
// algorithm on the same tables, with the fused multiply-adds GCC emitted in glibc's FMA build.
// cf. glibc sysdeps/ieee754/dbl-64/e_pow.c, e_pow_log_data.c, e_exp_data.c (data: __pow_log_data
// and __exp_data of glibc 2.36's libm.so.6, little-endian doubles; ARM optimized-routines, MIT).

const POW_LOG_DATA_B64 =
  'ADj6/kIu5j8wZ8eTV/MuPQAAAAAAAOC/YFVVVVVV5b8GAAAAAADgP05VWZmZmek/eqQpVVVV5b/pRUibW0nyv8M/JosrAPA/AAAAAACg9j8AAA' +
  'AAAAAAAADIufKCLNa/gFY3KCS0+jwAAAAAAID2PwAAAAAAAAAAAAhYv73R1b8g9+DYCKUcvQAAAAAAYPY/AAAAAAAAAAAAWEUXd3bVv21QttWk' +
  'YiO9AAAAAABA9j8AAAAAAAAAAAD4LYetGtW/1WewnuSE5rwAAAAAACD2PwAAAAAAAAAAAHh3lV++1L/gPimTaRsEvQAAAAAAAPY/AAAAAAAAAA' +
  'AAYBzCi2HUv8yETEgv2BM9AAAAAADg9T8AAAAAAAAAAACohoYwBNS/OguC7fNC3DwAAAAAAMD1PwAAAAAAAAAAAEhpVUym079glFGGxrEgPQAA' +
  'AAAAoPU/AAAAAAAAAAAAgJia3UfTv5KAxdRNWSU9AAAAAACA9T8AAAAAAAAAAAAg4bri6NK/2Cu3mR57Jj0AAAAAAGD1PwAAAAAAAAAAAIjeE1' +
  'qJ0r8/sM+2FMoVPQAAAAAAYPU/AAAAAAAAAAAAiN4TWonSvz+wz7YUyhU9AAAAAABA9T8AAAAAAAAAAAB4z/tBKdK/dtpTKCRaFr0AAAAAACD1' +
  'PwAAAAAAAAAAAJhpwZjI0b8EVOdovK8fvQAAAAAAAPU/AAAAAAAAAAAAqKurXGfRv/CogjPGHx89AAAAAADg9D8AAAAAAAAAAABIrvmLBdG/Zl' +
  'oF/cSoJr0AAAAAAMD0PwAAAAAAAAAAAJBz4iSj0L8OA/R+7msMvQAAAAAAoPQ/AAAAAAAAAAAA0LSUJUDQv38t9J64NvC8AAAAAACg9D8AAAAA' +
  'AAAAAADQtJQlQNC/fy30nrg28LwAAAAAAID0PwAAAAAAAAAAAEBebRi5z7+HPJmrKlcNPQAAAAAAYPQ/AAAAAAAAAAAAYNzLrfDOvySvhpy3Ji' +
  's9AAAAAABA9D8AAAAAAAAAAADwKm4HJ86/EP8/VE8vF70AAAAAACD0PwAAAAAAAAAAAMBPayFczb8baMq7kbohPQAAAAAAAPQ/AAAAAAAAAAAA' +
  'oJrH94/MvzSEn2hPeSc9AAAAAAAA9D8AAAAAAAAAAACgmsf3j8y/NISfaE95Jz0AAAAAAODzPwAAAAAAAAAAAJAtdIbCy7+Pt4sxsE4ZPQAAAA' +
  'AAwPM/AAAAAAAAAAAAwIBOyfPKv2aQzT9jTro8AAAAAACg8z8AAAAAAAAAAACw4h+8I8q/6sFG3GSMJb0AAAAAAKDzPwAAAAAAAAAAALDiH7wj' +
  'yr/qwUbcZIwlvQAAAAAAgPM/AAAAAAAAAAAAUPScWlLJv+PUwQTZ0Sq9AAAAAABg8z8AAAAAAAAAAADQIGWgf8i/Cfrbf7+9Kz0AAAAAAEDzPw' +
  'AAAAAAAAAAAOAQAomrx79YSlNykNsrPQAAAAAAQPM/AAAAAAAAAAAA4BACiavHv1hKU3KQ2ys9AAAAAAAg8z8AAAAAAAAAAADQGecP1sa/ZuKy' +
  'o2rkEL0AAAAAAADzPwAAAAAAAAAAAJCncDD/xb85UBCfQ54evQAAAAAAAPM/AAAAAAAAAAAAkKdwMP/FvzlQEJ9Dnh69AAAAAADg8j8AAAAAAA' +
  'AAAACwoePlJsW/j1sHkIveIL0AAAAAAMDyPwAAAAAAAAAAAIDLbCtNxL88eDVhwQwXPQAAAAAAwPI/AAAAAAAAAAAAgMtsK03Evzx4NWHBDBc9' +
  'AAAAAACg8j8AAAAAAAAAAACQHiD8ccO/OlQnTYZ48TwAAAAAAIDyPwAAAAAAAAAAAPAf+FKVwr8IxHEXMI0kvQAAAAAAYPI/AAAAAAAAAAAAYC' +
  '/VKrfBv5ajERikgC69AAAAAABg8j8AAAAAAAAAAABgL9Uqt8G/lqMRGKSALr0AAAAAAEDyPwAAAAAAAAAAAJDQfH7XwL/0W+iIlmkKPQAAAAAA' +
  'QPI/AAAAAAAAAAAAkNB8ftfAv/Rb6IiWaQo9AAAAAAAg8j8AAAAAAAAAAADg2zGR7L+/8jOjXFR1Jb0AAAAAAADyPwAAAAAAAAAAAAArbgcnvr' +
  '88APAqLDQqPQAAAAAAAPI/AAAAAAAAAAAAACtuBye+vzwA8CosNCo9AAAAAADg8T8AAAAAAAAAAADAW49UXry/Br5fWFcMHb0AAAAAAMDxPwAA' +
  'AAAAAAAAAOBKOm2Sur/IqlvoNTklPQAAAAAAwPE/AAAAAAAAAAAA4Eo6bZK6v8iqW+g1OSU9AAAAAACg8T8AAAAAAAAAAACgMdZFw7i/aFYvTS' +
  'l8Ez0AAAAAAKDxPwAAAAAAAAAAAKAx1kXDuL9oVi9NKXwTPQAAAAAAgPE/AAAAAAAAAAAAYOWK0vC2v9pzM8k3lya9AAAAAABg8T8AAAAAAAAA' +
  'AAAgBj8HG7W/V17GYVsCHz0AAAAAAGDxPwAAAAAAAAAAACAGPwcbtb9XXsZhWwIfPQAAAAAAQPE/AAAAAAAAAAAA4BuW10Gzv98T+czaXiw9AA' +
  'AAAABA8T8AAAAAAAAAAADgG5bXQbO/3xP5zNpeLD0AAAAAACDxPwAAAAAAAAAAAICj7jZlsb8Jo492XnwUPQAAAAAAAPE/AAAAAAAAAAAAgBHA' +
  'MAqvv5GONoOeWS09AAAAAAAA8T8AAAAAAAAAAACAEcAwCq+/kY42g55ZLT0AAAAAAODwPwAAAAAAAAAAAIAZcd1Cq79McNbleoIcPQAAAAAA4P' +
  'A/AAAAAAAAAAAAgBlx3UKrv0xw1uV6ghw9AAAAAADA8D8AAAAAAAAAAADAMvZYdKe/7qHyNEb8LL0AAAAAAMDwPwAAAAAAAAAAAMAy9lh0p7/u' +
  'ofI0RvwsvQAAAAAAoPA/AAAAAAAAAAAAwP65h56jv6r+JvW3AvU8AAAAAACg8D8AAAAAAAAAAADA/rmHnqO/qv4m9bcC9TwAAAAAAIDwPwAAAA' +
  'AAAAAAAAB4DpuCn7/kCX58JoApvQAAAAAAgPA/AAAAAAAAAAAAAHgOm4Kfv+QJfnwmgCm9AAAAAABg8D8AAAAAAAAAAACA1QcbuZe/Oab6k1SN' +
  'KL0AAAAAAEDwPwAAAAAAAAAAAAD8sKjAj7+cptP2fB7fvAAAAAAAQPA/AAAAAAAAAAAAAPywqMCPv5ym0/Z8Ht+8AAAAAAAg8D8AAAAAAAAAAA' +
  'AAEGsq4H+/5EDaDT/iGb0AAAAAACDwPwAAAAAAAAAAAAAQayrgf7/kQNoNP+IZvQAAAAAAAPA/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAA8D8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMDvPwAAAAAAAAAAAACJdRUQgD/oK52Za8cQvQAAAAAAgO8/AAAAAAAAAAAAgJNYVi' +
  'CQP9L34gZb3CO9AAAAAABA7z8AAAAAAAAAAAAAySglSZg/NAxaMrqgKr0AAAAAAADvPwAAAAAAAAAAAEDniV1BoD9T1/FcwBEBPQAAAAAAwO4/' +
  'AAAAAAAAAAAAAC7UrmakPyj9vXVzFiy9AAAAAACA7j8AAAAAAAAAAADAnxSqlKg/fSZa0JV5Gb0AAAAAAEDuPwAAAAAAAAAAAMDdzXPLrD8HKN' +
  'hH8mgavQAAAAAAIO4/AAAAAAAAAAAAwAbAMequP3s7yU8+EQ69AAAAAADg7T8AAAAAAAAAAABgRtE7l7E/m54NVl0yJb0AAAAAAKDtPwAAAAAA' +
  'AAAAAODRp/W9sz/XTtulXsgsPQAAAAAAYO0/AAAAAAAAAAAAoJdNWum1Px4dXTwGaSy9AAAAAABA7T8AAAAAAAAAAADA6grTALc/Mu2dqY0e7D' +
  'wAAAAAAADtPwAAAAAAAAAAAEBZXV4zuT/aR706XBEjPQAAAAAAwOw/AAAAAAAAAAAAYK2NyGq7P+Vo9yuAkBO9AAAAAACg7D8AAAAAAAAAAABA' +
  'vAFYiLw/06xaxtFGJj0AAAAAAGDsPwAAAAAAAAAAACAKgznHvj/gReavaMAtvQAAAAAAQOw/AAAAAAAAAAAA4Ns5kei/P/0KoU/WNCW9AAAAAA' +
  'AA7D8AAAAAAAAAAADgJ4KOF8E/8gctznjvIT0AAAAAAODrPwAAAAAAAAAAAPAjfiuqwT80mThEjqcsPQAAAAAAoOs/AAAAAAAAAAAAgIYMYdHC' +
  'P6G0gctsnQM9AAAAAACA6z8AAAAAAAAAAACQFbD8ZcM/iXJLI6gvxjwAAAAAAEDrPwAAAAAAAAAAALAzgz2RxD94tv1UeYMlPQAAAAAAIOs/AA' +
  'AAAAAAAAAAsKHk5SfFP8d9aeXoMyY9AAAAAADg6j8AAAAAAAAAAAAQjL5OV8Y/eC48LIvPGT0AAAAAAMDqPwAAAAAAAAAAAHB1ixLwxj/hIZzl' +
  'jRElvQAAAAAAoOo/AAAAAAAAAAAAUESFjYnHPwVDkXAQZhy9AAAAAABg6j8AAAAAAAAAAAAAOeuvvsg/0SzpqlQ9B70AAAAAAEDqPwAAAAAAAA' +
  'AAAAD33FpayT9v/6BYKPIHPQAAAAAAAOo/AAAAAAAAAAAA4Io87ZPKP2khVlBDcii9AAAAAADg6T8AAAAAAAAAAADQW1fYMcs/quGsTo01DL0A' +
  'AAAAAMDpPwAAAAAAAAAAAOA7OIfQyz+2ElRZxEstvQAAAAAAoOk/AAAAAAAAAAAAEPDG+2/MP9IrlsVy7PG8AAAAAABg6T8AAAAAAAAAAACQ1L' +
  'A9sc0/NbAV9yr/Kr0AAAAAAEDpPwAAAAAAAAAAABDn/w5Tzj8w9EFgJxLCPAAAAAAAIOk/AAAAAAAAAAAAAN3krfXOPxGOu2UVIcq8AAAAAAAA' +
  '6T8AAAAAAAAAAACws2wcmc8/MN8MyuzLGz0AAAAAAMDoPwAAAAAAAAAAAFhNYDhx0D+RTu0W25z4PAAAAAAAoOg/AAAAAAAAAAAAYGFnLcTQP+' +
  'nqPBaLGCc9AAAAAACA6D8AAAAAAAAAAADoJ4KOF9E/HPClYw4hLL0AAAAAAGDoPwAAAAAAAAAAAPisy1xr0T+BFqX3zZorPQAAAAAAQOg/AAAA' +
  'AAAAAAAAaFpjmb/RP7e9R1Htpiw9AAAAAAAg6D8AAAAAAAAAAAC4Dm1FFNI/6rpGut6HCj0AAAAAAODnPwAAAAAAAAAAAJDcfPC+0j/0BFBK+p' +
  'wqPQAAAAAAwOc/AAAAAAAAAAAAYNPh8RTTP7g8IdN64ii9AAAAAACg5z8AAAAAAAAAAAAQvnZna9M/yHfxsM1uET0AAAAAAIDnPwAAAAAAAAAA' +
  'ADAzd1LC0z9cvQa2VDsYPQAAAAAAYOc/AAAAAAAAAAAA6NUjtBnUP53gkOw25Ag9AAAAAABA5z8AAAAAAAAAAADIccKNcdQ/ddZnCc4nL70AAA' +
  'AAACDnPwAAAAAAAAAAADAXnuDJ1D+k2AobiSAuvQAAAAAAAOc/AAAAAAAAAAAAoDgHriLVP1nHZIFwvi49AAAAAADg5j8AAAAAAAAAAADQyFP3' +
  'e9U/70Bd7u2tHz0AAAAAAMDmPwAAAAAAAAAAAGBZ373V1T/cZaQIKgsKvQ==';
const EXP_DATA_B64 =
  '/oIrZUcVZ0AAAPr+Qi52vzo7nrya9wy9vf3/////3z88VFVVVVXFP5ErF89VVaU/F9CkZxERgT8AAAAAAAA4QwAAAAAAAMhC7zn6/kIu5j8kxI' +
  'L/vb/OP7X0DNcIa6w/zFBG0quygz+EOk6b4NdVPwAAAAAAAAAAAAAAAAAA8D9uv4gaTzubPDUz+6k99u8/XdzYnBNgcbxhgHc+muzvP9FmhxB6' +
  'XpC8hX9u6BXj7z8T9mc1UtKMPHSFFdOw2e8/+o75I4DOi7ze9t0pa9DvP2HI5mFO92A8yJt1GEXH7z+Z0zNb5KOQPIPzxso+vu8/bXuDXaaalz' +
  'wPiflsWLXvP/zv/ZIatY4890dyK5Ks7z/RnC9wPb4+PKLR0zLso+8/C26QiTQDarwb0/6vZpvvPw69LypSVpW8UVsS0AGT7z9V6k6M74BQvMwx' +
  'bMC9iu8/FvTVuSPJkbzgLamumoLvP69VXOnj04A8UY6lyJh67z9Ik6XqFRuAvHtRfTy4cu8/PTLeVfAfj7zqjYw4+WrvP79TEz+MiYs8dctv61' +
  'tj7z8m6xF2nNmWvNRcBITgW+8/YC86PvfsmjyquWgxh1TvP504hsuC54+8Hdn8IlBN7z+Nw6ZEQW+KPNaMYog7Ru8/fQTksAV6gDyW3H2RST/v' +
  'P5SoqOP9jpY8OGJ1bno47z99SHTyGF6HPD+msk/OMe8/8ucfmCtHgDzdfOJlRSvvP14IcT97uJa8gWP14d8k7z8xqwlt4feCPOHeH/WdHu8/+r' +
  '9vGpshPbyQ2drQfxjvP7QKDHKCN4s8CwPkpoUS7z+Py86JkhRuPFYvPqmvDO8/tquwTXVNgzwVtzEK/gbvP0x0rOIBQoY8MdhM/HAB7z9K+NNd' +
  'Od2PPP8WZLII/O4/BFuOO4Cjhrzxn5JfxfbuP2hQS8ztSpK8y6k6N6fx7j+OLVEb+AeZvGbYBW2u7O4/0jaUPujRcbz3n+U02+fuPxUbzrMZGZ' +
  'm85agTwy3j7j9tTCqnSJ+FPCI0Ekym3u4/imkoemASk7wcgKwERdruP1uJF0iPp1i8Ki73IQrW7j8bmklnmyx8vJeoUNn10e4/EazCYO1jQzwt' +
  'iWFgCM7uP+9kBjsJZpY8VwAd7UHK7j95A6Ha4cxuPNA8wbWixu4/MBIPP47/kzze09fwKsPuP7CvervOkHY8Jyo21dq/7j934FTrvR2TPA3d/Z' +
  'myvO4/jqNxADSUj7ynLJ12srnuP0mjk9zM3oe8QmbPotq27j9fOA+9xt54vIJPnVYrtO4/9lx77EYShrwPkl3KpLHuP47X/RgFNZM82ie1Nkev' +
  '7j8Fm4ovt5h7PP3Hl9QSre4/CVQc4uFjkDwpVEjdB6vuP+rGGVCFxzQ8t0ZZiiap7j81wGQr5jKUPEghrRVvp+4/n3aZYUrkjLwJ3Ha54aXuP6' +
  'hN7zvFM4y8hVU6sH6k7j+u6SuJeFOEvCDDzDRGo+4/WFhWeN3Ok7wlIlWCOKLuP2QZfoCqEFc8c6lM1FWh7j8oIl6/77OTvM07f2aeoO4/grk0' +
  'h60Sary/2gt1EqDuP+6pbbjvZ2O8LxplPLKf7j9RiOBUPdyAvISUUfl9n+4/zz5afmQfeLx0X+zodZ/uP7B9i8BK7oa8dIGlSJqf7j+K5lUeMh' +
  'mGvMlnQlbrn+4/09QJXsuckDw/Xd5PaaDuPx2lTbncMnu8hwHrcxSh7j9rwGdU/eyUPDLBMAHtoe4/VWzWq+HrZTxiTs8286LuP0LPsy/FoYi8' +
  'Eho+VCek7j80NzvxtmmTvBPOTJmJpe4/Hv8ZOoRegLytxyNGGqfuP25XcthQ1JS87ZJEm9mo7j8Aig5bZ62QPJlmitnHqu4/tOrwwS+3jTzboC' +
  'pC5azuP//nxZxgtmW8jES1FjKv7j9EX/NZg/Z7PDZ3FZmuse4/gz0epx8Jk7zG/5ELW7TuPykebIu4qV285cXNsDe37j9ZuZB8+SNsvA9SyMtE' +
  'uu4/qvn0IkNDkrxQTt6fgr3uP0uOZtdsyoW8ugfKcPHA7j8nzpEr/K9xPJDwo4KRxO4/u3MK4TXSbTwjI+MZY8juP2MiYiIExYe8ZeVde2bM7j' +
  '/VMeLjhhyLPDMtSuyb0O4/Fbu809G7kbxdJT6yA9XuP9Ix7pwxzJA8WLMwE57Z7j+zWnNuhGmEPL/9eVVr3u4/tJ2Ol83fgrx689O/a+PuP4cz' +
  'y5J3Gow8rdNamZ/o7j/62dFKj3uQvGa2jSkH7u4/uq7cVtnDVbz7FU+4ovPuP0D2pj0OpJC8OlnljXL57j80k6049NZovEde+/J2/+4/NYpYa+' +
  'LukbxKBqEwsAXvP83dXwrX/3Q80sFLkB4M7z+smJL6+72RvAke11vCEu8/swyvMK5uczycUoXdmxnvP5T9n1wy4448etD/X6sg7z+sWQnRj+CE' +
  'PEvRVy7xJ+8/ZxpOOK/NYzy15waUbS/vP2gZkmwsa2c8aZDv3CA37z/StcyDGIqAvPrDXVULP+8/b/r/P12tj7x8iQdKLUfvP0mpdTiuDZC88o' +
  'kNCIdP7z+nBz2mhaN0PIek+9wYWO8/DyJAIJ6RgryYg8kW42DvP6ySwdVQWo48hTLbA+Zp7z9LawGsWTqEPGC0AfMhc+8/Hz60ByHVgrxfm3sz' +
  'l3zvP8kNRzu5Kom8KaH1FEaG7z/TiDpgBLZ0PPY/i+cukO8/cXKdUezFgzyDTMf7UZrvP/CR048S94+82pCkoq+k7z99dCPimK6NvPFnji1Ir+' +
  '8/CCCqQbzDjjwnWmHuG7rvPzLrqcOUK4Q8l7prNyvF7z/uhdExqWSKPEBFblt20O8/7eM75Lo3jrwUvpyt/dvvP53NkU07iXc82JCegcHn7z+J' +
  'zGBBwQVTPPFxjyvC8+8/';

function decodeBase64(b64: string): DataView {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new DataView(bytes.buffer);
}

// struct pow_log_data { ln2hi, ln2lo, poly[7], tab[128] { invc, pad, logc, logctail } }
const POW_LOG = decodeBase64(POW_LOG_DATA_B64);
const logData = (i: number): number => POW_LOG.getFloat64(8 * i, true);
const LOG_LN2HI = logData(0);
const LOG_LN2LO = logData(1);
const [A0, A1, A2, A3, A4, A5, A6] = [2, 3, 4, 5, 6, 7, 8].map(logData) as [number, number, number, number, number, number, number];
const LOG_INVC = new Float64Array(128);
const LOG_LOGC = new Float64Array(128);
const LOG_LOGCTAIL = new Float64Array(128);
for (let i = 0; i < 128; i++) {
  LOG_INVC[i] = logData(9 + 4 * i);
  LOG_LOGC[i] = logData(9 + 4 * i + 2);
  LOG_LOGCTAIL[i] = logData(9 + 4 * i + 3);
}
// struct exp_data { invln2N, negln2hiN, negln2loN, poly[4], shift, exp2_shift, exp2_poly[5], tab[256] }
const EXP = decodeBase64(EXP_DATA_B64);
const expData = (i: number): number => EXP.getFloat64(8 * i, true);
const INV_LN2_N = expData(0);
const NEG_LN2_HI_N = expData(1);
const NEG_LN2_LO_N = expData(2);
const [C2, C3, C4, C5] = [3, 4, 5, 6].map(expData) as [number, number, number, number];
const EXP_SHIFT = expData(7);
// tab[2j] is the tail of 2**(j/128) (a double), tab[2j+1] the bits of its scale minus j << 45.
const EXP_TAIL = new Float64Array(128);
const EXP_SBITS_HI = new Uint32Array(128);
const EXP_SBITS_LO = new Uint32Array(128);
for (let j = 0; j < 128; j++) {
  EXP_TAIL[j] = expData(14 + 2 * j);
  EXP_SBITS_LO[j] = EXP.getUint32(8 * (15 + 2 * j), true);
  EXP_SBITS_HI[j] = EXP.getUint32(8 * (15 + 2 * j) + 4, true);
}

// Bits of a double through aliased typed arrays (faster than a DataView on this hot path).
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0]!;
}

const SPLITTER = 134217729; // 2**27 + 1, Dekker's split

// twoProdErr's result: a*b - RN(a*b), exactly (Dekker).
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * fma(a, b, c) = a*b + c rounded once (barring over/underflow). a*b + c = th + w + we exactly
 * (Dekker's product, two TwoSums), and s = RN(th + w) is the answer unless th + w sits exactly
 * on a rounding midpoint: we is finer than the grid of th + w, so it can only break such a tie.
 * (Boldo & Melquiond round the low part to odd for the same effect.)
 */
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  const pe = twoProdErr(a, b, p);
  const th = c + p; // TwoSum(c, p)
  const cb = th - c;
  const tl = c - (th - cb) + (p - cb);
  const w = tl + pe; // TwoSum(tl, pe)
  const wb = w - tl;
  const we = tl - (w - wb) + (pe - wb);
  const s = th + w;
  if (we === 0) return s;
  const sb = s - th; // TwoSum(th, w): e2 = th + w - s
  const e2 = th - (s - sb) + (w - sb);
  if (e2 === 0 || s + 2 * e2 - s !== 2 * e2) return s; // not a tie: s + 2*e2 is a double only at a tie
  return we > 0 === e2 > 0 ? s + 2 * e2 : s;
}

// log_inline's second result.
let logTail = 0;

/** log(x) as y + logTail, x given by the words of its (normalized) bits. cf. glibc e_pow.c log_inline */
function logInline(ixHi: number, ixLo: number): number {
  // x = 2**k z, z in [OFF, 2*OFF) with OFF = 0x3fe6955500000000 (low word 0), in subinterval i.
  const tmpHi = (ixHi - 0x3fe69555) | 0;
  const i = (tmpHi >>> 13) & 0x7f;
  const k = tmpHi >> 20;
  const z = fromWords(ixHi - (tmpHi & 0xfff00000), ixLo);
  const invc = LOG_INVC[i]!;
  const logc = LOG_LOGC[i]!;
  const logctail = LOG_LOGCTAIL[i]!;
  // log(x) = k*Ln2 + log(c) + log1p(z/c - 1); r is exact.
  const r = fma(z, invc, -1.0);
  const t1 = k * LOG_LN2HI + logc; // = fma: LN2HI has 42 bits and |k| < 2**11, so the product is exact
  const t2 = t1 + r;
  const lo1 = fma(k, LOG_LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const q = fma(ar2, fma(fma(r, A6, A5), ar2, fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

/** exp(x + xtail) for the positive-base case. cf. glibc e_pow.c exp_inline and specialcase */
function expInline(x: number, xtail: number): number {
  f64[0] = x;
  const topHi = u32[HI]!;
  let abstop = (topHi >>> 20) & 0x7ff;
  if (((abstop - 0x3c9) >>> 0) >= 0x3f) {
    if (abstop < 0x3c9) return 1.0 + x; // |x| < 2**-54
    if (abstop >= 0x409) return topHi >>> 31 ? 0 : Infinity; // |x| >= 1024: under/overflow
    abstop = 0; // large |x|: the scale needs special care below
  }
  // exp(x) = 2**(k/N) * exp(r), x = ln2/N*k + r, r in [-ln2/2N, ln2/2N].
  let kd = fma(x, INV_LN2_N, EXP_SHIFT);
  f64[0] = kd;
  const ki = u32[LO]!; // the low word of kd's bits holds k
  kd -= EXP_SHIFT;
  let r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  r = xtail + r;
  const j = ki & 0x7f;
  const tail = EXP_TAIL[j]!;
  const sbitsHi = (EXP_SBITS_HI[j]! + ((ki & 0x7ffff) << 13)) >>> 0; // + (ki << 45)
  const sbitsLo = EXP_SBITS_LO[j]!;
  const r2 = r * r;
  const tmp = fma(fma(r, C5, C4), r2 * r2, fma(fma(r, C3, C2), r2, tail + r));
  if (abstop === 0) {
    if ((ki & 0x80000000) === 0) {
      // k > 0: the exponent of scale may have overflowed by <= 460.
      const scale = fromWords(sbitsHi - (1009 << 20), sbitsLo);
      return 2 ** 1009 * fma(scale, tmp, scale);
    }
    // k < 0: round in the normal range first, to avoid double rounding into the subnormals.
    const sHi = (sbitsHi + (1022 << 20)) >>> 0;
    const scale = fromWords(sHi, sbitsLo);
    const st = scale * tmp;
    let y = scale + st;
    if (Math.abs(y) < 1.0) {
      const one = y < 0.0 ? -1.0 : 1.0;
      let lo = scale - y + st;
      const hi = one + y;
      lo = one - hi + y + lo;
      y = lo + hi - one;
      if (y === 0) y = sHi >>> 31 ? -0 : 0;
    }
    return 2 ** -1022 * y;
  }
  const scale = fromWords(sbitsHi, sbitsLo);
  return fma(scale, tmp, scale);
}

/** glibc's pow(x, y) for finite x > 0, x != 1, finite y != 0 (CPython sorted out the rest). cf. glibc e_pow.c __pow */
function libmPow(x: number, y: number): number {
  f64[0] = y;
  const topy = u32[HI]! >>> 20;
  f64[0] = x;
  let ixHi = u32[HI]!;
  let ixLo = u32[LO]!;
  const topx = ixHi >>> 20;
  if (((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
    // |y| < 2**-65: x**y ~= 1 + y*log(x); |y| >= 2**63: over- or underflow.
    if ((topy & 0x7ff) < 0x3be) return x > 1.0 ? 1.0 + y : 1.0 - y;
    return x > 1.0 === topy < 0x800 ? Infinity : 0;
  }
  if (topx === 0) {
    // Subnormal x: normalize, letting the exponent go negative.
    f64[0] = x * 2 ** 52;
    ixHi = (u32[HI]! & 0x7fffffff) - (52 << 20);
    ixLo = u32[LO]!;
  }
  const hi = logInline(ixHi, ixLo);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, twoProdErr(y, hi, ehi)); // fma(y, hi, -ehi) is the exact product error
  return expInline(ehi, elo);
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
  const r = libmPow(x, y);
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

const INF_OR_NAN = compiledInSnapshot(/^[+-]?(?:inf(?:inity)?|nan)/i);

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

const DECIMAL_FLOAT = compiledInSnapshot(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/);
const INF_NAN_WHOLE = compiledInSnapshot(/^([+-]?)(?:(inf|infinity)|nan)$/i);

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
