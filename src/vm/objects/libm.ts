/** Pure floating-point functions with the accuracy CPython gets from glibc's libm: exp, log and pow are
 *  computed in double-double arithmetic and rounded once (glibc's agree with the correctly rounded
 *  value in all but rare cases, V8's Math.pow / Math.exp often differ in the last bit). The rest wrap
 *  Math, or port CPython's own implementations (gamma, lgamma). */

import * as F from './float-ops.js';
import { PyErrorSpec } from './py-error-spec.js';

// ================= double-double primitives (results in the module scratch pair HI / LO) =================
let HI = 0;
let LO = 0;
const SPLIT = 134217729.0; // 2**27 + 1

/** Error-free product a*b = HI + LO (Dekker). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  HI = p;
  LO = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
/** (ah + al) * (bh + bl) in double-double. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const ph = HI;
  const pl = LO + (ah * bl + al * bh);
  HI = ph + pl;
  LO = pl - (HI - ph);
}
/** (ah + al) + (bh + bl) in double-double. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = (ah - (s - bb)) + (bh - bb) + al + bl;
  HI = s + e;
  LO = e - (HI - s);
}
/** (ah + al) / (bh + bl) in double-double (one correction step). */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -HI, -LO);
  const q2 = HI / bh;
  const s = q1 + q2;
  HI = s;
  LO = q2 - (s - q1);
}

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const LN2_LOLO = 5.707708438416212e-34;
const INV_LN2 = 1.4426950408889634;
const LOG2E_HI = 1.4426950408889634;
const LOG2E_LO = 2.0355273740931033e-17;
const LOG10E_HI = 0.4342944819032518;
const LOG10E_LO = 1.098319650216765e-17;

/** 1/n! as double-doubles, n = 0..30. */
const INV_FACT_H: number[] = [1, 1];
const INV_FACT_L: number[] = [0, 0];
for (let n = 2; n <= 30; n++) {
  ddDiv(INV_FACT_H[n - 1]!, INV_FACT_L[n - 1]!, n, 0);
  INV_FACT_H.push(HI);
  INV_FACT_L.push(LO);
}
/** 1/(2n+1) as double-doubles, for the atanh series of log. */
const INV_ODD_H: number[] = [];
const INV_ODD_L: number[] = [];
for (let n = 0; n <= 40; n++) {
  ddDiv(1, 0, 2 * n + 1, 0);
  INV_ODD_H.push(HI);
  INV_ODD_L.push(LO);
}

/** sum_{n=0}^{top} x^n / n! - 1 for a double-double x (Horner with exact coefficients), into HI, LO. */
function ddExpm1Series(xh: number, xl: number, top: number): void {
  let ph = INV_FACT_H[top]!;
  let pl = INV_FACT_L[top]!;
  for (let n = top - 1; n >= 1; n--) {
    ddMul(ph, pl, xh, xl);
    ddAdd(HI, LO, INV_FACT_H[n]!, INV_FACT_L[n]!);
    ph = HI;
    pl = LO;
  }
  ddMul(ph, pl, xh, xl);
}

/** exp(j/64) for j = -24..24 (index j + 24), as double-doubles. */
const EXP_TAB_H: number[] = [];
const EXP_TAB_L: number[] = [];
for (let j = -24; j <= 24; j++) {
  ddExpm1Series(j / 64, 0, 30);
  ddAdd(1, 0, HI, LO);
  EXP_TAB_H.push(HI);
  EXP_TAB_L.push(LO);
}

/** exp(xh + xl) as HI + LO times 2**k (k returned); the caller scales. Assumes finite, |x| < 1e4. */
function ddExp(xh: number, xl: number): number {
  const k = Math.round(xh * INV_LN2);
  // r = x - k*ln2, with ln2 to ~160 bits
  twoProd(k, LN2_HI);
  ddAdd(xh, xl, -HI, -LO);
  let rh = HI;
  let rl = LO;
  twoProd(k, LN2_LO);
  ddAdd(rh, rl, -HI, -(LO + k * LN2_LOLO));
  rh = HI;
  rl = LO;
  // r = j/64 + t, |t| <= 1/128: exp(r) = exp(j/64) * (1 + expm1(t))
  const j = Math.round(rh * 64);
  ddAdd(rh, rl, -j / 64, 0);
  ddExpm1Series(HI, LO, 11);
  const th = EXP_TAB_H[j + 24]!;
  const tl = EXP_TAB_L[j + 24]!;
  ddMul(th, tl, HI, LO);
  ddAdd(th, tl, HI, LO);
  return k;
}

/** (h + l) * 2**k rounded once to a double, subnormal results included. */
function scaleRound(h: number, l: number, k: number): number {
  if (k > 1023 + 1) {
    // may still be finite if h < 1; split the scaling
    const r = (h + l) * 2 ** 1023 * 2 ** (k - 1023);
    return r;
  }
  const e = k + Math.floor(Math.log2(Math.abs(h)));
  if (e >= -1022) {
    const v = h + l;
    if (k > 1023) return v * 2 ** 1023 * 2 ** (k - 1023);
    if (k < -1022) return v * 2 ** (k + 600) * 2 ** -600;
    return v * 2 ** k;
  }
  if (e < -1080) return 0 * Math.sign(h);
  // subnormal: round (h + l) * 2**(k + 1074) to an integer, ties to even
  const s = k + 1074;
  const qh = h * 2 ** s;
  const ql = l * 2 ** s;
  let n = Math.floor(qh);
  const frac = (qh - n) + ql;
  if (frac > 0.5 || (frac === 0.5 && n % 2 !== 0)) n += 1;
  else if (frac < 0) n -= frac < -0.5 || (frac === -0.5 && n % 2 !== 0) ? 1 : 0;
  return n * Number.MIN_VALUE;
}

/** Correctly rounded exp (up to rare hard cases). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -54) return 1 + x;
  const k = ddExp(x, 0);
  return scaleRound(HI, LO, k);
}
export function exp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= 1024) return Infinity;
  if (x < -1080) return 0;
  if (Number.isInteger(x)) return scaleRound(1, 0, x);
  const ki = Math.round(x);
  const f = x - ki; // exact
  ddMul(f, 0, LN2_HI, LN2_LO);
  const k2 = ddExp(HI, LO);
  return scaleRound(HI, LO, ki + k2);
}

/** log(1 + j/64) for j = -20..28 (index j + 20), as double-doubles (atanh series, computed once). */
const LOG_TAB_H: number[] = [];
const LOG_TAB_L: number[] = [];
for (let j = -20; j <= 28; j++) {
  const c = 1 + j / 64;
  ddDiv(c - 1, 0, c + 1, 0); // both exact
  atanhSeries(HI, LO, 40);
  LOG_TAB_H.push(HI);
  LOG_TAB_L.push(LO);
}
/** 2 atanh(u) = 2u (1 + u^2/3 + u^4/5 + ... ) up to u^(2 top), into HI, LO. */
function atanhSeries(uh: number, ul: number, top: number): void {
  ddMul(uh, ul, uh, ul);
  const u2h = HI;
  const u2l = LO;
  let th = INV_ODD_H[top]!;
  let tl = INV_ODD_L[top]!;
  for (let n = top - 1; n >= 0; n--) {
    ddMul(th, tl, u2h, u2l);
    ddAdd(HI, LO, INV_ODD_H[n]!, INV_ODD_L[n]!);
    th = HI;
    tl = LO;
  }
  ddMul(th, tl, 2 * uh, 2 * ul);
}

/** log(x) for finite x > 0, as HI + LO. */
function ddLog(x: number): void {
  // x = m * 2**e with m in [sqrt(1/2), sqrt(2))
  let e = 0;
  let m = x;
  if (m < 2 ** -1000) {
    m *= 2 ** 600;
    e -= 600;
  }
  const eg = Math.floor(Math.log2(m));
  m = m * 2 ** -eg;
  e += eg;
  if (m < 1) {
    m *= 2;
    e -= 1;
  } else if (m >= 2) {
    m /= 2;
    e += 1;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // m = c (1 + f) with c = 1 + j/64: log m = log c + 2 atanh((m - c) / (m + c))
  const j = Math.round((m - 1) * 64);
  const c = 1 + j / 64;
  const sh = m + c;
  const sl = c - (sh - m); // exact: m >= c / 2
  ddDiv(m - c, 0, sh, sl); // m - c is exact (Sterbenz)
  atanhSeries(HI, LO, 7);
  ddAdd(LOG_TAB_H[j + 20]!, LOG_TAB_L[j + 20]!, HI, LO);
  const lh = HI;
  const ll = LO;
  // + e * ln2
  twoProd(e, LN2_HI);
  const ph = HI;
  const pl = LO + e * LN2_LO;
  ddAdd(ph, pl, lh, ll);
}

function logSpecial(x: number): number | null {
  if (Number.isNaN(x)) return x;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  return null;
}
export function log(x: number): number {
  const s = logSpecial(x);
  if (s !== null) return s;
  ddLog(x);
  return HI + LO;
}
export function log2(x: number): number {
  const s = logSpecial(x);
  if (s !== null) return s;
  ddLog(x);
  ddMul(HI, LO, LOG2E_HI, LOG2E_LO);
  return HI + LO;
}
const wbuf = new Float64Array(1);
const wu32 = new Uint32Array(wbuf.buffer); // little-endian: [low word, high word]
function fromWords(hi: number, lo: number): number {
  wu32[1] = hi;
  wu32[0] = lo;
  return wbuf[0]!;
}
const IVLN10 = fromWords(0x3fdbcb7b, 0x1526e50e);
const LOG10_2HI = fromWords(0x3fd34413, 0x509f6000);
const LOG10_2LO = fromWords(0x3d59fef3, 0x11f12b36);

/** log10 as glibc computes it (fdlibm's e_log10.c over a correctly rounded log), to match CPython bit for bit. */
export function log10(x: number): number {
  const s = logSpecial(x);
  if (s !== null) return s;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54;
    x *= 2 ** 54;
  }
  wbuf[0] = x;
  let hx = wu32[1]! | 0;
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  wu32[1] = hx;
  const z = y * LOG10_2LO + IVLN10 * log(wbuf[0]!);
  return z + y * LOG10_2HI;
}

/** C99 pow (no exceptions: inf on overflow, NaN for a negative base and a fractional exponent), from
 *  float-ops' correctly rounded float ** float. */
export function pow(x: number, y: number): number {
  try {
    return F.pow(x, y);
  } catch (e) {
    if (!(e instanceof PyErrorSpec)) throw e;
    if (e.pyType === 'ZeroDivisionError') return Number.isInteger(y) && Math.abs(y) % 2 === 1 ? 1 / x : Infinity;
    if (e.pyType === 'OverflowError') return x < 0 && Math.abs(y) % 2 === 1 ? -Infinity : Infinity;
    return NaN;
  }
}

// ================= the rest: Math's versions =================
export const tanh = Math.tanh;
export const expm1 = Math.expm1;
export const log1p = Math.log1p;

/** High word of a double's bits. */
function highWord(x: number): number {
  wbuf[0] = x;
  return wu32[1]! | 0;
}
function lowWord(x: number): number {
  wbuf[0] = x;
  return wu32[0]!;
}
const LN2 = 6.93147180559945286227e-01;

// sinh, cosh, asinh, acosh, atanh: glibc's (fdlibm's) formulas over its exp / log, which the
// correctly rounded exp / log above reproduce; V8's use its own less exact exp and log.
export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42) return h * exp(Math.abs(x));
  const lx = lowWord(x);
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307;
}
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1.0;
      const t = expm1(Math.abs(x));
      const w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
  const lx = lowWord(x);
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x;
  return Infinity;
}
export function asinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x;
  let w: number;
  if (ix > 0x41b00000) {
    if (ix >= 0x7ff00000) return x + x;
    w = log(Math.abs(x)) + LN2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) w = log(2.0 * xa + 1.0 / (Math.sqrt(xa * xa + 1.0) + xa));
    else {
      const t = xa * xa;
      w = log1p(xa + t / (1.0 + Math.sqrt(1.0 + t)));
    }
  }
  return x < 0 || Object.is(x, -0) ? -w : w;
}
export function acosh(x: number): number {
  const hx = highWord(x);
  if (hx < 0x3ff00000) return NaN;
  if (hx >= 0x41b00000) {
    if (hx >= 0x7ff00000) return x + x;
    return log(x) + LN2;
  }
  if (x === 1) return 0.0;
  if (hx > 0x40000000) {
    const t = x * x;
    return log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
  }
  const t = x - 1.0;
  return log1p(t + Math.sqrt(2.0 * t + t * t));
}
export function atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 2 ** -28) return x;
    t = xa + xa;
    t = 0.5 * log1p(t + t * xa / (1.0 - xa));
  } else if (xa < 1.0) t = 0.5 * log1p((xa + xa) / (1.0 - xa));
  else if (xa > 1.0 || Number.isNaN(xa)) return NaN;
  else return x / 0.0;
  return x < 0 || Object.is(x, -0) ? -t : t;
}

// ================= trigonometry: double-double evaluation, rounded once (glibc's are correctly rounded) =========
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000);
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000);
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000);
const PIO2_3T = fromWords(0x397b839a, 0x252049c1);
const PIO2_H = 1.5707963267948966;
const PIO2_L = 6.123233995736766e-17;
const PI_H = 3.141592653589793;
const PI_L = 1.2246467991473532e-16;

let SH = 0;
let SL = 0;
let CH = 0;
let CL = 0;
/** sin and cos of a double-double r by their Taylor series up to r^top, into SH+SL, CH+CL. */
function ddSinCosSeries(rh: number, rl: number, top: number): void {
  ddMul(rh, rl, rh, rl);
  const r2h = HI;
  const r2l = LO;
  const so = top % 2 === 1 ? top : top - 1;
  let sh = INV_FACT_H[so]!;
  let sl = INV_FACT_L[so]!;
  for (let n = so - 2; n >= 1; n -= 2) {
    ddMul(sh, sl, -r2h, -r2l);
    ddAdd(INV_FACT_H[n]!, INV_FACT_L[n]!, HI, LO);
    sh = HI;
    sl = LO;
  }
  ddMul(sh, sl, rh, rl);
  SH = HI;
  SL = LO;
  const ce = top % 2 === 0 ? top : top - 1;
  let ch = INV_FACT_H[ce]!;
  let cl = INV_FACT_L[ce]!;
  for (let n = ce - 2; n >= 0; n -= 2) {
    ddMul(ch, cl, -r2h, -r2l);
    ddAdd(INV_FACT_H[n]!, INV_FACT_L[n]!, HI, LO);
    ch = HI;
    cl = LO;
  }
  CH = ch;
  CL = cl;
}
/** sin and cos of j/32 for j = 0..26, as double-doubles. */
const SIN_TAB_H: number[] = [];
const SIN_TAB_L: number[] = [];
const COS_TAB_H: number[] = [];
const COS_TAB_L: number[] = [];
for (let j = 0; j <= 26; j++) {
  ddSinCosSeries(j / 32, 0, 30);
  SIN_TAB_H.push(SH);
  SIN_TAB_L.push(SL);
  COS_TAB_H.push(CH);
  COS_TAB_L.push(CL);
}

/** sin(x), cos(x) for a double-double x, |x| < 2**30: SH+SL, CH+CL. */
function ddSinCos(xh: number, xl: number): void {
  const k = Math.round(xh / PIO2_H);
  twoProd(k, PIO2_1);
  ddAdd(xh, xl, -HI, -LO);
  let rh = HI;
  let rl = LO;
  twoProd(k, PIO2_2);
  ddAdd(rh, rl, -HI, -LO);
  rh = HI;
  rl = LO;
  twoProd(k, PIO2_3);
  ddAdd(rh, rl, -HI, -(LO + k * PIO2_3T));
  rh = HI;
  rl = LO;
  // r = j/32 + t, |t| <= 1/64: sin(r) = sin(j/32) cos t + cos(j/32) sin t, cos(r) = cos cos - sin sin
  const j = Math.round(rh * 32);
  ddAdd(rh, rl, -j / 32, 0);
  ddSinCosSeries(HI, LO, 14);
  const aj = j < 0 ? -j : j;
  const sg = j < 0 ? -1 : 1;
  const sjh = sg * SIN_TAB_H[aj]!;
  const sjl = sg * SIN_TAB_L[aj]!;
  const cjh = COS_TAB_H[aj]!;
  const cjl = COS_TAB_L[aj]!;
  const th = SH;
  const tl = SL;
  const uh = CH;
  const ul = CL;
  ddMul(sjh, sjl, uh, ul);
  let ah = HI;
  let al = LO;
  ddMul(cjh, cjl, th, tl);
  ddAdd(ah, al, HI, LO);
  let s1 = HI;
  let s2 = LO;
  ddMul(cjh, cjl, uh, ul);
  ah = HI;
  al = LO;
  ddMul(sjh, sjl, th, tl);
  ddAdd(ah, al, -HI, -LO);
  let c1 = HI;
  let c2 = LO;
  const n = ((k % 4) + 4) % 4;
  if (n === 1) {
    const t1 = s1;
    const t2 = s2;
    s1 = c1;
    s2 = c2;
    c1 = -t1;
    c2 = -t2;
  } else if (n === 2) {
    s1 = -s1;
    s2 = -s2;
    c1 = -c1;
    c2 = -c2;
  } else if (n === 3) {
    const t1 = s1;
    const t2 = s2;
    s1 = -c1;
    s2 = -c2;
    c1 = t1;
    c2 = t2;
  }
  SH = s1;
  SL = s2;
  CH = c1;
  CL = c2;
}
const TRIG_MAX = 2 ** 30;

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x === 0 ? x : x - x * x * x / 6;
  if (Math.abs(x) >= TRIG_MAX) return Math.sin(x);
  ddSinCos(x, 0);
  return SH + SL;
}
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1.0;
  if (Math.abs(x) >= TRIG_MAX) return Math.cos(x);
  ddSinCos(x, 0);
  return CH + CL;
}
export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) >= TRIG_MAX) return Math.tan(x);
  ddSinCos(x, 0);
  ddDiv(SH, SL, CH, CL);
  return HI + LO;
}
/** atan(x): Math.atan's estimate refined by one Newton step in double-double. */
export function atan(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 2 ** -27) return x;
  if (ax > 2 ** 56) return x > 0 ? PIO2_H : -PIO2_H;
  const y0 = Math.atan(x);
  ddSinCos(y0, 0);
  // y1 = y0 + (x cos y0 - sin y0) * cos y0
  ddMul(x, 0, CH, CL);
  ddAdd(HI, LO, -SH, -SL);
  ddMul(HI, LO, CH, CL);
  ddAdd(y0, 0, HI, LO);
  return HI + LO;
}
/** asin of a double-double t, |t| <= 0.71: Newton from Math.asin. */
function ddAsin(th: number, tl: number): void {
  const y0 = Math.asin(th);
  ddSinCos(y0, 0);
  ddAdd(th, tl, -SH, -SL);
  ddDiv(HI, LO, CH, CL);
  ddAdd(y0, 0, HI, LO);
}
/** sqrt((1 - a) / 2) for 0.5 <= a <= 1 as a double-double into HI, LO. */
function ddHalfSqrt(a: number): void {
  const u = (1 - a) / 2; // exact
  const s = Math.sqrt(u);
  twoProd(s, s);
  const corr = ((u - HI) - LO) / (2 * s);
  HI = s + corr;
  LO = corr - (HI - s);
}
export function asin(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (ax < 2 ** -26) return x;
  if (ax === 1) return x * PIO2_H;
  if (ax <= 0.5) {
    ddAsin(x, 0);
    return HI + LO;
  }
  // asin(|x|) = pi/2 - 2 asin(sqrt((1 - |x|) / 2))
  ddHalfSqrt(ax);
  ddAsin(HI, LO);
  ddAdd(PIO2_H, PIO2_L, -2 * HI, -2 * LO);
  const r = HI + LO;
  return x < 0 ? -r : r;
}
export function acos(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (ax <= 0.5) {
    if (ax < 2 ** -57) return PIO2_H;
    ddAsin(x, 0);
    ddAdd(PIO2_H, PIO2_L, -HI, -LO);
    return HI + LO;
  }
  if (x === 1) return 0;
  if (x === -1) return PI_H;
  ddHalfSqrt(ax);
  ddAsin(HI, LO);
  if (x > 0) return 2 * HI + 2 * LO;
  ddAdd(PI_H, PI_L, -2 * HI, -2 * LO);
  return HI + LO;
}
/** atan2 for finite, non-zero y (the caller handles the C99 special cases). */
export function atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || !Number.isFinite(y) || y === 0 || x === 0) {
    return Math.atan2(y, x);
  }
  // atan(y / x) with the quotient as a double-double, then refined like atan
  ddDiv(y, 0, x, 0);
  const qh = HI;
  const ql = LO;
  let y0 = Math.atan2(y, x);
  if (Math.abs(qh) > 2 ** 56 || !Number.isFinite(qh) || Math.abs(qh) < 2 ** -1000) return y0;
  // refine t = atan(q) near y0 (mod pi): y0 - base is atan(q)
  const base = x < 0 ? (y >= 0 ? PI_H : -PI_H) : 0;
  const baseL = x < 0 ? (y >= 0 ? PI_L : -PI_L) : 0;
  ddAdd(y0, 0, -base, -baseL);
  const a0 = HI + LO;
  ddSinCos(a0, 0);
  ddMul(qh, ql, CH, CL);
  ddAdd(HI, LO, -SH, -SL);
  ddMul(HI, LO, CH, CL);
  ddAdd(a0, 0, HI, LO);
  ddAdd(HI, LO, base, baseL);
  y0 = HI + LO;
  return y0;
}

const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

/** cbrt as glibc computes it (sysdeps/ieee754/dbl-64/s_cbrt.c), to match CPython bit for bit. */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexpAbs(x);
  const u = (0.354895765043919860 + ((1.50819193781584896 + ((-2.11499494167371287 + ((2.44693122563534430
    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) * xm)) * xm)) * xm));
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * CBRT_FACTOR[2 + (xe % 3)]!;
  const r = ym * 2 ** Math.trunc(xe / 3);
  return x < 0 ? -r : r;
}
/** frexp(|x|) for finite non-zero x: [m, e] with |x| = m * 2**e, 0.5 <= m < 1. */
function frexpAbs(x: number): [number, number] {
  let a = Math.abs(x);
  let e = 0;
  if (a < 2 ** -1000) {
    a *= 2 ** 64;
    e -= 64;
  }
  wbuf[0] = a;
  const be = (wu32[1]! >>> 20) & 0x7ff;
  e += be - 1022;
  wu32[1] = (wu32[1]! & 0x800fffff) | (1022 << 20);
  return [wbuf[0]!, e];
}

// ================= gamma, lgamma (cf. CPython mathmodule.c, Lanczos approximation) =================
/** Set by gamma / lgamma / erf like C's errno: 0, 'EDOM' or 'ERANGE'. */
export const libmErr = { errno: 0 as 0 | 'EDOM' | 'ERANGE' };

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0];
const GAMMA_INTEGRAL = [1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
  479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
  6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
  1124000727777607680000.0];
const LOGPI = 1.144729885849400174143427351353058711647;

function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = sin(Math.PI * y); break;
    case 1: r = cos(Math.PI * (y - 0.5)); break;
    case 2: r = sin(Math.PI * (1.0 - y)); break;
    case 3: r = -cos(Math.PI * (y - 1.5)); break;
    default: r = sin(Math.PI * (y - 2.0)); break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

export function gamma(x: number): number {
  libmErr.errno = 0;
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    libmErr.errno = 'EDOM';
    return NaN;
  }
  if (x === 0) {
    libmErr.errno = 'EDOM';
    return Object.is(x, -0) ? -Infinity : Infinity;
  }
  if (x === Math.floor(x)) {
    if (x < 0) {
      libmErr.errno = 'EDOM';
      return NaN;
    }
    if (x <= 23) return GAMMA_INTEGRAL[x - 1]!;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) libmErr.errno = 'ERANGE';
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    libmErr.errno = 'ERANGE';
    return Infinity;
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = z * LANCZOS_G / y;
  let r: number;
  if (x < 0.0) {
    r = -Math.PI / sinpi(absx) / absx * exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= pow(y, absx - 0.5);
    else {
      const sqrtpow = pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / exp(y);
    r += z * r;
    if (absx < 140.0) r *= pow(y, absx - 0.5);
    else {
      const sqrtpow = pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) libmErr.errno = 'ERANGE';
  return r;
}

export function lgamma(x: number): number {
  libmErr.errno = 0;
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      libmErr.errno = 'EDOM';
      return Infinity;
    }
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -log(absx);
  let r = log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOGPI - log(Math.abs(sinpi(absx))) - log(absx) - r;
  if (!Number.isFinite(r)) libmErr.errno = 'ERANGE';
  return r;
}

// ================= erf, erfc: glibc's (fdlibm's s_erf.c, with glibc's evaluation order) =================
const E_ERX = fromWords(0x3feb0ac1, 0x60000000);
const E_EFX = fromWords(0x3fc06eba, 0x8214db69);
const E_PP0 = fromWords(0x3fc06eba, 0x8214db68);
const E_PP1 = fromWords(0xbfd4cd7d, 0x691cb913);
const E_PP2 = fromWords(0xbf9d2a51, 0xdbd7194f);
const E_PP3 = fromWords(0xbf77a291, 0x236668e4);
const E_PP4 = fromWords(0xbef8ead6, 0x120016ac);
const E_QQ1 = fromWords(0x3fd97779, 0xcddadc09);
const E_QQ2 = fromWords(0x3fb0a54c, 0x5536ceba);
const E_QQ3 = fromWords(0x3f74d022, 0xc4d36b0f);
const E_QQ4 = fromWords(0x3f215dc9, 0x221c1a10);
const E_QQ5 = fromWords(0xbed09c43, 0x42a26120);
const E_PA0 = fromWords(0xbf6359b8, 0xbef77538);
const E_PA1 = fromWords(0x3fda8d00, 0xad92b34d);
const E_PA2 = fromWords(0xbfd7d240, 0xfbb8c3f1);
const E_PA3 = fromWords(0x3fd45fca, 0x805120e4);
const E_PA4 = fromWords(0xbfbc6398, 0x3d3e28ec);
const E_PA5 = fromWords(0x3fa22a36, 0x599795eb);
const E_PA6 = fromWords(0xbf61bf38, 0x0a96073f);
const E_QA1 = fromWords(0x3fbb3e66, 0x18eee323);
const E_QA2 = fromWords(0x3fe14af0, 0x92eb6f33);
const E_QA3 = fromWords(0x3fb2635c, 0xd99fe9a7);
const E_QA4 = fromWords(0x3fc02660, 0xe763351f);
const E_QA5 = fromWords(0x3f8bedc2, 0x6b51dd1c);
const E_QA6 = fromWords(0x3f888b54, 0x5735151d);
const E_RA0 = fromWords(0xbf843412, 0x600d6435);
const E_RA1 = fromWords(0xbfe63416, 0xe4ba7360);
const E_RA2 = fromWords(0xc0251e04, 0x41b0e726);
const E_RA3 = fromWords(0xc04f300a, 0xe4cba38d);
const E_RA4 = fromWords(0xc0644cb1, 0x84282266);
const E_RA5 = fromWords(0xc067135c, 0xebccabb2);
const E_RA6 = fromWords(0xc0545265, 0x57e4d2f2);
const E_RA7 = fromWords(0xc023a0ef, 0xc69ac25c);
const E_SA1 = fromWords(0x4033a6b9, 0xbd707687);
const E_SA2 = fromWords(0x4061350c, 0x526ae721);
const E_SA3 = fromWords(0x407b290d, 0xd58a1a71);
const E_SA4 = fromWords(0x40842b19, 0x21ec2868);
const E_SA5 = fromWords(0x407ad021, 0x57700314);
const E_SA6 = fromWords(0x405b28a3, 0xee48ae2c);
const E_SA7 = fromWords(0x401a47ef, 0x8e484a93);
const E_SA8 = fromWords(0xbfaeeff2, 0xee749a62);
const E_RB0 = fromWords(0xbf843412, 0x39e86f4a);
const E_RB1 = fromWords(0xbfe993ba, 0x70c285de);
const E_RB2 = fromWords(0xc031c209, 0x555f995a);
const E_RB3 = fromWords(0xc064145d, 0x43c5ed98);
const E_RB4 = fromWords(0xc083ec88, 0x1375f228);
const E_RB5 = fromWords(0xc0900461, 0x6a2e5992);
const E_RB6 = fromWords(0xc07e384e, 0x9bdc383f);
const E_SB1 = fromWords(0x403e568b, 0x261d5190);
const E_SB2 = fromWords(0x40745cae, 0x221b9f0a);
const E_SB3 = fromWords(0x409802eb, 0x189d5118);
const E_SB4 = fromWords(0x40a8ffb7, 0x688c246a);
const E_SB5 = fromWords(0x40a3f219, 0xcedf3be6);
const E_SB6 = fromWords(0x407da874, 0xe79fe763);
const E_SB7 = fromWords(0xc03670e2, 0x42712d62);

/** exp(-z*z - 0.5625) * exp((z - x)(z + x) + R/S) with z = x rounded to its high word. */
function erfTail(x: number, R: number, S: number): number {
  wbuf[0] = x;
  wu32[0] = 0;
  const z = wbuf[0]!;
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + R / S);
}
/** The rational approximations of erf / erfc on [0, 0.84375): y with erf(x) = x + x*y. */
function erfSmall(x: number): number {
  const z = x * x;
  const r1 = E_PP0 + z * E_PP1;
  const z2 = z * z;
  const r2 = E_PP2 + z * E_PP3;
  const z4 = z2 * z2;
  const s1 = 1.0 + z * E_QQ1;
  const s2 = E_QQ2 + z * E_QQ3;
  const s3 = E_QQ4 + z * E_QQ5;
  const r = r1 + z2 * r2 + z4 * E_PP4;
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}
/** P/Q on [0.84375, 1.25) (s = |x| - 1). */
function erfMid(s: number): number {
  const P1 = E_PA0 + s * E_PA1;
  const s2 = s * s;
  const Q1 = 1.0 + s * E_QA1;
  const s4 = s2 * s2;
  const P2 = E_PA2 + s * E_PA3;
  const s6 = s4 * s2;
  const Q2 = E_QA2 + s * E_QA3;
  const P3 = E_PA4 + s * E_PA5;
  const Q3 = E_QA4 + s * E_QA5;
  const P = P1 + s2 * P2 + s4 * P3 + s6 * E_PA6;
  const Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * E_QA6;
  return P / Q;
}
/** exp(-x*x - 0.5625 + R/S) / x for |x| >= 1.25; `nearBoundary` is erf's / erfc's cutoff for the first range. */
function erfcLarge(ax: number, ix: number, cutoff: number): number {
  const s = 1.0 / (ax * ax);
  let R: number;
  let S: number;
  if (ix < cutoff) {
    const R1 = E_RA0 + s * E_RA1;
    const s2 = s * s;
    const S1 = 1.0 + s * E_SA1;
    const s4 = s2 * s2;
    const R2 = E_RA2 + s * E_RA3;
    const s6 = s4 * s2;
    const S2 = E_SA2 + s * E_SA3;
    const s8 = s4 * s4;
    const R3 = E_RA4 + s * E_RA5;
    const S3 = E_SA4 + s * E_SA5;
    const R4 = E_RA6 + s * E_RA7;
    const S4 = E_SA6 + s * E_SA7;
    R = R1 + s2 * R2 + s4 * R3 + s6 * R4;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * E_SA8;
  } else {
    const R1 = E_RB0 + s * E_RB1;
    const s2 = s * s;
    const S1 = 1.0 + s * E_SB1;
    const s4 = s2 * s2;
    const R2 = E_RB2 + s * E_RB3;
    const s6 = s4 * s2;
    const S2 = E_SB2 + s * E_SB3;
    const R3 = E_RB4 + s * E_RB5;
    const S3 = E_SB4 + s * E_SB5;
    const S4 = E_SB6 + s * E_SB7;
    R = R1 + s2 * R2 + s4 * R3 + s6 * E_RB6;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4;
  }
  return erfTail(ax, R, S) / ax;
}

export function erf(x: number): number {
  libmErr.errno = 0;
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : x > 0 ? 1 : -1;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * E_EFX) * x);
      return x + E_EFX * x;
    }
    return x + x * erfSmall(x);
  }
  if (ix < 0x3ff40000) {
    const pq = erfMid(Math.abs(x) - 1.0);
    return hx >= 0 ? E_ERX + pq : -E_ERX - pq;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1.0 : -1.0;
  const r = erfcLarge(Math.abs(x), ix, 0x4006db6e);
  return hx >= 0 ? 1.0 - r : r - 1.0;
}

export function erfc(x: number): number {
  libmErr.errno = 0;
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : x > 0 ? 0 : 2;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1.0 - x;
    const y = erfSmall(x);
    if (hx < 0x3fd00000) return 1.0 - (x + x * y);
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) {
    const pq = erfMid(Math.abs(x) - 1.0);
    if (hx >= 0) return (1.0 - E_ERX) - pq;
    return 1.0 + (E_ERX + pq);
  }
  if (ix < 0x403c0000) {
    if (hx < 0 && ix >= 0x40180000) return 2.0;
    const r = erfcLarge(Math.abs(x), ix, 0x4006db6d);
    return hx > 0 ? r : 2.0 - r;
  }
  return hx > 0 ? 0.0 : 2.0;
}
