/** The abstract object protocol (cf. CPython abstract.c and object.c): hashing, comparison, repr,
 *  truth, containers, iteration and operators for any object, dispatched through its kind's slots. */
import type { Ref } from '../heap/layout.js';
import { TP_FLAGS, TP_MODULE, TP_QUALNAME, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { BINOPS, CMPOPS, INPLACE_OFFSET } from '../isa/opcodes.js';
import { setKeyOps } from './dict.js';
import { Kind } from './kinds.js';
import { SLOTS, type BinarySlot, type TypeSlots } from './slots.js';

/** Hooks the type system fills in: Python-level dunder dispatch for user classes (INSTANCE kind and subclasses). */
export interface DunderHooks {
  /** Calls `type(obj).<name>(obj, *args)` if the type defines it (new reference), else returns 0. */
  callDunder(rt: Runtime, obj: Ref, name: string, args: Ref[]): Ref | 0;
  /** True if `type(obj)` defines `name` in Python code (not inherited from a built-in). */
  hasDunder(rt: Runtime, obj: Ref, name: string): boolean;
}
let dunders: DunderHooks = { callDunder: () => 0, hasDunder: () => false };
export function setDunderHooks(h: DunderHooks): void {
  dunders = h;
}

function slotsOf(rt: Runtime, r: Ref): TypeSlots {
  return SLOTS[rt.kindOf(r)]!;
}
/** True if `r` is an instance of a class defined in Python (a heap type). */
export function isHeapInstance(rt: Runtime, r: Ref): boolean {
  return (rt.i32[(rt.typeOf(r) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

// ================= hash and equality =================
/** The 32-bit hash the VM's dicts and sets use. */
export function hash(rt: Runtime, r: Ref): number {
  if (isHeapInstance(rt, r) && dunders.hasDunder(rt, r, '__hash__')) {
    const h = dunders.callDunder(rt, r, '__hash__', []);
    if (h !== 0) {
      if (!rt.isInstanceOfKind(h, Kind.INT)) {
        rt.decref(h);
        rt.raise('TypeError', '__hash__ method should return an integer');
      }
      const v = rt.intValue(h);
      rt.decref(h);
      return typeof v === 'number' ? foldHash(v) : Number(BigInt.asIntN(32, v));
    }
  }
  const f = slotsOf(rt, r).hash;
  if (f === undefined) rt.raise('TypeError', `unhashable type: '${rt.typeNameOf(r)}'`);
  return f(rt, r);
}

/** Folds a Python hash value (|v| < 2**61) to the 32 bits tables use (its low 32 bits). */
export function foldHash(v: number): number {
  if (v >= -0x80000000 && v <= 0x7fffffff) return v | 0;
  return Number(BigInt.asIntN(32, BigInt(v)));
}

/** `a == b` as a boolean (identity first, as containers do in CPython). */
export function eq(rt: Runtime, a: Ref, b: Ref): boolean {
  if (a === b) return true;
  const ka = rt.kindOf(a);
  if (ka === Kind.STR && rt.kindOf(b) === Kind.STR) {
    return rt.strLength(a) === rt.strLength(b) && rt.strValue(a) === rt.strValue(b);
  }
  const res = richCompare(rt, a, b, 2);
  const t = truthy(rt, res);
  rt.decref(res);
  return t;
}

setKeyOps({ hash, eq });

// ================= rich comparison =================
const SWAPPED = [4, 5, 2, 3, 0, 1]; // < <= == != > >=  reflected

/** `a <op> b` (op indexes CMPOPS); a new reference. */
export function richCompare(rt: Runtime, a: Ref, b: Ref, op: number): Ref {
  const ta = rt.typeOf(a);
  const tb = rt.typeOf(b);
  // A subclass's reflected method goes first (cf. do_richcompare).
  let checkedReverse = false;
  if (ta !== tb && rt.isSubtype(tb, ta) && isHeapInstance(rt, b)) {
    checkedReverse = true;
    const r = tryCompare(rt, b, a, SWAPPED[op]!);
    if (r !== 0) return r;
  }
  const r1 = tryCompare(rt, a, b, op);
  if (r1 !== 0) return r1;
  if (!checkedReverse) {
    const r2 = tryCompare(rt, b, a, SWAPPED[op]!);
    if (r2 !== 0) return r2;
  }
  if (op === 2) return rt.bool(a === b);
  if (op === 3) return rt.bool(a !== b);
  return rt.raise('TypeError',
    `'${CMPOPS[op]}' not supported between instances of '${rt.typeNameOf(a)}' and '${rt.typeNameOf(b)}'`);
}

const CMP_DUNDERS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function tryCompare(rt: Runtime, a: Ref, b: Ref, op: number): Ref | 0 {
  if (isHeapInstance(rt, a) && dunders.hasDunder(rt, a, CMP_DUNDERS[op]!)) {
    const r = dunders.callDunder(rt, a, CMP_DUNDERS[op]!, [b]);
    if (r !== 0 && r !== rt.NotImplemented) return r;
    if (r === rt.NotImplemented) return 0;
  }
  const f = slotsOf(rt, a).richcompare;
  return f === undefined ? 0 : f(rt, a, b, op);
}

// ================= repr, str =================
/** `repr(r)` as a JS string. */
export function repr(rt: Runtime, r: Ref): string {
  if (isHeapInstance(rt, r) && dunders.hasDunder(rt, r, '__repr__')) return strResult(rt, r, '__repr__');
  const f = slotsOf(rt, r).repr;
  if (f !== undefined) return f(rt, r);
  return defaultRepr(rt, r);
}
/** `str(r)` as a JS string. */
export function str(rt: Runtime, r: Ref): string {
  if (isHeapInstance(rt, r)) {
    if (dunders.hasDunder(rt, r, '__str__')) return strResult(rt, r, '__str__');
    if (dunders.hasDunder(rt, r, '__repr__')) return strResult(rt, r, '__repr__');
  }
  const s = slotsOf(rt, r);
  if (s.str !== undefined) return s.str(rt, r);
  return repr(rt, r);
}
function strResult(rt: Runtime, r: Ref, name: string): string {
  const res = dunders.callDunder(rt, r, name, []) as Ref;
  if (!rt.isStr(res)) {
    const tn = rt.typeNameOf(res);
    rt.decref(res);
    rt.raise('TypeError', `${name} returned non-string (type ${tn})`);
  }
  const s = rt.strValue(res);
  rt.decref(res);
  return s;
}
/** `<Type object at 0x...>`, as object.__repr__. */
export function defaultRepr(rt: Runtime, r: Ref): string {
  const t = rt.typeOf(r);
  const mod = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
  const qual = rt.i32[(t + TP_QUALNAME) >> 2]! as Ref;
  const name = qual === 0 ? rt.typeNameOf(r) : rt.strValue(qual);
  const m = mod === 0 ? 'builtins' : rt.strValue(mod);
  return `<${m === 'builtins' ? name : `${m}.${name}`} object at 0x${idOf(r).toString(16)}>`;
}

/** What `id()` returns for an object: a fixed base plus the heap offset, so ids look like CPython's. */
export const ID_BASE = 0x7f3a_0000_0000;
export function idOf(r: Ref): number {
  return ID_BASE + r;
}

// ================= truth, length =================
export function truthy(rt: Runtime, r: Ref): boolean {
  if (r === rt.True) return true;
  if (r === rt.False || r === rt.None) return false;
  if (isHeapInstance(rt, r)) {
    if (dunders.hasDunder(rt, r, '__bool__')) {
      const res = dunders.callDunder(rt, r, '__bool__', []) as Ref;
      if (rt.kindOf(res) !== Kind.BOOL) {
        const tn = rt.typeNameOf(res);
        rt.decref(res);
        rt.raise('TypeError', `__bool__ should return bool, returned ${tn}`);
      }
      return res === rt.True;
    }
    if (dunders.hasDunder(rt, r, '__len__')) return len(rt, r) !== 0;
  }
  const s = slotsOf(rt, r);
  if (s.bool !== undefined) return s.bool(rt, r);
  if (s.len !== undefined) return s.len(rt, r) !== 0;
  return true;
}

export function len(rt: Runtime, r: Ref): number {
  if (isHeapInstance(rt, r) && dunders.hasDunder(rt, r, '__len__')) {
    const res = dunders.callDunder(rt, r, '__len__', []) as Ref;
    const n = indexValue(rt, res);
    rt.decref(res);
    if (typeof n !== 'number' || n < 0) {
      rt.raise(n < 0 ? 'ValueError' : 'OverflowError', n < 0 ? '__len__() should return >= 0' : 'cannot fit \'int\' into an index-sized integer');
    }
    return n as number;
  }
  const f = slotsOf(rt, r).len;
  if (f === undefined) rt.raise('TypeError', `object of type '${rt.typeNameOf(r)}' has no len()`);
  return f(rt, r);
}

/** `operator.index(r)`: the int value of an int-like object, or TypeError. */
export function indexValue(rt: Runtime, r: Ref): number | bigint {
  const k = rt.kindOf(r);
  if (k === Kind.INT || k === Kind.BOOL) return rt.intValue(r);
  if (isHeapInstance(rt, r) && dunders.hasDunder(rt, r, '__index__')) {
    const res = dunders.callDunder(rt, r, '__index__', []) as Ref;
    const v = rt.intValue(res);
    rt.decref(res);
    return v;
  }
  const f = slotsOf(rt, r).index;
  if (f !== undefined && k !== Kind.FLOAT) return f(rt, r);
  return rt.raise('TypeError', `'${rt.typeNameOf(r)}' object cannot be interpreted as an integer`);
}

// ================= containers =================
export function getItem(rt: Runtime, obj: Ref, key: Ref): Ref {
  if (isHeapInstance(rt, obj) && dunders.hasDunder(rt, obj, '__getitem__')) {
    return dunders.callDunder(rt, obj, '__getitem__', [key]) as Ref;
  }
  const f = slotsOf(rt, obj).getitem;
  if (f === undefined) {
    if (rt.kindOf(obj) === Kind.TYPE) {
      const ci = dunders.callDunder(rt, obj, '__class_getitem__', [key]);
      if (ci !== 0) return ci;
      rt.raise('TypeError', `type '${rt.typeName(obj)}' is not subscriptable`);
    }
    rt.raise('TypeError', `'${rt.typeNameOf(obj)}' object is not subscriptable`);
  }
  return f(rt, obj, key);
}
export function setItem(rt: Runtime, obj: Ref, key: Ref, value: Ref): void {
  if (isHeapInstance(rt, obj) && dunders.hasDunder(rt, obj, '__setitem__')) {
    rt.decref(dunders.callDunder(rt, obj, '__setitem__', [key, value]) as Ref);
    return;
  }
  const f = slotsOf(rt, obj).setitem;
  if (f === undefined) rt.raise('TypeError', `'${rt.typeNameOf(obj)}' object does not support item assignment`);
  f(rt, obj, key, value);
}
export function delItem(rt: Runtime, obj: Ref, key: Ref): void {
  if (isHeapInstance(rt, obj) && dunders.hasDunder(rt, obj, '__delitem__')) {
    rt.decref(dunders.callDunder(rt, obj, '__delitem__', [key]) as Ref);
    return;
  }
  const f = slotsOf(rt, obj).delitem;
  if (f === undefined) rt.raise('TypeError', `'${rt.typeNameOf(obj)}' object doesn't support item deletion`);
  f(rt, obj, key);
}
export function contains(rt: Runtime, container: Ref, item: Ref): boolean {
  if (isHeapInstance(rt, container) && dunders.hasDunder(rt, container, '__contains__')) {
    const res = dunders.callDunder(rt, container, '__contains__', [item]) as Ref;
    const t = truthy(rt, res);
    rt.decref(res);
    return t;
  }
  const f = slotsOf(rt, container).contains;
  if (f !== undefined) return f(rt, container, item);
  // fall back to iteration (cf. PySequence_Contains)
  const it = getIter(rt, container, true);
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      const found = eq(rt, x, item);
      rt.decref(x);
      if (found) return true;
    }
    return false;
  } finally {
    rt.decref(it);
  }
}

// ================= iteration =================
/** `iter(obj)` (new reference). `forContains`: the message CPython gives for `in` on a non-iterable. */
export function getIter(rt: Runtime, obj: Ref, forContains = false): Ref {
  if (isHeapInstance(rt, obj)) {
    if (dunders.hasDunder(rt, obj, '__iter__')) {
      const it = dunders.callDunder(rt, obj, '__iter__', []) as Ref;
      if (!isIterator(rt, it)) {
        const tn = rt.typeNameOf(it);
        rt.decref(it);
        rt.raise('TypeError', `iter() returned non-iterator of type '${tn}'`);
      }
      return it;
    }
    if (dunders.hasDunder(rt, obj, '__getitem__')) return newSeqIterHook(rt, obj);
  }
  const f = slotsOf(rt, obj).iter;
  if (f === undefined) {
    rt.raise('TypeError', forContains ? `argument of type '${rt.typeNameOf(obj)}' is not iterable`
      : `'${rt.typeNameOf(obj)}' object is not iterable`);
  }
  return f(rt, obj);
}
/** Hook for iterating objects that only define __getitem__ (set by iterators.ts). */
export let newSeqIterHook: (rt: Runtime, obj: Ref) => Ref = (rt) => rt.raise('TypeError', 'not iterable');
export function setSeqIterHook(f: (rt: Runtime, obj: Ref) => Ref): void {
  newSeqIterHook = f;
}

export function isIterator(rt: Runtime, r: Ref): boolean {
  if (isHeapInstance(rt, r)) return dunders.hasDunder(rt, r, '__next__');
  return slotsOf(rt, r).next !== undefined;
}

/** `next(it)`: a new reference, or 0 when the iterator is exhausted. */
export function iterNext(rt: Runtime, it: Ref): Ref | 0 {
  const f = slotsOf(rt, it).next;
  if (f !== undefined && !isHeapInstance(rt, it)) return f(rt, it);
  if (isHeapInstance(rt, it) && dunders.hasDunder(rt, it, '__next__')) {
    return nextViaDunderHook(rt, it);
  }
  return rt.raise('TypeError', `'${rt.typeNameOf(it)}' object is not an iterator`);
}
/** Calls a class's __next__ on `it` (a heap instance): a new reference; its StopIteration propagates as
 *  raised, with its value (what next(it) does, cf. builtin_next). */
export function callNextDunder(rt: Runtime, it: Ref): Ref {
  return dunders.callDunder(rt, it, '__next__', []) as Ref;
}
/** Hook: calls __next__, turning StopIteration into 0 (set by the class machinery). */
export let nextViaDunderHook: (rt: Runtime, it: Ref) => Ref | 0 = () => 0;
export function setNextViaDunderHook(f: (rt: Runtime, it: Ref) => Ref | 0): void {
  nextViaDunderHook = f;
}

/** Collects an iterable's items as new references. */
export function iterateToArray(rt: Runtime, iterable: Ref): Ref[] {
  const it = getIter(rt, iterable);
  const out: Ref[] = [];
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) out.push(x);
  } catch (e) {
    for (const x of out) rt.decref(x);
    throw e;
  } finally {
    rt.decref(it);
  }
  return out;
}

// ================= operators =================
const BINOP_SLOT: (keyof TypeSlots)[] = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow',
  'rshift', 'sub', 'truediv', 'xor'];
const BINOP_DUNDER = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub',
  'truediv', 'xor'];
const INPLACE_SLOT: Partial<Record<number, keyof TypeSlots>> = { 0: 'iadd', 5: 'imul', 7: 'ior', 1: 'iand', 12: 'ixor', 10: 'isub' };

/** `a <op> b` for BINARY_OP's argument (in-place forms included); a new reference. */
export function binaryOp(rt: Runtime, op: number, a: Ref, b: Ref): Ref {
  const inplace = op >= INPLACE_OFFSET;
  const base = inplace ? op - INPLACE_OFFSET : op;
  if (inplace) {
    if (isHeapInstance(rt, a)) {
      const name = `__i${BINOP_DUNDER[base]}__`;
      if (dunders.hasDunder(rt, a, name)) {
        const r = dunders.callDunder(rt, a, name, [b]);
        if (r !== 0 && r !== rt.NotImplemented) return r;
      }
    }
    const islot = INPLACE_SLOT[base];
    if (islot !== undefined) {
      const f = slotsOf(rt, a)[islot] as BinarySlot | undefined;
      if (f !== undefined) {
        const r = f(rt, a, b);
        if (r !== 0) return r;
      }
    }
  }
  const r = binaryOp1(rt, base, a, b);
  if (r !== 0) return r;
  const sym = BINOPS[base]!;
  if (base === 0 && rt.kindOf(a) === Kind.STR) {
    return rt.raise('TypeError', `can only concatenate str (not "${rt.typeNameOf(b)}") to str`);
  }
  if (base === 0 && rt.kindOf(a) === Kind.LIST) {
    return rt.raise('TypeError', `can only concatenate list (not "${rt.typeNameOf(b)}") to list`);
  }
  if (base === 0 && rt.kindOf(a) === Kind.TUPLE) {
    return rt.raise('TypeError', `can only concatenate tuple (not "${rt.typeNameOf(b)}") to tuple`);
  }
  const opText = inplace ? `${sym}=` : sym === '**' ? '** or pow()' : sym;
  return rt.raise('TypeError',
    `unsupported operand type(s) for ${opText}: '${rt.typeNameOf(a)}' and '${rt.typeNameOf(b)}'`);
}

/** CPython's binary_op1: left's slot, then right's reflected (a subclass of left first). */
function binaryOp1(rt: Runtime, op: number, a: Ref, b: Ref): Ref | 0 {
  const name = BINOP_DUNDER[op]!;
  const ta = rt.typeOf(a);
  const tb = rt.typeOf(b);
  const aUser = isHeapInstance(rt, a);
  const bUser = isHeapInstance(rt, b);
  const slot = BINOP_SLOT[op]!;
  const fa = slotsOf(rt, a)[slot] as BinarySlot | undefined;
  const fb = ta !== tb ? (slotsOf(rt, b)[slot] as BinarySlot | undefined) : undefined;
  if (ta !== tb && bUser && rt.isSubtype(tb, ta) && dunders.hasDunder(rt, b, `__r${name}__`)) {
    const r = dunders.callDunder(rt, b, `__r${name}__`, [a]);
    if (r !== 0 && r !== rt.NotImplemented) return r;
  }
  if (aUser && dunders.hasDunder(rt, a, `__${name}__`)) {
    const r = dunders.callDunder(rt, a, `__${name}__`, [b]);
    if (r !== 0 && r !== rt.NotImplemented) return r;
  } else if (fa !== undefined) {
    const r = fa(rt, a, b);
    if (r !== 0) return r;
  }
  if (ta !== tb) {
    if (bUser && dunders.hasDunder(rt, b, `__r${name}__`)) {
      const r = dunders.callDunder(rt, b, `__r${name}__`, [a]);
      if (r !== 0 && r !== rt.NotImplemented) return r;
    } else if (fb !== undefined) {
      const r = fb(rt, a, b);
      if (r !== 0) return r;
    }
  }
  return 0;
}

const UNARY_DUNDER = { neg: '__neg__', pos: '__pos__', invert: '__invert__', abs: '__abs__' } as const;
const UNARY_SYMBOL = { neg: 'unary -', pos: 'unary +', invert: 'unary ~', abs: 'abs()' } as const;

export function unaryOp(rt: Runtime, which: 'neg' | 'pos' | 'invert' | 'abs', a: Ref): Ref {
  if (isHeapInstance(rt, a) && dunders.hasDunder(rt, a, UNARY_DUNDER[which])) {
    return dunders.callDunder(rt, a, UNARY_DUNDER[which], []) as Ref;
  }
  const f = slotsOf(rt, a)[which];
  if (f === undefined) {
    return rt.raise('TypeError', `bad operand type for ${UNARY_SYMBOL[which]}: '${rt.typeNameOf(a)}'`);
  }
  return f(rt, a);
}
