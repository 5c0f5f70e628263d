/** None, NotImplemented, Ellipsis: their reprs, truth and hashes. */
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { defineConstructor } from './constructors.js';

defineSlots(Kind.NONE, {
  repr: () => 'None',
  bool: () => false,
  hash: () => 0x0fcb_2f1e | 0,
  richcompare(rt, a, b, op) {
    if (op === 2) return rt.bool(a === b);
    if (op === 3) return rt.bool(a !== b);
    return 0;
  },
});
defineSlots(Kind.NOT_IMPLEMENTED, { repr: () => 'NotImplemented', hash: () => 0x2bad_c0de });
defineSlots(Kind.ELLIPSIS, { repr: () => 'Ellipsis', hash: () => 0x1e11_1951 });

defineConstructor(Kind.NONE, (rt, _t, args) => {
  if (args.length > 0) rt.raise('TypeError', 'NoneType takes no arguments');
  return rt.None;
});
