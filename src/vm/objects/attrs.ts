/** Attribute access for every object: getattr / setattr / delattr and the method lookup the loop's
 *  LOAD_METHOD uses (cf. CPython PyObject_GenericGetAttr, type_getattro, module_getattro). */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import {
  PyRaise, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_MODULE, TP_MRO, TP_NAME, TP_QUALNAME, TPF_HEAPTYPE, TPF_NO_DICT, type Runtime,
} from '../runtime.js';
import { PROP_DEL, PROP_GET, PROP_SET, WRAPPED } from './descriptors.js';
import { DICT_SUB_DICT, dictDel, dictGet, dictGetRef, dictGetStr, dictHas, dictSet, dictSetStr, isDictSubInstance } from './dict.js';
import { excMatches, newException, excType, setExcAttr, setExceptionField } from './exceptions.js';
import { FN_DICT, setFunctionField } from './function.js';
import { Kind } from './kinds.js';
import { isListSubInstance, LIST_SUB_DICT } from './list.js';
import { MOD_DICT, moduleName } from './module.js';
import { BF_SELF, builtinNative, newBuiltin, BF_NATIVE } from './native.js';
import { newMethod } from './function.js';
import { typeLookup, bumpTypeVersion } from './type.js';
import { Dunder, isCacheableName, lookupIn, QUICK_GET, QUICK_SET, quickLookup, typeCacheOf, typeEntry, userDunderIn } from './type-cache.js';
import { SLOTS } from './slots.js';
import { tupleItem, tupleSize } from './tuple.js';
import { newDict } from './dict.js';

/** An instance of a user class: its __dict__ right after the GC links. */
export const INST_DICT = GC_HEADER_END;

/** Hook to call a Python-level callable from attribute machinery (set by the interpreter). */
export let callHook: (rt: Runtime, callable: Ref, args: Ref[]) => Ref = () => {
  throw new Error('gilpy bug: no interpreter');
};
export function setCallHook(f: typeof callHook): void {
  callHook = f;
}

/** The __dict__ of an object that has one (borrowed), or 0. */
export function instanceDict(rt: Runtime, obj: Ref): Ref | 0 {
  switch (rt.kindOf(obj)) {
    case Kind.INSTANCE: case Kind.EXCEPTION: {
      let d = rt.i32[(obj + INST_DICT) >> 2]! as Ref;
      if (d === 0) {
        d = newDict(rt);
        rt.i32[(obj + INST_DICT) >> 2] = d;
      }
      return d;
    }
    case Kind.MODULE: return rt.i32[(obj + MOD_DICT) >> 2]! as Ref;
    case Kind.FUNCTION: {
      let d = rt.i32[(obj + FN_DICT) >> 2]! as Ref;
      if (d === 0) {
        d = newDict(rt);
        rt.i32[(obj + FN_DICT) >> 2] = d;
      }
      return d;
    }
    case Kind.DICT: {
      // dict subclasses made by class statements keep a dict too (defaultdict's default_factory)
      if (!isDictSubInstance(rt, obj)) return 0;
      let d = rt.i32[(obj + DICT_SUB_DICT) >> 2]! as Ref;
      if (d === 0) {
        d = newDict(rt);
        rt.i32[(obj + DICT_SUB_DICT) >> 2] = d;
      }
      return d;
    }
    case Kind.LIST: {
      if (!isListSubInstance(rt, obj)) return 0;
      let d = rt.i32[(obj + LIST_SUB_DICT) >> 2]! as Ref;
      if (d === 0) {
        d = newDict(rt);
        rt.i32[(obj + LIST_SUB_DICT) >> 2] = d;
      }
      return d;
    }
    case Kind.NATIVE: return nativeInstanceDictHook(rt, obj);
    default:
      // TODO: the other built-in types' subclasses have no __dict__ yet
      return 0;
  }
}
/** The __dict__ of a module-defined native object (set by native-object.ts). */
let nativeInstanceDictHook: (rt: Runtime, obj: Ref) => Ref | 0 = () => 0;
export function setNativeInstanceDictHook(f: typeof nativeInstanceDictHook): void {
  nativeInstanceDictHook = f;
}

function isHeapTypeInstance(rt: Runtime, obj: Ref): boolean {
  return (rt.i32[(rt.typeOf(obj) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

/** Binds a class attribute found for an instance: functions become methods (new reference). */
export function bindDescriptor(rt: Runtime, descr: Ref, obj: Ref, type: Ref): Ref {
  switch (rt.kindOf(descr)) {
    case Kind.FUNCTION:
      return newMethod(rt, descr, obj);
    case Kind.BUILTIN_FUNCTION: {
      if (rt.i32[(descr + BF_SELF) >> 2] === 0 && builtinNative(rt, descr).method) {
        return newBuiltin(rt, rt.i32[(descr + BF_NATIVE) >> 2]!, obj);
      }
      break;
    }
    case Kind.PROPERTY: {
      const fget = rt.i32[(descr + PROP_GET) >> 2]! as Ref;
      if (fget === 0) rt.raise('AttributeError', `property object has no getter`);
      return callHook(rt, fget, [obj]);
    }
    case Kind.CLASSMETHOD:
      return bindClassmethod(rt, rt.i32[(descr + WRAPPED) >> 2]! as Ref, type);
    case Kind.STATICMETHOD: {
      const f = rt.i32[(descr + WRAPPED) >> 2]! as Ref;
      rt.incref(f);
      return f;
    }
    case Kind.INSTANCE: {
      const r = descriptorHooks.get(rt, descr, obj, type);
      if (r !== 0) return r;
      break;
    }
    default: break;
  }
  rt.incref(descr);
  return descr;
}

/**
 * User descriptors: instances of classes defining __get__ / __set__ / __delete__ (set by classes.ts).
 * `get` returns a new reference, or 0 when the class has no __get__; `set` (value 0: delete) returns
 * false when the class has no __set__ (__delete__).
 */
export const descriptorHooks = {
  get: (_rt: Runtime, _descr: Ref, _obj: Ref, _type: Ref): Ref | 0 => 0,
  set: (_rt: Runtime, _descr: Ref, _obj: Ref, _value: Ref | 0): boolean => false,
  isData: (_rt: Runtime, _descr: Ref): boolean => false,
};

function bindClassmethod(rt: Runtime, f: Ref, type: Ref): Ref {
  if (rt.kindOf(f) === Kind.BUILTIN_FUNCTION) return newBuiltin(rt, rt.i32[(f + BF_NATIVE) >> 2]!, type);
  return newMethod(rt, f, type);
}

function isDataDescriptor(rt: Runtime, d: Ref): boolean {
  const k = rt.kindOf(d);
  return k === Kind.PROPERTY || (k === Kind.INSTANCE && descriptorHooks.isData(rt, d));
}

/** Hook for user classes: `__getattribute__` / `__getattr__` overrides (set by the class machinery). */
export let userGetattrHook: ((rt: Runtime, obj: Ref, name: Ref) => Ref | 0 | null) = () => null;
export function setUserGetattrHook(f: typeof userGetattrHook): void {
  userGetattrHook = f;
}

/** `getattr(obj, name)`: a new reference; raises AttributeError. */
export function getAttr(rt: Runtime, obj: Ref, name: Ref): Ref {
  const r = getAttrOrNull(rt, obj, name);
  if (r !== 0) return r;
  return raiseAttributeError(rt, obj, name);
}

export function raiseAttributeError(rt: Runtime, obj: Ref, name: Ref): never {
  const n = rt.strValue(name);
  let msg: string;
  const k = rt.kindOf(obj);
  if (k === Kind.MODULE) msg = `module '${moduleName(rt, obj)}' has no attribute '${n}'`;
  else if (k === Kind.TYPE) msg = `type object '${rt.strValue(rt.i32[(obj + TP_NAME) >> 2]! as Ref)}' has no attribute '${n}'`;
  else msg = `'${rt.typeNameOf(obj)}' object has no attribute '${n}'`;
  const e = newException(rt, excType(rt, 'AttributeError'), msg);
  setExcAttr(rt, e, 'name', name);
  setExcAttr(rt, e, 'obj', obj);
  throw new PyRaise(e);
}

/** Like getAttr but 0 instead of AttributeError (other exceptions still propagate). */
export function getAttrOrNull(rt: Runtime, obj: Ref, name: Ref): Ref | 0 {
  const type = rt.typeOf(obj);
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) {
    const k = rt.kindOf(obj);
    const descr = k === Kind.TYPE ? -1 : plainLookup(rt, type, name, QUICK_GET);
    if (descr !== -1) {
      // object.__getattribute__ with what the name finds on the class in hand (what the hook below ends in)
      if (descr === 0 && k === Kind.INSTANCE && rt.containerLocks === null) {
        // the commonest case: data in the instance's dict
        const d = rt.i32[(obj + INST_DICT) >> 2]! as Ref;
        const v = d === 0 ? 0 : dictGetStr(rt, d, name);
        if (v !== 0) {
          rt.incref(v);
          return v;
        }
      }
      return attrFromDescr(rt, obj, type, name, descr);
    }
    const r = userGetattrHook(rt, obj, name);
    if (r !== null) return r;
  }
  const special = SLOTS[rt.kindOf(obj)]!.getattr;
  if (special !== undefined) {
    const r = special(rt, obj, name);
    if (r !== 0) return r;
  }
  return genericGetAttr(rt, obj, name);
}

/**
 * What `name` finds along the MRO of `type` (a heap type; borrowed, or 0) when the class's attribute
 * hooks are object's own: no class statement along its MRO defines __getattribute__ or __getattr__
 * (`need` QUICK_GET), or __setattr__ (QUICK_SET). -1 when one does, or when `name` is not a str the type
 * cache keys: the caller takes the general path.
 */
function plainLookup(rt: Runtime, type: Ref, name: Ref, need: number): Ref | 0 | -1 {
  if (!isCacheableName(rt, name)) return -1;
  const c = typeCacheOf(rt);
  const quick = quickLookup(rt, c, type, name, need);
  if (quick !== -1) return quick;
  const e = typeEntry(rt, c, type);
  if (e === null) return -1;
  if ((need & QUICK_GET) !== 0) {
    if (e.plainGetattr === -1) {
      e.plainGetattr = userDunderIn(rt, c, e, Dunder.GETATTRIBUTE) === 0 && userDunderIn(rt, c, e, Dunder.GETATTR) === 0 ? 1 : 0;
    }
    if (e.plainGetattr !== 1) return -1;
  }
  if ((need & QUICK_SET) !== 0) {
    if (e.plainSetattr === -1) e.plainSetattr = userDunderIn(rt, c, e, Dunder.SETATTR) === 0 ? 1 : 0;
    if (e.plainSetattr !== 1) return -1;
  }
  return lookupIn(rt, c, e, name);
}

/** object.__getattribute__ (no user hooks): 0 when absent. */
export function genericGetAttr(rt: Runtime, obj: Ref, name: Ref): Ref | 0 {
  const type = rt.typeOf(obj);
  if (rt.kindOf(obj) === Kind.TYPE) return typeGetAttr(rt, obj, name);
  return attrFromDescr(rt, obj, type, name, typeLookup(rt, type, name));
}

/** genericGetAttr once `descr` (borrowed, or 0), what `name` finds along the MRO of `type`, is known. */
function attrFromDescr(rt: Runtime, obj: Ref, type: Ref, name: Ref, descr: Ref | 0): Ref | 0 {
  if (descr !== 0 && isDataDescriptor(rt, descr)) return bindDescriptor(rt, descr, obj, type);
  const d = instanceDict(rt, obj);
  if (d !== 0) {
    if (rt.containerLocks !== null) {
      // no-GIL mode: the value is read and counted under the dict's lock (another thread may replace
      // the attribute and free the old value in between)
      const v = dictGetRef(rt, d, name);
      if (v !== 0) return v;
    } else {
      const v = dictGet(rt, d, name);
      if (v !== 0) {
        rt.incref(v);
        return v;
      }
    }
  }
  if (descr !== 0) return bindDescriptor(rt, descr, obj, type);
  const s = rt.strValue(name);
  if (s === '__class__') {
    rt.incref(type);
    return type;
  }
  if (s === '__dict__' && d !== 0 && (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_NO_DICT) === 0) {
    rt.incref(d);
    return d;
  }
  return 0;
}

/** `cls.__base__` (borrowed, 0 for object): the base whose instance layout the class extends, the first
 *  base for a plain class (cf. CPython best_base). */
function solidBase(rt: Runtime, type: Ref): Ref | 0 {
  const first = rt.i32[(type + TP_BASE) >> 2]! as Ref;
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return first;
  const kind = rt.typeKind(type);
  if (kind === Kind.INSTANCE || kind === Kind.OBJECT) return first;
  const bases = rt.i32[(type + TP_BASES) >> 2]! as Ref;
  for (let i = 0; i < tupleSize(rt, bases); i++) {
    const b = tupleItem(rt, bases, i);
    if (rt.typeKind(b) === kind) return b;
  }
  return first;
}

/** Attribute lookup on a class object: its MRO (functions stay plain), then its metatype. */
function typeGetAttr(rt: Runtime, type: Ref, name: Ref): Ref | 0 {
  const meta = rt.typeOf(type);
  // the data descriptors of `type` itself come first (cf. type_getattro)
  const s = rt.strValue(name);
  const i32 = rt.i32;
  const field = (off: number): Ref => {
    const r = i32[(type + off) >> 2]! as Ref;
    rt.incref(r);
    return r;
  };
  switch (s) {
    case '__name__': {
      // a built-in type's name is what follows the last dot of its tp_name (cf. type_name)
      const full = rt.strValue(i32[(type + TP_NAME) >> 2]! as Ref);
      if ((i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0 && full.includes('.')) {
        return rt.newStr(full.slice(full.lastIndexOf('.') + 1));
      }
      return field(TP_NAME);
    }
    case '__qualname__': return field(TP_QUALNAME);
    case '__module__': if ((i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) return field(TP_MODULE); break;
    case '__bases__': return field(TP_BASES);
    case '__base__': {
      const b = (solidBase(rt, type) || rt.None) as Ref; // object's is None
      rt.incref(b);
      return b;
    }
    case '__mro__': return field(TP_MRO);
    case '__dict__': return field(TP_DICT);
    case '__class__': {
      rt.incref(meta);
      return meta;
    }
    default: break;
  }
  const metaDescr = typeLookup(rt, meta, name);
  if (metaDescr !== 0 && isDataDescriptor(rt, metaDescr)) return bindDescriptor(rt, metaDescr, type, meta);
  const v = typeLookup(rt, type, name);
  if (v !== 0) {
    switch (rt.kindOf(v)) {
      case Kind.CLASSMETHOD: return bindClassmethod(rt, rt.i32[(v + WRAPPED) >> 2]! as Ref, type);
      case Kind.STATICMETHOD: {
        const f = rt.i32[(v + WRAPPED) >> 2]! as Ref;
        rt.incref(f);
        return f;
      }
      case Kind.INSTANCE: {
        const r = descriptorHooks.get(rt, v, rt.None, type); // a descriptor read from its class
        if (r !== 0) return r;
        rt.incref(v);
        return v;
      }
      default:
        rt.incref(v);
        return v;
    }
  }
  if (s === '__module__') return field(TP_MODULE);
  if (s === '__doc__') {
    rt.incref(rt.None);
    return rt.None;
  }
  if (metaDescr !== 0) return bindDescriptor(rt, metaDescr, type, meta);
  return 0;
}

/**
 * Hook (set by classes.ts): calls a user class's __setattr__ (value borrowed) or __delattr__ (value 0);
 * false when the class defines none.
 */
export let userSetattrHook: (rt: Runtime, obj: Ref, name: Ref, value: Ref | 0) => boolean = () => false;
export function setUserSetattrHook(f: typeof userSetattrHook): void {
  userSetattrHook = f;
}

/** `setattr(obj, name, value)` (value borrowed): a user __setattr__, else genericSetAttr. */
export function setAttr(rt: Runtime, obj: Ref, name: Ref, value: Ref): void {
  const type = rt.typeOf(obj);
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0 && rt.kindOf(obj) === Kind.INSTANCE) {
    // an instance of a plain class: one look at the type cache answers both questions
    const descr = plainLookup(rt, type, name, QUICK_SET);
    if (descr !== -1) {
      storeAttr(rt, obj, type, name, value, descr, true);
      return;
    }
  }
  if (rt.kindOf(obj) !== Kind.TYPE && isHeapTypeInstance(rt, obj) && userSetattrHook(rt, obj, name, value)) return;
  genericSetAttr(rt, obj, name, value);
}

/** object.__setattr__ (no user hooks; value borrowed). */
export function genericSetAttr(rt: Runtime, obj: Ref, name: Ref, value: Ref): void {
  const type = rt.typeOf(obj);
  if (rt.kindOf(obj) === Kind.TYPE) {
    if ((rt.i32[(obj + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) {
      rt.raise('TypeError', `cannot set '${rt.strValue(name)}' attribute of immutable type '${rt.strValue(rt.i32[(obj + TP_NAME) >> 2]! as Ref)}'`);
    }
    dictSet(rt, rt.i32[(obj + TP_DICT) >> 2]! as Ref, name, value);
    bumpTypeVersion(rt, obj);
    return;
  }
  if (rt.kindOf(obj) === Kind.EXCEPTION && setExceptionField(rt, obj, rt.strValue(name), value)) return;
  if (rt.kindOf(obj) === Kind.FUNCTION && setFunctionField(rt, obj, rt.strValue(name), value)) return;
  storeAttr(rt, obj, type, name, value, typeLookup(rt, type, name), isCacheableName(rt, name));
}

/** genericSetAttr past the kinds with fields of their own, `descr` (borrowed, or 0) being what `name`
 *  finds along the MRO of `type`; `exactStr`: `name` is an exact str (dictSetStr may store it). */
function storeAttr(rt: Runtime, obj: Ref, type: Ref, name: Ref, value: Ref, descr: Ref | 0, exactStr: boolean): void {
  if (descr !== 0 && rt.kindOf(descr) === Kind.PROPERTY) {
    const fset = rt.i32[(descr + PROP_SET) >> 2]! as Ref;
    if (fset === 0) rt.raise('AttributeError', `property '${rt.strValue(name)}' of '${rt.typeNameOf(obj)}' object has no setter`);
    rt.decref(callHook(rt, fset, [obj, value]));
    return;
  }
  if (descr !== 0 && rt.kindOf(descr) === Kind.INSTANCE && descriptorHooks.set(rt, descr, obj, value)) return;
  const d = (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_NO_DICT) !== 0 ? 0 : instanceDict(rt, obj);
  if (d === 0) {
    if (descr !== 0) rt.raise('AttributeError', `'${rt.typeNameOf(obj)}' object attribute '${rt.strValue(name)}' is read-only`);
    rt.raise('AttributeError', `'${rt.typeNameOf(obj)}' object has no attribute '${rt.strValue(name)}'`);
  }
  if (exactStr) dictSetStr(rt, d, name, value);
  else dictSet(rt, d, name, value);
}

/** `delattr(obj, name)`: a user __delattr__, else genericDelAttr. */
export function delAttr(rt: Runtime, obj: Ref, name: Ref): void {
  if (rt.kindOf(obj) !== Kind.TYPE && isHeapTypeInstance(rt, obj) && userSetattrHook(rt, obj, name, 0)) return;
  genericDelAttr(rt, obj, name);
}

/** object.__delattr__ (no user hooks). */
export function genericDelAttr(rt: Runtime, obj: Ref, name: Ref): void {
  const type = rt.typeOf(obj);
  if (rt.kindOf(obj) === Kind.TYPE) {
    if (!dictDel(rt, rt.i32[(obj + TP_DICT) >> 2]! as Ref, name)) raiseAttributeError(rt, obj, name);
    bumpTypeVersion(rt, obj);
    return;
  }
  const descr = typeLookup(rt, type, name);
  if (descr !== 0 && rt.kindOf(descr) === Kind.PROPERTY) {
    const fdel = rt.i32[(descr + PROP_DEL) >> 2]! as Ref;
    if (fdel === 0) rt.raise('AttributeError', `property '${rt.strValue(name)}' of '${rt.typeNameOf(obj)}' object has no deleter`);
    rt.decref(callHook(rt, fdel, [obj]));
    return;
  }
  if (descr !== 0 && rt.kindOf(descr) === Kind.INSTANCE && descriptorHooks.set(rt, descr, obj, 0)) return;
  const d = instanceDict(rt, obj);
  if (d === 0 || !dictDel(rt, d, name)) raiseAttributeError(rt, obj, name);
}

/**
 * For LOAD_METHOD: if `name` is a plain method of obj's type (and not shadowed), returns [function, obj]
 * without making a bound method (borrowed function); otherwise [0, attribute] (new reference). The pair is
 * one array reused by every call (no allocation per LOAD_METHOD): read it before anything else runs.
 */
export function loadMethod(rt: Runtime, obj: Ref, name: Ref): [Ref | 0, Ref] {
  const type = rt.typeOf(obj);
  const k = rt.kindOf(obj);
  if (k !== Kind.TYPE && k !== Kind.MODULE && k !== Kind.SUPER) {
    let descr: Ref | 0;
    if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) descr = typeLookup(rt, type, name);
    else {
      const plain = plainLookup(rt, type, name, QUICK_GET);
      if (plain !== -1) descr = plain;
      else if (!customGetattrHook(rt, type)) descr = typeLookup(rt, type, name);
      else return methodPair(0, getAttr(rt, obj, name));
    }
    if (descr !== 0) {
      const dk = rt.kindOf(descr);
      const plain = dk === Kind.FUNCTION
        || (dk === Kind.BUILTIN_FUNCTION && rt.i32[(descr + BF_SELF) >> 2] === 0 && builtinNative(rt, descr).method);
      if (plain) {
        const d = instanceDict(rt, obj);
        if (d === 0) return methodPair(descr, obj);
        const shadowed = isCacheableName(rt, name) ? dictGetStr(rt, d, name) !== 0 : dictHas(rt, d, name);
        if (!shadowed) return methodPair(descr, obj);
      }
    }
  }
  return methodPair(0, getAttr(rt, obj, name));
}
/** loadMethod's result, one array for every call (see loadMethod for whose references they are). */
const METHOD_PAIR: [Ref | 0, Ref] = [0, 0 as Ref];
/** Fills METHOD_PAIR (the references pass through as the caller gave them) and returns it. */
function methodPair(meth: Ref | 0, v: Ref): [Ref | 0, Ref] {
  METHOD_PAIR[0] = meth;
  METHOD_PAIR[1] = v;
  return METHOD_PAIR;
}

/** Hook: true if a user class overrides attribute lookup (then LOAD_METHOD takes the slow path). */
export let customGetattrHook: (rt: Runtime, type: Ref) => boolean = () => false;
export function setCustomGetattrHook(f: typeof customGetattrHook): void {
  customGetattrHook = f;
}

export { excMatches, TP_DICT };
