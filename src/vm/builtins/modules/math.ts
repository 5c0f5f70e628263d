/** The math module (cf. CPython Modules/mathmodule.c): constants, libm wrappers with CPython's
 *  errno-to-exception rules, exact integer functions and the exactly rounded fsum / hypot. */
import type { Ref } from '../../heap/layout.js';
import type { Runtime } from '../../runtime.js';
import { dictSet } from '../../objects/dict.js';
import { asDouble } from '../../objects/float.js';
import { floatToInt, intOf, isIntLike, lookupSpecial } from '../../objects/int.js';
import { Kind } from '../../objects/kinds.js';
import * as libm from '../../objects/libm.js';
import { binaryOp, getIter, indexValue, iterateToArray, iterNext } from '../../objects/protocols.js';
import { tupleSteal } from '../../objects/tuple.js';
import { defineModule, defineModuleFunction } from '../registry.js';

type Args = Ref[];
type Kw = Map<string, Ref> | null;

// ================= argument checking, with the messages CPython's METH_O / clinic code gives =================
function one(rt: Runtime, name: string, args: Args, kw: Kw): Ref {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', `math.${name}() takes no keyword arguments`);
  if (args.length !== 1) rt.raise('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
  return args[0]!;
}
function noKw(rt: Runtime, name: string, kw: Kw): void {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
}
function exactly(rt: Runtime, name: string, args: Args, kw: Kw, n: number): void {
  noKw(rt, name, kw);
  if (args.length !== n) rt.raise('TypeError', `${name} expected ${n} arguments, got ${args.length}`);
}

// ================= errno emulation (cf. math_1, math_2, is_error) =================
const DOMAIN = 'math domain error';
const RANGE = 'math range error';

/** math_1: a libm function of one double, with CPython's NaN / infinity checks. */
function math1(rt: Runtime, arg: Ref, f: (x: number) => number, canOverflow: boolean): Ref {
  const x = asDouble(rt, arg);
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) rt.raise('ValueError', DOMAIN);
  if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) rt.raise(canOverflow ? 'OverflowError' : 'ValueError', canOverflow ? RANGE : DOMAIN);
  return rt.newFloat(r);
}

/** math_2: a libm function of two doubles. */
function math2(rt: Runtime, name: string, args: Args, kw: Kw, f: (x: number, y: number) => number): Ref {
  exactly(rt, name, args, kw, 2);
  const x = asDouble(rt, args[0]!);
  const y = asDouble(rt, args[1]!);
  const r = f(x, y);
  if (Number.isNaN(r)) {
    if (!Number.isNaN(x) && !Number.isNaN(y)) rt.raise('ValueError', DOMAIN);
  } else if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) rt.raise('OverflowError', RANGE);
  return rt.newFloat(r);
}

function func1(name: string, f: (x: number) => number, canOverflow: boolean): void {
  defineModuleFunction('math', name, (rt, args, kw) => math1(rt, one(rt, name, args, kw), f, canOverflow));
}

func1('acos', libm.acos, false);
func1('acosh', libm.acosh, false);
func1('asin', libm.asin, false);
func1('asinh', libm.asinh, false);
func1('atan', libm.atan, false);
func1('atanh', libm.atanh, false);
func1('cbrt', libm.cbrt, false);
func1('cos', libm.cos, false);
func1('cosh', libm.cosh, true);
func1('exp', libm.exp, true);
func1('exp2', libm.exp2, true);
func1('expm1', libm.expm1, true);
func1('fabs', Math.abs, false);
func1('log1p', libm.log1p, false);
func1('sin', libm.sin, false);
func1('sinh', libm.sinh, true);
func1('sqrt', Math.sqrt, false);
func1('tan', libm.tan, false);
func1('tanh', libm.tanh, false);

/** math_1a: functions that report errors through errno (CPython's own gamma, lgamma; erf, erfc). */
function func1a(name: string, f: (x: number) => number): void {
  defineModuleFunction('math', name, (rt, args, kw) => {
    const x = asDouble(rt, one(rt, name, args, kw));
    const r = f(x);
    const err = libm.libmErr.errno;
    if (err === 'EDOM') rt.raise('ValueError', DOMAIN);
    if (err === 'ERANGE' && Math.abs(r) >= 1.5) rt.raise('OverflowError', RANGE);
    return rt.newFloat(r);
  });
}
func1a('gamma', libm.gamma);
func1a('lgamma', libm.lgamma);
func1a('erf', libm.erf);
func1a('erfc', libm.erfc);

// ================= logarithms (cf. loghelper: ints of any size) =================
/** m_log / m_log2 / m_log10: C99 special cases. */
function mLog(f: (x: number) => number): (x: number) => number {
  return (x) => {
    if (Number.isFinite(x)) {
      if (x > 0) return f(x);
      return x === 0 ? -Infinity : NaN;
    }
    if (Number.isNaN(x) || x > 0) return x;
    return NaN;
  };
}
const M_LOG = mLog(libm.log);
const M_LOG2 = mLog(libm.log2);
const M_LOG10 = mLog(libm.log10);

/** An int as x * 2**e with 0.5 <= x < 1, x correctly rounded (cf. _PyLong_Frexp); v > 0. */
function bigFrexp(v: bigint): [number, number] {
  const n = v.toString(2).length;
  const s = n - 60;
  let m: bigint = v;
  if (s > 0) {
    m = v >> BigInt(s);
    if ((m << BigInt(s)) !== v) m |= 1n; // sticky bit below the rounding position
  }
  return [Number(m) / 2 ** Math.min(n, 60), n];
}

function logHelper(rt: Runtime, arg: Ref, f: (x: number) => number): number {
  if (isIntLike(rt, arg)) {
    const v = rt.intValue(arg);
    if (v <= 0) rt.raise('ValueError', DOMAIN);
    if (typeof v === 'bigint' && (v > 1n << 1023n)) {
      const [x, e] = bigFrexp(v);
      const r = Number(v);
      if (!Number.isFinite(r)) return f(x) + f(2.0) * e;
    }
    return f(Number(v));
  }
  const x = asDouble(rt, arg);
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) rt.raise('ValueError', DOMAIN);
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) rt.raise('ValueError', DOMAIN);
  return r;
}

defineModuleFunction('math', 'log', (rt, args, kw) => {
  noKw(rt, 'math.log', kw);
  if (args.length < 1 || args.length > 2) rt.raise('TypeError', 'math.log requires 1 to 2 arguments');
  const num = logHelper(rt, args[0]!, M_LOG);
  if (args.length === 1) return rt.newFloat(num);
  const den = logHelper(rt, args[1]!, M_LOG);
  if (den === 0) rt.raise('ZeroDivisionError', 'float division by zero');
  return rt.newFloat(num / den);
});
defineModuleFunction('math', 'log2', (rt, args, kw) => rt.newFloat(logHelper(rt, one(rt, 'log2', args, kw), M_LOG2)));
defineModuleFunction('math', 'log10', (rt, args, kw) => rt.newFloat(logHelper(rt, one(rt, 'log10', args, kw), M_LOG10)));

// ================= two-argument functions =================
/** m_atan2: C99 Annex F special cases (JS's atan2 follows them too, but the finite case uses libm's). */
function mAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (y === Infinity || y === -Infinity) {
    if (x === Infinity || x === -Infinity) return copysign(x > 0 ? 0.25 * Math.PI : 0.75 * Math.PI, y);
    return copysign(0.5 * Math.PI, y);
  }
  if (x === Infinity || x === -Infinity || y === 0) return copysign(copysign(1, x) === 1 ? 0 : Math.PI, y);
  return libm.atan2(y, x);
}
export function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signOfNaN(y));
  const ax = Math.abs(x);
  return neg ? -ax : ax;
}
const nanBuf = new Float64Array(1);
const nanBits = new Uint32Array(nanBuf.buffer);
function signOfNaN(y: number): boolean {
  nanBuf[0] = y;
  return (nanBits[1]! >>> 31) === 1;
}

/** m_remainder: IEEE 754 remainder. */
export function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return copysign(1.0, x) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

defineModuleFunction('math', 'atan2', (rt, args, kw) => math2(rt, 'atan2', args, kw, mAtan2));
defineModuleFunction('math', 'copysign', (rt, args, kw) => math2(rt, 'copysign', args, kw, copysign));
defineModuleFunction('math', 'remainder', (rt, args, kw) => math2(rt, 'remainder', args, kw, remainder));

defineModuleFunction('math', 'fmod', (rt, args, kw) => {
  exactly(rt, 'fmod', args, kw, 2);
  const x = asDouble(rt, args[0]!);
  const y = asDouble(rt, args[1]!);
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return rt.newFloat(x);
  const r = x % y;
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) rt.raise('ValueError', DOMAIN);
  return rt.newFloat(r);
});

/** math.pow: C99 special values, then libm's pow with CPython's error classification. */
export function mathPow(x: number, y: number): { r: number; err: 0 | 'domain' | 'range' } {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    let r: number;
    if (Number.isNaN(x)) r = y === 0 ? 1 : x;
    else if (Number.isNaN(y)) r = x === 1 ? 1 : y;
    else if (x === Infinity || x === -Infinity) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1;
      else r = oddY ? copysign(0, x) : 0;
    } else if (Math.abs(x) === 1) r = 1;
    else if (y > 0 && Math.abs(x) > 1) r = y;
    else if (y < 0 && Math.abs(x) < 1) r = -y;
    else r = 0;
    return { r, err: 0 };
  }
  const r = libm.pow(x, y);
  if (Number.isNaN(r)) return { r, err: 'domain' };
  if (!Number.isFinite(r)) return { r, err: x === 0 ? 'domain' : 'range' };
  return { r, err: 0 };
}
defineModuleFunction('math', 'pow', (rt, args, kw) => {
  exactly(rt, 'pow', args, kw, 2);
  const { r, err } = mathPow(asDouble(rt, args[0]!), asDouble(rt, args[1]!));
  if (err === 'domain') rt.raise('ValueError', DOMAIN);
  if (err === 'range') rt.raise('OverflowError', RANGE);
  return rt.newFloat(r);
});

// ================= rounding to ints =================
function roundingFunction(name: 'floor' | 'ceil', f: (x: number) => number): void {
  defineModuleFunction('math', name, (rt, args, kw) => {
    const x = one(rt, name, args, kw);
    const k = rt.kindOf(x);
    if (rt.typeOf(x) === rt.types[Kind.FLOAT]) return floatToInt(rt, f(rt.floatValue(x)));
    if (k === Kind.INT || k === Kind.BOOL) {
      if (rt.typeOf(x) === rt.types[Kind.INT] || k === Kind.BOOL) return intOf(rt, x);
    }
    const res = lookupSpecial(rt, x, `__${name}__`, []);
    if (res !== 0) return res;
    return floatToInt(rt, f(asDouble(rt, x)));
  });
}
roundingFunction('floor', Math.floor);
roundingFunction('ceil', Math.ceil);

defineModuleFunction('math', 'trunc', (rt, args, kw) => {
  const x = one(rt, 'trunc', args, kw);
  if (rt.typeOf(x) === rt.types[Kind.FLOAT]) return floatToInt(rt, Math.trunc(rt.floatValue(x)));
  const res = lookupSpecial(rt, x, '__trunc__', []);
  if (res === 0) return rt.raise('TypeError', `type ${rt.typeNameOf(x)} doesn't define __trunc__ method`);
  return res;
});

// ================= predicates and simple conversions =================
defineModuleFunction('math', 'isfinite', (rt, args, kw) => rt.bool(Number.isFinite(asDouble(rt, one(rt, 'isfinite', args, kw)))));
defineModuleFunction('math', 'isnan', (rt, args, kw) => rt.bool(Number.isNaN(asDouble(rt, one(rt, 'isnan', args, kw)))));
defineModuleFunction('math', 'isinf', (rt, args, kw) => {
  const x = asDouble(rt, one(rt, 'isinf', args, kw));
  return rt.bool(x === Infinity || x === -Infinity);
});
const RAD_TO_DEG = 180.0 / Math.PI;
const DEG_TO_RAD = Math.PI / 180.0;
defineModuleFunction('math', 'degrees', (rt, args, kw) => rt.newFloat(asDouble(rt, one(rt, 'degrees', args, kw)) * RAD_TO_DEG));
defineModuleFunction('math', 'radians', (rt, args, kw) => rt.newFloat(asDouble(rt, one(rt, 'radians', args, kw)) * DEG_TO_RAD));

defineModuleFunction('math', 'isclose', (rt, args, kw) => {
  if (args.length > 2) rt.raise('TypeError', `isclose() takes exactly 2 positional arguments (${args.length} given)`);
  let a: Ref | undefined = args[0];
  let b: Ref | undefined = args[1];
  let relTol = 1e-9;
  let absTol = 0.0;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'a' && a === undefined) a = v;
      else if (k === 'b' && b === undefined) b = v;
      else if (k === 'rel_tol') relTol = asDouble(rt, v);
      else if (k === 'abs_tol') absTol = asDouble(rt, v);
      else if (k === 'a' || k === 'b') rt.raise('TypeError', `argument for isclose() given by name ('${k}') and position (${k === 'a' ? 1 : 2})`);
      else rt.raise('TypeError', `'${k}' is an invalid keyword argument for isclose()`);
    }
  }
  if (a === undefined) rt.raise('TypeError', "isclose() missing required argument 'a' (pos 1)");
  if (b === undefined) rt.raise('TypeError', "isclose() missing required argument 'b' (pos 2)");
  const x = asDouble(rt, a);
  const y = asDouble(rt, b);
  if (relTol < 0 || absTol < 0) rt.raise('ValueError', 'tolerances must be non-negative');
  if (x === y) return rt.True;
  if (!Number.isFinite(x) && !Number.isNaN(x)) return rt.False;
  if (!Number.isFinite(y) && !Number.isNaN(y)) return rt.False;
  const diff = Math.abs(y - x);
  return rt.bool(diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol);
});

// ================= frexp, ldexp, modf =================
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = 0;
  let m = x;
  if (Math.abs(m) < 2 ** -1000) {
    m *= 2 ** 64;
    e -= 64;
  }
  const ex = Math.floor(Math.log2(Math.abs(m)));
  let t = ex + 1;
  let r = m * 2 ** -Math.max(-1022, Math.min(1023, t));
  if (t > 1023) r = (m / 2 ** 1023) * 2 ** (1023 - t);
  // correct the estimate of log2 near powers of two
  while (Math.abs(r) >= 1) {
    r /= 2;
    t++;
  }
  while (Math.abs(r) < 0.5) {
    r *= 2;
    t--;
  }
  return [r, t + e];
}

/** x * 2**i with a single rounding (subnormal results included). */
export function ldexp(x: number, i: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, e] = frexp(x); // x = m * 2**e, 0.5 <= |m| < 1
  const mi = m * 2 ** 53; // exact 53-bit integer
  const E = e - 53 + i; // x * 2**i = mi * 2**E
  if (E > 1023) return copysign(Infinity, x);
  if (E >= -1022) return mi * 2 ** E;
  if (E + 1074 < -60) return copysign(0, x);
  return (mi * 2 ** (E + 1074)) * Number.MIN_VALUE;
}

defineModuleFunction('math', 'frexp', (rt, args, kw) => {
  const [m, e] = frexp(asDouble(rt, one(rt, 'frexp', args, kw)));
  return tupleSteal(rt, [rt.newFloat(m), rt.newInt(e)]);
});
defineModuleFunction('math', 'ldexp', (rt, args, kw) => {
  exactly(rt, 'ldexp', args, kw, 2);
  const x = asDouble(rt, args[0]!);
  if (!isIntLike(rt, args[1]!)) rt.raise('TypeError', 'Expected an int as second argument to ldexp.');
  const iv = rt.intValue(args[1]!);
  let r: number;
  if (x === 0 || !Number.isFinite(x)) r = x;
  else if (iv > 2147483647) return rt.raise('OverflowError', RANGE);
  else if (iv < -2147483648) r = copysign(0, x);
  else {
    r = ldexp(x, Number(iv));
    if (!Number.isFinite(r)) rt.raise('OverflowError', RANGE);
  }
  return rt.newFloat(r);
});
defineModuleFunction('math', 'modf', (rt, args, kw) => {
  const x = asDouble(rt, one(rt, 'modf', args, kw));
  let f: number;
  let i: number;
  if (Number.isNaN(x)) [f, i] = [x, x];
  else if (!Number.isFinite(x)) [f, i] = [copysign(0, x), x];
  else {
    i = Math.trunc(x);
    f = copysign(x - i, x);
  }
  return tupleSteal(rt, [rt.newFloat(f), rt.newFloat(i)]);
});
defineModuleFunction('math', 'nextafter', (rt, args, kw) => {
  exactly(rt, 'nextafter', args, kw, 2);
  return rt.newFloat(nextafter(asDouble(rt, args[0]!), asDouble(rt, args[1]!)));
});
defineModuleFunction('math', 'ulp', (rt, args, kw) => {
  const x = asDouble(rt, one(rt, 'ulp', args, kw));
  if (Number.isNaN(x)) return rt.newFloat(x);
  const a = Math.abs(x);
  if (a === Infinity) return rt.newFloat(a);
  const n = nextafter(a, Infinity);
  if (n === Infinity) return rt.newFloat(a - nextafter(a, -Infinity));
  return rt.newFloat(n - a);
});

const nbuf = new Float64Array(1);
const nb64 = new BigInt64Array(nbuf.buffer);
export function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  nbuf[0] = x;
  if ((y > x) === (x > 0)) nb64[0]! += 1n;
  else nb64[0]! -= 1n;
  return nbuf[0]!;
}

// ================= exact sums and norms =================
/** The double value of a summand, as fsum / hypot take them (ints exactly, then __float__). */
function summand(rt: Runtime, r: Ref): number {
  return asDouble(rt, r);
}

/** math.fsum: Shewchuk's exact partials, rounded once (cf. math_fsum). */
defineModuleFunction('math', 'fsum', (rt, args, kw) => {
  const seq = one(rt, 'fsum', args, kw);
  const it = getIter(rt, seq);
  const p: number[] = [];
  let specialSum = 0.0;
  let infSum = 0.0;
  try {
    for (let item = iterNext(rt, it); item !== 0; item = iterNext(rt, it)) {
      let x: number;
      try {
        x = summand(rt, item);
      } finally {
        rt.decref(item);
      }
      const xsave = x;
      let i = 0;
      for (let j = 0; j < p.length; j++) {
        let y = p[j]!;
        if (Math.abs(x) < Math.abs(y)) {
          const t = x;
          x = y;
          y = t;
        }
        const hi = x + y;
        const yr = hi - x;
        const lo = y - yr;
        if (lo !== 0.0) p[i++] = lo;
        x = hi;
      }
      p.length = i;
      if (x !== 0.0) {
        if (!Number.isFinite(x)) {
          if (Number.isFinite(xsave)) rt.raise('OverflowError', 'intermediate overflow in fsum');
          if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
          specialSum += xsave;
          p.length = 0;
        } else p.push(x);
      }
    }
  } finally {
    rt.decref(it);
  }
  if (specialSum !== 0.0) {
    if (Number.isNaN(infSum)) rt.raise('ValueError', '-inf + inf in fsum');
    return rt.newFloat(specialSum);
  }
  let n = p.length;
  let hi = 0.0;
  if (n > 0) {
    hi = p[--n]!;
    let lo = 0.0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1]! < 0.0) || (lo > 0.0 && p[n - 1]! > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return rt.newFloat(hi);
});

/** Dekker's error-free product: x*y == hi + lo exactly (cf. dl_mul). */
function dlMul(x: number, y: number): [number, number] {
  const tx = x * 134217729.0;
  const xh = tx - (tx - x);
  const xl = x - xh;
  const ty = y * 134217729.0;
  const yh = ty - (ty - y);
  const yl = y - yh;
  const p = xh * yh;
  const q = xh * yl + xl * yh;
  const z = p + q;
  const zz = p - z + q + xl * yl;
  return [z, zz];
}

/** vector_norm: the Euclidean norm of non-negative finite values, accurately rounded (cf. mathmodule.c). */
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const n = vec.length;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || n <= 1) return max;
  const maxE = frexp(max)[1];
  if (maxE < -1023) {
    const DBL_MIN = 2.2250738585072014e-308;
    return DBL_MIN * vectorNorm(vec.map((v) => v / DBL_MIN), max / DBL_MIN, foundNan);
  }
  const scale = ldexp(1.0, -maxE);
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  for (let i = 0; i < n; i++) {
    const x = vec[i]! * scale;
    const [ph, pl] = dlMul(x, x);
    const s = csum + ph;
    frac2 += (csum - s) + ph;
    csum = s;
    frac1 += pl;
  }
  let h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  const [ph, pl] = dlMul(-h, h);
  const s = csum + ph;
  frac2 += (csum - s) + ph;
  csum = s;
  frac1 += pl;
  const x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

defineModuleFunction('math', 'hypot', (rt, args, kw) => {
  noKw(rt, 'hypot', kw);
  const vec: number[] = [];
  let max = 0.0;
  let foundNan = false;
  for (const a of args) {
    const x = Math.abs(summand(rt, a));
    vec.push(x);
    foundNan ||= Number.isNaN(x);
    if (x > max) max = x;
  }
  return rt.newFloat(vectorNorm(vec, max, foundNan));
});

defineModuleFunction('math', 'dist', (rt, args, kw) => {
  exactly(rt, 'dist', args, kw, 2);
  const p = iterateToArray(rt, args[0]!);
  let q: Ref[];
  try {
    q = iterateToArray(rt, args[1]!);
  } catch (e) {
    for (const r of p) rt.decref(r);
    throw e;
  }
  try {
    if (p.length !== q.length) rt.raise('ValueError', 'both points must have the same number of dimensions');
    const vec: number[] = [];
    let max = 0.0;
    let foundNan = false;
    for (let i = 0; i < p.length; i++) {
      const x = Math.abs(summand(rt, p[i]!) - summand(rt, q[i]!));
      vec.push(x);
      foundNan ||= Number.isNaN(x);
      if (x > max) max = x;
    }
    return rt.newFloat(vectorNorm(vec, max, foundNan));
  } finally {
    for (const r of p) rt.decref(r);
    for (const r of q) rt.decref(r);
  }
});

defineModuleFunction('math', 'prod', (rt, args, kw) => {
  if (args.length !== 1) rt.raise('TypeError', `prod() takes exactly 1 positional argument (${args.length} given)`);
  let start: Ref | undefined;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'start') start = v;
      else rt.raise('TypeError', `'${k}' is an invalid keyword argument for prod()`);
    }
  }
  const it = getIter(rt, args[0]!);
  let acc: Ref = start ?? rt.newInt(1);
  if (start !== undefined) rt.incref(acc);
  try {
    for (let item = iterNext(rt, it); item !== 0; item = iterNext(rt, it)) {
      try {
        const next = binaryOp(rt, 5, acc, item);
        rt.decref(acc);
        acc = next;
      } finally {
        rt.decref(item);
      }
    }
  } catch (e) {
    rt.decref(acc);
    throw e;
  } finally {
    rt.decref(it);
  }
  return acc;
});

// ================= integer functions =================
function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}
function absBig(v: bigint): bigint {
  return v < 0n ? -v : v;
}
export function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

defineModuleFunction('math', 'gcd', (rt, args, kw) => {
  noKw(rt, 'gcd', kw);
  let g: number | bigint = 0;
  for (const a of args) {
    const v = indexValue(rt, a);
    if (typeof g === 'number' && typeof v === 'number') g = gcdNum(g, v);
    else g = gcdBig(big(g), big(v));
  }
  return rt.newInt(typeof g === 'bigint' ? g : Math.abs(g));
});
defineModuleFunction('math', 'lcm', (rt, args, kw) => {
  noKw(rt, 'lcm', kw);
  let l = 1n;
  const vals = args.map((a) => indexValue(rt, a));
  for (const v of vals) {
    const b = absBig(big(v));
    if (l === 0n || b === 0n) {
      l = 0n;
      continue;
    }
    l = (l / gcdBig(l, b)) * b;
  }
  return rt.newInt(l);
});

/** The integer square root (floor). */
export function isqrt(n: number | bigint): number | bigint {
  if (typeof n === 'number' && n <= Number.MAX_SAFE_INTEGER) {
    let r = Math.floor(Math.sqrt(n));
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  const v = big(n);
  const bits = v.toString(2).length;
  let x = 1n << BigInt(Math.ceil(bits / 2)); // >= sqrt(v)
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
defineModuleFunction('math', 'isqrt', (rt, args, kw) => {
  const v = indexValue(rt, one(rt, 'isqrt', args, kw));
  if (v < 0) rt.raise('ValueError', 'isqrt() argument must be nonnegative');
  return rt.newInt(isqrt(v));
});

/** The product lo * (lo+1) * ... * hi, by binary splitting. */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (lo > hi) return 1n;
  if (hi - lo < 16n) {
    let p = lo;
    for (let i = lo + 1n; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}
const LONG_MAX = 9223372036854775807n;

function factorial(rt: Runtime, x: Ref): Ref {
  const v = indexValue(rt, x);
  if (v < 0) rt.raise('ValueError', 'factorial() not defined for negative values');
  if (big(v) > LONG_MAX) rt.raise('OverflowError', `factorial() argument should not exceed ${LONG_MAX}`);
  return rt.newInt(rangeProduct(1n, big(v)));
}
defineModuleFunction('math', 'factorial', (rt, args, kw) => factorial(rt, one(rt, 'factorial', args, kw)));

function natural(rt: Runtime, r: Ref, which: 'n' | 'k'): bigint {
  const v = big(indexValue(rt, r));
  if (v < 0n) rt.raise('ValueError', `${which} must be a non-negative integer`);
  return v;
}
defineModuleFunction('math', 'comb', (rt, args, kw) => {
  exactly(rt, 'comb', args, kw, 2);
  const n = natural(rt, args[0]!, 'n');
  const k0 = natural(rt, args[1]!, 'k');
  if (k0 > n) return rt.newInt(0);
  const k = n - k0 < k0 ? n - k0 : k0;
  if (k > LONG_MAX) rt.raise('OverflowError', `min(n - k, k) must not exceed ${LONG_MAX}`);
  // C(n, k) = n! / (k! (n-k)!) as a falling product divided by k!
  return rt.newInt(k === 0n ? 1n : rangeProduct(n - k + 1n, n) / rangeProduct(1n, k));
});
defineModuleFunction('math', 'perm', (rt, args, kw) => {
  noKw(rt, 'perm', kw);
  if (args.length < 1) rt.raise('TypeError', `perm expected at least 1 argument, got ${args.length}`);
  if (args.length > 2) rt.raise('TypeError', `perm expected at most 2 arguments, got ${args.length}`);
  if (args.length === 1 || args[1] === rt.None) return factorial(rt, args[0]!);
  const n = natural(rt, args[0]!, 'n');
  const k = natural(rt, args[1]!, 'k');
  if (k > n) return rt.newInt(0);
  if (k > LONG_MAX) rt.raise('OverflowError', `k must not exceed ${LONG_MAX}`);
  return rt.newInt(rangeProduct(n - k + 1n, n));
});

// ================= constants =================
defineModule('math', (rt, dict) => {
  const set = (name: string, v: number): void => {
    const k = rt.newStr(name);
    const f = rt.newFloat(v);
    dictSet(rt, dict, k, f);
    rt.decref(k);
    rt.decref(f);
  };
  set('pi', Math.PI);
  set('e', Math.E);
  set('tau', 2 * Math.PI);
  set('inf', Infinity);
  set('nan', NaN);
});

