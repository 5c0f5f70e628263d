/** Calling a type object: built-in constructors by kind, and the hook user classes install. */
import type { Ref } from '../heap/layout.js';
import { TPF_HEAPTYPE, TP_FLAGS, type Runtime } from '../runtime.js';
import { setTypeCallHook } from '../interp/call.js';
import { Kind } from './kinds.js';
import { defineStaticMethod } from './type.js';

export type Constructor = (rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref;

const CONSTRUCTORS: Partial<Record<Kind, Constructor>> = {};

/** Declares how `T(...)` makes an instance for the built-in type of `kind` (and for subclasses of it). */
export function defineConstructor(kind: Kind, f: Constructor): void {
  CONSTRUCTORS[kind] = f;
}

/** Hook for classes made by `class` statements (set by classes.ts): __new__ then __init__. */
export let heapTypeCall: Constructor | null = null;
export function setHeapTypeCall(f: Constructor): void {
  heapTypeCall = f;
}

setTypeCallHook((rt, type, args, kwargs) => {
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0 && heapTypeCall !== null) {
    return heapTypeCall(rt, type, args, kwargs);
  }
  const f = CONSTRUCTORS[rt.typeKind(type)];
  if (f === undefined) return rt.raise('TypeError', `cannot create '${rt.typeName(type)}' instances`);
  return f(rt, type, args, kwargs);
});

/** The constructor for a kind (used by subclass construction). */
export function constructorFor(kind: Kind): Constructor | undefined {
  return CONSTRUCTORS[kind];
}

/** Rejects keyword arguments for constructors that take none: `int() takes no keyword arguments`. */
export function noKeywords(rt: Runtime, name: string, kwargs: Map<string, Ref> | null): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
}

/** `int.__new__(cls, x)` and `float.__new__(cls, x)`: an instance of `cls`, a subclass, with the value
 *  (cf. CPython long_new, float_new). Pickle and copy rebuild instances of int and float subclasses so. */
for (const [kind, name] of [[Kind.INT, 'int'], [Kind.FLOAT, 'float']] as const) {
  defineStaticMethod(kind, name, '__new__', (rt, args, kwargs) => {
    const cls = args[0];
    if (cls === undefined) rt.raise('TypeError', `${name}.__new__(): not enough arguments`);
    if (rt.kindOf(cls) !== Kind.TYPE) rt.raise('TypeError', `${name}.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
    if (!rt.isSubtype(cls, rt.types[kind]!)) {
      rt.raise('TypeError', `${name}.__new__(${rt.typeName(cls)}): ${rt.typeName(cls)} is not a subtype of ${name}`);
    }
    return CONSTRUCTORS[kind]!(rt, cls, args.slice(1), kwargs);
  });
}

/** `list.__new__(cls, ...)`, `dict.__new__` and `set.__new__`: an empty instance of `cls`, whose __init__
 *  fills it; the arguments are left to __init__ (cf. CPython PyType_GenericNew, dict_new, set_new). The
 *  copy module makes instances of their subclasses this way. */
for (const [kind, name] of [[Kind.LIST, 'list'], [Kind.DICT, 'dict'], [Kind.SET, 'set']] as const) {
  defineStaticMethod(kind, name, '__new__', (rt, args) => {
    const cls = args[0];
    if (cls === undefined) rt.raise('TypeError', `${name}.__new__(): not enough arguments`);
    if (rt.kindOf(cls) !== Kind.TYPE) rt.raise('TypeError', `${name}.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
    if (!rt.isSubtype(cls, rt.types[kind]!)) {
      rt.raise('TypeError', `${name}.__new__(${rt.typeName(cls)}): ${rt.typeName(cls)} is not a subtype of ${name}`);
    }
    return CONSTRUCTORS[kind]!(rt, cls, [], null);
  });
}
