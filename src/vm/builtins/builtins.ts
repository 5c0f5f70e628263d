/** The `builtins` module: boot of its namespace (functions, types, exceptions, constants) and of the
 *  import system's tables; the functions themselves live in functions.ts. */
import type { Ref } from '../heap/layout.js';
import { Root, type Runtime } from '../runtime.js';
import { setCallHook } from '../objects/attrs.js';
import { setCallFunctionHook } from '../interp/call.js';
import { dictSet, newDict, dictGet } from '../objects/dict.js';
import { EXCEPTION_NAMES, excType } from '../objects/exceptions.js';
import { Kind } from '../objects/kinds.js';
import { newModule, moduleDict, setGlobal } from '../objects/module.js';
import { newBuiltin } from '../objects/native.js';
import { intern } from '../objects/type.js';
import { BUILTIN_TYPES } from '../runtime.js';
import { callObject } from '../interp/call.js';
import { BUILTIN_FUNCTIONS, type HostServices } from './registry.js';
import { interpOf } from './host-access.js';
import { installImportSystem } from './imports.js';

/** Built-in types reachable by name from `builtins`. */
const PUBLIC_TYPES: Kind[] = [Kind.OBJECT, Kind.TYPE, Kind.INT, Kind.BOOL, Kind.FLOAT, Kind.STR, Kind.BYTES,
  Kind.BYTEARRAY, Kind.TUPLE, Kind.LIST, Kind.DICT, Kind.SET, Kind.FROZENSET, Kind.RANGE, Kind.SLICE, Kind.ENUMERATE,
  Kind.ZIP, Kind.MAP, Kind.FILTER, Kind.REVERSED, Kind.PROPERTY, Kind.STATICMETHOD, Kind.CLASSMETHOD, Kind.SUPER,
  Kind.COMPLEX];

/** The JS-side hooks the builtins need: set at boot, and again in a forked child attached to a heap copy. */
export function installBuiltinHooks(rt: Runtime, host: HostServices): void {
  setCallFunctionHook((rt2, func, args, kwargs) => interpOf(rt2).callFunction(func, args, kwargs));
  setCallHook((rt2, callable, args) => callObject(rt2, callable, args));
  installImportSystem(rt, host);
}

/** Makes the `builtins` module and sys.modules (with `builtins` in it): heap only (the boot image holds
 *  them); installBuiltinHooks does the JS side. */
export function bootBuiltins(rt: Runtime): void {
  const mod = newModule(rt, 'builtins');
  const d = moduleDict(rt, mod);
  rt.setRoot(Root.BUILTINS, d);
  rt.incref(d);
  for (const { name, id } of BUILTIN_FUNCTIONS) {
    const f = newBuiltin(rt, id, 0, rt.i32[(mod + 28) >> 2]! as Ref);
    setGlobal(rt, d, name, f);
    rt.decref(f);
  }
  for (const k of PUBLIC_TYPES) setGlobal(rt, d, BUILTIN_TYPES[k]!.name, rt.types[k]!);
  for (const name of EXCEPTION_NAMES) setGlobal(rt, d, name, excType(rt, name));
  setGlobal(rt, d, 'EnvironmentError', excType(rt, 'OSError'));
  setGlobal(rt, d, 'IOError', excType(rt, 'OSError'));
  setGlobal(rt, d, 'None', rt.None);
  setGlobal(rt, d, 'True', rt.True);
  setGlobal(rt, d, 'False', rt.False);
  setGlobal(rt, d, 'Ellipsis', rt.Ellipsis);
  setGlobal(rt, d, 'NotImplemented', rt.NotImplemented);
  setGlobal(rt, d, '__debug__', rt.True);

  const modules = newDict(rt);
  rt.setRoot(Root.SYS_MODULES, modules);
  const key = intern(rt, 'builtins');
  dictSet(rt, modules, key, mod);
  rt.decref(key);
  rt.decref(mod);
  void dictGet;
}
