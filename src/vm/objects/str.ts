/** str: slots for printing, hashing, comparison, concatenation and indexing. */
import type { Ref } from '../heap/layout.js';
import { STR_HASH, type Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { strHash, strRepr } from './str-ops.js';

defineSlots(Kind.STR, {
  repr(rt, r) {
    return strRepr(rt.strValue(r));
  },
  str(rt, r) {
    return rt.strValue(r);
  },
  hash(rt, r) {
    const i = (r + STR_HASH) >> 2;
    let h = rt.i32[i]!;
    if (h === 0) {
      h = strHash(rt.strValue(r)) | 0;
      if (h === 0) h = 1;
      rt.i32[i] = h;
    }
    return h;
  },
  len(rt, r) {
    return rt.strLength(r);
  },
  richcompare(rt, a, b, op) {
    if (rt.kindOf(b) !== Kind.STR) return 0;
    const x = rt.strValue(a);
    const y = rt.strValue(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return rt.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!);
  },
  add(rt, a, b) {
    if (rt.kindOf(a) !== Kind.STR || rt.kindOf(b) !== Kind.STR) return 0;
    return rt.newStr(rt.strValue(a) + rt.strValue(b));
  },
});

export type { Ref };
