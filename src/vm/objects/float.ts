/** float: slots for arithmetic (with ints too: int <op> float reaches float's slot as the reflected one),
 *  comparison, hashing and printing, the float() constructor, methods and attributes. The semantics are
 *  the pure float-ops.ts. */
import type { Ref } from '../heap/layout.js';
import { FLOAT_VALUE, type Runtime } from '../runtime.js';
import { callObject } from '../interp/call.js';
import { defineConstructor } from './constructors.js';
import * as F from './float-ops.js';
import { FORMATTERS } from './format.js';
import { formatFloat } from './format-spec.js';
import {
  cmpResult, defineNumberDunders, floatToInt, intToDouble, isIntLike, lookupSpecial, numericText, setFloatDivmodHook,
  setFloatRoundHook, setPyHashFloatHook,
} from './int.js';
import { Kind } from './kinds.js';
import { raiseSpec } from './number-errors.js';
import { foldHash, idOf, indexValue, repr as reprOf, str as strOf } from './protocols.js';
import { PyErrorSpec } from './py-error-spec.js';
import { defineSlots, SLOTS, type BinarySlot } from './slots.js';
import { tupleSteal } from './tuple.js';
import { defineClassMethod, defineGetter, defineMethod } from './type.js';

type Kw = Map<string, Ref> | null;

function rethrow(rt: Runtime, e: unknown): never {
  if (e instanceof PyErrorSpec) raiseSpec(rt, e);
  throw e;
}

/** A new instance of `type` (float or a subclass of it) holding `x`. */
export function newFloatOfType(rt: Runtime, type: Ref, x: number): Ref {
  if (type === rt.types[Kind.FLOAT]) return rt.newFloat(x);
  const r = rt.alloc(type, 24);
  rt.f64[(r + FLOAT_VALUE) >> 3] = x;
  return r;
}

/**
 * PyFloat_AsDouble: the double value of a float, an int (OverflowError if too large), or an object with
 * __float__ / __index__; else `TypeError: must be real number, not X`.
 */
export function asDouble(rt: Runtime, r: Ref): number {
  const k = rt.kindOf(r);
  if (k === Kind.FLOAT) return rt.floatValue(r);
  if (k === Kind.INT || k === Kind.BOOL) return intToDouble(rt, rt.intValue(r));
  const f = dunderFloat(rt, r);
  if (f !== null) return f;
  return rt.raise('TypeError', `must be real number, not ${rt.typeNameOf(r)}`);
}

/** __float__ (checked to return a float), then __index__, of a non-number object; null if neither exists. */
function dunderFloat(rt: Runtime, r: Ref): number | null {
  const res = lookupSpecial(rt, r, '__float__', []);
  if (res !== 0) {
    if (rt.kindOf(res) !== Kind.FLOAT) {
      const tn = rt.typeNameOf(res);
      rt.decref(res);
      rt.raise('TypeError', `${rt.typeNameOf(r)}.__float__ returned non-float (type ${tn})`);
    }
    const x = rt.floatValue(res);
    rt.decref(res);
    return x;
  }
  const idx = lookupSpecial(rt, r, '__index__', []);
  if (idx !== 0) {
    try {
      if (!isIntLike(rt, idx)) rt.raise('TypeError', `__index__ returned non-int (type ${rt.typeNameOf(idx)})`);
      return intToDouble(rt, rt.intValue(idx));
    } finally {
      rt.decref(idx);
    }
  }
  return null;
}

/** CPython's full hash of a float (integral floats hash as ints; nan by identity). */
export function pyHashFloat(rt: Runtime, r: Ref): number | bigint {
  const h = F.hash(rt.floatValue(r));
  if (h !== null) return h;
  // _Py_HashPointer: the address rotated right by 4 bits
  const p = BigInt(idOf(r));
  const y = BigInt.asIntN(64, (p >> 4n) | (p << 60n));
  const v = y === -1n ? -2n : y;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

setPyHashFloatHook(pyHashFloat);

// ================= slots =================
/** The double of an int or float operand, or null (NotImplemented) for anything else. */
function operand(rt: Runtime, r: Ref): number | null {
  const k = rt.kindOf(r);
  if (k === Kind.FLOAT) return rt.floatValue(r);
  if (k === Kind.INT || k === Kind.BOOL) return intToDouble(rt, rt.intValue(r));
  return null;
}

function floatBinary(f: (x: number, y: number) => number): BinarySlot {
  return (rt, a, b) => {
    const x = operand(rt, a);
    if (x === null) return 0;
    const y = operand(rt, b);
    if (y === null) return 0;
    let v: number;
    try {
      v = f(x, y);
    } catch (e) {
      rethrow(rt, e);
    }
    return rt.newFloat(v);
  };
}

/** float ** float; a negative base with a fractional exponent is complex's business (as float_pow). */
function floatPow(rt: Runtime, a: Ref, b: Ref): Ref | 0 {
  const x = operand(rt, a);
  if (x === null) return 0;
  const y = operand(rt, b);
  if (y === null) return 0;
  let v: number;
  try {
    v = F.pow(x, y);
  } catch (e) {
    const cpow = SLOTS[Kind.COMPLEX]?.pow;
    if (e instanceof PyErrorSpec && e.pyType === 'NotImplementedComplex' && cpow !== undefined) return cpow(rt, a, b);
    rethrow(rt, e);
  }
  return rt.newFloat(v);
}

/** A new plain float equal to `r` (borrowed). */
function floatOf(rt: Runtime, r: Ref): Ref {
  if (rt.typeOf(r) === rt.types[Kind.FLOAT]) {
    rt.incref(r);
    return r;
  }
  return rt.newFloat(rt.floatValue(r));
}

defineSlots(Kind.FLOAT, {
  repr(rt, r) {
    return F.repr(rt.floatValue(r));
  },
  hash(rt, r) {
    const x = rt.floatValue(r);
    if (Number.isInteger(x) && x >= -0x80000000 && x <= 0x7fffffff) return x === -1 ? -2 : x | 0;
    const h = pyHashFloat(rt, r);
    return typeof h === 'number' ? foldHash(h) : Number(BigInt.asIntN(32, h));
  },
  bool(rt, r) {
    return rt.floatValue(r) !== 0;
  },
  richcompare(rt, a, b, op) {
    const x = rt.floatValue(a);
    const kb = rt.kindOf(b);
    let c: number;
    if (kb === Kind.FLOAT) {
      const y = rt.floatValue(b);
      c = x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    } else if (kb === Kind.INT || kb === Kind.BOOL) c = -F.compareIntFloat(rt.intValue(b), x);
    else return 0;
    return rt.bool(cmpResult(c, op));
  },
  add: floatBinary((x, y) => x + y),
  sub: floatBinary((x, y) => x - y),
  mul: floatBinary((x, y) => x * y),
  truediv: floatBinary(F.truediv),
  floordiv: floatBinary(F.floordiv),
  mod: floatBinary(F.mod),
  pow: floatPow,
  neg(rt, r) {
    return rt.newFloat(-rt.floatValue(r));
  },
  pos(rt, r) {
    return floatOf(rt, r);
  },
  abs(rt, r) {
    return rt.newFloat(Math.abs(rt.floatValue(r)));
  },
  float(rt, r) {
    return rt.floatValue(r);
  },
});

FORMATTERS[Kind.FLOAT] = (rt, r, spec) => {
  if (spec === '') return strOf(rt, r);
  try {
    return formatFloat(rt.floatValue(r), spec, rt.typeNameOf(r));
  } catch (e) {
    rethrow(rt, e);
  }
};

// divmod() and round() of floats, for int.ts's divmodValues / roundNumber
setFloatDivmodHook((rt, a, b) => {
  const x = operand(rt, a);
  const y = x === null ? null : operand(rt, b);
  if (x === null || y === null) return 0;
  let q: number;
  let m: number;
  try {
    [q, m] = F.divmod(x, y);
  } catch (e) {
    rethrow(rt, e);
  }
  return tupleSteal(rt, [rt.newFloat(q), rt.newFloat(m)]);
});

/** round(x[, ndigits]) of a float: an int without ndigits (null or None), else a float. */
export function roundFloat(rt: Runtime, r: Ref, ndigits: Ref | null): Ref {
  const x = rt.floatValue(r);
  try {
    if (ndigits === null || ndigits === rt.None) return rt.newInt(F.roundToInt(x));
    return rt.newFloat(F.round(x, indexValue(rt, ndigits)));
  } catch (e) {
    rethrow(rt, e);
  }
}
setFloatRoundHook(roundFloat);

// ================= float() =================
/** The value float(x) computes. */
export function floatValueOf(rt: Runtime, x: Ref): number {
  const k = rt.kindOf(x);
  const exact = rt.typeOf(x) === rt.types[k];
  if (exact && k === Kind.FLOAT) return rt.floatValue(x);
  if (exact && (k === Kind.INT || k === Kind.BOOL)) return intToDouble(rt, rt.intValue(x));
  if (k === Kind.STR || k === Kind.BYTES || k === Kind.BYTEARRAY) {
    try {
      return F.parseFloat(numericText(rt, x));
    } catch (e) {
      if (e instanceof PyErrorSpec && k !== Kind.STR) {
        rt.raise('ValueError', `could not convert string to float: ${reprOf(rt, x)}`);
      }
      rethrow(rt, e);
    }
  }
  const f = dunderFloat(rt, x);
  if (f !== null) return f;
  if (k === Kind.FLOAT) return rt.floatValue(x);
  if (k === Kind.INT || k === Kind.BOOL) return intToDouble(rt, rt.intValue(x));
  return rt.raise('TypeError', `float() argument must be a string or a real number, not '${rt.typeNameOf(x)}'`);
}

defineConstructor(Kind.FLOAT, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'float() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `float expected at most 1 argument, got ${args.length}`);
  const x = args.length === 0 ? 0.0 : floatValueOf(rt, args[0]!);
  return newFloatOfType(rt, type, x);
});

// ================= methods and attributes =================
function noArgs(rt: Runtime, name: string, args: Ref[], kw: Kw): void {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length !== 0) rt.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
}
function checkSelf(rt: Runtime, name: string, self: Ref): number {
  if (rt.kindOf(self) !== Kind.FLOAT) {
    rt.raise('TypeError', `descriptor '${name}' for 'float' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
  }
  return rt.floatValue(self);
}

defineNumberDunders(Kind.FLOAT, 'float');

defineMethod(Kind.FLOAT, 'float', 'is_integer', (rt, args, kw, self) => {
  noArgs(rt, 'float.is_integer', args, kw);
  return rt.bool(F.isInteger(checkSelf(rt, 'is_integer', self)));
});
defineMethod(Kind.FLOAT, 'float', 'as_integer_ratio', (rt, args, kw, self) => {
  noArgs(rt, 'float.as_integer_ratio', args, kw);
  const x = checkSelf(rt, 'as_integer_ratio', self);
  try {
    const [n, d] = F.asIntegerRatio(x);
    return tupleSteal(rt, [rt.newInt(n), rt.newInt(d)]);
  } catch (e) {
    rethrow(rt, e);
  }
});
defineMethod(Kind.FLOAT, 'float', 'hex', (rt, args, kw, self) => {
  noArgs(rt, 'float.hex', args, kw);
  return rt.newStr(F.hex(checkSelf(rt, 'hex', self)));
});
defineClassMethod(Kind.FLOAT, 'float', 'fromhex', (rt, args, kw, cls) => {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', 'float.fromhex() takes no keyword arguments');
  if (args.length !== 1) rt.raise('TypeError', `float.fromhex() takes exactly one argument (${args.length} given)`);
  const s = args[0]!;
  if (rt.kindOf(s) !== Kind.STR) rt.raise('TypeError', `fromhex() argument must be str, not ${rt.typeNameOf(s)}`);
  let x: number;
  try {
    x = F.fromHex(rt.strValue(s));
  } catch (e) {
    rethrow(rt, e);
  }
  const f = rt.newFloat(x);
  if (cls === rt.types[Kind.FLOAT]) return f;
  try {
    return callObject(rt, cls, [f], null);
  } finally {
    rt.decref(f);
  }
});
defineMethod(Kind.FLOAT, 'float', 'conjugate', (rt, args, kw, self) => {
  noArgs(rt, 'float.conjugate', args, kw);
  checkSelf(rt, 'conjugate', self);
  return floatOf(rt, self);
});
defineMethod(Kind.FLOAT, 'float', '__float__', (rt, args, kw, self) => {
  noArgs(rt, 'float.__float__', args, kw);
  checkSelf(rt, '__float__', self);
  return floatOf(rt, self);
});
const toInt = (name: string, f: (x: number) => number) => (rt: Runtime, args: Ref[], kw: Kw, self: Ref): Ref => {
  noArgs(rt, `float.${name}`, args, kw);
  return floatToInt(rt, f(checkSelf(rt, name, self)));
};
defineMethod(Kind.FLOAT, 'float', '__int__', toInt('__int__', Math.trunc));
defineMethod(Kind.FLOAT, 'float', '__trunc__', toInt('__trunc__', Math.trunc));
defineMethod(Kind.FLOAT, 'float', '__floor__', toInt('__floor__', Math.floor));
defineMethod(Kind.FLOAT, 'float', '__ceil__', toInt('__ceil__', Math.ceil));
defineMethod(Kind.FLOAT, 'float', '__round__', (rt, args, kw, self) => {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', '__round__() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `__round__ expected at most 1 argument, got ${args.length}`);
  checkSelf(rt, '__round__', self);
  return roundFloat(rt, self, args.length === 0 ? null : args[0]!);
});
defineMethod(Kind.FLOAT, 'float', '__getnewargs__', (rt, args, kw, self) => {
  noArgs(rt, 'float.__getnewargs__', args, kw);
  return tupleSteal(rt, [rt.newFloat(checkSelf(rt, '__getnewargs__', self))]);
});
defineGetter(Kind.FLOAT, 'float', 'real', (rt, _a, _k, self) => floatOf(rt, self));
defineGetter(Kind.FLOAT, 'float', 'imag', (rt) => rt.newFloat(0.0));
