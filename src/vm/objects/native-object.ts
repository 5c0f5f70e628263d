/** Instances of the classes that built-in modules define in TypeScript (itertools.count, random.Random,
 *  operator.itemgetter...): one kind, NATIVE, whose instances carry a tag naming their class.
 *
 *  Each class is declared once at module load (`defineNativeClass`, in the same order in every VM), with
 *  a fixed number of owned reference fields, a raw data area (fixed, or sized per instance), and its
 *  behaviour: constructor, repr, next (which makes it an iterator), call, methods. Its type object is a
 *  static type made when its module is first imported (`installNativeTypes`).
 *
 *  Layout: GC links, tag, number of data bytes, the reference fields (owned, 0 when cleared), the
 *  instance's __dict__ (owned, made on first use, for classes that have one and for subclasses made by
 *  class statements), then the data area (8-aligned).
 */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import { PyRaise, Root, TP_BASE, TP_DICT, TP_FLAGS, TP_MODULE, TP_NAME, TPF_BASETYPE, TPF_HEAPTYPE, type Runtime } from '../runtime.js';
import { setNativeInstanceDictHook } from './attrs.js';
import { newDict } from './dict.js';
import { immortalizeStaticType } from '../builtins/modules/sys.js';
import { instanceCallableHook, instanceCallHook, setInstanceCallableHook, setInstanceCallHook } from '../interp/call.js';
import { defineConstructor } from './constructors.js';
import { dictGet } from './dict.js';
import { excType, newException, newStaticType } from './exceptions.js';
import { Kind } from './kinds.js';
import { moduleDict, setGlobal } from './module.js';
import { newBuiltin, registerNative, type NativeImpl } from './native.js';
import { idOf } from './protocols.js';
import { defineSlots } from './slots.js';
import { intern, wrapDescriptor } from './type.js';

export const NO_TAG = GC_HEADER_END;
export const NO_DATA_BYTES = GC_HEADER_END + 4;
export const NO_REFS = GC_HEADER_END + 8;

export type Kwargs = Map<string, Ref> | null;

export interface NativeClassSpec {
  module: string;
  name: string;
  /** Owned reference fields. */
  refs: number;
  /** Raw bytes after the references (a default; `newNative` may ask for more). */
  data?: number;
  /** Class statements may derive from it (the constructor then receives the subclass). */
  basetype?: boolean;
  /** Instances have a __dict__ (as those of a class written in Python). */
  dict?: boolean;
  /** `Type(*args, **kwargs)`: a new instance (new reference). Absent: the class cannot be instantiated. */
  construct?(rt: Runtime, type: Ref, args: Ref[], kwargs: Kwargs): Ref;
  repr?(rt: Runtime, r: Ref): string;
  /** The next item (new reference) or 0: makes instances iterators. */
  next?(rt: Runtime, r: Ref): Ref | 0;
  /** Calling an instance (new reference). */
  call?(rt: Runtime, r: Ref, args: Ref[], kwargs: Kwargs): Ref;
  methods?: Record<string, NativeImpl>;
  classMethods?: Record<string, NativeImpl>;
}

interface NativeClass extends NativeClassSpec {
  tag: number;
  methodIds: { name: string; id: number; cls: boolean }[];
}

const CLASSES: NativeClass[] = [];
const BY_NAME = new Map<string, NativeClass>();

/** Declares a native class (at module load); returns its tag. */
export function defineNativeClass(spec: NativeClassSpec): number {
  const c: NativeClass = { ...spec, tag: CLASSES.length, methodIds: [] };
  const qual = `${spec.module}.${spec.name}`;
  const add = (name: string, impl: NativeImpl, cls: boolean): void => {
    c.methodIds.push({ name, id: registerNative(`${qual}.${name}`, { name, impl, method: true }), cls });
  };
  if (spec.next !== undefined) {
    add('__iter__', (rt, args, kwargs, self) => {
      noArgs(rt, `${spec.name}.__iter__`, args, kwargs);
      rt.incref(self);
      return self;
    }, false);
    add('__next__', (rt, args, kwargs, self) => {
      noArgs(rt, `${spec.name}.__next__`, args, kwargs);
      const x = cleared(rt, self) ? 0 : spec.next!(rt, self);
      if (x === 0) throw new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
      return x;
    }, false);
  }
  for (const [name, impl] of Object.entries(spec.methods ?? {})) add(name, impl, false);
  for (const [name, impl] of Object.entries(spec.classMethods ?? {})) add(name, impl, true);
  if (spec.call !== undefined) installCallHooks();
  CLASSES.push(c);
  BY_NAME.set(qual, c);
  return c.tag;
}

function noArgs(rt: Runtime, fname: string, args: Ref[], kwargs: Kwargs): void {
  if ((kwargs !== null && kwargs.size > 0) || args.length > 0) {
    rt.raise('TypeError', `${fname}() takes no arguments (${args.length + (kwargs?.size ?? 0)} given)`);
  }
}

const typeCache = new WeakMap<Runtime, Map<number, Ref>>();

/** Creates the type objects of `module`'s native classes and puts them in its dict (at import). */
export function installNativeTypes(rt: Runtime, module: string, dict: Ref): void {
  for (const c of CLASSES) {
    if (c.module !== module) continue;
    const t = newStaticType(rt, c.name, Kind.NATIVE, rt.types[Kind.OBJECT]!, c.basetype === true ? TPF_BASETYPE : 0);
    const oldModule = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
    rt.i32[(t + TP_MODULE) >> 2] = intern(rt, module);
    rt.decref(oldModule);
    const tdict = rt.i32[(t + TP_DICT) >> 2]! as Ref;
    for (const m of c.methodIds) {
      const b = newBuiltin(rt, m.id);
      if (m.cls) immortalizeStaticType(rt, b); // the type's walk does not look inside classmethods
      const value = m.cls ? wrapDescriptor(rt, 'class', b) : b;
      if (value !== b) rt.decref(b);
      setGlobal(rt, tdict, m.name, value);
      rt.decref(value);
    }
    immortalizeStaticType(rt, t);
    setGlobal(rt, dict, c.name, t);
    cacheOf(rt).set(c.tag, t);
  }
}

function cacheOf(rt: Runtime): Map<number, Ref> {
  let m = typeCache.get(rt);
  if (m === undefined) typeCache.set(rt, (m = new Map()));
  return m;
}

/** The type object of native class `tag` (borrowed; static): from this VM's cache, else from the module
 *  in sys.modules (another VM on the same heap imported it). */
export function nativeType(rt: Runtime, tag: number): Ref {
  const cache = cacheOf(rt);
  const have = cache.get(tag);
  if (have !== undefined) return have;
  const c = CLASSES[tag]!;
  const key = rt.newStr(c.module);
  const m = dictGet(rt, rt.root(Root.SYS_MODULES), key);
  rt.decref(key);
  if (m !== 0 && rt.kindOf(m) === Kind.MODULE) {
    const k2 = rt.newStr(c.name);
    const t = dictGet(rt, moduleDict(rt, m), k2);
    rt.decref(k2);
    if (t !== 0 && rt.kindOf(t) === Kind.TYPE && tagOfType(rt, t) === tag) {
      cache.set(tag, t);
      return t;
    }
  }
  return rt.raise('SystemError', `${c.module}.${c.name} is missing`);
}

/** The tag of a native class's type object (or of the native class a class statement derived from), or -1. */
export function tagOfType(rt: Runtime, t: Ref): number {
  while ((rt.i32[(t + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) t = rt.i32[(t + TP_BASE) >> 2]! as Ref;
  const mod = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
  const name = rt.i32[(t + TP_NAME) >> 2]! as Ref;
  if (mod === 0 || name === 0) return -1;
  return BY_NAME.get(`${rt.strValue(mod)}.${rt.strValue(name)}`)?.tag ?? -1;
}

/** Where the data area starts: after the references and the __dict__ slot. */
function dataStart(refs: number): number {
  return (NO_REFS + (refs + 1) * 4 + 7) & ~7;
}

/** A new instance of class `tag` owning `refs` (stolen; 0 allowed), with `dataBytes` zeroed data bytes;
 *  of `type` when given (a subclass made by a class statement), else of the class's own type. */
export function newNative(rt: Runtime, tag: number, refs: readonly (Ref | 0)[], dataBytes?: number, type0?: Ref): Ref {
  const c = CLASSES[tag]!;
  const bytes = dataBytes ?? c.data ?? 0;
  let type: Ref;
  try {
    type = type0 ?? nativeType(rt, tag);
  } catch (e) {
    for (const x of refs) if (x !== 0) rt.decref(x);
    throw e;
  }
  const r = rt.alloc(type, dataStart(c.refs) + bytes);
  rt.i32[(r + NO_TAG) >> 2] = tag;
  rt.i32[(r + NO_DATA_BYTES) >> 2] = bytes;
  for (let i = 0; i < c.refs; i++) rt.i32[(r + NO_REFS + 4 * i) >> 2] = refs[i] ?? 0;
  rt.gcTrack(r);
  return r;
}

/** Reference field `i` (borrowed, or 0). */
export function getRef(rt: Runtime, r: Ref, i: number): Ref | 0 {
  return rt.i32[(r + NO_REFS + 4 * i) >> 2]! as Ref | 0;
}
/** Replaces reference field `i` with `v` (stolen, or 0), releasing the old one afterwards. */
export function setRef(rt: Runtime, r: Ref, i: number, v: Ref | 0): void {
  const off = (r + NO_REFS + 4 * i) >> 2;
  const old = rt.i32[off]! as Ref;
  rt.i32[off] = v;
  if (old !== 0) rt.decref(old);
}
/** Takes reference field `i` out of `r` (the caller now owns it; the field becomes 0). */
export function takeRef(rt: Runtime, r: Ref, i: number): Ref | 0 {
  const off = (r + NO_REFS + 4 * i) >> 2;
  const v = rt.i32[off]! as Ref | 0;
  rt.i32[off] = 0;
  return v;
}
/** Byte address of the data area. */
export function dataOf(rt: Runtime, r: Ref): number {
  return r + dataStart(CLASSES[rt.i32[(r + NO_TAG) >> 2]!]!.refs);
}
export function isNative(rt: Runtime, r: Ref, tag: number): boolean {
  return rt.kindOf(r) === Kind.NATIVE && rt.i32[(r + NO_TAG) >> 2] === tag;
}

function classOf(rt: Runtime, r: Ref): NativeClass {
  return CLASSES[rt.i32[(r + NO_TAG) >> 2]!]!;
}

/** The __dict__ of a native object that has one (borrowed), made on first use; else 0. */
function nativeInstanceDict(rt: Runtime, r: Ref): Ref | 0 {
  const c = classOf(rt, r);
  if (c.dict !== true && (rt.i32[(rt.typeOf(r) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return 0;
  let d = getRef(rt, r, c.refs);
  if (d === 0) {
    d = newDict(rt);
    rt.i32[(r + NO_REFS + 4 * c.refs) >> 2] = d;
  }
  return d;
}
setNativeInstanceDictHook(nativeInstanceDict);

/** For the cycle collector: the references a NATIVE object owns (its __dict__ included). */
export function traverseNative(rt: Runtime, r: Ref, visit: (x: Ref) => void): void {
  const n = classOf(rt, r).refs + 1;
  for (let i = 0; i < n; i++) {
    const v = getRef(rt, r, i);
    if (v !== 0) visit(v);
  }
}
/** Set in the data-size word once the collector has cleared an object: a finalizer that still reaches it
 *  finds an exhausted iterator rather than fields its code assumes are set. */
const CLEARED = 0x40000000;
/** Releases every reference a NATIVE object owns (dealloc, and the collector's clear). */
export function clearNative(rt: Runtime, r: Ref): void {
  rt.i32[(r + NO_DATA_BYTES) >> 2]! |= CLEARED;
  const n = classOf(rt, r).refs + 1;
  for (let i = 0; i < n; i++) setRef(rt, r, i, 0);
}
function cleared(rt: Runtime, r: Ref): boolean {
  return (rt.i32[(r + NO_DATA_BYTES) >> 2]! & CLEARED) !== 0;
}

defineSlots(Kind.NATIVE, {
  dealloc: clearNative,
  repr(rt, r) {
    const c = classOf(rt, r);
    if (c.repr !== undefined && !cleared(rt, r)) return c.repr(rt, r);
    return `<${c.module}.${c.name} object at 0x${idOf(r).toString(16)}>`;
  },
  hash(_rt, r) {
    return (r >> 4) | 0;
  },
  iter(rt, r) {
    if (classOf(rt, r).next === undefined) rt.raise('TypeError', `'${rt.typeNameOf(r)}' object is not iterable`);
    rt.incref(r);
    return r;
  },
  next(rt, r) {
    const f = classOf(rt, r).next;
    if (f === undefined) return rt.raise('TypeError', `'${rt.typeNameOf(r)}' object is not an iterator`);
    return cleared(rt, r) ? 0 : f(rt, r);
  },
});

defineConstructor(Kind.NATIVE, (rt, type, args, kwargs) => {
  const tag = tagOfType(rt, type);
  const c = tag < 0 ? undefined : CLASSES[tag]!;
  if (c?.construct === undefined) return rt.raise('TypeError', `cannot create '${rt.typeName(type)}' instances`);
  return c.construct(rt, type, args, kwargs);
});

let callHooksInstalled = false;
/** Makes instances of native classes with a `call` callable, chaining the class machinery's hooks
 *  (installed on the first such class, by which time classes.ts has set its hooks). */
function installCallHooks(): void {
  if (callHooksInstalled) return;
  callHooksInstalled = true;
  const prevCall = instanceCallHook;
  setInstanceCallHook((rt, obj, args, kwargs) => {
    if (rt.kindOf(obj) === Kind.NATIVE) {
      const f = classOf(rt, obj).call;
      if (f !== undefined && cleared(rt, obj)) rt.raise('ReferenceError', 'the object was cleared by the garbage collector');
      return f === undefined ? 0 : f(rt, obj, args, kwargs);
    }
    return prevCall(rt, obj, args, kwargs);
  });
  const prevCallable = instanceCallableHook;
  setInstanceCallableHook((rt, r) => {
    if (rt.kindOf(r) === Kind.NATIVE) return classOf(rt, r).call !== undefined;
    return prevCallable(rt, r);
  });
}
