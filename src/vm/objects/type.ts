/** Type objects: boot of the built-in types (names, bases, MRO, method dicts) and attribute lookup
 *  along the MRO (cf. CPython typeobject.c _PyType_Lookup and object.c PyObject_GenericGetAttr). */
import { type Ref } from '../heap/layout.js';
import {
  BUILTIN_TYPES, Root, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_KIND, TP_MODULE, TP_MRO, TP_NAME, TP_QUALNAME,
  TP_VERSION, TPF_HEAPTYPE, type Runtime,
} from '../runtime.js';
import { dictGet, dictSet, newDict, watchedDictsChanged } from './dict.js';
import { isCacheableName, lookupIn, typeCacheOf, typeEntry } from './type-cache.js';
import { intern } from './interned.js';
import { Kind } from './kinds.js';
import { newBuiltin, registerNative, type NativeImpl } from './native.js';
import { defineSlots } from './slots.js';
import { tupleFrom, tupleItem, tupleSize } from './tuple.js';


interface MethodEntry { name: string; id: number; kind: 'method' | 'static' | 'class' | 'getter'; setId?: number }
/** Methods each built-in kind gets in its type dict, registered at module load. */
const METHODS: MethodEntry[][] = Array.from({ length: Kind.COUNT }, () => []);

/** Declares a built-in method `typeName.name` for instances of `kind`. */
export function defineMethod(kind: Kind, typeName: string, name: string, impl: NativeImpl): void {
  const id = registerNative(`${typeName}.${name}`, { name, impl, method: true });
  METHODS[kind]!.push({ name, id, kind: 'method' });
}
/** Declares an attribute computed by `impl(rt, [], null, self)` (a getset descriptor), read-only unless
 *  a `setter` is given: `setter(rt, [value], null, self)` (returns None). */
export function defineGetter(kind: Kind, typeName: string, name: string, impl: NativeImpl, setter?: NativeImpl): void {
  const id = registerNative(`${typeName}.${name}.__get__`, { name, impl, method: true });
  const setId = setter === undefined ? undefined : registerNative(`${typeName}.${name}.__set__`, { name, impl: setter, method: true });
  METHODS[kind]!.push({ name, id, kind: 'getter', setId });
}
/** A getter for defineGetter that returns the reference field at byte offset `off` of the object (a new
 *  reference; the field must never be 0). */
export function refFieldGetter(off: number): NativeImpl {
  return (rt, _args, _kwargs, self) => {
    const v = rt.i32[(self + off) >> 2]! as Ref;
    rt.incref(v);
    return v;
  };
}
/** Declares a class method (`dict.fromkeys`, `int.from_bytes`): `self` is the class. */
export function defineClassMethod(kind: Kind, typeName: string, name: string, impl: NativeImpl): void {
  const id = registerNative(`${typeName}.${name}`, { name, impl, method: true });
  METHODS[kind]!.push({ name, id, kind: 'class' });
}
/** Declares a static method (`str.maketrans`). */
export function defineStaticMethod(kind: Kind, typeName: string, name: string, impl: NativeImpl): void {
  const id = registerNative(`${typeName}.${name}`, { name, impl, method: false });
  METHODS[kind]!.push({ name, id, kind: 'static' });
}

/** Hook: wraps a native as a getset descriptor / classmethod / staticmethod object (set by descriptors.ts). */
export let wrapDescriptor: (rt: Runtime, kind: 'getter' | 'class' | 'static', builtin: Ref, setter?: Ref) => Ref =
  (_rt, _k, b) => b;
export function setWrapDescriptor(f: typeof wrapDescriptor): void {
  wrapDescriptor = f;
}

/** Fills in the built-in types made by bootCore: names, bases, MROs, dicts with their methods. */
export function bootTypes(rt: Runtime): void {
  rt.setRoot(Root.INTERNED, newDict(rt));
  const i32 = rt.i32;
  for (let k = 0; k < Kind.COUNT; k++) {
    const spec = BUILTIN_TYPES[k as Kind];
    if (spec === undefined) continue;
    const t = rt.types[k]!;
    i32[(t + TP_NAME) >> 2] = intern(rt, spec.name);
    i32[(t + TP_QUALNAME) >> 2] = intern(rt, spec.name);
    i32[(t + TP_MODULE) >> 2] = intern(rt, spec.module ?? 'builtins');
    i32[(t + TP_DICT) >> 2] = newDict(rt, METHODS[k]!.length); // (sized for its methods: no resizes)
  }
  for (let k = 0; k < Kind.COUNT; k++) {
    const spec = BUILTIN_TYPES[k as Kind];
    if (spec === undefined) continue;
    const t = rt.types[k]!;
    const chain: Ref[] = [t];
    let b = spec.base;
    while (b !== null) {
      chain.push(rt.types[b]!);
      b = BUILTIN_TYPES[b]!.base;
    }
    i32[(t + TP_BASE) >> 2] = spec.base === null ? 0 : rt.types[spec.base]!;
    i32[(t + TP_BASES) >> 2] = spec.base === null ? rt.emptyTuple : tupleFrom(rt, [rt.types[spec.base]!]);
    i32[(t + TP_MRO) >> 2] = tupleFrom(rt, chain);
  }
  for (let k = 0; k < Kind.COUNT; k++) installMethods(rt, k as Kind);
}

function installMethods(rt: Runtime, kind: Kind): void {
  const t = rt.types[kind];
  if (t === undefined || t === 0) return;
  const dict = rt.i32[(t + TP_DICT) >> 2]! as Ref;
  for (const m of METHODS[kind]!) {
    const name = intern(rt, m.name);
    const b = newBuiltin(rt, m.id);
    const setter = m.setId === undefined ? undefined : newBuiltin(rt, m.setId);
    const value = m.kind === 'method' ? b : wrapDescriptor(rt, m.kind, b, setter);
    if (value !== b) rt.decref(b);
    if (setter !== undefined) rt.decref(setter);
    dictSet(rt, dict, name, value);
    rt.decref(value);
    rt.decref(name);
  }
}

/** `name` (a str) looked up along `type`'s MRO: borrowed, or 0 (cf. _PyType_Lookup; cached, see
 *  type-cache.ts). */
export function typeLookup(rt: Runtime, type: Ref, name: Ref): Ref | 0 {
  if (isCacheableName(rt, name)) {
    const c = typeCacheOf(rt);
    const e = typeEntry(rt, c, type);
    if (e !== null) return lookupIn(rt, c, e, name);
  }
  const mro = rt.i32[(type + TP_MRO) >> 2]! as Ref;
  if (mro === 0) {
    const d = rt.i32[(type + TP_DICT) >> 2]! as Ref;
    return d === 0 ? 0 : dictGet(rt, d, name);
  }
  return walkMro(rt, mro, name);
}

/** The uncached MRO walk of typeLookup (borrowed result, or 0). */
function walkMro(rt: Runtime, mro: Ref, name: Ref): Ref | 0 {
  const n = tupleSize(rt, mro);
  for (let i = 0; i < n; i++) {
    const d = rt.i32[(tupleItem(rt, mro, i) + TP_DICT) >> 2]! as Ref;
    if (d === 0) continue;
    const v = dictGet(rt, d, name);
    if (v !== 0) return v;
  }
  return 0;
}

export function typeDict(rt: Runtime, type: Ref): Ref {
  return rt.i32[(type + TP_DICT) >> 2]! as Ref;
}
export function typeFlags(rt: Runtime, type: Ref): number {
  return rt.i32[(type + TP_FLAGS) >> 2]!;
}
export function isHeapType(rt: Runtime, type: Ref): boolean {
  return (typeFlags(rt, type) & TPF_HEAPTYPE) !== 0;
}
export function bumpTypeVersion(rt: Runtime, type: Ref): void {
  rt.i32[(type + TP_VERSION) >> 2]!++;
}

defineSlots(Kind.TYPE, {
  repr(rt, r) {
    const mod = rt.i32[(r + TP_MODULE) >> 2]! as Ref;
    const qual = rt.strValue(rt.i32[(r + TP_QUALNAME) >> 2]! as Ref);
    const m = mod === 0 ? 'builtins' : rt.strValue(mod);
    return m === 'builtins' ? `<class '${qual}'>` : `<class '${m}.${qual}'>`;
  },
  hash(_rt, r) {
    return (r >> 4) | 0;
  },
  dealloc(rt, r) {
    // the type cache may hold an entry for this address: a class made here next must not match it
    watchedDictsChanged(rt);
    for (const off of [TP_NAME, TP_BASE, TP_BASES, TP_MRO, TP_DICT, TP_QUALNAME, TP_MODULE]) {
      const v = rt.i32[(r + off) >> 2]! as Ref;
      if (v !== 0 && off !== TP_BASE) rt.decref(v);
      else if (v !== 0 && off === TP_BASE) rt.decref(v);
    }
  },
});

export { TP_KIND };
/** (intern lives in interned.ts; many modules import it from here) */
export { intern };
