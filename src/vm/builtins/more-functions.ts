/** The rest of the built-in functions: type, isinstance, hash, min/max/sum/sorted, iter/next, the
 *  number helpers (round, divmod, pow, chr, ord, hex...), input, globals/locals and the attribute
 *  functions (getattr, vars, dir...), with CPython 3.11's messages (cf. CPython bltinmodule.c). */
import { callBound } from '../objects/classes.js';
import type { Ref } from '../heap/layout.js';
import { PyRaise, TP_DICT, TP_MRO, TPF_HEAPTYPE, TP_FLAGS, type Runtime } from '../runtime.js';
import { delAttr, getAttr, getAttrOrNull, setAttr } from '../objects/attrs.js';
import { CO_CELLVARS, CO_FREEVARS, decodeCode } from '../objects/code.js';
import { defineConstructor } from '../objects/constructors.js';
import { dictNextPos, dictEntryKey, dictSet, dictSnapshot, dropSnapshot, newDict, type DictSnapshot } from '../objects/dict.js';
import { moduleDict } from '../objects/module.js';
import { excMatches, excType, newException, newExceptionArgs } from '../objects/exceptions.js';
import { pyHashFloat } from '../objects/float.js';
import { formatObject } from '../objects/format.js';
import { CELL_REF } from '../objects/function.js';
import { divmodValues, lookupSpecial, powNumbers, pyHashInt, roundNumber } from '../objects/int.js';
import { newCallIter } from '../objects/iterators.js';
import { genNextOrStop } from '../objects/generator.js';
import { Kind } from '../objects/kinds.js';
import { listSteal } from '../objects/list.js';
import {
  binaryOp, callNextDunder, getItem, getIter, hash as tableHash, idOf, indexValue, isHeapInstance, isIterator, iterNext,
  iterateToArray, len as lenOf, richCompare, str as strOf, truthy, unaryOp,
} from '../objects/protocols.js';
import { tupleItem, tupleItems } from '../objects/tuple.js';
import { typeLookup } from '../objects/type.js';
import { callObject, isCallable } from '../interp/call.js';
import { FR_CODE, FR_GLOBALS, FR_LOCALS, FR_LOCALSPLUS } from '../interp/frame.js';
import { checkArity, parseArgs } from './args.js';
import { readInteractiveLine } from './interactive-input.js';
import { hostOf, interpOf } from './host-access.js';
import { defineBuiltin } from './registry.js';

/** BINARY_OP argument values (indexes of BINOPS in isa/opcodes.ts). */
const OP_ADD = 0;
const OP_POW = 8;
/** CMPOPS indexes. */
const CMP_LT = 0;
const CMP_GT = 4;

function isHeapType(rt: Runtime, type: Ref): boolean {
  return (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

/** Runs `f`, turning an AttributeError into `null` (other exceptions propagate). */
function catchingAttributeError<T>(rt: Runtime, f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRaise && excMatches(rt, e.exc, 'AttributeError')) {
      rt.decref(e.exc);
      return null;
    }
    throw e;
  }
}

// ================= type, isinstance, issubclass, callable =================
/** The 3-argument form `type(name, bases, dict)`; installed by the class machinery. */
export let typeNewHook: (rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref = (rt) =>
  rt.raise('NotImplementedError', 'type() with 3 arguments is not supported yet');
export function setTypeNewHook(f: typeof typeNewHook): void {
  typeNewHook = f;
}

// cf. CPython type_call / type_new: type(x) is x's type (a new reference).
defineConstructor(Kind.TYPE, (rt, type, args, kwargs) => {
  const nkw = kwargs === null ? 0 : kwargs.size;
  if (type === rt.types[Kind.TYPE] && args.length === 1 && nkw === 0) {
    const t = rt.typeOf(args[0]!);
    rt.incref(t);
    return t;
  }
  if (type === rt.types[Kind.TYPE] && args.length === 1) rt.raise('TypeError', 'type() takes no keyword arguments');
  if (args.length !== 1 && args.length !== 3) rt.raise('TypeError', 'type() takes 1 or 3 arguments');
  if (args.length === 3 && !rt.isStr(args[0]!)) {
    rt.raise('TypeError', `type.__new__() argument 1 must be str, not ${rt.typeNameOf(args[0]!)}`);
  }
  return typeNewHook(rt, type, args, kwargs);
});

/** Hook for `isinstance(x, T)` when T's metaclass defines __instancecheck__ (set by the class machinery). */
export let instanceCheckHook: (rt: Runtime, obj: Ref, cls: Ref) => boolean | null = () => null;
export function setInstanceCheckHook(f: typeof instanceCheckHook): void {
  instanceCheckHook = f;
}

/** `isinstance(obj, cls)` (cf. CPython object_recursive_isinstance). */
export function isInstance(rt: Runtime, obj: Ref, cls: Ref): boolean {
  const k = rt.kindOf(cls);
  if (k === Kind.TYPE) {
    const custom = instanceCheckHook(rt, obj, cls);
    if (custom !== null) return custom;
    if (rt.isSubtype(rt.typeOf(obj), cls)) return true;
    // an object may claim another class through __class__ (cf. object_isinstance)
    if (isHeapType(rt, rt.typeOf(obj))) {
      const key = rt.newStr('__class__');
      let c: Ref | null;
      try {
        c = catchingAttributeError(rt, () => getAttr(rt, obj, key));
      } finally {
        rt.decref(key);
      }
      if (c !== null) {
        const res = c !== rt.typeOf(obj) && rt.kindOf(c) === Kind.TYPE && rt.isSubtype(c, cls);
        rt.decref(c);
        return res;
      }
    }
    return false;
  }
  if (k === Kind.TUPLE) {
    for (const item of tupleItems(rt, cls)) if (isInstance(rt, obj, item)) return true;
    return false;
  }
  return rt.raise('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

/** `issubclass(derived, cls)` (cf. CPython object_issubclass). */
export function isSubclass(rt: Runtime, derived: Ref, cls: Ref): boolean {
  const k = rt.kindOf(cls);
  if (k === Kind.TUPLE) {
    for (const item of tupleItems(rt, cls)) if (isSubclass(rt, derived, item)) return true;
    return false;
  }
  if (rt.kindOf(derived) !== Kind.TYPE) rt.raise('TypeError', 'issubclass() arg 1 must be a class');
  if (k !== Kind.TYPE) rt.raise('TypeError', 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return rt.isSubtype(derived, cls);
}

defineBuiltin('isinstance', (rt, args, kwargs) => {
  checkExactly(rt, 'isinstance', args, kwargs, 2);
  return rt.bool(isInstance(rt, args[0]!, args[1]!));
});

defineBuiltin('issubclass', (rt, args, kwargs) => {
  checkExactly(rt, 'issubclass', args, kwargs, 2);
  return rt.bool(isSubclass(rt, args[0]!, args[1]!));
});

/** `f expected 2 arguments, got 1` (the message of CPython's _PyArg_CheckPositional for fixed counts). */
function checkExactly(rt: Runtime, fname: string, args: Ref[], kwargs: Map<string, Ref> | null, n: number): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${fname}() takes no keyword arguments`);
  if (args.length !== n) rt.raise('TypeError', `${fname} expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

defineBuiltin('callable', (rt, args, kwargs) => {
  checkArity(rt, 'callable', args, kwargs, 1, 1);
  return rt.bool(isCallable(rt, args[0]!));
});

// ================= hash =================
const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** Kinds whose hash is their identity (cf. CPython _Py_HashPointer, object.__hash__). */
const IDENTITY_HASH = new Set<Kind>([Kind.OBJECT, Kind.TYPE, Kind.NONE, Kind.NOT_IMPLEMENTED, Kind.ELLIPSIS,
  Kind.FUNCTION, Kind.BUILTIN_FUNCTION, Kind.CODE, Kind.CELL, Kind.MODULE, Kind.EXCEPTION, Kind.TRACEBACK,
  Kind.INSTANCE, Kind.SEQ_ITER, Kind.RANGE_ITER, Kind.DICT_ITER, Kind.SET_ITER, Kind.ENUMERATE, Kind.ZIP, Kind.MAP,
  Kind.FILTER, Kind.REVERSED, Kind.CALL_ITER, Kind.PROPERTY, Kind.STATICMETHOD, Kind.CLASSMETHOD, Kind.GENERATOR,
  Kind.SUPER]);

/** CPython's pointer hash of an object's id: the address rotated right by 4 bits. */
export function hashPointer(r: Ref): number | bigint {
  const p = BigInt(idOf(r));
  const y = BigInt.asIntN(64, (p >> 4n) | (p << 60n));
  return narrow(y === -1n ? -2n : y);
}

function narrow(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * `hash(r)`: the full Python hash value (a signed 64-bit value, as on 64-bit CPython builds). Numbers,
 * tuples, frozensets and ranges hash exactly as CPython's; str and bytes use gilpy's own (32-bit) hash,
 * as CPython randomizes theirs; identity hashes derive from id() as CPython's from the address.
 */
export function pyHash(rt: Runtime, r: Ref): number | bigint {
  const type = rt.typeOf(r);
  if (isHeapType(rt, type)) {
    const key = rt.newStr('__hash__');
    const descr = typeLookup(rt, type, key);
    rt.decref(key);
    if (descr === rt.None) rt.raise('TypeError', `unhashable type: '${rt.typeNameOf(r)}'`);
    if (descr !== 0 && rt.kindOf(descr) === Kind.FUNCTION) {
      const res = callBound(rt, descr, r, type, []); // no bound method made, as slot_tp_hash
      if (!rt.isInstanceOfKind(res, Kind.INT)) {
        rt.decref(res);
        rt.raise('TypeError', '__hash__ method should return an integer');
      }
      const v = rt.intValue(res);
      rt.decref(res);
      // cf. CPython slot_tp_hash: a value beyond Py_ssize_t is hashed as an int again
      if (typeof v === 'number') return v === -1 ? -2 : v;
      if (v >= -(2n ** 63n) && v < 2n ** 63n) return v === -1n ? -2 : narrow(v);
      return pyHashInt(v);
    }
  }
  switch (rt.kindOf(r)) {
    case Kind.INT: case Kind.BOOL: return pyHashInt(rt.intValue(r));
    case Kind.FLOAT: return pyHashFloat(rt, r);
    case Kind.TUPLE: return tupleHash(rt, tupleItems(rt, r));
    case Kind.FROZENSET: return frozensetHash(rt, r);
    case Kind.RANGE: {
      const h = rangeHash(rt, r);
      if (h !== null) return h;
      break;
    }
    default: break;
  }
  const h = tableHash(rt, r); // raises "unhashable type" for the unhashable kinds
  return IDENTITY_HASH.has(rt.kindOf(r)) ? hashPointer(r) : h;
}

/** cf. CPython 3.11 tuplehash (xxHash's mixing over the items' full hashes). */
function tupleHash(rt: Runtime, items: readonly Ref[]): number | bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = U64(BigInt(pyHash(rt, item)));
    acc = U64(acc + lane * XXPRIME_2);
    acc = U64((acc << 31n) | (acc >> 33n));
    acc = U64(acc * XXPRIME_1);
  }
  acc = U64(acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n)));
  if (acc === U64(-1n)) return 1546275796;
  return narrow(BigInt.asIntN(64, acc));
}

/** cf. CPython frozenset_hash: order-independent xor of shuffled item hashes. */
function frozensetHash(rt: Runtime, s: Ref): number | bigint {
  const shuffle = (h: bigint): bigint => U64(((h ^ 89869747n) ^ (h << 16n)) * 3644798167n);
  const items = iterateToArray(rt, s);
  let hash = 0n;
  try {
    for (const x of items) hash ^= shuffle(U64(BigInt(pyHash(rt, x))));
  } finally {
    for (const x of items) rt.decref(x);
  }
  hash ^= U64((BigInt(items.length) + 1n) * 1927868237n);
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = U64(hash * 69069n + 907133923n);
  if (hash === U64(-1n)) hash = 590923713n;
  return narrow(BigInt.asIntN(64, hash));
}

/** cf. CPython range_hash: hash((len, start, step)), with None for what a short range does not need. */
function rangeHash(rt: Runtime, r: Ref): number | bigint | null {
  const attr = (name: string): Ref | 0 => {
    const k = rt.newStr(name);
    try {
      return getAttrOrNull(rt, r, k);
    } finally {
      rt.decref(k);
    }
  };
  const start = attr('start');
  const step = attr('step');
  try {
    if (start === 0 || step === 0) return null;
    const n = lenOf(rt, r);
    const length = rt.newInt(n);
    try {
      return tupleHash(rt, [length, n === 0 ? rt.None : start, n <= 1 ? rt.None : step]);
    } finally {
      rt.decref(length);
    }
  } finally {
    if (start !== 0) rt.decref(start);
    if (step !== 0) rt.decref(step);
  }
}

defineBuiltin('hash', (rt, args, kwargs) => {
  checkArity(rt, 'hash', args, kwargs, 1, 1);
  return rt.newInt(pyHash(rt, args[0]!));
});

// ================= abs, min, max, sum, any, all, sorted =================
defineBuiltin('abs', (rt, args, kwargs) => {
  checkArity(rt, 'abs', args, kwargs, 1, 1);
  return unaryOp(rt, 'abs', args[0]!);
});

/** cf. CPython min_max: one iterable or several arguments, key=, default=. */
function minMax(rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null, op: number, name: string): Ref {
  let key: Ref | 0 = 0;
  let dflt: Ref | 0 = 0;
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      if (k === 'key') key = v === rt.None ? 0 : v;
      else if (k === 'default') dflt = v;
      else rt.raise('TypeError', `'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  if (args.length === 0) rt.raise('TypeError', `${name} expected at least 1 argument, got 0`);
  if (args.length > 1 && dflt !== 0) {
    rt.raise('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const it = args.length === 1 ? getIter(rt, args[0]!) : 0;
  let bestItem: Ref | 0 = 0;
  let bestVal: Ref | 0 = 0;
  try {
    for (let i = 0; ; i++) {
      let item: Ref | 0;
      if (it !== 0) item = iterNext(rt, it);
      else if (i < args.length) {
        item = args[i]!;
        rt.incref(item);
      } else item = 0;
      if (item === 0) break;
      let val: Ref;
      try {
        val = key === 0 ? (rt.incref(item), item) : callObject(rt, key, [item]);
      } catch (e) {
        rt.decref(item);
        throw e;
      }
      if (bestVal === 0) {
        bestItem = item;
        bestVal = val;
        continue;
      }
      let better: boolean;
      try {
        const c = richCompare(rt, val, bestVal, op);
        better = truthy(rt, c);
        rt.decref(c);
      } catch (e) {
        rt.decref(item);
        rt.decref(val);
        throw e;
      }
      if (better) {
        rt.decref(bestItem as Ref);
        rt.decref(bestVal);
        bestItem = item;
        bestVal = val;
      } else {
        rt.decref(item);
        rt.decref(val);
      }
    }
  } catch (e) {
    if (bestItem !== 0) rt.decref(bestItem);
    if (bestVal !== 0) rt.decref(bestVal);
    throw e;
  } finally {
    if (it !== 0) rt.decref(it);
  }
  if (bestVal === 0) {
    if (dflt !== 0) {
      rt.incref(dflt);
      return dflt;
    }
    rt.raise('ValueError', `${name}() arg is an empty sequence`);
  }
  rt.decref(bestVal);
  return bestItem as Ref;
}

defineBuiltin('min', (rt, args, kwargs) => minMax(rt, args, kwargs, CMP_LT, 'min'));
defineBuiltin('max', (rt, args, kwargs) => minMax(rt, args, kwargs, CMP_GT, 'max'));

// cf. CPython builtin_sum_impl (3.11: floats are added left to right, no compensated summation)
defineBuiltin('sum', (rt, args, kwargs) => {
  if (args.length === 0) rt.raise('TypeError', 'sum() takes at least 1 positional argument (0 given)');
  if (args.length > 2) rt.raise('TypeError', `sum() takes at most 2 arguments (${args.length} given)`);
  const [iterable, startArg] = parseArgs(rt, 'sum', args, kwargs, ['iterable', '/', 'start=']);
  let result = startArg ?? (0 as Ref);
  if (result !== 0) {
    const k = rt.kindOf(result);
    if (k === Kind.STR) rt.raise('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    if (k === Kind.BYTES) rt.raise('TypeError', "sum() can't sum bytes [use b''.join(seq) instead]");
    if (k === Kind.BYTEARRAY) rt.raise('TypeError', "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  const it = getIter(rt, iterable!);
  if (result === 0) result = rt.newInt(0);
  else rt.incref(result);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      let next: Ref;
      try {
        next = binaryOp(rt, OP_ADD, result, x);
      } finally {
        rt.decref(x);
      }
      rt.decref(result);
      result = next;
    }
  } catch (e) {
    rt.decref(result);
    throw e;
  } finally {
    rt.decref(it);
  }
  return result;
});

function anyAll(rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null, name: string, stopOn: boolean): Ref {
  checkArity(rt, name, args, kwargs, 1, 1);
  const it = getIter(rt, args[0]!);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      let t: boolean;
      try {
        t = truthy(rt, x);
      } finally {
        rt.decref(x);
      }
      if (t === stopOn) return rt.bool(stopOn);
    }
    return rt.bool(!stopOn);
  } finally {
    rt.decref(it);
  }
}
defineBuiltin('any', (rt, args, kwargs) => anyAll(rt, args, kwargs, 'any', true));
defineBuiltin('all', (rt, args, kwargs) => anyAll(rt, args, kwargs, 'all', false));

// cf. CPython builtin_sorted: a new list, sorted by its own sort() (which checks key= and reverse=)
defineBuiltin('sorted', (rt, args, kwargs) => {
  if (args.length !== 1) rt.raise('TypeError', `sorted expected 1 argument, got ${args.length}`);
  const list = listSteal(rt, iterateToArray(rt, args[0]!));
  try {
    const key = rt.newStr('sort');
    let sort: Ref;
    try {
      sort = getAttr(rt, list, key);
    } finally {
      rt.decref(key);
    }
    try {
      rt.decref(callObject(rt, sort, [], kwargs));
    } finally {
      rt.decref(sort);
    }
  } catch (e) {
    rt.decref(list);
    throw e;
  }
  return list;
});

// ================= iter, next =================
defineBuiltin('iter', (rt, args, kwargs) => {
  checkArity(rt, 'iter', args, kwargs, 1, 2);
  if (args.length === 1) return getIter(rt, args[0]!);
  if (!isCallable(rt, args[0]!)) rt.raise('TypeError', 'iter(v, w): v must be callable');
  return newCallIter(rt, args[0]!, args[1]!);
});

defineBuiltin('next', (rt, args, kwargs) => {
  checkArity(rt, 'next', args, kwargs, 1, 2);
  const it = args[0]!;
  if (!isIterator(rt, it)) rt.raise('TypeError', `'${rt.typeNameOf(it)}' object is not an iterator`);
  if (rt.kindOf(it) === Kind.GENERATOR && args.length === 1) return genNextOrStop(rt, it); // StopIteration(value)
  if (args.length === 1 && isHeapInstance(rt, it)) return callNextDunder(rt, it); // its own StopIteration
  const x = iterNext(rt, it);
  if (x !== 0) return x;
  if (args.length === 2) {
    rt.incref(args[1]!);
    return args[1]!;
  }
  throw new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
});

// ================= numbers: round, divmod, pow =================
defineBuiltin('round', (rt, args, kwargs) => {
  const [number, ndigitsArg] = parseArgs(rt, 'round', args, kwargs, ['number', 'ndigits=']);
  const ndigits = ndigitsArg === undefined || ndigitsArg === rt.None ? null : ndigitsArg;
  const x = number!;
  if (!isHeapType(rt, rt.typeOf(x))) {
    const r = roundNumber(rt, x, ndigits);
    if (r !== 0) return r;
  }
  const res = lookupSpecial(rt, x, '__round__', ndigits === null ? [] : [ndigits]);
  if (res !== 0) return res;
  const r = roundNumber(rt, x, ndigits);
  if (r !== 0) return r;
  return rt.raise('TypeError', `type ${rt.typeNameOf(x)} doesn't define __round__ method`);
});

/** Calls a user class's binary dunder `name` on a, or its reflected twin on b; 0 if neither applies. */
function userBinary(rt: Runtime, a: Ref, b: Ref, name: string, extra: Ref[] = []): Ref | 0 {
  const ta = rt.typeOf(a);
  const tb = rt.typeOf(b);
  const tryCall = (obj: Ref, dunder: string, other: Ref): Ref | 0 => {
    if (!isHeapType(rt, rt.typeOf(obj))) return 0;
    const r = lookupSpecial(rt, obj, dunder, [other, ...extra]);
    if (r === rt.NotImplemented) return 0; // immortal: nothing to release
    return r;
  };
  if (ta !== tb && rt.isSubtype(tb, ta)) {
    const r = tryCall(b, `__r${name}__`, a);
    if (r !== 0) return r;
  }
  const r1 = tryCall(a, `__${name}__`, b);
  if (r1 !== 0) return r1;
  if (ta !== tb && extra.length === 0) return tryCall(b, `__r${name}__`, a);
  return 0;
}

defineBuiltin('divmod', (rt, args, kwargs) => {
  checkExactly(rt, 'divmod', args, kwargs, 2);
  const [a, b] = args as [Ref, Ref];
  const user = userBinary(rt, a, b, 'divmod');
  if (user !== 0) return user;
  const r = divmodValues(rt, a, b);
  if (r !== 0) return r;
  return rt.raise('TypeError',
    `unsupported operand type(s) for divmod(): '${rt.typeNameOf(a)}' and '${rt.typeNameOf(b)}'`);
});

defineBuiltin('pow', (rt, args, kwargs) => {
  const [base, exp, modArg] = parseArgs(rt, 'pow', args, kwargs, ['base', 'exp', 'mod=']);
  const mod = modArg === undefined || modArg === rt.None ? null : modArg;
  if (mod === null) return binaryOp(rt, OP_POW, base!, exp!);
  const user = userBinary(rt, base!, exp!, 'pow', [mod]);
  if (user !== 0) return user;
  const r = powNumbers(rt, base!, exp!, mod);
  if (r !== 0) return r;
  return rt.raise('TypeError', `unsupported operand type(s) for ** or pow(): '${rt.typeNameOf(base!)}', `
    + `'${rt.typeNameOf(exp!)}', '${rt.typeNameOf(mod)}'`);
});

// ================= chr, ord, hex, oct, bin, format =================
/** A C int argument (cf. PyLong_AsInt): OverflowError beyond 32 bits. */
function cInt(rt: Runtime, r: Ref): number {
  const v = indexValue(rt, r);
  if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) {
    rt.raise('OverflowError', 'Python int too large to convert to C int');
  }
  return v as number;
}

defineBuiltin('chr', (rt, args, kwargs) => {
  checkArity(rt, 'chr', args, kwargs, 1, 1);
  const v = cInt(rt, args[0]!);
  if (v < 0 || v > 0x10ffff) rt.raise('ValueError', 'chr() arg not in range(0x110000)');
  return rt.newStr(String.fromCodePoint(v));
});

defineBuiltin('ord', (rt, args, kwargs) => {
  checkArity(rt, 'ord', args, kwargs, 1, 1);
  const x = args[0]!;
  const k = rt.kindOf(x);
  if (k === Kind.STR) {
    const n = rt.strLength(x);
    if (n !== 1) rt.raise('TypeError', `ord() expected a character, but string of length ${n} found`);
    return rt.newInt(rt.strValue(x).codePointAt(0)!);
  }
  if (k === Kind.BYTES || k === Kind.BYTEARRAY) {
    const n = lenOf(rt, x);
    if (n !== 1) rt.raise('TypeError', `ord() expected a character, but string of length ${n} found`);
    const zero = rt.newInt(0);
    return getItem(rt, x, zero);
  }
  return rt.raise('TypeError', `ord() expected string of length 1, but ${rt.typeNameOf(x)} found`);
});

function radixBuiltin(name: string, prefix: string, radix: number): void {
  defineBuiltin(name, (rt, args, kwargs) => {
    checkArity(rt, name, args, kwargs, 1, 1);
    const v = indexValue(rt, args[0]!);
    const neg = typeof v === 'bigint' ? v < 0n : v < 0;
    const mag = typeof v === 'bigint' ? (neg ? -v : v) : Math.abs(v);
    return rt.newStr(`${neg ? '-' : ''}${prefix}${mag.toString(radix)}`);
  });
}
radixBuiltin('hex', '0x', 16);
radixBuiltin('oct', '0o', 8);
radixBuiltin('bin', '0b', 2);

defineBuiltin('format', (rt, args, kwargs) => {
  checkArity(rt, 'format', args, kwargs, 1, 2);
  const [value, specArg] = args;
  let spec = '';
  if (specArg !== undefined) {
    if (!rt.isStr(specArg)) rt.raise('TypeError', `format() argument 2 must be str, not ${rt.typeNameOf(specArg)}`);
    spec = rt.strValue(specArg);
  }
  return rt.newStr(formatObject(rt, value!, spec));
});

// ================= exit, quit =================
// site's exit() and quit(), as plain built-in functions: calling one raises SystemExit(code), as CPython's
// Quitter does (gilpy has no site module; their repr is that of a built-in function, not "Use exit() ...")
for (const name of ['exit', 'quit']) {
  defineBuiltin(name, (rt, args, kwargs) => {
    checkArity(rt, name, args, kwargs, 0, 1);
    throw new PyRaise(newExceptionArgs(rt, excType(rt, 'SystemExit'), args.length === 0 ? [rt.None] : [args[0]!]));
  });
}

// ================= input =================
defineBuiltin('input', (rt, args, kwargs) => {
  checkArity(rt, 'input', args, kwargs, 0, 1);
  const host = hostOf(rt);
  host.stderr.flush();
  let line: string | null;
  if (host.interactive !== undefined) {
    // the REPL's terminal shows the prompt itself (with line editing)
    host.stdout.flush();
    line = readInteractiveLine(rt, host.interactive, args.length === 1 ? strOf(rt, args[0]!) : '', 'input');
  } else {
    if (args.length === 1) host.stdout.write(strOf(rt, args[0]!));
    host.stdout.flush();
    line = host.readLine();
  }
  if (line === null) return rt.raise('EOFError', 'EOF when reading a line');
  return rt.newStr(line);
});

// ================= globals, locals, vars, dir =================
/** The frame of the Python code that called the running native (0 if none). */
function callerFrame(rt: Runtime): Ref {
  return interpOf(rt).ts.frame;
}

defineBuiltin('globals', (rt, args, kwargs) => {
  checkArity(rt, 'globals', args, kwargs, 0, 0);
  const f = callerFrame(rt);
  if (f === 0) rt.raise('SystemError', 'globals(): no current frame');
  const g = rt.i32[(f + FR_GLOBALS) >> 2]! as Ref;
  rt.incref(g);
  return g;
});

/**
 * `locals()` (new reference): a module or class body's namespace itself; in a function, a new dict of
 * its bound fast locals, cells and free variables (cf. CPython PyFrame_FastToLocals, 3.11 keeps a
 * snapshot: later calls refresh it, writes to it do not reach the variables).
 */
export function currentLocals(rt: Runtime): Ref {
  const f = callerFrame(rt);
  if (f === 0) rt.raise('SystemError', 'locals(): no current frame');
  const i32 = rt.i32;
  const ns = i32[(f + FR_LOCALS) >> 2]! as Ref;
  if (ns !== 0) {
    rt.incref(ns);
    return ns;
  }
  const code = i32[(f + FR_CODE) >> 2]! as Ref;
  const d = decodeCode(rt, code);
  const names = d.localsplusNames;
  const out = newDict(rt);
  const lp = (f + FR_LOCALSPLUS) >> 2;
  const derefNames = d.ncells + d.nfree > 0 ? cellAndFreeNames(rt, code) : null;
  for (let i = 0; i < d.nlocalsplus; i++) {
    let v = i32[lp + i]! as Ref;
    if (v === 0) continue;
    const name = tupleItem(rt, names, i);
    // a cell or free variable's slot holds its cell once MAKE_CELL / COPY_FREE_VARS ran
    if (derefNames !== null && rt.kindOf(v) === Kind.CELL && derefNames.has(rt.strValue(name))) {
      v = i32[(v + CELL_REF) >> 2]! as Ref;
      if (v === 0) continue;
    }
    dictSet(rt, out, name, v);
  }
  return out;
}

/** The names of a code object's cell and free variables. */
function cellAndFreeNames(rt: Runtime, code: Ref): Set<string> {
  const out = new Set<string>();
  for (const off of [CO_CELLVARS, CO_FREEVARS]) {
    const t = rt.i32[(code + off) >> 2]! as Ref;
    if (t !== 0) for (const n of tupleItems(rt, t)) out.add(rt.strValue(n));
  }
  return out;
}

defineBuiltin('locals', (rt, args, kwargs) => {
  checkArity(rt, 'locals', args, kwargs, 0, 0);
  return currentLocals(rt);
});

defineBuiltin('vars', (rt, args, kwargs) => {
  checkArity(rt, 'vars', args, kwargs, 0, 1);
  if (args.length === 0) return currentLocals(rt);
  const key = rt.newStr('__dict__');
  try {
    const d = catchingAttributeError(rt, () => getAttrOrNull(rt, args[0]!, key));
    if (d === null || d === 0) return rt.raise('TypeError', 'vars() argument must have __dict__ attribute');
    return d;
  } finally {
    rt.decref(key);
  }
});

/** Python's order for str: by code point (JS compares UTF-16 units, which differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A new sorted list of the str keys in `dicts` (each borrowed), without repeats. */
function sortedNames(rt: Runtime, dicts: Ref[]): Ref {
  const seen = new Map<string, Ref>();
  const snaps: DictSnapshot[] = [];
  try {
    return namesList(rt, dicts, seen, snaps);
  } finally {
    for (const snap of snaps) dropSnapshot(rt, snap);
  }
}
/** sortedNames' body: the new list (a NEW reference); `snaps` collects the snapshots taken, for the caller
 *  to drop. */
function namesList(rt: Runtime, dicts: Ref[], seen: Map<string, Ref>, snaps: DictSnapshot[]): Ref {
  for (const d of dicts) {
    if (rt.containerLocks !== null) { // no-GIL: a consistent copy under the dict's lock (a walk spanning
      // another thread's resize could skip a name that was there all along)
      const snap = dictSnapshot(rt, d);
      snaps.push(snap); // (dropped once the names are counted into the result)
      for (const k of snap.keys) if (rt.isStr(k) && !seen.has(rt.strValue(k))) seen.set(rt.strValue(k), k);
      continue;
    }
    for (let p = dictNextPos(rt, d, -1); p >= 0; p = dictNextPos(rt, d, p)) {
      const k = dictEntryKey(rt, d, p);
      if (rt.isStr(k) && !seen.has(rt.strValue(k))) seen.set(rt.strValue(k), k);
    }
  }
  const names = [...seen.keys()].sort(compareCodePoints);
  return listSteal(rt, names.map((n) => {
    const k = seen.get(n)!;
    rt.incref(k);
    return k;
  }));
}

/** The dicts of a type and of every class on its MRO (borrowed). */
function mroDicts(rt: Runtime, type: Ref): Ref[] {
  const mro = rt.i32[(type + TP_MRO) >> 2]! as Ref;
  const types = mro === 0 ? [type] : tupleItems(rt, mro);
  const out: Ref[] = [];
  for (const t of types) {
    const d = rt.i32[(t + TP_DICT) >> 2]! as Ref;
    if (d !== 0) out.push(d);
  }
  return out;
}

defineBuiltin('dir', (rt, args, kwargs) => {
  checkArity(rt, 'dir', args, kwargs, 0, 1);
  if (args.length === 0) {
    const ns = currentLocals(rt);
    try {
      return sortedNames(rt, [ns]);
    } finally {
      rt.decref(ns);
    }
  }
  const obj = args[0]!;
  if (isHeapType(rt, rt.typeOf(obj))) {
    const custom = lookupSpecial(rt, obj, '__dir__', []);
    if (custom !== 0 && rt.kindOf(obj) !== Kind.TYPE) {
      // cf. CPython PyObject_Dir: sorted(list(obj.__dir__()))
      const list = listSteal(rt, (() => {
        try {
          return iterateToArray(rt, custom);
        } finally {
          rt.decref(custom);
        }
      })());
      const key = rt.newStr('sort');
      try {
        const sort = getAttr(rt, list, key);
        rt.decref(callObject(rt, sort, []));
        rt.decref(sort);
      } catch (e) {
        rt.decref(list);
        throw e;
      } finally {
        rt.decref(key);
      }
      return list;
    }
    if (custom !== 0) rt.decref(custom);
  }
  const k = rt.kindOf(obj);
  if (k === Kind.MODULE) return sortedNames(rt, [moduleDict(rt, obj)]);
  if (k === Kind.TYPE) return sortedNames(rt, mroDicts(rt, obj));
  const dicts: Ref[] = [];
  const key = rt.newStr('__dict__');
  let own: Ref | 0 = 0;
  try {
    own = catchingAttributeError(rt, () => getAttrOrNull(rt, obj, key)) ?? 0;
  } finally {
    rt.decref(key);
  }
  if (own !== 0 && rt.kindOf(own) === Kind.DICT) dicts.push(own);
  dicts.push(...mroDicts(rt, rt.typeOf(obj)));
  try {
    return sortedNames(rt, dicts);
  } finally {
    if (own !== 0) rt.decref(own);
  }
});

// ================= getattr, setattr, hasattr, delattr =================
function attrName(rt: Runtime, name: Ref): Ref {
  if (!rt.isStr(name)) rt.raise('TypeError', `attribute name must be string, not '${rt.typeNameOf(name)}'`);
  return name;
}

defineBuiltin('getattr', (rt, args, kwargs) => {
  checkArity(rt, 'getattr', args, kwargs, 2, 3);
  const name = attrName(rt, args[1]!);
  if (args.length === 2) return getAttr(rt, args[0]!, name);
  const v = catchingAttributeError(rt, () => getAttrOrNull(rt, args[0]!, name));
  if (v !== null && v !== 0) return v;
  rt.incref(args[2]!);
  return args[2]!;
});

defineBuiltin('setattr', (rt, args, kwargs) => {
  checkExactly(rt, 'setattr', args, kwargs, 3);
  setAttr(rt, args[0]!, attrName(rt, args[1]!), args[2]!);
  return rt.None;
});

defineBuiltin('delattr', (rt, args, kwargs) => {
  checkExactly(rt, 'delattr', args, kwargs, 2);
  delAttr(rt, args[0]!, attrName(rt, args[1]!));
  return rt.None;
});

defineBuiltin('hasattr', (rt, args, kwargs) => {
  checkExactly(rt, 'hasattr', args, kwargs, 2);
  const name = attrName(rt, args[1]!);
  const v = catchingAttributeError(rt, () => getAttrOrNull(rt, args[0]!, name));
  if (v === null || v === 0) return rt.False;
  rt.decref(v);
  return rt.True;
});

