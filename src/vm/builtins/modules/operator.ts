/** The `operator` module: the function forms of the operators, and itemgetter / attrgetter /
 *  methodcaller (cf. CPython Modules/_operator.c). Every function goes through the generic protocols. */
import type { Ref } from '../../heap/layout.js';
import { PyRaise, type Runtime } from '../../runtime.js';
import { callObject } from '../../interp/call.js';
import { INPLACE_OFFSET } from '../../isa/opcodes.js';
import { getAttr, getAttrOrNull } from '../../objects/attrs.js';
import { dictItems, dictSet, newDict } from '../../objects/dict.js';
import { excMatches } from '../../objects/exceptions.js';
import { SeqFlavor, SI_FLAVOR, SI_INDEX, SI_SEQ } from '../../objects/iterators.js';
import { Kind } from '../../objects/kinds.js';
import { RI_LEFT, RI_LEFT_REF, RI_MODE } from '../../objects/range.js';
import { listSize, listSteal } from '../../objects/list.js';
import { setGlobal } from '../../objects/module.js';
import { defineNativeClass, getRef, installNativeTypes, newNative, type Kwargs } from '../../objects/native-object.js';
import {
  binaryOp, contains, delItem, eq, getItem, getIter, indexValue, iterNext, len, repr, richCompare, setItem, truthy,
  unaryOp,
} from '../../objects/protocols.js';
import { tupleFrom, tupleItem, tupleItems, tupleSize, tupleSteal } from '../../objects/tuple.js';
import { typeLookup } from '../../objects/type.js';
import { checkArity } from '../args.js';
import { defineModule, defineModuleFunction } from '../registry.js';
import type { NativeImpl } from '../../objects/native.js';

const MOD = 'operator';

/** Defines `name` and, where CPython has one, its dunder alias (`__add__`). */
function def(name: string, impl: NativeImpl, dunder: string | null = name.replace(/_$/, '')): void {
  defineModuleFunction(MOD, name, impl);
  if (dunder !== null) defineModuleFunction(MOD, `__${dunder}__`, impl);
}
function noKw(rt: Runtime, name: string, kwargs: Kwargs): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `_operator.${name}() takes no keyword arguments`);
}
/** Arguments of a fixed-arity function: `add expected 2 arguments, got 1`. */
function nArgs(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs, n: number): void {
  noKw(rt, name, kwargs);
  if (args.length !== n) rt.raise('TypeError', `${name} expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}
/** One-argument functions: `_operator.neg() takes exactly one argument (0 given)`. */
function oneArg(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs): Ref {
  noKw(rt, name, kwargs);
  checkArity(rt, `_operator.${name}`, args, null, 1, 1);
  return args[0]!;
}

// ================= arithmetic and bitwise =================
const BINARY: [string, number][] = [['add', 0], ['and_', 1], ['floordiv', 2], ['lshift', 3], ['matmul', 4], ['mul', 5],
  ['mod', 6], ['or_', 7], ['pow', 8], ['rshift', 9], ['sub', 10], ['truediv', 11], ['xor', 12]];
for (const [name, op] of BINARY) {
  def(name, (rt, args, kwargs) => {
    nArgs(rt, name, args, kwargs, 2);
    return binaryOp(rt, op, args[0]!, args[1]!);
  });
}
for (const [name, op] of BINARY) {
  const iname = `i${name.replace(/_$/, '')}`;
  def(iname, (rt, args, kwargs) => {
    nArgs(rt, iname, args, kwargs, 2);
    return binaryOp(rt, op + INPLACE_OFFSET, args[0]!, args[1]!);
  });
}
for (const [name, which] of [['neg', 'neg'], ['pos', 'pos'], ['abs', 'abs'], ['invert', 'invert'], ['inv', 'invert']] as const) {
  def(name, (rt, args, kwargs) => unaryOp(rt, which, oneArg(rt, name, args, kwargs)));
}
def('index', (rt, args, kwargs) => rt.newInt(indexValue(rt, oneArg(rt, 'index', args, kwargs))));
def('not_', (rt, args, kwargs) => rt.bool(!truthy(rt, oneArg(rt, 'not_', args, kwargs))));
def('truth', (rt, args, kwargs) => rt.bool(truthy(rt, oneArg(rt, 'truth', args, kwargs))), null);

// ================= comparisons and identity =================
for (const [name, op] of [['lt', 0], ['le', 1], ['eq', 2], ['ne', 3], ['gt', 4], ['ge', 5]] as const) {
  def(name, (rt, args, kwargs) => {
    nArgs(rt, name, args, kwargs, 2);
    return richCompare(rt, args[0]!, args[1]!, op);
  });
}
def('is_', (rt, args, kwargs) => {
  nArgs(rt, 'is_', args, kwargs, 2);
  return rt.bool(args[0] === args[1]);
}, null);
def('is_not', (rt, args, kwargs) => {
  nArgs(rt, 'is_not', args, kwargs, 2);
  return rt.bool(args[0] !== args[1]);
}, null);

// ================= sequences =================
def('contains', (rt, args, kwargs) => {
  nArgs(rt, 'contains', args, kwargs, 2);
  return rt.bool(contains(rt, args[0]!, args[1]!));
});
def('getitem', (rt, args, kwargs) => {
  nArgs(rt, 'getitem', args, kwargs, 2);
  return getItem(rt, args[0]!, args[1]!);
});
def('setitem', (rt, args, kwargs) => {
  nArgs(rt, 'setitem', args, kwargs, 3);
  setItem(rt, args[0]!, args[1]!, args[2]!);
  return rt.None;
});
def('delitem', (rt, args, kwargs) => {
  nArgs(rt, 'delitem', args, kwargs, 2);
  delItem(rt, args[0]!, args[1]!);
  return rt.None;
});

/** PySequence_Check: built-in sequences and objects whose type has __getitem__ (dicts excepted). */
function isSequence(rt: Runtime, r: Ref): boolean {
  switch (rt.kindOf(r)) {
    case Kind.STR: case Kind.TUPLE: case Kind.LIST: case Kind.BYTES: case Kind.BYTEARRAY: case Kind.RANGE: return true;
    case Kind.DICT: return false;
    default: {
      const name = rt.newStr('__getitem__');
      try {
        return typeLookup(rt, rt.typeOf(r), name) !== 0;
      } finally {
        rt.decref(name);
      }
    }
  }
}
for (const [name, op] of [['concat', 0], ['iconcat', INPLACE_OFFSET]] as const) {
  def(name, (rt, args, kwargs) => {
    nArgs(rt, name, args, kwargs, 2);
    if (!isSequence(rt, args[0]!)) rt.raise('TypeError', `'${rt.typeNameOf(args[0]!)}' object can't be concatenated`);
    return binaryOp(rt, op, args[0]!, args[1]!);
  });
}

/** Walks `seq` until an item equal to `x`; returns its index (or -1) and how many were equal. */
function scan(rt: Runtime, seq: Ref, x: Ref, stopAtFirst: boolean): { index: number; count: number } {
  const it = getIter(rt, seq, true); // CPython: "argument of type 'int' is not iterable"
  let i = 0;
  let count = 0;
  try {
    for (let y = iterNext(rt, it); y !== 0; y = iterNext(rt, it), i++) {
      let same: boolean;
      try {
        same = eq(rt, y, x);
      } finally {
        rt.decref(y);
      }
      if (same) {
        count++;
        if (stopAtFirst) return { index: i, count };
      }
    }
  } finally {
    rt.decref(it);
  }
  return { index: -1, count };
}
def('countOf', (rt, args, kwargs) => {
  nArgs(rt, 'countOf', args, kwargs, 2);
  return rt.newInt(scan(rt, args[0]!, args[1]!, false).count);
}, null);
def('indexOf', (rt, args, kwargs) => {
  nArgs(rt, 'indexOf', args, kwargs, 2);
  const { index } = scan(rt, args[0]!, args[1]!, true);
  if (index < 0) rt.raise('ValueError', 'sequence.index(x): x not in sequence');
  return rt.newInt(index);
}, null);

/** Runs `f`; a TypeError it raises becomes `null`. */
function unlessTypeError<T>(rt: Runtime, f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRaise && excMatches(rt, e.exc, 'TypeError')) {
      rt.decref(e.exc);
      return null;
    }
    throw e;
  }
}

defineModuleFunction(MOD, 'length_hint', (rt, args, kwargs) => {
  // cf. CPython PyObject_LengthHint
  noKw(rt, 'length_hint', kwargs);
  checkArity(rt, 'length_hint', args, null, 1, 2);
  const obj = args[0]!;
  let dflt = 0;
  if (args.length === 2) {
    if (!rt.isInstanceOfKind(args[1]!, Kind.INT)) {
      rt.raise('TypeError', `'${rt.typeNameOf(args[1]!)}' object cannot be interpreted as an integer`);
    }
    dflt = Number(rt.intValue(args[1]!));
  }
  const n = unlessTypeError(rt, () => len(rt, obj));
  if (n !== null) return rt.newInt(n);
  if (rt.kindOf(obj) === Kind.SEQ_ITER) {
    // list and tuple iterators answer __length_hint__ in CPython
    const seq = rt.i32[(obj + SI_SEQ) >> 2]! as Ref;
    const flavor = rt.i32[(obj + SI_FLAVOR) >> 2]!;
    if (seq === 0) return rt.newInt(0);
    if (flavor === SeqFlavor.LIST || flavor === SeqFlavor.TUPLE) {
      const size = flavor === SeqFlavor.LIST ? listSize(rt, seq) : tupleSize(rt, seq);
      return rt.newInt(Math.max(0, size - rt.f64[(obj + SI_INDEX) >> 3]!));
    }
  }
  if (rt.kindOf(obj) === Kind.RANGE_ITER) {
    // range_iterator.__length_hint__: the count left (a float64 in compact mode, else an int object)
    if (rt.i32[(obj + RI_MODE) >> 2] === 0) return rt.newInt(rt.f64[(obj + RI_LEFT) >> 3]!);
    const left = rt.i32[(obj + RI_LEFT_REF) >> 2]! as Ref;
    rt.incref(left);
    return left;
  }
  const name = rt.newStr('__length_hint__');
  let hint: Ref | 0;
  try {
    hint = typeLookup(rt, rt.typeOf(obj), name) === 0 ? 0 : getAttrOrNull(rt, obj, name);
  } finally {
    rt.decref(name);
  }
  if (hint === 0) return rt.newInt(dflt);
  let res: Ref;
  try {
    res = callObject(rt, hint, []);
  } finally {
    rt.decref(hint);
  }
  if (res === rt.NotImplemented) return rt.newInt(dflt);
  if (!rt.isInstanceOfKind(res, Kind.INT)) {
    const tn = rt.typeNameOf(res);
    rt.decref(res);
    rt.raise('TypeError', `__length_hint__ must be an integer, not ${tn}`);
  }
  if (rt.intValue(res) < 0) {
    rt.decref(res);
    rt.raise('ValueError', '__length_hint__() should return >= 0');
  }
  return res;
});

defineModuleFunction(MOD, 'call', (rt, args, kwargs) => {
  if (args.length < 1) rt.raise('TypeError', `call expected at least 1 argument, got ${args.length}`);
  return callObject(rt, args[0]!, args.slice(1), kwargs);
});
defineModuleFunction(MOD, '__call__', (rt, args, kwargs) => {
  if (args.length < 1) rt.raise('TypeError', `call expected at least 1 argument, got ${args.length}`);
  return callObject(rt, args[0]!, args.slice(1), kwargs);
});

// ================= itemgetter, attrgetter, methodcaller =================
function getterCallArgs(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs): Ref {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length !== 1) rt.raise('TypeError', `${name} expected 1 argument, got ${args.length}`);
  return args[0]!;
}
function getterCtorArgs(rt: Runtime, name: string, args: Ref[], kwargs: Kwargs): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length < 1) rt.raise('TypeError', `${name} expected 1 argument, got 0`);
}
/** Applies `f` to each of `keys`: the one result, or a tuple of them (new reference). */
function each(rt: Runtime, keys: Ref, f: (k: Ref) => Ref): Ref {
  const n = tupleSize(rt, keys);
  if (n === 1) return f(tupleItem(rt, keys, 0));
  const out: Ref[] = [];
  try {
    for (let i = 0; i < n; i++) out.push(f(tupleItem(rt, keys, i)));
  } catch (e) {
    for (const x of out) rt.decref(x);
    throw e;
  }
  return tupleSteal(rt, out);
}

/** refs: a tuple of the items. */
const ITEMGETTER = defineNativeClass({
  module: MOD, name: 'itemgetter', refs: 1,
  construct(rt, _type, args, kwargs) {
    getterCtorArgs(rt, 'itemgetter', args, kwargs);
    return newNative(rt, ITEMGETTER, [tupleFrom(rt, args)]);
  },
  repr(rt, r) {
    return `operator.itemgetter(${tupleItems(rt, getRef(rt, r, 0) as Ref).map((x) => repr(rt, x)).join(', ')})`;
  },
  call(rt, r, args, kwargs) {
    const obj = getterCallArgs(rt, 'itemgetter', args, kwargs);
    return each(rt, getRef(rt, r, 0) as Ref, (k) => getItem(rt, obj, k));
  },
});

/** refs: a tuple of the attribute names (strs, possibly dotted). */
const ATTRGETTER = defineNativeClass({
  module: MOD, name: 'attrgetter', refs: 1,
  construct(rt, _type, args, kwargs) {
    getterCtorArgs(rt, 'attrgetter', args, kwargs);
    for (const a of args) if (!rt.isInstanceOfKind(a, Kind.STR)) rt.raise('TypeError', 'attribute name must be a string');
    return newNative(rt, ATTRGETTER, [tupleFrom(rt, args)]);
  },
  repr(rt, r) {
    return `operator.attrgetter(${tupleItems(rt, getRef(rt, r, 0) as Ref).map((x) => repr(rt, x)).join(', ')})`;
  },
  call(rt, r, args, kwargs) {
    const obj = getterCallArgs(rt, 'attrgetter', args, kwargs);
    return each(rt, getRef(rt, r, 0) as Ref, (k) => {
      let cur = obj;
      rt.incref(cur);
      for (const part of rt.strValue(k).split('.')) {
        const name = rt.newStr(part);
        try {
          const next = getAttr(rt, cur, name);
          rt.decref(cur);
          cur = next;
        } catch (e) {
          rt.decref(cur);
          throw e;
        } finally {
          rt.decref(name);
        }
      }
      return cur;
    });
  },
});

/** refs: the method name, a tuple of the arguments, a dict of the keyword arguments. */
const METHODCALLER = defineNativeClass({
  module: MOD, name: 'methodcaller', refs: 3,
  construct(rt, _type, args, kwargs) {
    if (args.length < 1) rt.raise('TypeError', 'methodcaller needs at least one argument, the method name');
    if (!rt.isInstanceOfKind(args[0]!, Kind.STR)) rt.raise('TypeError', 'method name must be a string');
    const kw = newDict(rt);
    for (const [k, v] of kwargs ?? []) {
      const key = rt.newStr(k);
      dictSet(rt, kw, key, v);
      rt.decref(key);
    }
    rt.incref(args[0]!);
    return newNative(rt, METHODCALLER, [args[0]!, tupleFrom(rt, args.slice(1)), kw]);
  },
  repr(rt, r) {
    const parts = [repr(rt, getRef(rt, r, 0) as Ref)];
    for (const x of tupleItems(rt, getRef(rt, r, 1) as Ref)) parts.push(repr(rt, x));
    for (const [k, v] of dictItems(rt, getRef(rt, r, 2) as Ref)) parts.push(`${rt.strValue(k)}=${repr(rt, v)}`);
    return `operator.methodcaller(${parts.join(', ')})`;
  },
  call(rt, r, args, kwargs) {
    const obj = getterCallArgs(rt, 'methodcaller', args, kwargs);
    const meth = getAttr(rt, obj, getRef(rt, r, 0) as Ref);
    try {
      const kw = new Map<string, Ref>();
      for (const [k, v] of dictItems(rt, getRef(rt, r, 2) as Ref)) kw.set(rt.strValue(k), v);
      return callObject(rt, meth, tupleItems(rt, getRef(rt, r, 1) as Ref), kw.size > 0 ? kw : null);
    } finally {
      rt.decref(meth);
    }
  },
});

defineModule(MOD, (rt, dict) => {
  installNativeTypes(rt, MOD, dict);
  const names = dictItems(rt, dict).map(([k]) => rt.strValue(k)).filter((k) => !k.startsWith('_')).sort();
  const all = listSteal(rt, names.map((n) => rt.newStr(n)));
  setGlobal(rt, dict, '__all__', all);
  rt.decref(all);
});
