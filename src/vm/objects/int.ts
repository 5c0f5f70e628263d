/** int and bool: slots for arithmetic, comparison, hashing and printing, the int() / bool() constructors,
 *  the methods and attributes of int, and the slot-level support of divmod(), round() and pow().
 *  Values: see runtime.ts (a float64 when |v| <= 2**53 - 1, else 32-bit digits); the arithmetic itself
 *  is the pure int-ops.ts. */
import { FLAG_BIG_INT, OB_META, type Ref } from '../heap/layout.js';
import { INT_DIGITS, INT_NDIGITS, INT_VALUE, type Runtime } from '../runtime.js';
import { callObject } from '../interp/call.js';
import { bindDescriptor } from './attrs.js';
import { BYTES_DATA, BYTES_LENGTH, bytesRepr, newBytes } from './bytes.js';
import { defineConstructor } from './constructors.js';
import { FORMATTERS } from './format.js';
import { formatInt } from './format-spec.js';
import * as F from './float-ops.js';
import * as I from './int-ops.js';
import { Kind } from './kinds.js';
import { raiseSpec } from './number-errors.js';
import { foldHash, indexValue, iterateToArray, repr as reprOf, str as strOf, truthy } from './protocols.js';
import { PyErrorSpec } from './py-error-spec.js';
import { defineSlots, SLOTS, type BinarySlot, type TypeSlots } from './slots.js';
import { tupleSteal } from './tuple.js';
import { defineClassMethod, defineGetter, defineMethod, typeLookup } from './type.js';

type PyIntValue = I.PyIntValue;
type Kw = Map<string, Ref> | null;

/** True for int, bool and int subclasses. */
export function isIntLike(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.INT || k === Kind.BOOL;
}
function isFloatLike(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.FLOAT;
}

/** A new plain int equal to the int (or bool, or int subclass instance) `r` (borrowed). */
export function intOf(rt: Runtime, r: Ref): Ref {
  if (rt.typeOf(r) === rt.types[Kind.INT]) {
    rt.incref(r);
    return r;
  }
  return rt.newInt(rt.intValue(r));
}

/** A new instance of `type` (int or a subclass of it) holding `v`. */
export function newIntOfType(rt: Runtime, type: Ref, v: PyIntValue): Ref {
  if (type === rt.types[Kind.INT]) return rt.newInt(v);
  if (typeof v === 'number') {
    const r = rt.alloc(type, 24);
    rt.f64[(r + INT_VALUE) >> 3] = v;
    return r;
  }
  const neg = v < 0n;
  let mag = neg ? -v : v;
  const digits: number[] = [];
  while (mag > 0n) {
    digits.push(Number(mag & 0xffffffffn));
    mag >>= 32n;
  }
  const r = rt.alloc(type, INT_DIGITS + digits.length * 4);
  rt.setMetaFlags(r, FLAG_BIG_INT);
  rt.i32[(r + INT_NDIGITS) >> 2] = neg ? -digits.length : digits.length;
  for (let i = 0; i < digits.length; i++) rt.u32[((r + INT_DIGITS) >> 2) + i] = digits[i]!;
  return r;
}

/** Raises a PyErrorSpec thrown by a pure helper as a Python exception; anything else is re-thrown. */
function rethrow(rt: Runtime, e: unknown): never {
  if (e instanceof PyErrorSpec) raiseSpec(rt, e);
  throw e;
}

/** CPython's full hash of an int: sign * (|v| mod (2**61 - 1)), -1 becoming -2. */
export function pyHashInt(v: PyIntValue): PyIntValue {
  return I.hash(v);
}

/** The 32-bit table hash of an int value (CPython's hash, folded to its low 32 bits). */
export function intTableHash(v: PyIntValue): number {
  if (typeof v === 'number') {
    if (v >= -0x80000000 && v <= 0x7fffffff) return v === -1 ? -2 : v;
    return foldHash(v);
  }
  const h = I.hash(v);
  return typeof h === 'number' ? foldHash(h) : Number(BigInt.asIntN(32, h));
}

/** float(v) for an int value, correctly rounded; OverflowError when it is too large. */
export function intToDouble(rt: Runtime, v: PyIntValue): number {
  if (typeof v === 'number') return v;
  try {
    return I.intToFloat(v);
  } catch (e) {
    rethrow(rt, e);
  }
}

/** A new int for the integral part of a double (PyLong_FromDouble): ValueError for NaN, OverflowError for infinities. */
export function floatToInt(rt: Runtime, x: number): Ref {
  try {
    return rt.newInt(I.floatToInt(x));
  } catch (e) {
    rethrow(rt, e);
  }
}

/**
 * Calls the special method `name` found on type(obj) (not the instance), as CPython's
 * _PyObject_LookupSpecial + call: a new reference, or 0 when the type has no such attribute.
 */
export function lookupSpecial(rt: Runtime, obj: Ref, name: string, args: Ref[]): Ref | 0 {
  const key = rt.newStr(name);
  const type = rt.typeOf(obj);
  const descr = typeLookup(rt, type, key);
  rt.decref(key);
  if (descr === 0) return 0;
  const bound = bindDescriptor(rt, descr, obj, type);
  try {
    return callObject(rt, bound, args, null);
  } finally {
    rt.decref(bound);
  }
}

// ================= comparison =================
/** The boolean result of comparison `op` (CMPOPS index) from a three-way result c (NaN = unordered). */
export function cmpResult(c: number, op: number): boolean {
  if (c !== c) return op === 3;
  switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c === 0;
    case 3: return c !== 0;
    case 4: return c > 0;
    default: return c >= 0;
  }
}

// ================= slots =================
function intBinary(f: (a: PyIntValue, b: PyIntValue) => PyIntValue): BinarySlot {
  return (rt, a, b) => {
    if (!isIntLike(rt, a) || !isIntLike(rt, b)) return 0;
    let v: PyIntValue;
    try {
      v = f(rt.intValue(a), rt.intValue(b));
    } catch (e) {
      rethrow(rt, e);
    }
    return rt.newInt(v);
  };
}

/** MAX_LONG_DIGITS of CPython (30-bit digits): a shift needing more digits is an OverflowError. */
const MAX_SHIFT = 30n * 2305843009213693945n;
function lshift(a: PyIntValue, b: PyIntValue): PyIntValue {
  if (typeof b === 'bigint' && b >= MAX_SHIFT && a !== 0) throw new PyErrorSpec('OverflowError', 'too many digits in integer');
  return I.lshift(a, b);
}

/** `a ** b` for two int values: an int for b >= 0, else float(a) ** float(b) (as long_pow). */
function intPowValues(rt: Runtime, x: PyIntValue, y: PyIntValue): Ref {
  try {
    if (y < 0) return rt.newFloat(F.pow(intToDouble(rt, x), intToDouble(rt, y)));
    return rt.newInt(I.pow(x, y));
  } catch (e) {
    rethrow(rt, e);
  }
}

const intSlots: TypeSlots = {
  repr(rt, r) {
    if ((rt.i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) === 0) return String(rt.f64[(r + INT_VALUE) >> 3]!);
    try {
      return I.toString(rt.intValue(r));
    } catch (e) {
      rethrow(rt, e);
    }
  },
  hash(rt, r) {
    return intTableHash(rt.intValue(r));
  },
  bool(rt, r) {
    const v = rt.intValue(r);
    return v !== 0;
  },
  richcompare(rt, a, b, op) {
    const x = rt.intValue(a);
    const kb = rt.kindOf(b);
    if (kb === Kind.INT || kb === Kind.BOOL) return rt.bool(cmpResult(I.compare(x, rt.intValue(b)), op));
    if (kb === Kind.FLOAT) return rt.bool(cmpResult(F.compareIntFloat(x, rt.floatValue(b)), op));
    return 0;
  },
  add: intBinary(I.add),
  sub: intBinary(I.sub),
  mul: intBinary(I.mul),
  floordiv: intBinary(I.floordiv),
  mod: intBinary(I.mod),
  lshift: intBinary(lshift),
  rshift: intBinary(I.rshift),
  and: intBinary(I.and),
  or: intBinary(I.or),
  xor: intBinary(I.xor),
  truediv(rt, a, b) {
    if (!isIntLike(rt, a) || !isIntLike(rt, b)) return 0;
    try {
      return rt.newFloat(I.truediv(rt.intValue(a), rt.intValue(b)));
    } catch (e) {
      rethrow(rt, e);
    }
  },
  pow(rt, a, b) {
    if (!isIntLike(rt, a) || !isIntLike(rt, b)) return 0;
    return intPowValues(rt, rt.intValue(a), rt.intValue(b));
  },
  neg(rt, r) {
    return rt.newInt(I.neg(rt.intValue(r)));
  },
  pos(rt, r) {
    return intOf(rt, r);
  },
  abs(rt, r) {
    return rt.newInt(I.abs(rt.intValue(r)));
  },
  invert(rt, r) {
    return rt.newInt(I.invert(rt.intValue(r)));
  },
  index(rt, r) {
    return rt.intValue(r);
  },
  float(rt, r) {
    return intToDouble(rt, rt.intValue(r));
  },
};
defineSlots(Kind.INT, intSlots);

/** bool & | ^ bool is a bool; with any other int it is an int. */
function boolBinary(f: BinarySlot, op: (x: boolean, y: boolean) => boolean): BinarySlot {
  return (rt, a, b) => {
    if (rt.kindOf(a) === Kind.BOOL && rt.kindOf(b) === Kind.BOOL) return rt.bool(op(a === rt.True, b === rt.True));
    return f(rt, a, b);
  };
}
defineSlots(Kind.BOOL, {
  ...intSlots,
  repr(rt, r) {
    return r === rt.True ? 'True' : 'False';
  },
  and: boolBinary(intSlots.and!, (x, y) => x && y),
  or: boolBinary(intSlots.or!, (x, y) => x || y),
  xor: boolBinary(intSlots.xor!, (x, y) => x !== y),
});

FORMATTERS[Kind.INT] = (rt, r, spec) => {
  if (spec === '') return strOf(rt, r);
  try {
    return formatInt(rt.intValue(r), spec, rt.typeNameOf(r));
  } catch (e) {
    rethrow(rt, e);
  }
};
FORMATTERS[Kind.BOOL] = FORMATTERS[Kind.INT];

// ================= support for divmod(), round(), pow() =================
/**
 * divmod(a, b) for ints and floats: a new 2-tuple, or 0 (NotImplemented) when neither operand pair is
 * int/float (the caller then tries __divmod__ / __rdivmod__ and raises the TypeError).
 */
export function divmodValues(rt: Runtime, a: Ref, b: Ref): Ref | 0 {
  if (isIntLike(rt, a) && isIntLike(rt, b)) {
    let q: PyIntValue;
    let m: PyIntValue;
    try {
      [q, m] = I.divmod(rt.intValue(a), rt.intValue(b));
    } catch (e) {
      rethrow(rt, e);
    }
    return tupleSteal(rt, [rt.newInt(q), rt.newInt(m)]);
  }
  return floatDivmodHook(rt, a, b);
}
/** float.ts installs the float half of divmod (kept as a hook so int.ts does not import float.ts). */
let floatDivmodHook: (rt: Runtime, a: Ref, b: Ref) => Ref | 0 = () => 0;
export function setFloatDivmodHook(f: typeof floatDivmodHook): void {
  floatDivmodHook = f;
}
let floatRoundHook: (rt: Runtime, x: Ref, ndigits: Ref | null) => Ref = (rt) => rt.raise('SystemError', 'float not ready');
export function setFloatRoundHook(f: typeof floatRoundHook): void {
  floatRoundHook = f;
}

/**
 * round(x) / round(x, ndigits) for ints and floats: a new reference, or 0 when x is neither (the caller
 * then calls type(x).__round__). `ndigits` is null when absent (the builtin passes null for None too);
 * an int result for round(int, n) and round(float), a float for round(float, n).
 */
export function roundNumber(rt: Runtime, x: Ref, ndigits: Ref | null): Ref | 0 {
  if (isIntLike(rt, x)) {
    if (ndigits === null) return intOf(rt, x);
    const nd = indexValue(rt, ndigits);
    try {
      return rt.newInt(I.round(rt.intValue(x), nd));
    } catch (e) {
      rethrow(rt, e);
    }
  }
  if (isFloatLike(rt, x)) return floatRoundHook(rt, x, ndigits);
  return 0;
}

/**
 * pow(a, b) / pow(a, b, mod) for ints and floats: a new reference, or 0 when the operands are not all
 * int/float (the caller then dispatches to __pow__ / __rpow__ and raises the TypeError). `mod` is null
 * when absent or None. Three-argument pow requires ints (TypeError otherwise, as CPython).
 */
export function powNumbers(rt: Runtime, a: Ref, b: Ref, mod: Ref | null): Ref | 0 {
  const aInt = isIntLike(rt, a);
  const bInt = isIntLike(rt, b);
  if (mod === null) {
    if (aInt && bInt) return intPowValues(rt, rt.intValue(a), rt.intValue(b));
    if ((aInt || isFloatLike(rt, a)) && (bInt || isFloatLike(rt, b))) return SLOTS[Kind.FLOAT]!.pow!(rt, a, b);
    return 0;
  }
  const mInt = isIntLike(rt, mod);
  if (aInt && bInt && mInt) {
    try {
      return rt.newInt(I.pow(rt.intValue(a), rt.intValue(b), rt.intValue(mod)));
    } catch (e) {
      rethrow(rt, e);
    }
  }
  const num = (r: Ref): boolean => isIntLike(rt, r) || isFloatLike(rt, r);
  if (num(a) && num(b) && num(mod)) {
    rt.raise('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
  }
  return 0;
}

// ================= int() and bool() =================
/** The int value of `x` as int(x) computes it (one argument). */
export function intValueOf(rt: Runtime, x: Ref): PyIntValue {
  const k = rt.kindOf(x);
  const heap = rt.typeOf(x) !== rt.types[k];
  if (!heap) {
    if (k === Kind.INT || k === Kind.BOOL) return rt.intValue(x);
    if (k === Kind.FLOAT) return floatValueToInt(rt, rt.floatValue(x));
  }
  if (k === Kind.STR || k === Kind.BYTES || k === Kind.BYTEARRAY) return parseIntFrom(rt, x, 10);
  for (const name of ['__int__', '__index__']) {
    const res = lookupSpecial(rt, x, name, []);
    if (res === 0) continue;
    if (!isIntLike(rt, res)) {
      const tn = rt.typeNameOf(res);
      rt.decref(res);
      rt.raise('TypeError', `${name} returned non-int (type ${tn})`);
    }
    const v = rt.intValue(res);
    rt.decref(res);
    return v;
  }
  if (k === Kind.INT || k === Kind.BOOL) return rt.intValue(x);
  if (k === Kind.FLOAT) return floatValueToInt(rt, rt.floatValue(x));
  const t = lookupSpecial(rt, x, '__trunc__', []);
  if (t !== 0) {
    try {
      if (isIntLike(rt, t)) return rt.intValue(t);
      return indexValue(rt, t);
    } finally {
      rt.decref(t);
    }
  }
  return rt.raise('TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${rt.typeNameOf(x)}'`);
}

function floatValueToInt(rt: Runtime, x: number): PyIntValue {
  try {
    return I.floatToInt(x);
  } catch (e) {
    rethrow(rt, e);
  }
}

/** The text of a str, bytes or bytearray for int() / float() (bytes as latin-1). */
export function numericText(rt: Runtime, x: Ref): string {
  const k = rt.kindOf(x);
  if (k === Kind.STR) return rt.strValue(x);
  const n = rt.i32[(x + BYTES_LENGTH) >> 2]!;
  if (k === Kind.BYTES) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(rt.u8[x + BYTES_DATA + i]!);
    return s;
  }
  const bytes = bytesLikeHook(rt, x);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
/** bytearray's storage differs from bytes'; its module installs a reader. */
let bytesLikeHook: (rt: Runtime, x: Ref) => Uint8Array = (rt, x) =>
  rt.raise('TypeError', `cannot read bytes from '${rt.typeNameOf(x)}'`);
export function setBytesLikeHook(f: typeof bytesLikeHook): void {
  bytesLikeHook = f;
}

function parseIntFrom(rt: Runtime, x: Ref, base: number): PyIntValue {
  try {
    return I.parseInt(numericText(rt, x), base);
  } catch (e) {
    if (e instanceof PyErrorSpec && rt.kindOf(x) !== Kind.STR && e.pyMessage.startsWith('invalid literal')) {
      // CPython shows a bytearray's text as bytes here (it converts it first).
      const shown = rt.kindOf(x) === Kind.BYTEARRAY ? bytesRepr(bytesLikeHook(rt, x)) : reprOf(rt, x);
      rt.raise('ValueError', `invalid literal for int() with base ${base}: ${shown}`);
    }
    rethrow(rt, e);
  }
}

defineConstructor(Kind.INT, (rt, type, args, kwargs) => {
  let x: Ref | undefined = args[0];
  let base: Ref | undefined = args[1];
  if (args.length > 2) rt.raise('TypeError', `int() takes at most 2 arguments (${args.length} given)`);
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      if (k !== 'base') rt.raise('TypeError', `'${k}' is an invalid keyword argument for int()`);
      if (base !== undefined) rt.raise('TypeError', "argument for int() given by name ('base') and position (2)");
      base = v;
    }
  }
  let v: PyIntValue;
  if (base === undefined) v = x === undefined ? 0 : intValueOf(rt, x);
  else {
    if (x === undefined) return rt.raise('TypeError', 'int() missing string argument');
    const bv = indexValue(rt, base);
    const k = rt.kindOf(x);
    if (k !== Kind.STR && k !== Kind.BYTES && k !== Kind.BYTEARRAY) {
      rt.raise('TypeError', "int() can't convert non-string with explicit base");
    }
    if (typeof bv !== 'number' || (bv !== 0 && bv < 2) || bv > 36) {
      return rt.raise('ValueError', 'int() base must be >= 2 and <= 36, or 0');
    }
    v = parseIntFrom(rt, x, bv);
  }
  return newIntOfType(rt, type, v);
});

defineConstructor(Kind.BOOL, (rt, _type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'bool() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `bool expected at most 1 argument, got ${args.length}`);
  return args.length === 0 ? rt.False : rt.bool(truthy(rt, args[0]!));
});

// ================= methods and attributes =================
function noArgs(rt: Runtime, name: string, args: Ref[], kw: Kw): void {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length !== 0) rt.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
}
function checkSelf(rt: Runtime, name: string, self: Ref): void {
  if (!isIntLike(rt, self)) {
    rt.raise('TypeError', `descriptor '${name}' for 'int' objects doesn't apply to a '${rt.typeNameOf(self)}' object`);
  }
}
/** The argument of a one-argument dunder: `expected 1 argument, got N`. */
function oneArg(rt: Runtime, args: Ref[], kw: Kw, name: string): Ref {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length !== 1) rt.raise('TypeError', `expected 1 argument, got ${args.length}`);
  return args[0]!;
}
function notImplemented(rt: Runtime, r: Ref | 0): Ref {
  return r === 0 ? rt.NotImplemented : r;
}

/**
 * The operator dunders of a numeric kind (`__add__`, `__radd__`, ..., comparisons, unary ops), each
 * calling the kind's slot; exported for float.ts.
 */
export function defineNumberDunders(kind: Kind, typeName: string): void {
  const slots = SLOTS[kind]!;
  const binops: [string, keyof TypeSlots][] = [['add', 'add'], ['sub', 'sub'], ['mul', 'mul'], ['truediv', 'truediv'],
    ['floordiv', 'floordiv'], ['mod', 'mod'], ['lshift', 'lshift'], ['rshift', 'rshift'], ['and', 'and'], ['or', 'or'],
    ['xor', 'xor']];
  // the slot of self's kind: bool's & | ^ differ from int's
  const slotOf = (rt: Runtime, self: Ref, slot: keyof TypeSlots): BinarySlot => SLOTS[rt.kindOf(self)]![slot] as BinarySlot;
  for (const [name, slot] of binops) {
    if (slots[slot] === undefined) continue;
    defineMethod(kind, typeName, `__${name}__`, (rt, args, kw, self) =>
      notImplemented(rt, slotOf(rt, self, slot)(rt, self, oneArg(rt, args, kw, `__${name}__`))));
    defineMethod(kind, typeName, `__r${name}__`, (rt, args, kw, self) =>
      notImplemented(rt, slotOf(rt, self, slot)(rt, oneArg(rt, args, kw, `__r${name}__`), self)));
  }
  const dunderPow = (reflected: boolean) => (rt: Runtime, args: Ref[], kw: Kw, self: Ref): Ref => {
    const name = reflected ? '__rpow__' : '__pow__';
    if (kw !== null && kw.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
    if (args.length < 1 || args.length > 2) {
      rt.raise('TypeError', `${name} expected ${args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments'}, got ${args.length}`);
    }
    const other = args[0]!;
    const mod = args.length === 2 && args[1] !== rt.None ? args[1]! : null;
    const [x, y] = reflected ? [other, self] : [self, other];
    if (mod !== null && (!isIntLike(rt, x) || !isIntLike(rt, y) || !isIntLike(rt, mod))) {
      if (kind === Kind.FLOAT && isNumber(rt, x) && isNumber(rt, y)) {
        rt.raise('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
      }
      return rt.NotImplemented;
    }
    if (!isNumber(rt, x) || !isNumber(rt, y)) return rt.NotImplemented;
    if (kind === Kind.INT && (!isIntLike(rt, x) || !isIntLike(rt, y))) return rt.NotImplemented;
    return notImplemented(rt, powNumbers(rt, x, y, mod));
  };
  defineMethod(kind, typeName, '__pow__', dunderPow(false));
  defineMethod(kind, typeName, '__rpow__', dunderPow(true));
  const divmodDunder = (reflected: boolean) => (rt: Runtime, args: Ref[], kw: Kw, self: Ref): Ref => {
    const other = oneArg(rt, args, kw, reflected ? '__rdivmod__' : '__divmod__');
    const [x, y] = reflected ? [other, self] : [self, other];
    if (!isNumber(rt, x) || !isNumber(rt, y)) return rt.NotImplemented;
    if (kind === Kind.INT && (!isIntLike(rt, x) || !isIntLike(rt, y))) return rt.NotImplemented;
    return notImplemented(rt, divmodValues(rt, x, y));
  };
  defineMethod(kind, typeName, '__divmod__', divmodDunder(false));
  defineMethod(kind, typeName, '__rdivmod__', divmodDunder(true));
  const cmp = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  cmp.forEach((name, op) => {
    defineMethod(kind, typeName, name, (rt, args, kw, self) => {
      const other = oneArg(rt, args, kw, name);
      // int's comparison proper takes ints only (float's handles int <op> float)
      if (kind === Kind.INT && !isIntLike(rt, other)) return rt.NotImplemented;
      return notImplemented(rt, slots.richcompare!(rt, self, other, op));
    });
  });
  for (const u of ['neg', 'pos', 'abs', 'invert'] as const) {
    const f = slots[u];
    if (f === undefined) continue;
    defineMethod(kind, typeName, `__${u}__`, (rt, args, kw, self) => {
      noArgs(rt, `${typeName}.__${u}__`, args, kw);
      return f(rt, self);
    });
  }
  defineMethod(kind, typeName, '__repr__', (rt, args, kw, self) => {
    noArgs(rt, `${typeName}.__repr__`, args, kw);
    return rt.newStr(SLOTS[rt.kindOf(self)]!.repr!(rt, self));
  });
  defineMethod(kind, typeName, '__hash__', (rt, args, kw, self) => {
    noArgs(rt, `${typeName}.__hash__`, args, kw);
    return rt.newInt(kind === Kind.FLOAT ? pyHashFloatHook(rt, self) : pyHashInt(rt.intValue(self)));
  });
  defineMethod(kind, typeName, '__bool__', (rt, args, kw, self) => {
    noArgs(rt, `${typeName}.__bool__`, args, kw);
    return rt.bool(slots.bool!(rt, self));
  });
  defineMethod(kind, typeName, '__format__', (rt, args, kw, self) => {
    const spec = oneArg(rt, args, kw, '__format__');
    if (rt.kindOf(spec) !== Kind.STR) rt.raise('TypeError', `__format__() argument must be str, not ${rt.typeNameOf(spec)}`);
    return rt.newStr(FORMATTERS[kind]!(rt, self, rt.strValue(spec)));
  });
}
/** float.ts installs its full hash (kept as a hook so int.ts does not import float.ts). */
let pyHashFloatHook: (rt: Runtime, r: Ref) => PyIntValue = () => 0;
export function setPyHashFloatHook(f: typeof pyHashFloatHook): void {
  pyHashFloatHook = f;
}
function isNumber(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT;
}

defineNumberDunders(Kind.INT, 'int');
defineMethod(Kind.BOOL, 'bool', '__repr__', (rt, args, kw, self) => {
  noArgs(rt, 'bool.__repr__', args, kw);
  return rt.newStr(self === rt.True ? 'True' : 'False');
});

const intCopy = (name: string) => (rt: Runtime, args: Ref[], kw: Kw, self: Ref): Ref => {
  noArgs(rt, `int.${name}`, args, kw);
  checkSelf(rt, name, self);
  return intOf(rt, self);
};
for (const name of ['conjugate', '__int__', '__index__', '__trunc__', '__floor__', '__ceil__']) {
  defineMethod(Kind.INT, 'int', name, intCopy(name));
}
defineMethod(Kind.INT, 'int', '__float__', (rt, args, kw, self) => {
  noArgs(rt, 'int.__float__', args, kw);
  checkSelf(rt, '__float__', self);
  return rt.newFloat(intToDouble(rt, rt.intValue(self)));
});
defineMethod(Kind.INT, 'int', '__round__', (rt, args, kw, self) => {
  if (kw !== null && kw.size > 0) rt.raise('TypeError', '__round__() takes no keyword arguments');
  if (args.length > 1) rt.raise('TypeError', `__round__ expected at most 1 argument, got ${args.length}`);
  checkSelf(rt, '__round__', self);
  return roundNumber(rt, self, args.length === 0 ? null : args[0]!) as Ref;
});
defineMethod(Kind.INT, 'int', '__getnewargs__', (rt, args, kw, self) => {
  noArgs(rt, 'int.__getnewargs__', args, kw);
  return tupleSteal(rt, [rt.newInt(rt.intValue(self))]);
});
defineMethod(Kind.INT, 'int', 'bit_length', (rt, args, kw, self) => {
  noArgs(rt, 'int.bit_length', args, kw);
  checkSelf(rt, 'bit_length', self);
  return rt.newInt(I.bitLength(rt.intValue(self)));
});
defineMethod(Kind.INT, 'int', 'bit_count', (rt, args, kw, self) => {
  noArgs(rt, 'int.bit_count', args, kw);
  checkSelf(rt, 'bit_count', self);
  return rt.newInt(I.bitCount(rt.intValue(self)));
});
defineMethod(Kind.INT, 'int', 'as_integer_ratio', (rt, args, kw, self) => {
  noArgs(rt, 'int.as_integer_ratio', args, kw);
  checkSelf(rt, 'as_integer_ratio', self);
  return tupleSteal(rt, [intOf(rt, self), rt.newInt(1)]);
});

/** The byteorder and signed arguments of to_bytes / from_bytes (positions 1 and keyword-only). */
function byteArgs(rt: Runtime, fname: string, args: Ref[], kw: Kw, names: [string, string]): [Ref | undefined, string, boolean] {
  if (args.length > 2) rt.raise('TypeError', `${fname}() takes at most 2 positional arguments (${args.length} given)`);
  let first: Ref | undefined = args[0];
  let order: Ref | undefined = args[1];
  let signed = false;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === names[0]) {
        if (first !== undefined) rt.raise('TypeError', `argument for ${fname}() given by name ('${k}') and position (1)`);
        first = v;
      } else if (k === 'byteorder') {
        if (order !== undefined) rt.raise('TypeError', `argument for ${fname}() given by name ('byteorder') and position (2)`);
        order = v;
      } else if (k === 'signed') signed = truthy(rt, v);
      else rt.raise('TypeError', `'${k}' is an invalid keyword argument for ${fname}()`);
    }
  }
  let byteorder = 'big';
  if (order !== undefined) {
    if (rt.kindOf(order) !== Kind.STR) {
      rt.raise('TypeError', `${fname}() argument '${names[1]}' must be str, not ${rt.typeNameOf(order)}`);
    }
    byteorder = rt.strValue(order);
  }
  return [first, byteorder, signed];
}

defineMethod(Kind.INT, 'int', 'to_bytes', (rt, args, kw, self) => {
  checkSelf(rt, 'to_bytes', self);
  const [lengthR, byteorder, signed] = byteArgs(rt, 'to_bytes', args, kw, ['length', 'byteorder']);
  const length = lengthR === undefined ? 1 : indexValue(rt, lengthR);
  if (length < 0) rt.raise('ValueError', 'length argument must be non-negative');
  if (typeof length !== 'number' || length > 2 ** 31) return rt.raise('OverflowError', 'Python int too large to convert to C ssize_t');
  let out: Uint8Array;
  try {
    out = I.toBytes(rt.intValue(self), length, byteorder, signed);
  } catch (e) {
    rethrow(rt, e);
  }
  return newBytes(rt, out);
});

defineClassMethod(Kind.INT, 'int', 'from_bytes', (rt, args, kw, cls) => {
  const [src, byteorder, signed] = byteArgs(rt, 'from_bytes', args, kw, ['bytes', 'byteorder']);
  if (src === undefined) return rt.raise('TypeError', "from_bytes() missing required argument 'bytes' (pos 1)");
  const data = bytesOf(rt, src);
  let v: PyIntValue;
  try {
    v = I.fromBytes(data, byteorder, signed);
  } catch (e) {
    rethrow(rt, e);
  }
  const n = rt.newInt(v);
  if (cls === rt.types[Kind.INT]) return n;
  try {
    return callObject(rt, cls, [n], null);
  } finally {
    rt.decref(n);
  }
});

/** bytes(x) as from_bytes accepts it: bytes, bytearray, or an iterable of ints in range(256). */
function bytesOf(rt: Runtime, x: Ref): Uint8Array {
  const k = rt.kindOf(x);
  if (k === Kind.BYTES) {
    const n = rt.i32[(x + BYTES_LENGTH) >> 2]!;
    return rt.u8.slice(x + BYTES_DATA, x + BYTES_DATA + n);
  }
  if (k === Kind.BYTEARRAY) return bytesLikeHook(rt, x);
  if (k === Kind.STR) rt.raise('TypeError', 'cannot convert \'str\' object to bytes');
  if (SLOTS[k]!.iter === undefined && rt.typeOf(x) === rt.types[k]) {
    rt.raise('TypeError', `cannot convert '${rt.typeNameOf(x)}' object to bytes`);
  }
  const items = iterateToArray(rt, x);
  try {
    const out = new Uint8Array(items.length);
    items.forEach((it, i) => {
      const v = indexValue(rt, it);
      if (v < 0 || v > 255) rt.raise('ValueError', 'bytes must be in range(0, 256)');
      out[i] = Number(v);
    });
    return out;
  } finally {
    for (const it of items) rt.decref(it);
  }
}

defineGetter(Kind.INT, 'int', 'real', (rt, _a, _k, self) => intOf(rt, self));
defineGetter(Kind.INT, 'int', 'imag', (rt) => rt.newInt(0));
defineGetter(Kind.INT, 'int', 'numerator', (rt, _a, _k, self) => intOf(rt, self));
defineGetter(Kind.INT, 'int', 'denominator', (rt) => rt.newInt(1));
