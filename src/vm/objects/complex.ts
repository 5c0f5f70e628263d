/** complex: a minimal complex number type (literals, arithmetic, repr) — enough for programs that
 *  mention `1j`; gilpy's subset does not include cmath. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { reprFloat } from '../../parser/dump.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { defineConstructor } from './constructors.js';
import { defineGetter } from './type.js';

export const CPX_REAL = 16;
export const CPX_IMAG = 24;

export function newComplex(rt: Runtime, re: number, im: number): Ref {
  const r = rt.allocKind(Kind.COMPLEX, 32);
  rt.f64[(r + CPX_REAL) >> 3] = re;
  rt.f64[(r + CPX_IMAG) >> 3] = im;
  return r;
}

/** A number as (re, im), or null if `r` is not an int, float, bool or complex. */
function parts(rt: Runtime, r: Ref): [number, number] | null {
  switch (rt.kindOf(r)) {
    case Kind.COMPLEX: return [rt.f64[(r + CPX_REAL) >> 3]!, rt.f64[(r + CPX_IMAG) >> 3]!];
    case Kind.FLOAT: return [rt.floatValue(r), 0];
    case Kind.INT: case Kind.BOOL: return [Number(rt.intValue(r)), 0];
    default: return null;
  }
}

/** A part as CPython's complex repr prints it: float repr without a trailing `.0`. */
function part(x: number): string {
  const s = reprFloat(x);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

const arith = (f: (a: [number, number], b: [number, number], rt: Runtime) => [number, number]) =>
  (rt: Runtime, a: Ref, b: Ref): Ref | 0 => {
    const x = parts(rt, a);
    const y = parts(rt, b);
    if (x === null || y === null) return 0;
    const [re, im] = f(x, y, rt);
    return newComplex(rt, re, im);
  };

defineSlots(Kind.COMPLEX, {
  repr(rt, r) {
    const re = rt.f64[(r + CPX_REAL) >> 3]!;
    const im = rt.f64[(r + CPX_IMAG) >> 3]!;
    if (re === 0 && !Object.is(re, -0)) return `${part(im)}j`;
    const sign = im < 0 || Object.is(im, -0) || Number.isNaN(im) && false ? '-' : '+';
    return `(${part(re)}${sign}${part(Math.abs(im))}j)`;
  },
  bool(rt, r) {
    return rt.f64[(r + CPX_REAL) >> 3] !== 0 || rt.f64[(r + CPX_IMAG) >> 3] !== 0;
  },
  hash(rt, r) {
    return (Math.floor(rt.f64[(r + CPX_REAL) >> 3]!) + 1000003 * Math.floor(rt.f64[(r + CPX_IMAG) >> 3]!)) | 0;
  },
  richcompare(rt, a, b, op) {
    const x = parts(rt, a);
    const y = parts(rt, b);
    if (x === null || y === null || (op !== 2 && op !== 3)) return 0;
    const same = x[0] === y[0] && x[1] === y[1];
    return rt.bool(op === 2 ? same : !same);
  },
  add: arith(([a, b], [c, d]) => [a + c, b + d]),
  sub: arith(([a, b], [c, d]) => [a - c, b - d]),
  mul: arith(([a, b], [c, d]) => [a * c - b * d, a * d + b * c]),
  truediv: arith(([a, b], [c, d], rt) => {
    const den = c * c + d * d;
    if (den === 0) rt.raise('ZeroDivisionError', 'complex division by zero');
    return [(a * c + b * d) / den, (b * c - a * d) / den];
  }),
  neg: (rt, r) => newComplex(rt, -rt.f64[(r + CPX_REAL) >> 3]!, -rt.f64[(r + CPX_IMAG) >> 3]!),
  pos: (rt, r) => newComplex(rt, rt.f64[(r + CPX_REAL) >> 3]!, rt.f64[(r + CPX_IMAG) >> 3]!),
  abs: (rt, r) => rt.newFloat(Math.hypot(rt.f64[(r + CPX_REAL) >> 3]!, rt.f64[(r + CPX_IMAG) >> 3]!)),
});
defineGetter(Kind.COMPLEX, 'complex', 'real', (rt, _a, _k, self) => rt.newFloat(rt.f64[(self + CPX_REAL) >> 3]!));
defineGetter(Kind.COMPLEX, 'complex', 'imag', (rt, _a, _k, self) => rt.newFloat(rt.f64[(self + CPX_IMAG) >> 3]!));
defineConstructor(Kind.COMPLEX, (rt, _t, args) => {
  const re = args[0] === undefined ? [0, 0] : parts(rt, args[0]);
  const im = args[1] === undefined ? [0, 0] : parts(rt, args[1]);
  if (re === null || im === null) return rt.raise('TypeError', "complex() argument must be a string or a number");
  return newComplex(rt, re[0] - im[1], re[1] + im[0]);
});
