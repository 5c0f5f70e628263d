/** Calling any callable from TypeScript, and binding arguments to a Python function's parameters
 *  (cf. CPython ceval.c initialize_locals and its TypeError messages). */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { FN_DEFAULTS, FN_KWDEFAULTS, FN_QUALNAME, METHOD_FUNC, METHOD_SELF } from '../objects/function.js';
import { Kind } from '../objects/kinds.js';
import { BF_SELF, builtinNative } from '../objects/native.js';
import { dictGet, dictSet, newDict } from '../objects/dict.js';
import { tupleItem, tupleSize, tupleFrom } from '../objects/tuple.js';
import type { DecodedCode } from '../objects/code.js';
import { CO_VARARGS, CO_VARKEYWORDS } from '../../compiler/code.js';

/** Calls a Python function (runs the interpreter); installed by the interpreter. */
export let callFunctionHook: (rt: Runtime, func: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref = () => {
  throw new Error('gilpy bug: no interpreter');
};
export function setCallFunctionHook(f: typeof callFunctionHook): void {
  callFunctionHook = f;
}

/** Constructs an instance when a type object is called; installed by the type machinery. */
export let typeCallHook: (rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref = (rt, t) =>
  rt.raise('TypeError', `cannot create '${rt.typeName(t)}' instances`);
export function setTypeCallHook(f: typeof typeCallHook): void {
  typeCallHook = f;
}

/**
 * For a class call the loop runs itself (Interpreter.enterInit): `init` gives the `__init__` (borrowed) to
 * run when calling class `type` is type_call's plain case, else 0; `instance` makes the instance (new
 * reference). Installed by the class machinery (classes.ts, plainInitFunction).
 */
export let plainClassCall: { init(rt: Runtime, type: Ref): Ref | 0; instance(rt: Runtime, type: Ref): Ref } = {
  init: () => 0,
  instance: (rt) => rt.raise('SystemError', 'no class machinery'),
};
export function setPlainClassCall(f: typeof plainClassCall): void {
  plainClassCall = f;
}

/** Calls instances of user classes that define __call__; installed by the class machinery. */
export let instanceCallHook: (rt: Runtime, obj: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref | 0 = () => 0;
export function setInstanceCallHook(f: typeof instanceCallHook): void {
  instanceCallHook = f;
}

/** `callable(*args, **kwargs)`: arguments borrowed, result a new reference. */
export function callObject(rt: Runtime, callable: Ref, args: Ref[], kwargs: Map<string, Ref> | null = null): Ref {
  switch (rt.kindOf(callable)) {
    case Kind.FUNCTION:
      return callFunctionHook(rt, callable, args, kwargs);
    case Kind.BUILTIN_FUNCTION: {
      // a builtin called straight from a CALL in a thread's base run may block by rewinding to the call;
      // any call it makes in turn may not (see Runtime.restartableCall)
      rt.blockable = rt.restartableCall === callable;
      rt.restartableCall = 0;
      const spec = builtinNative(rt, callable);
      let self = rt.i32[(callable + BF_SELF) >> 2]! as Ref;
      if (spec.method && self === 0) {
        if (args.length === 0) rt.raise('TypeError', `unbound method ${spec.name}() needs an argument`);
        self = args[0]!;
        args = args.slice(1);
      }
      return spec.impl(rt, args, kwargs, self);
    }
    case Kind.METHOD: {
      const f = rt.i32[(callable + METHOD_FUNC) >> 2]! as Ref;
      const self = rt.i32[(callable + METHOD_SELF) >> 2]! as Ref;
      return callObject(rt, f, [self, ...args], kwargs);
    }
    case Kind.TYPE:
      return typeCallHook(rt, callable, args, kwargs);
    case Kind.STATICMETHOD:
      return callObject(rt, rt.i32[(callable + 24) >> 2]! as Ref, args, kwargs);
    case Kind.WEAKREF:
      return weakrefCallHook(rt, callable, args, kwargs);
    default: {
      const r = instanceCallHook(rt, callable, args, kwargs);
      if (r !== 0) return r;
      return rt.raise('TypeError', `'${rt.typeNameOf(callable)}' object is not callable`);
    }
  }
}

/** Calling a weak reference (set by objects/weakref.ts). */
let weakrefCallHook: (rt: Runtime, wr: Ref, args: Ref[], kwargs: Map<string, Ref> | null) => Ref = (rt) => rt.None;
export function setWeakrefCallHook(f: typeof weakrefCallHook): void {
  weakrefCallHook = f;
}

/** True if `callObject` would not fail with "not callable". */
export function isCallable(rt: Runtime, r: Ref): boolean {
  switch (rt.kindOf(r)) {
    case Kind.FUNCTION: case Kind.BUILTIN_FUNCTION: case Kind.METHOD: case Kind.TYPE: case Kind.STATICMETHOD:
    case Kind.WEAKREF:
      return true;
    default:
      return instanceCallableHook(rt, r);
  }
}
export let instanceCallableHook: (rt: Runtime, r: Ref) => boolean = () => false;
export function setInstanceCallableHook(f: typeof instanceCallableHook): void {
  instanceCallableHook = f;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Binds arguments into `slots` (the frame's fast locals, as a word index into the heap), taking new
 * references. Positional `args` and keyword values are borrowed. Raises CPython's TypeErrors.
 */
export function bindArguments(rt: Runtime, func: Ref, d: DecodedCode, slots: number, args: readonly Ref[],
  kwnames: readonly string[], kwvalues: readonly Ref[]): void {
  const i32 = rt.i32;
  const argcount = d.argcount;
  const total = argcount + d.kwonlyargcount;
  const hasVarargs = (d.flags & CO_VARARGS) !== 0;
  const hasVarkw = (d.flags & CO_VARKEYWORDS) !== 0;
  // CPython names the function by its __qualname__, which a program may have reassigned
  const fname = (): string => `${rt.strValue(i32[(func + FN_QUALNAME) >> 2]! as Ref)}()`;
  const set = (i: number, v: Ref): void => {
    rt.incref(v);
    i32[slots + i] = v;
  };
  let kwdict: Ref | 0 = 0;
  if (hasVarkw) {
    kwdict = newDict(rt);
    i32[slots + total + (hasVarargs ? 1 : 0)] = kwdict;
  }
  const npos = Math.min(args.length, argcount);
  for (let i = 0; i < npos; i++) set(i, args[i]!);
  if (hasVarargs) {
    const extra = args.length > argcount ? tupleFrom(rt, args.slice(argcount)) : (rt.incref(rt.emptyTuple), rt.emptyTuple);
    i32[slots + total] = extra;
  }
  // keywords
  for (let k = 0; k < kwnames.length; k++) {
    const name = kwnames[k]!;
    let idx = -1;
    for (let p = d.posonlyargcount; p < total; p++) {
      if (d.paramNames[p] === name) {
        idx = p;
        break;
      }
    }
    if (idx < 0) {
      if (kwdict !== 0) {
        const key = rt.newStr(name);
        dictSet(rt, kwdict, key, kwvalues[k]!);
        rt.decref(key);
        continue;
      }
      const posonly = d.paramNames.slice(0, d.posonlyargcount);
      if (posonly.includes(name)) {
        rt.raise('TypeError', `${fname()} got some positional-only arguments passed as keyword arguments: '${name}'`);
      }
      rt.raise('TypeError', `${fname()} got an unexpected keyword argument '${name}'`);
    }
    if (i32[slots + idx] !== 0) rt.raise('TypeError', `${fname()} got multiple values for argument '${name}'`);
    set(idx, kwvalues[k]!);
  }
  if (args.length > argcount && !hasVarargs) {
    const defaults = i32[(func + FN_DEFAULTS) >> 2]! as Ref;
    const ndefaults = defaults === 0 ? 0 : tupleSize(rt, defaults);
    const kwGiven = kwnames.filter((n) => d.paramNames.indexOf(n) >= argcount && d.paramNames.indexOf(n) < total).length;
    const takes = ndefaults > 0 ? `from ${argcount - ndefaults} to ${argcount}` : `${argcount}`;
    const positional = ndefaults > 0 || argcount !== 1 ? 'positional arguments' : 'positional argument';
    const given = kwGiven > 0
      ? `${plural(args.length, 'positional argument')} (and ${plural(kwGiven, 'keyword-only argument')}) were given`
      : `${args.length} ${args.length === 1 ? 'was' : 'were'} given`;
    rt.raise('TypeError', `${fname()} takes ${takes} ${positional} but ${given}`);
  }
  // defaults for missing positionals
  if (args.length < argcount) {
    const defaults = i32[(func + FN_DEFAULTS) >> 2]! as Ref;
    const ndefaults = defaults === 0 ? 0 : tupleSize(rt, defaults);
    const firstDefault = argcount - ndefaults;
    const missing: string[] = [];
    for (let i = args.length; i < argcount; i++) {
      if (i32[slots + i] !== 0) continue;
      if (i >= firstDefault) set(i, tupleItem(rt, defaults, i - firstDefault));
      else missing.push(d.paramNames[i]!);
    }
    if (missing.length > 0) {
      rt.raise('TypeError', `${fname()} missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${nameList(missing)}`);
    }
  }
  if (d.kwonlyargcount > 0) {
    const kwdefaults = i32[(func + FN_KWDEFAULTS) >> 2]! as Ref;
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (i32[slots + i] !== 0) continue;
      const name = d.paramNames[i]!;
      let v: Ref | 0 = 0;
      if (kwdefaults !== 0) {
        const key = rt.newStr(name);
        v = dictGet(rt, kwdefaults, key);
        rt.decref(key);
      }
      if (v !== 0) set(i, v);
      else missing.push(name);
    }
    if (missing.length > 0) {
      rt.raise('TypeError', `${fname()} missing ${missing.length} required keyword-only argument${missing.length > 1 ? 's' : ''}: ${nameList(missing)}`);
    }
  }
}
