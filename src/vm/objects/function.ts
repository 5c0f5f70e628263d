/** Python functions, cells and bound methods. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';

/** function: code, globals, builtins, name, qualname, defaults (tuple or 0), kwdefaults (dict or 0),
 *  closure (tuple of cells or 0), doc, module (name), __dict__ (or 0), annotations (dict or 0). */
export const FN_CODE = GC_HEADER_END;
export const FN_GLOBALS = FN_CODE + 4;
export const FN_BUILTINS = FN_CODE + 8;
export const FN_NAME = FN_CODE + 12;
export const FN_QUALNAME = FN_CODE + 16;
export const FN_DEFAULTS = FN_CODE + 20;
export const FN_KWDEFAULTS = FN_CODE + 24;
export const FN_CLOSURE = FN_CODE + 28;
export const FN_DOC = FN_CODE + 32;
export const FN_MODULE = FN_CODE + 36;
export const FN_DICT = FN_CODE + 40;
export const FN_ANNOTATIONS = FN_CODE + 44;
const FN_BYTES = FN_CODE + 48;

/** Every reference field of a function, for dealloc and the cycle collector. */
export const FN_REF_FIELDS = [FN_CODE, FN_GLOBALS, FN_BUILTINS, FN_NAME, FN_QUALNAME, FN_DEFAULTS, FN_KWDEFAULTS,
  FN_CLOSURE, FN_DOC, FN_MODULE, FN_DICT, FN_ANNOTATIONS];

/** A new function; every argument is borrowed (the function takes its own references). 0 for absent. */
export function newFunction(rt: Runtime, fields: {
  code: Ref; globals: Ref; builtins: Ref; name: Ref; qualname: Ref; defaults?: Ref; kwdefaults?: Ref;
  closure?: Ref; doc: Ref; module: Ref; annotations?: Ref;
}): Ref {
  const f = rt.allocKind(Kind.FUNCTION, FN_BYTES);
  const set = (off: number, r: Ref | undefined): void => {
    if (r !== undefined && r !== 0) {
      rt.incref(r);
      rt.i32[(f + off) >> 2] = r;
    }
  };
  set(FN_CODE, fields.code);
  set(FN_GLOBALS, fields.globals);
  set(FN_BUILTINS, fields.builtins);
  set(FN_NAME, fields.name);
  set(FN_QUALNAME, fields.qualname);
  set(FN_DEFAULTS, fields.defaults);
  set(FN_KWDEFAULTS, fields.kwdefaults);
  set(FN_CLOSURE, fields.closure);
  set(FN_DOC, fields.doc);
  set(FN_MODULE, fields.module);
  set(FN_ANNOTATIONS, fields.annotations);
  rt.gcTrack(f);
  return f;
}

export function fnField(rt: Runtime, f: Ref, off: number): Ref {
  return rt.i32[(f + off) >> 2]! as Ref;
}

/**
 * Assignment to a function's writable fields (cf. CPython funcobject.c func_getsetlist and func_memberlist):
 * `__name__`, `__qualname__` (str only), `__doc__`, `__module__` (anything), `__defaults__` (tuple or None),
 * `__kwdefaults__` (dict or None). False for other names. `value` is borrowed.
 */
export function setFunctionField(rt: Runtime, f: Ref, name: string, value: Ref): boolean {
  let off: number;
  switch (name) {
    case '__name__':
    case '__qualname__':
      if (rt.kindOf(value) !== Kind.STR) rt.raise('TypeError', `${name} must be set to a string object`);
      off = name === '__name__' ? FN_NAME : FN_QUALNAME;
      break;
    case '__doc__':
      off = FN_DOC;
      break;
    case '__module__':
      off = FN_MODULE;
      break;
    case '__defaults__':
    case '__kwdefaults__': {
      const tuple = name === '__defaults__';
      if (value !== rt.None && rt.kindOf(value) !== (tuple ? Kind.TUPLE : Kind.DICT)) {
        rt.raise('TypeError', `${name} must be set to a ${tuple ? 'tuple' : 'dict'} object`);
      }
      off = tuple ? FN_DEFAULTS : FN_KWDEFAULTS;
      // the call path reads an absent tuple/dict as 0, never as None
      if (value === rt.None) value = 0 as Ref;
      break;
    }
    default:
      return false;
  }
  const old = rt.i32[(f + off) >> 2]! as Ref;
  if (value !== 0) rt.incref(value);
  rt.i32[(f + off) >> 2] = value;
  rt.xdecref(old);
  return true;
}

// ---- cells ----
export const CELL_REF = GC_HEADER_END;

/** A new cell holding `value` (borrowed, or 0 for an empty cell). */
export function newCell(rt: Runtime, value: Ref | 0): Ref {
  const c = rt.allocKind(Kind.CELL, CELL_REF + 4);
  if (value !== 0) {
    rt.incref(value);
    rt.i32[(c + CELL_REF) >> 2] = value;
  }
  rt.gcTrack(c);
  return c;
}

// ---- bound methods ----
export const METHOD_FUNC = GC_HEADER_END;
export const METHOD_SELF = METHOD_FUNC + 4;

/** A new bound method (both borrowed). */
export function newMethod(rt: Runtime, func: Ref, self: Ref): Ref {
  const m = rt.allocKind(Kind.METHOD, METHOD_SELF + 4);
  rt.incref(func);
  rt.incref(self);
  rt.i32[(m + METHOD_FUNC) >> 2] = func;
  rt.i32[(m + METHOD_SELF) >> 2] = self;
  rt.gcTrack(m);
  return m;
}
