/** int and bool: slots for arithmetic, comparison, hashing and printing (values: see runtime.ts). */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';

/** True for int, bool and int subclasses. */
export function isIntLike(rt: Runtime, r: Ref): boolean {
  const k = rt.kindOf(r);
  return k === Kind.INT || k === Kind.BOOL;
}

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

const intBinary = (f: (a: bigint, b: bigint, rt: Runtime) => bigint, fast: (a: number, b: number) => number | null) =>
  (rt: Runtime, a: Ref, b: Ref): Ref | 0 => {
    if (!isIntLike(rt, a) || !isIntLike(rt, b)) return 0;
    const x = rt.intValue(a);
    const y = rt.intValue(b);
    if (typeof x === 'number' && typeof y === 'number') {
      const r = fast(x, y);
      if (r !== null && Number.isSafeInteger(r)) return rt.newInt(r);
    }
    return rt.newInt(f(big(x), big(y), rt));
  };

function floorDiv(a: bigint, b: bigint, rt: Runtime): bigint {
  if (b === 0n) rt.raise('ZeroDivisionError', 'integer division or modulo by zero');
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function mod(a: bigint, b: bigint, rt: Runtime): bigint {
  if (b === 0n) rt.raise('ZeroDivisionError', 'integer modulo by zero');
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

defineSlots(Kind.INT, {
  repr(rt, r) {
    return String(rt.intValue(r));
  },
  hash(rt, r) {
    const v = rt.intValue(r);
    if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff) return v === -1 ? -2 : v;
    const m = 2n ** 61n - 1n;
    let h = big(v) % m;
    if (h === -1n) h = -2n;
    return Number(BigInt.asIntN(32, h));
  },
  bool(rt, r) {
    const v = rt.intValue(r);
    return v !== 0 && v !== 0n;
  },
  richcompare(rt, a, b, op) {
    if (!isIntLike(rt, b)) return 0;
    const x = rt.intValue(a);
    const y = rt.intValue(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    const t = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!;
    return rt.bool(t);
  },
  add: intBinary((a, b) => a + b, (a, b) => a + b),
  sub: intBinary((a, b) => a - b, (a, b) => a - b),
  mul: intBinary((a, b) => a * b, (a, b) => a * b),
  floordiv: intBinary(floorDiv, () => null),
  mod: intBinary(mod, () => null),
  neg(rt, r) {
    const v = rt.intValue(r);
    return rt.newInt(typeof v === 'number' ? -v : -v);
  },
  pos(rt, r) {
    return rt.newInt(rt.intValue(r));
  },
  index(rt, r) {
    return rt.intValue(r);
  },
});

defineSlots(Kind.BOOL, {
  repr(rt, r) {
    return r === rt.True ? 'True' : 'False';
  },
});
