/** Exceptions: the built-in hierarchy, exception objects, tracebacks, and CPython's report of an
 *  uncaught exception (cf. CPython exceptions.c and traceback.py). */
import { HeapExhausted } from '../heap/heap.js';
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import {
  PyRaise, Root, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_KIND, TP_MODULE, TP_MRO, TP_NAME, TP_QUALNAME,
  TPF_BASETYPE, TPF_EXCEPTION, TYPE_SIZE, type Runtime,
} from '../runtime.js';
import { OB_TYPE } from '../heap/layout.js';
import { dictGet, dictGetByText, dictItems, dictSet, newDict } from './dict.js';
import { suggest } from './suggestions.js';
import { Kind } from './kinds.js';
import { iterateToArray, repr as reprOf, str as strOf } from './protocols.js';
import { defineSlots } from './slots.js';
import { newTuple, tupleFrom, tupleItem, tupleItems, tupleSize, tupleSteal, TUPLE_ITEMS } from './tuple.js';
import { defineGetter, defineMethod, intern } from './type.js';
import { textHash } from './interned.js';
import { defineConstructor } from './constructors.js';

export const EXC_DICT = GC_HEADER_END;
export const EXC_ARGS = EXC_DICT + 4;
export const EXC_TRACEBACK = EXC_DICT + 8;
export const EXC_CONTEXT = EXC_DICT + 12;
export const EXC_CAUSE = EXC_DICT + 16;
export const EXC_SUPPRESS_CONTEXT = EXC_DICT + 20;
export const EXC_BYTES = EXC_DICT + 24;

/** traceback: next, code, line, instruction index. */
export const TB_NEXT = GC_HEADER_END;
export const TB_CODE = TB_NEXT + 4;
export const TB_LINENO = TB_NEXT + 8;
export const TB_LASTI = TB_NEXT + 12;
/** The frame's globals (for the NameError suggestions CPython makes from the failing frame). */
export const TB_GLOBALS = TB_NEXT + 16;
const TB_BYTES = TB_NEXT + 20;

/** The built-in hierarchy, parent before child (CPython 3.11, less the exception groups). */
const HIERARCHY: [string, string | null][] = [
  ['BaseException', null], ['GeneratorExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'],
  ['SystemExit', 'BaseException'], ['Exception', 'BaseException'], ['ArithmeticError', 'Exception'],
  ['FloatingPointError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'], ['EOFError', 'Exception'], ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'], ['LookupError', 'Exception'], ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'], ['MemoryError', 'Exception'], ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'], ['OSError', 'Exception'], ['BlockingIOError', 'OSError'],
  ['ChildProcessError', 'OSError'], ['ConnectionError', 'OSError'], ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'], ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'], ['FileExistsError', 'OSError'], ['FileNotFoundError', 'OSError'],
  ['InterruptedError', 'OSError'], ['IsADirectoryError', 'OSError'], ['NotADirectoryError', 'OSError'],
  ['PermissionError', 'OSError'], ['ProcessLookupError', 'OSError'], ['TimeoutError', 'OSError'],
  ['ReferenceError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'], ['StopAsyncIteration', 'Exception'], ['StopIteration', 'Exception'],
  ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'], ['TabError', 'IndentationError'],
  ['SystemError', 'Exception'], ['TypeError', 'Exception'], ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'], ['UnicodeDecodeError', 'UnicodeError'], ['UnicodeEncodeError', 'UnicodeError'],
  ['UnicodeTranslateError', 'UnicodeError'], ['Warning', 'Exception'], ['BytesWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'], ['EncodingWarning', 'Warning'], ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'], ['PendingDeprecationWarning', 'Warning'], ['ResourceWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'], ['SyntaxWarning', 'Warning'], ['UnicodeWarning', 'Warning'],
  ['UserWarning', 'Warning'],
];

export const EXCEPTION_NAMES = HIERARCHY.map(([n]) => n);

/** A new static (non-heap) type object deriving from `base`: used for the exception classes. */
export function newStaticType(rt: Runtime, name: string, kind: Kind, base: Ref, flags: number): Ref {
  const i32 = rt.i32;
  const t = rt.heap.alloc(TYPE_SIZE) as Ref;
  i32[t >> 2] = 1;
  i32[(t + OB_TYPE) >> 2] = rt.types[Kind.TYPE]!;
  rt.makeImmortal(t);
  i32[(t + TP_KIND) >> 2] = kind;
  i32[(t + TP_FLAGS) >> 2] = flags;
  i32[(t + TP_NAME) >> 2] = intern(rt, name);
  i32[(t + TP_QUALNAME) >> 2] = intern(rt, name);
  i32[(t + TP_MODULE) >> 2] = intern(rt, 'builtins');
  i32[(t + TP_DICT) >> 2] = newDict(rt);
  rt.incref(base);
  i32[(t + TP_BASE) >> 2] = base;
  i32[(t + TP_BASES) >> 2] = tupleFrom(rt, [base]);
  const baseMro = tupleItems(rt, i32[(base + TP_MRO) >> 2]! as Ref);
  i32[(t + TP_MRO) >> 2] = tupleFrom(rt, [t, ...baseMro]);
  return t;
}

/** Creates the exception types; they are found by name in the heap's EXC_TYPES dict. */
export function bootExceptions(rt: Runtime): void {
  const table = newDict(rt);
  rt.setRoot(Root.EXC_TYPES, table);
  const base = rt.types[Kind.EXCEPTION]!;
  rt.i32[(base + TP_FLAGS) >> 2]! |= TPF_EXCEPTION;
  for (const [name, parent] of HIERARCHY) {
    const t = parent === null ? base : newStaticType(rt, name, Kind.EXCEPTION, excType(rt, parent), TPF_BASETYPE | TPF_EXCEPTION);
    const key = intern(rt, name);
    dictSet(rt, table, key, t);
    rt.decref(key);
  }
  installRaiseNew(rt);
}

/** rt.raiseNew for this runtime: at boot, and in a forked child attached to a heap copy. */
export function installRaiseNew(rt: Runtime): void {
  rt.raiseNew = (typeName, message) => {
    throw new PyRaise(newException(rt, excType(rt, typeName), message));
  };
}

const typeCache = new WeakMap<Runtime, Map<string, Ref>>();
/** The exception type called `name` (borrowed; immortal). */
export function excType(rt: Runtime, name: string): Ref {
  let cache = typeCache.get(rt);
  if (cache === undefined) {
    cache = new Map();
    typeCache.set(rt, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const t = dictGetByText(rt, rt.root(Root.EXC_TYPES), name, textHash(name));
  if (t === 0) throw new Error(`gilpy bug: no exception type ${name}`);
  cache.set(name, t);
  return t;
}

/** A new exception of `type` whose args are `(message,)`, `()` for null, or the given tuple (borrowed). */
export function newException(rt: Runtime, type: Ref, message: string | null | { args: Ref }): Ref {
  const e = rt.alloc(type, EXC_BYTES);
  let args: Ref;
  if (message === null) args = rt.emptyTuple;
  else if (typeof message === 'string') {
    args = newTuple(rt, 1);
    rt.i32[(args + TUPLE_ITEMS) >> 2] = rt.newStr(message);
  } else {
    args = message.args;
    rt.incref(args);
  }
  rt.i32[(e + EXC_ARGS) >> 2] = args;
  rt.gcTrack(e);
  setSpecialAttrs(rt, e);
  return e;
}

/** A new exception of `type` with `args` (each borrowed). */
export function newExceptionArgs(rt: Runtime, type: Ref, args: Ref[]): Ref {
  const t = tupleFrom(rt, args);
  const e = newException(rt, type, { args: t });
  rt.decref(t);
  return e;
}

/** Raises a new `typeName` exception carrying `value` as its single argument (KeyError(key) etc.). */
export function raiseWithValue(rt: Runtime, typeName: string, value: Ref): never {
  throw new PyRaise(newExceptionArgs(rt, excType(rt, typeName), [value]));
}

/** Sets an attribute in the exception's __dict__ (name, obj for NameError/AttributeError...). */
export function setExcAttr(rt: Runtime, e: Ref, name: string, value: Ref): void {
  let d = rt.i32[(e + EXC_DICT) >> 2]! as Ref;
  if (d === 0) {
    d = newDict(rt);
    rt.i32[(e + EXC_DICT) >> 2] = d;
  }
  const k = intern(rt, name);
  dictSet(rt, d, k, value);
  rt.decref(k);
}
export function getExcAttr(rt: Runtime, e: Ref, name: string): Ref | 0 {
  const d = rt.i32[(e + EXC_DICT) >> 2]! as Ref;
  if (d === 0) return 0;
  const k = rt.newStr(name);
  const v = dictGet(rt, d, k);
  rt.decref(k);
  return v;
}

export function excArgs(rt: Runtime, e: Ref): Ref {
  return rt.i32[(e + EXC_ARGS) >> 2]! as Ref;
}
export function isException(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.EXCEPTION;
}
export function isExceptionType(rt: Runtime, t: Ref): boolean {
  return rt.kindOf(t) === Kind.TYPE && rt.typeKind(t) === Kind.EXCEPTION;
}
/** True if exception `e` is an instance of the type named `name`. */
export function excMatches(rt: Runtime, e: Ref, name: string): boolean {
  return rt.isSubtype(rt.typeOf(e), excType(rt, name));
}

/** Sets a reference field of an exception (traceback, context, cause), releasing the old value. */
export function setExcField(rt: Runtime, e: Ref, off: number, value: Ref | 0): void {
  if (value !== 0) rt.incref(value);
  const old = rt.i32[(e + off) >> 2]! as Ref;
  rt.i32[(e + off) >> 2] = value;
  rt.xdecref(old);
}

/**
 * Assignment to BaseException's own fields (cf. BaseException_getset): `args` (any iterable, made a
 * tuple), `__cause__` (also sets __suppress_context__), `__context__`, `__traceback__`. False for other
 * names. `value` is borrowed.
 */
export function setExceptionField(rt: Runtime, e: Ref, name: string, value: Ref): boolean {
  const exceptionOrNone = (what: string): void => {
    if (value !== rt.None && !rt.isSubtype(rt.typeOf(value), excType(rt, 'BaseException'))) {
      rt.raise('TypeError', `exception ${what} must be None or derive from BaseException`);
    }
  };
  switch (name) {
    case 'args': {
      const t = tupleSteal(rt, iterateToArray(rt, value)); // the items' new references go to the tuple
      setExcField(rt, e, EXC_ARGS, t);
      rt.decref(t);
      return true;
    }
    case '__cause__':
      exceptionOrNone('cause');
      setExcField(rt, e, EXC_CAUSE, value === rt.None ? 0 : value);
      rt.i32[(e + EXC_SUPPRESS_CONTEXT) >> 2] = 1;
      return true;
    case '__context__':
      exceptionOrNone('context');
      setExcField(rt, e, EXC_CONTEXT, value === rt.None ? 0 : value);
      return true;
    case '__traceback__':
      if (value !== rt.None && rt.kindOf(value) !== Kind.TRACEBACK) rt.raise('TypeError', '__traceback__ must be a traceback or None');
      setExcField(rt, e, EXC_TRACEBACK, value === rt.None ? 0 : value);
      return true;
    default:
      return false;
  }
}

/** Prepends a traceback entry for (code, line) to `e`'s traceback (cf. PyTraceBack_Here). */
export function addTraceback(rt: Runtime, e: Ref, code: Ref, lineno: number, lasti: number, globals: Ref | 0 = 0): void {
  let tb: Ref;
  try {
    tb = rt.allocKind(Kind.TRACEBACK, TB_BYTES);
  } catch (err) {
    // the heap is exhausted past its rescue reserve (a MemoryError on its way, most likely): the exception
    // goes on without this entry, as CPython's does when PyTraceBack_Here cannot allocate one
    if (err instanceof HeapExhausted) return;
    throw err;
  }
  const i32 = rt.i32;
  const old = i32[(e + EXC_TRACEBACK) >> 2]!;
  i32[(tb + TB_NEXT) >> 2] = old; // steals the exception's reference to the old head
  rt.incref(code);
  i32[(tb + TB_CODE) >> 2] = code;
  i32[(tb + TB_LINENO) >> 2] = lineno;
  i32[(tb + TB_LASTI) >> 2] = lasti;
  if (globals !== 0) {
    rt.incref(globals);
    i32[(tb + TB_GLOBALS) >> 2] = globals;
  }
  i32[(e + EXC_TRACEBACK) >> 2] = tb;
  rt.gcTrack(tb);
}

// ================= printing =================
/** The text after `TypeName: ` in a report: str(exc) (KeyError shows the key's repr). */
export function excMessage(rt: Runtime, e: Ref): string {
  return strOf(rt, e);
}

function excTypeLabel(rt: Runtime, e: Ref): string {
  const t = rt.typeOf(e);
  const mod = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
  const m = mod === 0 ? 'builtins' : rt.strValue(mod);
  const q = rt.strValue(rt.i32[(t + TP_QUALNAME) >> 2]! as Ref);
  return m === 'builtins' || m === '__main__' ? q : `${m}.${q}`;
}

/** The last line of a report: `ValueError: bad value`, or just `ValueError`. */
export function formatExceptionOnly(rt: Runtime, e: Ref): string {
  let msg: string;
  try {
    msg = excMessage(rt, e);
  } catch (err) {
    if (err instanceof PyRaise) {
      rt.decref(err.exc);
      msg = '<exception str() failed>';
    } else throw err;
  }
  const label = excTypeLabel(rt, e);
  const hint = suggestionFor(rt, e);
  if (hint !== null) msg += `. Did you mean: '${hint}'?`;
  return msg === '' ? label : `${label}: ${msg}`;
}

/** CPython 3.11's suggestion for a NameError / AttributeError, from the names around the failure. */
function suggestionFor(rt: Runtime, e: Ref): string | null {
  const isName = excMatches(rt, e, 'NameError');
  const isAttr = excMatches(rt, e, 'AttributeError');
  if (!isName && !isAttr) return null;
  const wrong = getExcAttr(rt, e, 'name');
  if (wrong === 0 || rt.kindOf(wrong) !== Kind.STR) return null;
  let candidates: string[];
  if (isAttr) {
    const obj = getExcAttr(rt, e, 'obj');
    if (obj === 0) return null;
    candidates = dirNames(rt, obj);
  } else {
    let tb = rt.i32[(e + EXC_TRACEBACK) >> 2]! as Ref;
    if (tb === 0) return null;
    while (rt.i32[(tb + TB_NEXT) >> 2] !== 0) tb = rt.i32[(tb + TB_NEXT) >> 2]! as Ref;
    const code = rt.i32[(tb + TB_CODE) >> 2]! as Ref;
    const globals = rt.i32[(tb + TB_GLOBALS) >> 2]! as Ref;
    candidates = [];
    const varnames = rt.i32[(code + 92) >> 2]! as Ref; // CO_VARNAMES
    if (varnames !== 0) for (const v of tupleItems(rt, varnames)) candidates.push(rt.strValue(v));
    if (globals !== 0) for (const [k] of dictItems(rt, globals)) if (rt.kindOf(k) === Kind.STR) candidates.push(rt.strValue(k));
    for (const [k] of dictItems(rt, rt.root(Root.BUILTINS))) if (rt.kindOf(k) === Kind.STR) candidates.push(rt.strValue(k));
  }
  return suggest(rt.strValue(wrong), candidates);
}

/** The names `dir(obj)` lists for a plain object: its own attributes, then its class chain's, sorted. */
function dirNames(rt: Runtime, obj: Ref): string[] {
  const names = new Set<string>();
  const addDict = (d: Ref): void => {
    if (d === 0) return;
    for (const [k] of dictItems(rt, d)) if (rt.kindOf(k) === Kind.STR) names.add(rt.strValue(k));
  };
  const k = rt.kindOf(obj);
  if (k === Kind.MODULE) addDict(rt.i32[(obj + 24) >> 2]! as Ref);
  else if (k === Kind.INSTANCE) addDict(rt.i32[(obj + 24) >> 2]! as Ref);
  const type = k === Kind.TYPE ? obj : rt.typeOf(obj);
  for (const t of tupleItems(rt, rt.i32[(type + TP_MRO) >> 2]! as Ref)) addDict(rt.i32[(t + TP_DICT) >> 2]! as Ref);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Source lines by file name, for traceback reports (cf. linecache). */
export const sourceCache = new Map<string, string[]>();

/** CPython's full report of an uncaught exception, causes and contexts first. */
export function formatException(rt: Runtime, e: Ref, seen = new Set<number>()): string {
  seen.add(e);
  let out = '';
  const cause = rt.i32[(e + EXC_CAUSE) >> 2]! as Ref;
  const context = rt.i32[(e + EXC_CONTEXT) >> 2]! as Ref;
  const suppress = rt.i32[(e + EXC_SUPPRESS_CONTEXT) >> 2]! !== 0;
  if (cause !== 0 && !seen.has(cause)) {
    out += formatException(rt, cause, seen);
    out += '\nThe above exception was the direct cause of the following exception:\n\n';
  } else if (context !== 0 && !suppress && !seen.has(context)) {
    out += formatException(rt, context, seen);
    out += '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  let tb = rt.i32[(e + EXC_TRACEBACK) >> 2]! as Ref;
  if (tb !== 0) out += 'Traceback (most recent call last):\n';
  let lastKey = '';
  let repeats = 0;
  const flushRepeats = (): void => {
    if (repeats > 3) out += `  [Previous line repeated ${repeats - 3} more time${repeats - 3 > 1 ? 's' : ''}]\n`;
  };
  while (tb !== 0) {
    const code = rt.i32[(tb + TB_CODE) >> 2]! as Ref;
    const line = rt.i32[(tb + TB_LINENO) >> 2]!;
    const filename = rt.strValue(rt.i32[(code + 60) >> 2]! as Ref);
    const name = rt.strValue(rt.i32[(code + 64) >> 2]! as Ref);
    const key = `${filename}:${line}:${name}`;
    if (key === lastKey) repeats++;
    else {
      flushRepeats();
      lastKey = key;
      repeats = 1;
    }
    if (repeats <= 3) {
      out += `  File "${filename}", line ${line}, in ${name}\n`;
      const src = sourceCache.get(filename)?.[line - 1];
      if (src !== undefined && src.trim() !== '') out += `    ${src.trim()}\n`;
    }
    tb = rt.i32[(tb + TB_NEXT) >> 2]! as Ref;
  }
  flushRepeats();
  return out + formatExceptionOnly(rt, e) + '\n';
}

// ================= slots =================
defineSlots(Kind.EXCEPTION, {
  dealloc(rt, e) {
    for (const off of [EXC_DICT, EXC_ARGS, EXC_TRACEBACK, EXC_CONTEXT, EXC_CAUSE]) rt.xdecref(rt.i32[(e + off) >> 2]! as Ref);
  },
  str(rt, e) {
    const args = excArgs(rt, e);
    const n = tupleSize(rt, args);
    if (rt.isSubtype(rt.typeOf(e), excType(rt, 'KeyError')) && n === 1) return reprOf(rt, tupleItem(rt, args, 0));
    if (n === 0) return '';
    if (n === 1) return strOf(rt, tupleItem(rt, args, 0));
    return reprOf(rt, args);
  },
  repr(rt, e) {
    const args = excArgs(rt, e);
    const n = tupleSize(rt, args);
    const name = rt.typeNameOf(e);
    if (n === 1) return `${name}(${reprOf(rt, tupleItem(rt, args, 0))})`;
    return `${name}${reprOf(rt, args)}`;
  },
  hash(_rt, r) {
    return (r >> 4) | 0;
  },
});

defineSlots(Kind.TRACEBACK, {
  dealloc(rt, tb) {
    rt.xdecref(rt.i32[(tb + TB_NEXT) >> 2]! as Ref);
    rt.xdecref(rt.i32[(tb + TB_CODE) >> 2]! as Ref);
    rt.xdecref(rt.i32[(tb + TB_GLOBALS) >> 2]! as Ref);
  },
});

// ================= construction and attributes =================
defineConstructor(Kind.EXCEPTION, (rt, type, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${rt.typeName(type)}() takes no keyword arguments`);
  return newExceptionArgs(rt, type, args);
});

const excField = (off: number) => (rt: Runtime, _a: Ref[], _k: Map<string, Ref> | null, self: Ref): Ref => {
  const v = rt.i32[(self + off) >> 2]! as Ref;
  const r = v === 0 ? rt.None : v;
  rt.incref(r);
  return r;
};
defineGetter(Kind.EXCEPTION, 'BaseException', 'args', excField(EXC_ARGS));
defineGetter(Kind.EXCEPTION, 'BaseException', '__traceback__', excField(EXC_TRACEBACK));
defineGetter(Kind.EXCEPTION, 'BaseException', '__cause__', excField(EXC_CAUSE));
defineGetter(Kind.EXCEPTION, 'BaseException', '__context__', excField(EXC_CONTEXT));
defineGetter(Kind.EXCEPTION, 'BaseException', '__suppress_context__', (rt, _a, _k, self) =>
  rt.bool(rt.i32[(self + EXC_SUPPRESS_CONTEXT) >> 2] !== 0));
defineMethod(Kind.EXCEPTION, 'BaseException', 'with_traceback', (rt, args, _k, self) => {
  const tb = args[0] ?? rt.None;
  setExcField(rt, self, EXC_TRACEBACK, tb === rt.None ? 0 : tb);
  rt.incref(self);
  return self;
});
/** StopIteration.value and SystemExit.code, from the arguments (cf. StopIteration_init, SystemExit_init):
 *  stored in the exception's __dict__, so that subclasses may set them like any attribute. */
function setSpecialAttrs(rt: Runtime, e: Ref): void {
  const type = rt.typeOf(e);
  const isStop = rt.isSubtype(type, excType(rt, 'StopIteration'));
  if (!isStop && !rt.isSubtype(type, excType(rt, 'SystemExit'))) return;
  const args = rt.i32[(e + EXC_ARGS) >> 2]! as Ref;
  const n = tupleSize(rt, args);
  const v = n === 0 ? rt.None : n === 1 || isStop ? tupleItem(rt, args, 0) : args;
  setExcAttr(rt, e, isStop ? 'value' : 'code', v);
}

/** BaseException.__init__(*args): the arguments become `args` (cf. BaseException_init). */
defineMethod(Kind.EXCEPTION, 'BaseException', '__init__', (rt, args, kwargs, self) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${rt.typeNameOf(self)}() takes no keyword arguments`);
  const old = rt.i32[(self + EXC_ARGS) >> 2]! as Ref;
  rt.i32[(self + EXC_ARGS) >> 2] = tupleFrom(rt, args);
  rt.xdecref(old);
  setSpecialAttrs(rt, self);
  return rt.None;
});
