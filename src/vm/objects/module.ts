/** module objects: a name and a dict (the module's globals). */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { dictSet, newDict } from './dict.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { intern } from './type.js';

export const MOD_DICT = GC_HEADER_END;
export const MOD_NAME = MOD_DICT + 4;
const MOD_BYTES = MOD_DICT + 8;

/** A new module called `name` with a fresh dict holding `__name__` (new reference). */
export function newModule(rt: Runtime, name: string, dict: Ref | 0 = 0): Ref {
  const m = rt.allocKind(Kind.MODULE, MOD_BYTES);
  const d = dict === 0 ? newDict(rt) : dict;
  if (dict !== 0) rt.incref(dict);
  rt.i32[(m + MOD_DICT) >> 2] = d;
  rt.i32[(m + MOD_NAME) >> 2] = intern(rt, name);
  setGlobal(rt, d, '__name__', rt.i32[(m + MOD_NAME) >> 2]! as Ref);
  setGlobal(rt, d, '__doc__', rt.None);
  rt.gcTrack(m);
  return m;
}

export function moduleDict(rt: Runtime, m: Ref): Ref {
  return rt.i32[(m + MOD_DICT) >> 2]! as Ref;
}
export function moduleName(rt: Runtime, m: Ref): string {
  return rt.strValue(rt.i32[(m + MOD_NAME) >> 2]! as Ref);
}

/** dict[name] = value with an interned key (`value` borrowed). */
export function setGlobal(rt: Runtime, dict: Ref, name: string, value: Ref): void {
  const k = intern(rt, name);
  dictSet(rt, dict, k, value);
  rt.decref(k);
}

defineSlots(Kind.MODULE, {
  dealloc(rt, m) {
    rt.xdecref(rt.i32[(m + MOD_DICT) >> 2]! as Ref);
    rt.xdecref(rt.i32[(m + MOD_NAME) >> 2]! as Ref);
  },
  repr(rt, m) {
    return `<module '${moduleName(rt, m)}'>`;
  },
  hash(_rt, r) {
    return (r >> 4) | 0;
  },
});
