/** The interned-string table (cf. CPython's PyUnicode_InternInPlace): one str object per text. */
import { FLAG_INTERNED, type Ref } from '../heap/layout.js';
import { Root, type Runtime } from '../runtime.js';
import { dictGet, dictSet } from './dict.js';

/** Interns `s`: the one str object for this text in the interned table (a new reference). */
export function intern(rt: Runtime, s: string): Ref {
  const table = rt.root(Root.INTERNED);
  const probe = rt.newStr(s);
  const have = dictGet(rt, table, probe);
  if (have !== 0) {
    rt.decref(probe);
    rt.incref(have);
    return have;
  }
  dictSet(rt, table, probe, probe);
  rt.setMetaFlags(probe, FLAG_INTERNED);
  return probe;
}
