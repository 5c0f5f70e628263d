/** `object`: plain instances (`object()`), their repr and identity hash, and the per-type reprs of the
 *  small built-in types whose instances use the plain object layout (sys.stdout's TextIOWrapper). */
import type { Ref } from '../heap/layout.js';
import { TP_MODULE, TP_QUALNAME, type Runtime } from '../runtime.js';
import { defineConstructor } from './constructors.js';
import { Kind } from './kinds.js';
import { defaultRepr } from './protocols.js';
import { defineSlots } from './slots.js';

/** Bytes of a plain `object()` instance: just the header. */
export const OBJECT_BYTES = 16;

/**
 * Reprs of static types built on Kind.OBJECT, keyed by 'module.qualname' (a JS table built the same way
 * in every VM, so it needs no heap state). Types without an entry get object.__repr__.
 */
const TYPE_REPRS = new Map<string, (rt: Runtime, r: Ref) => string>();

export function defineObjectRepr(qualifiedName: string, f: (rt: Runtime, r: Ref) => string): void {
  TYPE_REPRS.set(qualifiedName, f);
}

function qualifiedName(rt: Runtime, type: Ref): string {
  const mod = rt.i32[(type + TP_MODULE) >> 2]! as Ref;
  const q = rt.strValue(rt.i32[(type + TP_QUALNAME) >> 2]! as Ref);
  return mod === 0 ? q : `${rt.strValue(mod)}.${q}`;
}

defineSlots(Kind.OBJECT, {
  repr(rt, r) {
    const t = rt.typeOf(r);
    if (t !== rt.types[Kind.OBJECT] && TYPE_REPRS.size > 0) {
      const f = TYPE_REPRS.get(qualifiedName(rt, t));
      if (f !== undefined) return f(rt, r);
    }
    return defaultRepr(rt, r);
  },
  // cf. CPython _Py_HashPointer: identity (only the low 32 bits are used by the tables)
  hash: (_rt, r) => (r >> 4) | 0,
});

// cf. CPython object_new / object_init: `object()` takes no arguments.
defineConstructor(Kind.OBJECT, (rt, type, args, kwargs) => {
  if (args.length > 0 || (kwargs !== null && kwargs.size > 0)) rt.raise('TypeError', 'object() takes no arguments');
  return rt.alloc(type, OBJECT_BYTES);
});
