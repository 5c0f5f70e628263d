/** Behaviour of functions, bound methods, cells and built-in functions: reprs, attributes, dealloc. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { CO_FILENAME, CO_NAME, CO_QUALNAME, decodeCode } from './code.js';
import { dictSet, newDict } from './dict.js';
import {
  CELL_REF, FN_ANNOTATIONS, FN_CLOSURE, FN_CODE, FN_DEFAULTS, FN_DICT, FN_DOC, FN_GLOBALS, FN_KWDEFAULTS, FN_MODULE,
  FN_NAME, FN_QUALNAME, FN_REF_FIELDS, METHOD_FUNC, METHOD_SELF,
} from './function.js';
import { Kind } from './kinds.js';
import { BF_MODULE, BF_NAME, BF_SELF, builtinNative } from './native.js';
import { defaultRepr, idOf, repr } from './protocols.js';
import { defineSlots } from './slots.js';
import { defineGetter } from './type.js';

const hex = (r: Ref): string => `0x${idOf(r).toString(16)}`;

defineSlots(Kind.FUNCTION, {
  dealloc(rt, f) {
    for (const off of FN_REF_FIELDS) rt.xdecref(rt.i32[(f + off) >> 2]! as Ref);
  },
  repr(rt, f) {
    return `<function ${rt.strValue(rt.i32[(f + FN_QUALNAME) >> 2]! as Ref)} at ${hex(f)}>`;
  },
  hash: (_rt, r) => (r >> 4) | 0,
});

/** A getter returning a function field (None where it is unset). */
function fieldGetter(off: number) {
  return (rt: Runtime, _a: Ref[], _k: Map<string, Ref> | null, self: Ref): Ref => {
    const v = rt.i32[(self + off) >> 2]! as Ref;
    const r = v === 0 ? rt.None : v;
    rt.incref(r);
    return r;
  };
}
/** A setter storing its value in a function field; `check` rejects values of the wrong type (cf. CPython
 *  funcobject.c func_set_name, func_set_qualname; __doc__ and __module__ take anything). */
function fieldSetter(off: number, check?: (rt: Runtime, v: Ref) => void) {
  return (rt: Runtime, args: Ref[], _k: Map<string, Ref> | null, self: Ref): Ref => {
    const v = args[0]!;
    check?.(rt, v);
    rt.incref(v);
    const old = rt.i32[(self + off) >> 2]! as Ref;
    rt.i32[(self + off) >> 2] = v;
    rt.xdecref(old);
    return rt.None;
  };
}
const mustBeStr = (attr: string) => (rt: Runtime, v: Ref): void => {
  if (rt.kindOf(v) !== Kind.STR) rt.raise('TypeError', `${attr} must be set to a string object`);
};
defineGetter(Kind.FUNCTION, 'function', '__name__', fieldGetter(FN_NAME), fieldSetter(FN_NAME, mustBeStr('__name__')));
defineGetter(Kind.FUNCTION, 'function', '__qualname__', fieldGetter(FN_QUALNAME),
  fieldSetter(FN_QUALNAME, mustBeStr('__qualname__')));
defineGetter(Kind.FUNCTION, 'function', '__doc__', fieldGetter(FN_DOC), fieldSetter(FN_DOC));
defineGetter(Kind.FUNCTION, 'function', '__module__', fieldGetter(FN_MODULE), fieldSetter(FN_MODULE));
defineGetter(Kind.FUNCTION, 'function', '__code__', fieldGetter(FN_CODE));
defineGetter(Kind.FUNCTION, 'function', '__globals__', fieldGetter(FN_GLOBALS));
defineGetter(Kind.FUNCTION, 'function', '__defaults__', fieldGetter(FN_DEFAULTS));
defineGetter(Kind.FUNCTION, 'function', '__kwdefaults__', fieldGetter(FN_KWDEFAULTS));
defineGetter(Kind.FUNCTION, 'function', '__closure__', fieldGetter(FN_CLOSURE));
defineGetter(Kind.FUNCTION, 'function', '__annotations__', (rt, _a, _k, self) => {
  let d = rt.i32[(self + FN_ANNOTATIONS) >> 2]! as Ref;
  if (d === 0) {
    d = newDict(rt);
    rt.i32[(self + FN_ANNOTATIONS) >> 2] = d;
  }
  rt.incref(d);
  return d;
}, fieldSetter(FN_ANNOTATIONS, (rt, v) => {
  if (rt.kindOf(v) !== Kind.DICT) rt.raise('TypeError', '__annotations__ must be set to a dict object');
}));
defineGetter(Kind.FUNCTION, 'function', '__dict__', (rt, _a, _k, self) => {
  let d = rt.i32[(self + FN_DICT) >> 2]! as Ref;
  if (d === 0) {
    d = newDict(rt);
    rt.i32[(self + FN_DICT) >> 2] = d;
  }
  rt.incref(d);
  return d;
}, fieldSetter(FN_DICT, (rt, v) => {
  if (rt.kindOf(v) !== Kind.DICT) rt.raise('TypeError', `__dict__ must be set to a dictionary, not a '${rt.typeNameOf(v)}'`);
}));

defineSlots(Kind.METHOD, {
  dealloc(rt, m) {
    rt.decref(rt.i32[(m + METHOD_FUNC) >> 2]! as Ref);
    rt.decref(rt.i32[(m + METHOD_SELF) >> 2]! as Ref);
  },
  repr(rt, m) {
    const f = rt.i32[(m + METHOD_FUNC) >> 2]! as Ref;
    const self = rt.i32[(m + METHOD_SELF) >> 2]! as Ref;
    const name = rt.kindOf(f) === Kind.FUNCTION ? rt.strValue(rt.i32[(f + FN_QUALNAME) >> 2]! as Ref) : '?';
    return `<bound method ${name} of ${repr(rt, self)}>`;
  },
  richcompare(rt, a, b, op) {
    if ((op !== 2 && op !== 3) || rt.kindOf(b) !== Kind.METHOD) return 0;
    const same = rt.i32[(a + METHOD_FUNC) >> 2] === rt.i32[(b + METHOD_FUNC) >> 2]
      && rt.i32[(a + METHOD_SELF) >> 2] === rt.i32[(b + METHOD_SELF) >> 2];
    return rt.bool(op === 2 ? same : !same);
  },
  hash: (rt, m) => ((rt.i32[(m + METHOD_FUNC) >> 2]! ^ rt.i32[(m + METHOD_SELF) >> 2]!) >> 4) | 0,
});
defineGetter(Kind.METHOD, 'method', '__self__', fieldGetter(METHOD_SELF));
defineGetter(Kind.METHOD, 'method', '__func__', fieldGetter(METHOD_FUNC));
defineGetter(Kind.METHOD, 'method', '__name__', (rt, _a, _k, self) => {
  const f = rt.i32[(self + METHOD_FUNC) >> 2]! as Ref;
  const n = rt.kindOf(f) === Kind.FUNCTION ? rt.i32[(f + FN_NAME) >> 2]! as Ref : rt.None;
  rt.incref(n);
  return n;
});

defineSlots(Kind.CELL, {
  dealloc(rt, c) {
    rt.xdecref(rt.i32[(c + CELL_REF) >> 2]! as Ref);
  },
  repr(rt, c) {
    const v = rt.i32[(c + CELL_REF) >> 2]! as Ref;
    return v === 0 ? `<cell at ${hex(c)}: empty>` : `<cell at ${hex(c)}: ${rt.typeNameOf(v)} object at ${hex(v)}>`;
  },
});
defineGetter(Kind.CELL, 'cell', 'cell_contents', (rt, _a, _k, self) => {
  const v = rt.i32[(self + CELL_REF) >> 2]! as Ref;
  if (v === 0) rt.raise('ValueError', 'Cell is empty');
  rt.incref(v);
  return v;
});

defineSlots(Kind.BUILTIN_FUNCTION, {
  dealloc(rt, b) {
    rt.xdecref(rt.i32[(b + BF_SELF) >> 2]! as Ref);
    rt.xdecref(rt.i32[(b + BF_NAME) >> 2]! as Ref);
    rt.xdecref(rt.i32[(b + BF_MODULE) >> 2]! as Ref);
  },
  repr(rt, b) {
    const self = rt.i32[(b + BF_SELF) >> 2]! as Ref;
    const name = builtinNative(rt, b).name;
    if (self === 0 || rt.kindOf(self) === Kind.MODULE) return `<built-in function ${name}>`;
    if (rt.kindOf(self) === Kind.TYPE) return `<built-in method ${name} of type object at ${hex(self)}>`;
    return `<built-in method ${name} of ${rt.typeNameOf(self)} object at ${hex(self)}>`;
  },
  hash: (_rt, r) => (r >> 4) | 0,
});
defineGetter(Kind.BUILTIN_FUNCTION, 'builtin_function_or_method', '__name__', fieldGetter(BF_NAME));
defineGetter(Kind.BUILTIN_FUNCTION, 'builtin_function_or_method', '__self__', fieldGetter(BF_SELF));
/** The name of the module a module-level builtin belongs to (None for a method of a type). */
defineGetter(Kind.BUILTIN_FUNCTION, 'builtin_function_or_method', '__module__', fieldGetter(BF_MODULE));
defineGetter(Kind.BUILTIN_FUNCTION, 'builtin_function_or_method', '__qualname__', fieldGetter(BF_NAME));

// the code object's own strs, as CPython's getters return them (`f.__code__.co_name is f.__name__`)
defineGetter(Kind.CODE, 'code', 'co_name', fieldGetter(CO_NAME));
defineGetter(Kind.CODE, 'code', 'co_qualname', fieldGetter(CO_QUALNAME));
defineGetter(Kind.CODE, 'code', 'co_filename', fieldGetter(CO_FILENAME));
defineGetter(Kind.CODE, 'code', 'co_argcount', (rt, _a, _k, self) => rt.newInt(decodeCode(rt, self).argcount));
defineGetter(Kind.CODE, 'code', 'co_firstlineno', (rt, _a, _k, self) => rt.newInt(decodeCode(rt, self).firstlineno));
defineGetter(Kind.CODE, 'code', 'co_flags', (rt, _a, _k, self) => rt.newInt(decodeCode(rt, self).flags));
defineGetter(Kind.CODE, 'code', 'co_varnames', fieldGetter(92));
defineGetter(Kind.CODE, 'code', 'co_names', fieldGetter(52));
defineGetter(Kind.CODE, 'code', 'co_consts', fieldGetter(48));
defineGetter(Kind.CODE, 'code', 'co_cellvars', fieldGetter(96));
defineGetter(Kind.CODE, 'code', 'co_freevars', fieldGetter(100));

export { defaultRepr, dictSet };
