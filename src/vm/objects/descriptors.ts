/** Descriptors: property (also used for built-in getters), staticmethod and classmethod objects. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { setWrapDescriptor } from './type.js';

/** property: fget, fset, fdel, doc (each may be 0). */
export const PROP_GET = GC_HEADER_END;
export const PROP_SET = PROP_GET + 4;
export const PROP_DEL = PROP_GET + 8;
export const PROP_DOC = PROP_GET + 12;
const PROP_BYTES = PROP_GET + 16;

/** staticmethod / classmethod: the wrapped callable. */
export const WRAPPED = GC_HEADER_END;
const WRAPPED_BYTES = WRAPPED + 8;

/** A new property (all borrowed, 0 for absent). */
export function newProperty(rt: Runtime, fget: Ref | 0, fset: Ref | 0, fdel: Ref | 0, doc: Ref | 0, type: Ref | 0 = 0): Ref {
  const p = type === 0 ? rt.allocKind(Kind.PROPERTY, PROP_BYTES) : rt.alloc(type, PROP_BYTES);
  const set = (off: number, v: Ref | 0): void => {
    if (v !== 0) {
      rt.incref(v);
      rt.i32[(p + off) >> 2] = v;
    }
  };
  set(PROP_GET, fget);
  set(PROP_SET, fset);
  set(PROP_DEL, fdel);
  set(PROP_DOC, doc);
  rt.gcTrack(p);
  return p;
}

export function newWrapper(rt: Runtime, kind: Kind.STATICMETHOD | Kind.CLASSMETHOD, callable: Ref): Ref {
  const w = rt.allocKind(kind, WRAPPED_BYTES);
  rt.incref(callable);
  rt.i32[(w + WRAPPED) >> 2] = callable;
  rt.gcTrack(w);
  return w;
}

setWrapDescriptor((rt, kind, builtin, setter) => {
  if (kind === 'getter') return newProperty(rt, builtin, setter ?? 0, 0, 0);
  return newWrapper(rt, kind === 'class' ? Kind.CLASSMETHOD : Kind.STATICMETHOD, builtin);
});

const releaseFields = (offs: number[]) => (rt: Runtime, r: Ref): void => {
  for (const o of offs) rt.xdecref(rt.i32[(r + o) >> 2]! as Ref);
};
defineSlots(Kind.PROPERTY, { dealloc: releaseFields([PROP_GET, PROP_SET, PROP_DEL, PROP_DOC]) });
defineSlots(Kind.STATICMETHOD, { dealloc: releaseFields([WRAPPED]) });
defineSlots(Kind.CLASSMETHOD, { dealloc: releaseFields([WRAPPED]) });
