/** `format(value, spec)`: the format-spec mini-language for built-in types, __format__ for the rest. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { str as strOf } from './protocols.js';

/** Formatters for the built-in kinds (installed by their modules: int.ts, float.ts, str.ts). */
export const FORMATTERS: Partial<Record<Kind, (rt: Runtime, r: Ref, spec: string) => string>> = {};

/** Hook for user classes that define __format__ (installed by the class machinery). */
export let userFormatHook: (rt: Runtime, r: Ref, spec: string) => string | null = () => null;
export function setUserFormatHook(f: typeof userFormatHook): void {
  userFormatHook = f;
}

/** `format(r, spec)` as a JS string. */
export function formatObject(rt: Runtime, r: Ref, spec: string): string {
  const user = userFormatHook(rt, r, spec);
  if (user !== null) return user;
  const f = FORMATTERS[rt.kindOf(r)];
  if (f !== undefined) return f(rt, r, spec);
  if (spec !== '') rt.raise('TypeError', `unsupported format string passed to ${rt.typeNameOf(r)}.__format__`);
  return strOf(rt, r);
}
