/** Built-in functions and methods implemented in TypeScript. Each implementation is registered once, at
 *  module load, in the same order in every VM, so a heap object can name it by its index. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { intern } from './interned.js';

/**
 * A native: positional arguments (borrowed) and keyword arguments (borrowed, or null), and for a
 * method the object it is bound to. Returns a new reference.
 */
export type NativeImpl = (rt: Runtime, args: Ref[], kwargs: Map<string, Ref> | null, self: Ref) => Ref;

export interface NativeSpec {
  readonly name: string;
  readonly impl: NativeImpl;
  /** True for methods: called through a type, the first argument becomes `self`. */
  readonly method: boolean;
  readonly doc?: string;
}

export const NATIVES: NativeSpec[] = [];
const byKey = new Map<string, number>();

/** Registers an implementation under a unique key ("builtins.len", "list.append"); returns its id. */
export function registerNative(key: string, spec: NativeSpec): number {
  const have = byKey.get(key);
  if (have !== undefined) return have;
  NATIVES.push(spec);
  byKey.set(key, NATIVES.length - 1);
  return NATIVES.length - 1;
}
export function nativeId(key: string): number {
  const id = byKey.get(key);
  if (id === undefined) throw new Error(`gilpy bug: no native ${key}`);
  return id;
}

/** builtin_function_or_method: native id, bound self (0 for unbound), name, module name. */
export const BF_NATIVE = GC_HEADER_END;
export const BF_SELF = BF_NATIVE + 4;
export const BF_NAME = BF_NATIVE + 8;
export const BF_MODULE = BF_NATIVE + 12;
const BF_BYTES = BF_NATIVE + 16;

/** A new builtin function object for native `id`, bound to `self` if given (all borrowed). */
export function newBuiltin(rt: Runtime, id: number, self: Ref | 0 = 0, module: Ref | 0 = 0): Ref {
  const b = rt.allocKind(Kind.BUILTIN_FUNCTION, BF_BYTES);
  rt.i32[(b + BF_NATIVE) >> 2] = id;
  if (self !== 0) {
    rt.incref(self);
    rt.i32[(b + BF_SELF) >> 2] = self;
  }
  rt.i32[(b + BF_NAME) >> 2] = intern(rt, NATIVES[id]!.name); // (CPython's method descriptors intern theirs)
  if (module !== 0) {
    rt.incref(module);
    rt.i32[(b + BF_MODULE) >> 2] = module;
  }
  rt.gcTrack(b);
  return b;
}

export function builtinNative(rt: Runtime, b: Ref): NativeSpec {
  return NATIVES[rt.i32[(b + BF_NATIVE) >> 2]!]!;
}
