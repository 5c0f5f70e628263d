/** Classes made by `class` statements (heap types): __build_class__, type(name, bases, dict), the C3
 *  MRO, instance creation (__new__ / __init__), and the dunder dispatch the protocols call into
 *  (cf. CPython typeobject.c type_new, slot_tp_* and bltinmodule.c builtin___build_class__). */
import { GC_HEADER_END, OB_TYPE, type Ref } from '../heap/layout.js';
import {
  PyRaise, Root, TP_BASE, TP_BASES, TP_DICT, TP_FLAGS, TP_KIND, TP_MODULE, TP_MRO, TP_NAME, TP_QUALNAME,
  TPF_BASETYPE, TPF_EXCEPTION, TPF_HEAPTYPE, TPF_NO_DICT, TYPE_SIZE, type Runtime,
} from '../runtime.js';
import {
  bindDescriptor, customGetattrHook, genericGetAttr, INST_DICT, instanceDict, raiseAttributeError,
  setCustomGetattrHook, setUserGetattrHook, setUserSetattrHook, descriptorHooks,
} from './attrs.js';
import { callObject, setInstanceCallableHook, setInstanceCallHook, setPlainClassCall } from '../interp/call.js';
import { constructorFor, setHeapTypeCall } from './constructors.js';
import { dictDel, dictGet, dictGetRef, dictGetStr, dictItems, dictSet, newDict } from './dict.js';
import { EXC_BYTES, excType, newException, newExceptionArgs, setExceptionField } from './exceptions.js';
import { CELL_REF, FN_CODE, newMethod } from './function.js';
import { Kind } from './kinds.js';
import { defineBuiltin } from '../builtins/registry.js';
import { setTypeNewHook } from '../builtins/more-functions.js';
import { FR_GLOBALS } from '../interp/frame.js';
import { interpOf } from '../builtins/host-access.js';
import { newProperty, newWrapper, PROP_DEL, PROP_DOC, PROP_GET, PROP_SET, WRAPPED } from './descriptors.js';
import { decodeCode } from './code.js';
import { CO_GENERATOR } from '../../compiler/code.js';
import { defineConstructor } from './constructors.js';
import { defineGetter, defineMethod, defineStaticMethod } from './type.js';
import { repr as reprOf, setDunderHooks, setNextViaDunderHook, str as strOf, truthy } from './protocols.js';
import { setUserFormatHook } from './format.js';
import { defineSlots } from './slots.js';
import { newTuple, tupleFrom, tupleItem, tupleItems, tupleSize, TUPLE_ITEMS } from './tuple.js';
import { bumpTypeVersion, intern, typeLookup } from './type.js';
import { Dunder, internedNameIn, isCacheableName, typeCacheOf, typeEntry, userDefinedIn, userDunder, userDunderIn } from './type-cache.js';
import { newBuiltin, registerNative } from './native.js';
import { iterateToArray } from './protocols.js';
import { nativeId } from './native.js';

/** The interned str for `s` (borrowed: kept for the runtime's life by its type cache). */
export function internedName(rt: Runtime, s: string): Ref {
  return internedNameIn(rt, typeCacheOf(rt), s);
}

function isHeapType(rt: Runtime, t: Ref): boolean {
  return (rt.i32[(t + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0;
}

/**
 * The attribute `name` of `type` if a class statement defined it (found in a heap type's dict before
 * any built-in type's along the MRO), else 0. Borrowed. (The hot paths ask by Dunder: userDunder.)
 */
export function userDefined(rt: Runtime, type: Ref, name: string): Ref | 0 {
  const c = typeCacheOf(rt);
  const e = typeEntry(rt, c, type);
  if (e === null) return 0;
  return userDefinedIn(rt, c, e, internedNameIn(rt, c, name));
}

/** Calls `type(obj).name(obj, *args)` if a class defines it: a new reference, or 0. */
function callDunder(rt: Runtime, obj: Ref, name: string, args: Ref[]): Ref | 0 {
  const type = rt.kindOf(obj) === Kind.TYPE && name === '__class_getitem__' ? obj : rt.typeOf(obj);
  const f = name === '__class_getitem__' ? typeLookup(rt, type, internedName(rt, name)) : userDefined(rt, type, name);
  if (f === 0) return 0;
  if (f === rt.None) rt.raise('TypeError', `'${rt.typeNameOf(obj)}' object is not ${name === '__hash__' ? 'hashable' : 'callable'}`);
  return callBound(rt, f, obj, type, args);
}

/** Calls the class attribute `f` (borrowed) bound to `obj` of class `type`, as `obj.f(*args, **kwargs)`:
 *  a new reference. */
export function callBound(rt: Runtime, f: Ref, obj: Ref, type: Ref, args: Ref[],
  kwargs: Map<string, Ref> | null = null): Ref {
  // a plain function is called with obj in front, no bound method made (cf. CPython's vectorcall_unbound):
  // cheaper, and the callee sees the reference counts CPython's would
  if (rt.kindOf(f) === Kind.FUNCTION) return callObject(rt, f, [obj, ...args], kwargs);
  const bound = bindDescriptor(rt, f, obj, type);
  try {
    return callObject(rt, bound, args, kwargs);
  } finally {
    rt.decref(bound);
  }
}

setDunderHooks({
  callDunder,
  hasDunder(rt, obj, name) {
    const f = userDefined(rt, rt.typeOf(obj), name);
    if (name === '__hash__' && f === rt.None) return true; // __hash__ = None: unhashable
    return f !== 0;
  },
});

// ---- C3 linearization ----
function mroOf(rt: Runtime, bases: Ref[], self: Ref, name: string): Ref[] {
  const seqs: Ref[][] = bases.map((b) => tupleItems(rt, rt.i32[(b + TP_MRO) >> 2]! as Ref));
  seqs.push([...bases]);
  const out: Ref[] = [self];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    let next: Ref | 0 = 0;
    for (const s of live) {
      const cand = s[0]!;
      if (!live.some((t) => t.indexOf(cand) > 0)) {
        next = cand;
        break;
      }
    }
    if (next === 0) {
      // CPython names the heads of the sequences left to merge (cf. set_mro_error)
      const heads = [...new Set(live.map((q) => q[0]!))];
      const names = heads.map((b) => rt.strValue(rt.i32[(b + TP_NAME) >> 2]! as Ref)).join(', ');
      rt.raise('TypeError', `Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(next);
    for (const s of live) if (s[0] === next) s.shift();
    void name;
  }
}

/** The built-in layout a class's instances get: the one of its most derived built-in base. */
function solidKind(rt: Runtime, bases: Ref[]): Kind {
  let kind = Kind.INSTANCE;
  for (const b of bases) {
    const k = rt.typeKind(b);
    if (k === Kind.OBJECT || k === Kind.INSTANCE) continue;
    if (kind !== Kind.INSTANCE && kind !== k) {
      rt.raise('TypeError', 'multiple bases have instance lay-out conflict');
    }
    kind = k;
  }
  return kind;
}

/** type(name, bases, dict): a new class (new reference). `dict` is borrowed and copied. */
export function typeNew(rt: Runtime, meta: Ref, name: string, basesTuple: Ref, ns: Ref): Ref {
  let bases = tupleItems(rt, basesTuple);
  for (const b of bases) {
    if (rt.kindOf(b) !== Kind.TYPE) rt.raise('TypeError', `bases must be types`);
    if ((rt.i32[(b + TP_FLAGS) >> 2]! & TPF_BASETYPE) === 0) {
      rt.raise('TypeError', `type '${rt.strValue(rt.i32[(b + TP_NAME) >> 2]! as Ref)}' is not an acceptable base type`);
    }
  }
  if (bases.length === 0) bases = [rt.types[Kind.OBJECT]!];
  const slots = slotNames(rt, ns); // checked before anything is allocated
  const i32 = rt.i32;
  // the MRO first (its head is the class itself, filled in below): a failure leaves nothing half-made
  const mro = mroOf(rt, bases, 0 as Ref, name);
  const kind = solidKind(rt, bases);
  const t = rt.alloc(meta, TYPE_SIZE);
  mro[0] = t;
  i32[(t + TP_KIND) >> 2] = kind;
  let flags = TPF_HEAPTYPE | TPF_BASETYPE;
  for (const b of bases) flags |= i32[(b + TP_FLAGS) >> 2]! & TPF_EXCEPTION;
  i32[(t + TP_FLAGS) >> 2] = flags;
  i32[(t + TP_NAME) >> 2] = rt.newStr(name);
  rt.incref(bases[0]!);
  i32[(t + TP_BASE) >> 2] = bases[0]!;
  i32[(t + TP_BASES) >> 2] = tupleFrom(rt, bases);
  const d = newDict(rt);
  i32[(t + TP_DICT) >> 2] = d;
  // the MRO (which includes the type itself) is a tuple holding references: a cycle type -> mro -> type
  // that the cycle collector breaks; until then classes live as long as the program
  i32[(t + TP_MRO) >> 2] = tupleFrom(rt, mro);
  for (const [k, v] of dictItems(rt, ns)) {
    const ks = rt.kindOf(k) === Kind.STR ? rt.strValue(k) : '';
    if ((ks === '__init_subclass__' || ks === '__class_getitem__') && rt.kindOf(v) === Kind.FUNCTION) {
      const w = newWrapper(rt, Kind.CLASSMETHOD, v);
      dictSet(rt, d, k, w);
      rt.decref(w);
    } else if (ks === '__new__' && rt.kindOf(v) === Kind.FUNCTION) {
      const w = newWrapper(rt, Kind.STATICMETHOD, v);
      dictSet(rt, d, k, w);
      rt.decref(w);
    } else {
      dictSet(rt, d, k, v);
    }
  }
  if (slots !== null && applySlots(rt, d, slots, bases)) i32[(t + TP_FLAGS) >> 2]! |= TPF_NO_DICT;
  const q = dictGet(rt, d, internedName(rt, '__qualname__'));
  i32[(t + TP_QUALNAME) >> 2] = q !== 0 && rt.kindOf(q) === Kind.STR ? (rt.incref(q), q) : rt.newStr(name);
  if (q !== 0) dictDel(rt, d, internedName(rt, '__qualname__'));
  const mod = dictGet(rt, d, internedName(rt, '__module__'));
  if (mod !== 0 && rt.kindOf(mod) === Kind.STR) {
    rt.incref(mod);
    i32[(t + TP_MODULE) >> 2] = mod;
  } else {
    i32[(t + TP_MODULE) >> 2] = intern(rt, 'builtins');
  }
  // defining __eq__ without __hash__ makes instances unhashable (cf. inherit_slots)
  if (dictGet(rt, d, internedName(rt, '__eq__')) !== 0 && dictGet(rt, d, internedName(rt, '__hash__')) === 0) {
    dictSet(rt, d, internedName(rt, '__hash__'), rt.None);
  }
  if (dictGet(rt, d, internedName(rt, '__doc__')) === 0) dictSet(rt, d, internedName(rt, '__doc__'), rt.None);
  rt.gcTrack(t);
  return t;
}

/** The bytes an instance of a heap type takes: its built-in base's layout (a dict slot for plain classes). */
function instanceBytes(kind: Kind): number {
  return kind === Kind.INSTANCE ? INST_DICT + 4 : 0;
}

/** object.__new__(cls): a bare instance of a heap type (new reference). */
export function newInstance(rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  const kind = rt.typeKind(type);
  if (kind === Kind.INSTANCE) {
    const o = rt.alloc(type, instanceBytes(kind));
    rt.gcTrack(o);
    return o;
  }
  if (kind === Kind.EXCEPTION) {
    const e = newExceptionArgs(rt, type, args);
    return e;
  }
  // a subclass of another built-in type: let that type build the value, then retag it
  const ctor = constructorFor(kind);
  if (ctor === undefined) rt.raise('TypeError', `cannot create '${rt.typeName(type)}' instances`);
  // the built-in constructors build instances of the subclass they are given. A dict, list or set takes
  // its contents in __init__ (cf. dict_new, dict_init): a subclass defining its own __init__ starts empty
  if ((kind === Kind.DICT || kind === Kind.LIST || kind === Kind.SET) && userDunder(rt, type, Dunder.INIT) !== 0) {
    return ctor(rt, type, [], null);
  }
  return ctor(rt, type, args, kwargs);
}

/**
 * The `__init__` (borrowed) that calling class `type` runs when the call is typeCall's plain case and that
 * `__init__` is a Python function that is not a generator: `type`'s metaclass is `type` itself, instances
 * are plain ones (no built-in base), no class defines `__new__`. The loop then makes the instance and runs
 * `__init__` in its own run (Interpreter.enterInit), with the effects of typeCall's path. Else 0.
 */
export function plainInitFunction(rt: Runtime, type: Ref): Ref | 0 {
  if (rt.typeOf(type) !== rt.types[Kind.TYPE] || !isHeapType(rt, type) || rt.typeKind(type) !== Kind.INSTANCE) return 0;
  const c = typeCacheOf(rt);
  const entry = typeEntry(rt, c, type);
  if (entry === null || userDunderIn(rt, c, entry, Dunder.NEW) !== 0) return 0;
  const init = userDunderIn(rt, c, entry, Dunder.INIT);
  if (init === 0 || rt.kindOf(init) !== Kind.FUNCTION) return 0;
  const d = decodeCode(rt, rt.i32[(init + FN_CODE) >> 2]! as Ref);
  return (d.flags & CO_GENERATOR) !== 0 ? 0 : init;
}
setPlainClassCall({ init: plainInitFunction, instance: (rt, type) => newInstance(rt, type, [], null) });

setHeapTypeCall((rt, type, args, kwargs) => {
  // a metaclass's __call__ decides what calling its classes does (cf. type_call reached via tp_call)
  const meta = rt.typeOf(type);
  if (meta !== rt.types[Kind.TYPE] && isHeapType(rt, meta)) {
    const call = userDunder(rt, meta, Dunder.CALL);
    if (call !== 0) return callBound(rt, call, type, meta, args, kwargs);
  }
  return typeCall(rt, type, args, kwargs);
});

// type.__call__, which a metaclass's __call__ reaches through super(): makes the instance as usual
defineMethod(Kind.TYPE, 'type', '__call__', (rt, args, kwargs, self) =>
  isHeapType(rt, self) ? typeCall(rt, self, args, kwargs) : callObject(rt, self, args, kwargs));

/** Calling a class made by a class statement: __new__, then __init__ (cf. CPython type_call); the
 *  instance is a new reference, `args` are borrowed. */
function typeCall(rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  // type(x) and type(name, bases, dict) for metaclasses deriving from type
  if (rt.typeKind(type) === Kind.TYPE) {
    // a metaclass: its own __new__ and __init__ (as type_call), else type's
    const metaNew = args.length === 1 ? 0 : userDefined(rt, type, '__new__');
    if (metaNew === 0 && (args.length === 1 || userDefined(rt, type, '__init__') === 0)) {
      return metaCall(rt, type, args, kwargs);
    }
    const f = metaNew !== 0 && rt.kindOf(metaNew) === Kind.STATICMETHOD ? rt.i32[(metaNew + GC_HEADER_END) >> 2]! as Ref : metaNew;
    const cls = f !== 0 ? callObject(rt, f, [type, ...args], kwargs) : metaCall(rt, type, args, kwargs);
    const init = rt.isSubtype(rt.typeOf(cls), type) ? userDefined(rt, rt.typeOf(cls), '__init__') : 0;
    if (init !== 0) {
      try {
        const r = callBound(rt, init, cls, rt.typeOf(cls), args, kwargs);
        rt.decref(r);
      } catch (e) {
        rt.decref(cls);
        throw e;
      }
    }
    return cls;
  }
  const c = typeCacheOf(rt);
  const entry = typeEntry(rt, c, type);
  const newF = entry === null ? 0 : userDunderIn(rt, c, entry, Dunder.NEW);
  let obj: Ref;
  // __init__ as found before the instance was made: still the answer when making it ran no Python code
  // (object.__new__ of a plain class), else asked again below
  let initF: Ref | 0 = -1 as Ref;
  if (newF !== 0) {
    const f = rt.kindOf(newF) === Kind.STATICMETHOD ? rt.i32[(newF + GC_HEADER_END) >> 2]! as Ref : newF;
    obj = callObject(rt, f, [type, ...args], kwargs);
  } else {
    const kind = rt.typeKind(type);
    const init = entry === null ? 0 : userDunderIn(rt, c, entry, Dunder.INIT);
    if (init === 0 && (args.length > 0 || (kwargs !== null && kwargs.size > 0)) && kind === Kind.INSTANCE) {
      rt.raise('TypeError', `${rt.strValue(rt.i32[(type + TP_NAME) >> 2]! as Ref)}() takes no arguments`);
    }
    if (kind === Kind.INSTANCE) {
      obj = rt.alloc(type, instanceBytes(kind));
      rt.gcTrack(obj);
      initF = init;
    } else {
      obj = newInstance(rt, type, args, kwargs);
    }
  }
  const objType = rt.typeOf(obj);
  if (objType === type || rt.isSubtype(objType, type)) {
    if (initF === -1) initF = userDunder(rt, objType, Dunder.INIT);
    if (initF !== 0) {
      let r: Ref;
      try {
        r = callBound(rt, initF, obj, objType, args, kwargs);
      } catch (e) {
        rt.decref(obj);
        throw e;
      }
      if (r !== rt.None) {
        const tn = rt.typeNameOf(r);
        rt.decref(r);
        rt.decref(obj);
        rt.raise('TypeError', `__init__() should return None, not '${tn}'`);
      }
    }
  }
  return obj;
}

// ---- __slots__ ----
/** The names a class body's `__slots__` lists (new references), or null when it has none; raises
 *  CPython's errors for a bad item or a name that is also a class variable. */
function slotNames(rt: Runtime, ns: Ref): Ref[] | null {
  const slots = dictGet(rt, ns, internedName(rt, '__slots__'));
  if (slots === 0) return null;
  const names: Ref[] = rt.kindOf(slots) === Kind.STR ? (rt.incref(slots), [slots]) : iterateToArray(rt, slots);
  try {
    for (const n of names) {
      if (rt.kindOf(n) !== Kind.STR) rt.raise('TypeError', `__slots__ items must be strings, not '${rt.typeNameOf(n)}'`);
      const s = rt.strValue(n);
      if (s !== '__dict__' && s !== '__weakref__' && dictGet(rt, ns, n) !== 0) {
        rt.raise('ValueError', `'${s}' in __slots__ conflicts with class variable`);
      }
    }
    return names;
  } catch (e) {
    for (const n of names) rt.decref(n);
    throw e;
  }
}

/**
 * Puts a descriptor for each of `names` (consumed) in the new class's dict `d`. When every base is
 * object or a class with __slots__ and none lists '__dict__', instances get no __dict__: true is
 * returned and the class is marked TPF_NO_DICT. The values live in the instance's storage all the same
 * (gilpy's slots save no memory); the descriptors are properties over it, where CPython has member
 * descriptors.
 */
function applySlots(rt: Runtime, d: Ref, names: Ref[], bases: Ref[]): boolean {
  let noDict = true;
  for (const n of names) {
    const s = rt.strValue(n);
    if (s === '__dict__') noDict = false;
    else if (s !== '__weakref__') {
      const get = newBuiltin(rt, SLOT_GET, n);
      const set = newBuiltin(rt, SLOT_SET, n);
      const del = newBuiltin(rt, SLOT_DEL, n);
      const p = newProperty(rt, get, set, del, 0);
      for (const f of [get, set, del]) rt.decref(f);
      dictSet(rt, d, n, p);
      rt.decref(p);
    }
    rt.decref(n);
  }
  for (const b of bases) {
    if (b !== rt.types[Kind.OBJECT] && (rt.i32[(b + TP_FLAGS) >> 2]! & TPF_NO_DICT) === 0) noDict = false;
  }
  return noDict;
}

/** A slot's value in the instance's storage (borrowed), or 0. */
function slotStorage(rt: Runtime, obj: Ref): Ref | 0 {
  return instanceDict(rt, obj);
}
const SLOT_GET = registerNative('member.__get__', {
  name: '__get__', method: false, impl(rt, args, _kwargs, self) {
    const obj = args[0]!;
    const d = slotStorage(rt, obj);
    const v = d === 0 ? 0 : dictGetRef(rt, d, self); // (counted under the dict's lock in no-GIL mode)
    if (v === 0) return rt.raise('AttributeError', `'${rt.typeNameOf(obj)}' object has no attribute '${rt.strValue(self)}'`);
    return v;
  },
});
const SLOT_SET = registerNative('member.__set__', {
  name: '__set__', method: false, impl(rt, args, _kwargs, self) {
    const d = slotStorage(rt, args[0]!);
    if (d === 0) return rt.raise('AttributeError', `'${rt.typeNameOf(args[0]!)}' object has no attribute '${rt.strValue(self)}'`);
    dictSet(rt, d, self, args[1]!);
    return rt.None;
  },
});
const SLOT_DEL = registerNative('member.__delete__', {
  name: '__delete__', method: false, impl(rt, args, _kwargs, self) {
    const d = slotStorage(rt, args[0]!);
    if (d === 0 || !dictDel(rt, d, self)) rt.raise('AttributeError', rt.strValue(self));
    return rt.None;
  },
});

/** Calling a metaclass: type(x), or making a class. */
function metaCall(rt: Runtime, meta: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  if (args.length === 1 && meta === rt.types[Kind.TYPE]) {
    const t = rt.typeOf(args[0]!);
    rt.incref(t);
    return t;
  }
  if (args.length !== 3) rt.raise('TypeError', 'type() takes 1 or 3 arguments');
  const [name, bases, ns] = args as [Ref, Ref, Ref];
  if (rt.kindOf(name) !== Kind.STR) rt.raise('TypeError', `type.__new__() argument 1 must be str, not ${rt.typeNameOf(name)}`);
  if (rt.kindOf(bases) !== Kind.TUPLE) rt.raise('TypeError', `type.__new__() argument 2 must be tuple, not ${rt.typeNameOf(bases)}`);
  if (rt.kindOf(ns) !== Kind.DICT) rt.raise('TypeError', `type.__new__() argument 3 must be dict, not ${rt.typeNameOf(ns)}`);
  const cls = typeNew(rt, meta, rt.strValue(name), bases, ns);
  try {
    setNames(rt, cls);
    initSubclass(rt, cls, kwargs);
  } catch (e) {
    rt.decref(cls);
    throw e;
  }
  return cls;
}

/**
 * Calls `value.__set_name__(cls, name)` for every attribute of the new class whose type defines it, over a
 * snapshot of the class dict; an error becomes RuntimeError with the original as its cause (cf. CPython
 * type_new_set_names).
 */
function setNames(rt: Runtime, cls: Ref): void {
  const items = dictItems(rt, rt.i32[(cls + TP_DICT) >> 2]! as Ref);
  for (const [k, v] of items) {
    rt.incref(k);
    rt.incref(v);
  }
  try {
    for (const [k, v] of items) {
      const f = userDefined(rt, rt.typeOf(v), '__set_name__');
      if (f === 0) continue;
      try {
        rt.decref(callBound(rt, f, v, rt.typeOf(v), [cls, k]));
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        const err = newException(rt, excType(rt, 'RuntimeError'), `Error calling __set_name__ on '${rt.typeNameOf(v)}' `
          + `instance ${reprOf(rt, k)} in '${rt.strValue(rt.i32[(cls + TP_NAME) >> 2]! as Ref)}'`);
        setExceptionField(rt, err, '__cause__', e.exc);
        setExceptionField(rt, err, '__context__', e.exc);
        rt.decref(e.exc);
        throw new PyRaise(err);
      }
    }
  } finally {
    for (const [k, v] of items) {
      rt.decref(k);
      rt.decref(v);
    }
  }
}

// type(name, bases, dict) called from Python; as type_new, a class without __module__ takes the caller's
// module name
setTypeNewHook((rt, meta, args, kwargs) => typeNewFromPython(rt, meta, args, kwargs));
/** type(name, bases, dict) or type.__new__(meta, name, bases, dict) called from Python (new reference). */
function typeNewFromPython(rt: Runtime, meta: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  const ns = args[2]!;
  if (rt.kindOf(ns) !== Kind.DICT || dictGet(rt, ns, internedName(rt, '__module__')) !== 0) {
    return metaCall(rt, meta, args, kwargs);
  }
  const frame = interpOf(rt).ts.frame;
  const globals = frame === 0 ? 0 : rt.i32[(frame + FR_GLOBALS) >> 2]! as Ref;
  const modName = globals === 0 ? 0 : dictGet(rt, globals, internedName(rt, '__name__'));
  if (modName === 0) return metaCall(rt, meta, args, kwargs);
  const copy = newDict(rt);
  try {
    for (const [k, v] of dictItems(rt, ns)) dictSet(rt, copy, k, v);
    dictSet(rt, copy, internedName(rt, '__module__'), modName);
    return metaCall(rt, meta, [args[0]!, args[1]!, copy], kwargs);
  } finally {
    rt.decref(copy);
  }
}

/**
 * Calls `super(cls, cls).__init_subclass__(**kwargs)` (kwargs borrowed): the nearest base's, which is
 * object's (no arguments accepted) when no class defines one (cf. CPython type_new_init_subclass).
 */
function initSubclass(rt: Runtime, cls: Ref, kwargs: Map<string, Ref> | null): void {
  const mro = tupleItems(rt, rt.i32[(cls + TP_MRO) >> 2]! as Ref);
  for (const t of mro.slice(1)) {
    const f = dictGet(rt, rt.i32[(t + TP_DICT) >> 2]! as Ref, internedName(rt, '__init_subclass__'));
    if (f === 0) continue;
    rt.decref(callBound(rt, f, cls, cls, [], kwargs !== null && kwargs.size > 0 ? kwargs : null));
    return;
  }
}

/** The exported form of `type(name, bases, dict)` for the builtins. */
export function makeClass(rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  return metaCall(rt, rt.types[Kind.TYPE]!, args, kwargs);
}

// type.__new__ and type.__init__, which a metaclass's own reach through super() (cf. type_new, type_init)
defineStaticMethod(Kind.TYPE, 'type', '__new__', (rt, args, kwargs) => {
  const meta = args[0];
  if (meta === undefined) rt.raise('TypeError', "type.__new__(): not enough arguments");
  if (rt.kindOf(meta) !== Kind.TYPE || !rt.isSubtype(meta, rt.types[Kind.TYPE]!)) {
    rt.raise('TypeError', `type.__new__(X): X is not a type object (${rt.typeNameOf(meta)})`);
  }
  if (args.length !== 4) rt.raise('TypeError', 'type.__new__() takes exactly 3 arguments (' + (args.length - 1) + ' given)');
  return typeNewFromPython(rt, meta, args.slice(1), kwargs);
});
defineMethod(Kind.TYPE, 'type', '__init__', (rt, args) => {
  if (args.length !== 1 && args.length !== 3) rt.raise('TypeError', 'type.__init__() takes 1 or 3 arguments');
  return rt.None;
});

// ---- __build_class__ ----
defineBuiltin('__build_class__', (rt, args, kwargs) => {
  const [func, name, ...bases] = args;
  if (func === undefined || rt.kindOf(func) !== Kind.FUNCTION) rt.raise('TypeError', '__build_class__: func must be a function');
  if (name === undefined || rt.kindOf(name) !== Kind.STR) rt.raise('TypeError', '__build_class__: name is not a string');
  let meta = rt.types[Kind.TYPE]!;
  const kw = new Map(kwargs ?? []);
  const explicit = kw.get('metaclass');
  kw.delete('metaclass');
  if (explicit !== undefined) meta = explicit;
  else {
    for (const b of bases) {
      const mt = rt.typeOf(b);
      if (rt.isSubtype(mt, meta)) meta = mt;
    }
  }
  const basesTuple = tupleFrom(rt, bases);
  const ns = newDict(rt);
  try {
    const body = interpOf(rt).runClassBody(func!, ns);
    let cls: Ref;
    try {
      if (meta === rt.types[Kind.TYPE] || rt.typeKind(meta) === Kind.TYPE && isHeapType(rt, meta) === false) {
        cls = metaCall(rt, meta, [name!, basesTuple, ns], kw);
      } else {
        cls = callObject(rt, meta, [name!, basesTuple, ns], kw.size > 0 ? kw : null);
      }
    } finally {
      if (body !== rt.None && rt.kindOf(body) === Kind.CELL) {
        // the body returned its __class__ cell: fill it with the new class
      }
    }
    if (rt.kindOf(body) === Kind.CELL) {
      rt.incref(cls);
      const old = rt.i32[(body + CELL_REF) >> 2]! as Ref;
      rt.i32[(body + CELL_REF) >> 2] = cls;
      rt.xdecref(old);
    }
    rt.decref(body);
    return cls;
  } finally {
    rt.decref(ns);
    rt.decref(basesTuple);
  }
});

// ---- attribute hooks for instances of user classes ----
descriptorHooks.get = (rt, descr, obj, type) => {
  const f = userDunder(rt, rt.typeOf(descr), Dunder.GET);
  if (f === 0) return 0;
  return callBound(rt, f, descr, rt.typeOf(descr), [obj, type]);
};
descriptorHooks.set = (rt, descr, obj, value) => {
  const f = userDunder(rt, rt.typeOf(descr), value === 0 ? Dunder.DELETE : Dunder.SET);
  if (f === 0) return false;
  rt.decref(callBound(rt, f, descr, rt.typeOf(descr), value === 0 ? [obj] : [obj, value]));
  return true;
};
descriptorHooks.isData = (rt, descr) =>
  userDunder(rt, rt.typeOf(descr), Dunder.SET) !== 0 || userDunder(rt, rt.typeOf(descr), Dunder.DELETE) !== 0;
setUserSetattrHook((rt, obj, name, value) => {
  const type = rt.typeOf(obj);
  const f = userDunder(rt, type, value === 0 ? Dunder.DELATTR : Dunder.SETATTR);
  if (f === 0) return false;
  rt.decref(callBound(rt, f, obj, type, value === 0 ? [name] : [name, value]));
  return true;
});
setCustomGetattrHook((rt, type) => userDunder(rt, type, Dunder.GETATTRIBUTE) !== 0 || userDunder(rt, type, Dunder.GETATTR) !== 0);
setUserGetattrHook((rt, obj, name) => {
  const type = rt.typeOf(obj);
  const ga = userDunder(rt, type, Dunder.GETATTRIBUTE);
  let r: Ref | 0 = 0;
  try {
    if (ga !== 0) {
      r = callBound(rt, ga, obj, type, [name]);
    } else {
      r = genericGetAttr(rt, obj, name);
    }
    if (r !== 0) return r;
  } catch (e) {
    if (!(e instanceof PyRaise) || !rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'AttributeError'))) throw e;
    if (userDunder(rt, type, Dunder.GETATTR) === 0) throw e;
    rt.decref(e.exc);
  }
  const gf = userDunder(rt, type, Dunder.GETATTR);
  if (gf !== 0) {
    return callBound(rt, gf, obj, type, [name]);
  }
  return 0;
});

// next() on an instance of a class with __next__: its StopIteration ends the iteration (cf. slot_tp_iternext)
setNextViaDunderHook((rt, it) => {
  try {
    return callDunder(rt, it, '__next__', []) as Ref;
  } catch (e) {
    if (!(e instanceof PyRaise) || !rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'StopIteration'))) throw e;
    rt.decref(e.exc);
    return 0;
  }
});

setInstanceCallHook((rt, obj, args, kwargs) => {
  const f = userDunder(rt, rt.typeOf(obj), Dunder.CALL);
  if (f === 0) return 0;
  return callBound(rt, f, obj, rt.typeOf(obj), args, kwargs);
});
setInstanceCallableHook((rt, r) => userDunder(rt, rt.typeOf(r), Dunder.CALL) !== 0);

setUserFormatHook((rt, r, spec) => {
  if (!isHeapType(rt, rt.typeOf(r))) return null;
  const f = userDefined(rt, rt.typeOf(r), '__format__');
  if (f === 0) {
    if (spec !== '') return null;
    return strOf(rt, r);
  }
  const specStr = rt.newStr(spec);
  const bound = bindDescriptor(rt, f, r, rt.typeOf(r));
  try {
    const res = callObject(rt, bound, [specStr]);
    if (rt.kindOf(res) !== Kind.STR) {
      rt.decref(res);
      rt.raise('TypeError', `__format__ must return a str, not ${rt.typeNameOf(res)}`);
    }
    const s = rt.strValue(res);
    rt.decref(res);
    return s;
  } finally {
    rt.decref(bound);
    rt.decref(specStr);
  }
});

// ---- instances: their dict, and __del__ ----
defineSlots(Kind.INSTANCE, {
  dealloc(rt, o) {
    rt.xdecref(rt.i32[(o + INST_DICT) >> 2]! as Ref);
  },
  hash: (_rt, r) => (r >> 4) | 0,
  richcompare: objectRichCompare,
});

/**
 * object's comparison (cf. CPython object_richcompare): `==` is identity, else NotImplemented (0); `!=`
 * asks the type's `==` (a class's __eq__ included) and inverts it unless it is NotImplemented. A new
 * reference, or 0.
 */
export function objectRichCompare(rt: Runtime, a: Ref, b: Ref, op: number): Ref | 0 {
  if (op === 2) return a === b ? rt.True : 0;
  if (op !== 3) return 0;
  const eq = userDunder(rt, rt.typeOf(a), Dunder.EQ) !== 0 ? callDunder(rt, a, '__eq__', [b]) : (a === b ? rt.True : 0);
  if (eq === 0 || eq === rt.NotImplemented) return 0;
  try {
    return truthy(rt, eq) ? rt.False : rt.True;
  } finally {
    rt.decref(eq);
  }
}

export { instanceDict, raiseAttributeError, newMethod, newTuple, TUPLE_ITEMS, truthy, bumpTypeVersion, Root, nativeId, newBuiltin };

// ---- super ----
const SUPER_TYPE = GC_HEADER_END;
const SUPER_OBJ = SUPER_TYPE + 4;
const SUPER_OBJ_TYPE = SUPER_TYPE + 8;

defineConstructor(Kind.SUPER, (rt, _type, args) => {
  let startType: Ref;
  let obj: Ref;
  if (args.length === 0) {
    // zero-argument form: the caller's __class__ cell and first argument (cf. super_init_without_args)
    const interp = interpOf(rt);
    const frame = interp.ts.frame;
    const code = rt.i32[(frame + 4) >> 2]! as Ref;
    const d = decodeCode(rt, code);
    if (d.argcount === 0) rt.raise('RuntimeError', 'super(): no arguments');
    const lp = (frame + 48) >> 2;
    let first = rt.i32[lp]! as Ref;
    if (first !== 0 && rt.kindOf(first) === Kind.CELL && d.ncells > 0) first = rt.i32[(first + CELL_REF) >> 2]! as Ref;
    if (first === 0) rt.raise('RuntimeError', 'super(): arg[0] deleted');
    if (d.classCellIndex === -2) d.classCellIndex = classCellIndex(rt, d.localsplusNames, d.nfree);
    const cls = d.classCellIndex < 0 ? 0 : rt.i32[(rt.i32[lp + d.classCellIndex]! + CELL_REF) >> 2]! as Ref;
    if (cls === 0) rt.raise('RuntimeError', 'super(): __class__ cell not found');
    startType = cls as Ref;
    obj = first;
  } else {
    startType = args[0]!;
    obj = args[1] ?? rt.None;
    if (rt.kindOf(startType) !== Kind.TYPE) rt.raise('TypeError', `super() argument 1 must be a type, not ${rt.typeNameOf(startType)}`);
  }
  const objType = rt.kindOf(obj) === Kind.TYPE && rt.isSubtype(obj, startType) ? obj : rt.typeOf(obj);
  if (obj !== rt.None && !rt.isSubtype(objType, startType)) {
    rt.raise('TypeError', 'super(type, obj): obj must be an instance or subtype of type');
  }
  const s = rt.allocKind(Kind.SUPER, SUPER_OBJ_TYPE + 4);
  rt.incref(startType);
  rt.i32[(s + SUPER_TYPE) >> 2] = startType;
  rt.incref(obj);
  rt.i32[(s + SUPER_OBJ) >> 2] = obj;
  rt.incref(objType);
  rt.i32[(s + SUPER_OBJ_TYPE) >> 2] = objType;
  rt.gcTrack(s);
  return s;
});

/** The localsplus index of the free variable `__class__` among a code object's last `nfree` names, or -1. */
function classCellIndex(rt: Runtime, names: Ref, nfree: number): number {
  const n = tupleSize(rt, names);
  for (let i = n - nfree; i < n; i++) if (rt.strValue(tupleItem(rt, names, i)) === '__class__') return i;
  return -1;
}

defineSlots(Kind.SUPER, {
  dealloc(rt, s) {
    rt.decref(rt.i32[(s + SUPER_TYPE) >> 2]! as Ref);
    rt.decref(rt.i32[(s + SUPER_OBJ) >> 2]! as Ref);
    rt.decref(rt.i32[(s + SUPER_OBJ_TYPE) >> 2]! as Ref);
  },
  repr(rt, s) {
    const t = rt.i32[(s + SUPER_TYPE) >> 2]! as Ref;
    const o = rt.i32[(s + SUPER_OBJ_TYPE) >> 2]! as Ref;
    return `<super: <class '${rt.typeName(t)}'>, <${rt.typeName(o)} object>>`;
  },
  getattr(rt, s, name) {
    const start = rt.i32[(s + SUPER_TYPE) >> 2]! as Ref;
    const obj = rt.i32[(s + SUPER_OBJ) >> 2]! as Ref;
    const objType = rt.i32[(s + SUPER_OBJ_TYPE) >> 2]! as Ref;
    const i32 = rt.i32;
    const mro = i32[(objType + TP_MRO) >> 2]! as Ref;
    const n = tupleSize(rt, mro);
    const items = (mro + TUPLE_ITEMS) >> 2;
    const exactStr = isCacheableName(rt, name);
    let i = 0;
    while (i < n && i32[items + i] !== start) i++;
    for (let k = i + 1; k < n; k++) {
      const d = i32[(i32[items + k]! + TP_DICT) >> 2]! as Ref;
      const v = exactStr ? dictGetStr(rt, d, name) : dictGet(rt, d, name);
      if (v !== 0) {
        if (obj === rt.None || obj === objType && rt.kindOf(v) === Kind.FUNCTION) {
          rt.incref(v);
          return v;
        }
        return bindDescriptor(rt, v, obj, objType);
      }
    }
    return 0;
  },
});

// ---- property, staticmethod, classmethod ----
defineConstructor(Kind.PROPERTY, (rt, type, args, kwargs) => {
  const get = (i: number, k: string): Ref | 0 => {
    const v = args[i] ?? kwargs?.get(k);
    return v === undefined || v === rt.None ? 0 : v;
  };
  return newProperty(rt, get(0, 'fget'), get(1, 'fset'), get(2, 'fdel'), get(3, 'doc'),
    type === rt.types[Kind.PROPERTY] ? 0 : type);
});
const propField = (off: number) => (rt: Runtime, _a: Ref[], _k: Map<string, Ref> | null, self: Ref): Ref => {
  const v = rt.i32[(self + off) >> 2]! as Ref;
  const r = v === 0 ? rt.None : v;
  rt.incref(r);
  return r;
};
defineGetter(Kind.PROPERTY, 'property', 'fget', propField(PROP_GET));
defineGetter(Kind.PROPERTY, 'property', 'fset', propField(PROP_SET));
defineGetter(Kind.PROPERTY, 'property', 'fdel', propField(PROP_DEL));
defineGetter(Kind.PROPERTY, 'property', '__doc__', propField(PROP_DOC));
for (const [name, off] of [['getter', PROP_GET], ['setter', PROP_SET], ['deleter', PROP_DEL]] as const) {
  defineMethod(Kind.PROPERTY, 'property', name, (rt, args, _k, self) => {
    const f = args[0] ?? rt.None;
    const field = (o: number): Ref | 0 => (o === off ? (f === rt.None ? 0 : f) : rt.i32[(self + o) >> 2]! as Ref);
    return newProperty(rt, field(PROP_GET), field(PROP_SET), field(PROP_DEL), rt.i32[(self + PROP_DOC) >> 2]! as Ref);
  });
}
defineConstructor(Kind.STATICMETHOD, (rt, _t, args) => {
  if (args.length !== 1) rt.raise('TypeError', `staticmethod expected 1 argument, got ${args.length}`);
  return newWrapper(rt, Kind.STATICMETHOD, args[0]!);
});
defineConstructor(Kind.CLASSMETHOD, (rt, _t, args) => {
  if (args.length !== 1) rt.raise('TypeError', `classmethod expected 1 argument, got ${args.length}`);
  return newWrapper(rt, Kind.CLASSMETHOD, args[0]!);
});
for (const k of [Kind.STATICMETHOD, Kind.CLASSMETHOD] as const) {
  defineGetter(k, k === Kind.STATICMETHOD ? 'staticmethod' : 'classmethod', '__func__', (rt, _a, _kw, self) => {
    const f = rt.i32[(self + WRAPPED) >> 2]! as Ref;
    rt.incref(f);
    return f;
  });
}
