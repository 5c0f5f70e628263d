/** The interned strs (cf. CPython's interned dict): one str object per text, kept in the heap's interned
 *  table (Root.INTERNED, made by bootTypes) for the life of the heap. */
import { FLAG_INTERNED, type Ref } from '../heap/layout.js';
import { Root, type Runtime } from '../runtime.js';
import { dictGetByText, dictSet } from './dict.js';
import { strHash } from './str-ops.js';

/** The hash a str of text `s` has (str.ts's hash slot: strHash, 1 for 0), computed from the text. */
export function textHash(s: string): number {
  const h = strHash(s) | 0;
  return h === 0 ? 1 : h;
}

/** Interns `s`: the one str object for this text in the interned table (a new reference). */
export function intern(rt: Runtime, s: string): Ref {
  const known = rt.internedByText.get(s);
  if (known !== undefined) {
    rt.incref(known);
    return known;
  }
  const table = rt.root(Root.INTERNED);
  const have = dictGetByText(rt, table, s, textHash(s));
  if (have !== 0) {
    rt.incref(have);
    rt.internedByText.set(s, have);
    return have;
  }
  const str = rt.newStr(s);
  dictSet(rt, table, str, str);
  rt.setMetaFlags(str, FLAG_INTERNED);
  rt.internedByText.set(s, str);
  return str;
}
