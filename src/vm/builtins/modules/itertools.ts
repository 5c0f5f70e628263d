/** The `itertools` module: lazy iterators written in TypeScript (cf. CPython Modules/itertoolsmodule.c),
 *  each a native class (objects/native-object.ts) whose reference fields hold what it walks. */
import type { Ref } from '../../heap/layout.js';
import { PyRaise, type Runtime } from '../../runtime.js';
import { callObject } from '../../interp/call.js';
import { Kind } from '../../objects/kinds.js';
import { listAppend, listItem, listSetItem, listSize, newList } from '../../objects/list.js';
import {
  dataOf, defineNativeClass, getRef, installNativeTypes, isNative, newNative, setRef, takeRef, type Kwargs,
} from '../../objects/native-object.js';
import { binaryOp, eq, getIter, indexValue, iterateToArray, iterNext, repr, truthy } from '../../objects/protocols.js';
import { tupleFrom, tupleItem, tupleSize, tupleSteal } from '../../objects/tuple.js';
import { checkArity, parseArgs } from '../args.js';
import { defineModule, defineModuleFunction } from '../registry.js';

const MOD = 'itertools';
const MAXSIZE = 2n ** 63n - 1n;

// ---- small helpers ----
const f64 = (rt: Runtime, r: Ref, i: number): number => rt.f64[(dataOf(rt, r) >> 3) + i]!;
const setF64 = (rt: Runtime, r: Ref, i: number, v: number): void => {
  rt.f64[(dataOf(rt, r) >> 3) + i] = v;
};
const i32 = (rt: Runtime, r: Ref, i: number): number => rt.i32[(dataOf(rt, r) >> 2) + i]!;
const setI32 = (rt: Runtime, r: Ref, i: number, v: number): void => {
  rt.i32[(dataOf(rt, r) >> 2) + i] = v;
};
const ADD = 0;

/** parseArgs, with argument clinic's message for a missing required argument even when every
 *  parameter is required (`combinations() missing required argument 'r' (pos 2)`). */
function clinicArgs(rt: Runtime, fname: string, args: Ref[], kwargs: Kwargs, names: string[]): (Ref | undefined)[] {
  if (args.length < names.length) {
    names.forEach((n, i) => {
      if (i >= args.length && !(kwargs?.has(n) ?? false)) {
        rt.raise('TypeError', `${fname}() missing required argument '${n}' (pos ${i + 1})`);
      }
    });
  }
  return parseArgs(rt, fname, args, kwargs, names);
}
function noKw(rt: Runtime, name: string, kwargs: Kwargs): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${name}() takes no keyword arguments`);
}
/** `f(x)` as a boolean (the result released). */
function callTruth(rt: Runtime, f: Ref, x: Ref): boolean {
  const v = callObject(rt, f, [x]);
  try {
    return truthy(rt, v);
  } finally {
    rt.decref(v);
  }
}
/** Runs `f` with `x` (a new reference) and releases `x` if `f` throws. */
function guard<T>(rt: Runtime, x: Ref, f: () => T): T {
  try {
    return f();
  } catch (e) {
    rt.decref(x);
    throw e;
  }
}
/** The items of an iterable as a tuple (new reference). */
function tupleOf(rt: Runtime, iterable: Ref): Ref {
  if (rt.kindOf(iterable) === Kind.TUPLE && rt.typeOf(iterable) === rt.types[Kind.TUPLE]) {
    rt.incref(iterable);
    return iterable;
  }
  return tupleSteal(rt, iterateToArray(rt, iterable));
}
/** Next item of the iterator in field `i` of `r`; clears the field when exhausted. */
function nextOf(rt: Runtime, r: Ref, i: number): Ref | 0 {
  const it = getRef(rt, r, i);
  if (it === 0) return 0;
  const x = iterNext(rt, it);
  if (x === 0) setRef(rt, r, i, 0);
  return x;
}
/** A tuple of `pool`'s items at `indices` (new reference). */
function pick(rt: Runtime, pool: Ref, indices: ArrayLike<number>, n: number): Ref {
  const items: Ref[] = [];
  for (let k = 0; k < n; k++) items.push(tupleItem(rt, pool, indices[k]!));
  return tupleFrom(rt, items);
}

// ================= count =================
const COUNT = defineNativeClass({
  module: MOD, name: 'count', refs: 2,
  construct(rt, _type, args, kwargs) {
    const [start, step] = parseArgs(rt, 'count', args, kwargs, ['start=', 'step=']);
    for (const v of [start, step]) {
      if (v !== undefined && !isNumber(rt, v)) rt.raise('TypeError', 'a number is required');
    }
    const s = start ?? rt.newInt(0);
    const st = step ?? rt.newInt(1);
    if (start !== undefined) rt.incref(s);
    if (step !== undefined) rt.incref(st);
    return newNative(rt, COUNT, [s, st]);
  },
  repr(rt, r) {
    const cnt = repr(rt, getRef(rt, r, 0) as Ref);
    const step = getRef(rt, r, 1) as Ref;
    if (rt.kindOf(step) === Kind.INT && rt.intValue(step) === 1) return `count(${cnt})`;
    return `count(${cnt}, ${repr(rt, step)})`;
  },
  next(rt, r) {
    const cnt = getRef(rt, r, 0) as Ref;
    const nxt = binaryOp(rt, ADD, cnt, getRef(rt, r, 1) as Ref);
    rt.incref(cnt);
    setRef(rt, r, 0, nxt);
    return cnt;
  },
});

function isNumber(rt: Runtime, v: Ref): boolean {
  switch (rt.kindOf(v)) {
    case Kind.INT: case Kind.BOOL: case Kind.FLOAT: case Kind.COMPLEX: return true;
    default: {
      try {
        indexValue(rt, v);
        return true;
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        rt.decref(e.exc);
        return false;
      }
    }
  }
}

// ================= cycle =================
/** refs: iterator (0 once exhausted), saved items; data: index. */
const CYCLE = defineNativeClass({
  module: MOD, name: 'cycle', refs: 2, data: 8,
  construct(rt, _type, args, kwargs) {
    noKw(rt, 'cycle', kwargs);
    if (args.length !== 1) rt.raise('TypeError', `cycle expected 1 argument, got ${args.length}`);
    const it = getIter(rt, args[0]!);
    return newNative(rt, CYCLE, [it, newList(rt)]);
  },
  next(rt, r) {
    const saved = getRef(rt, r, 1);
    if (saved === 0) return 0;
    if (getRef(rt, r, 0) !== 0) {
      const x = nextOf(rt, r, 0);
      if (x !== 0) {
        listAppend(rt, saved, x);
        return x;
      }
    }
    const n = listSize(rt, saved);
    if (n === 0) return 0;
    let i = f64(rt, r, 0);
    const x = listItem(rt, saved, i);
    rt.incref(x);
    i++;
    setF64(rt, r, 0, i >= n ? 0 : i);
    return x;
  },
});

// ================= repeat =================
/** refs: the element; data: remaining count (-1: forever). */
const REPEAT = defineNativeClass({
  module: MOD, name: 'repeat', refs: 1, data: 8,
  construct(rt, _type, args, kwargs) {
    const [obj, times] = parseArgs(rt, 'repeat', args, kwargs, ['object', 'times=']);
    let cnt = -1;
    if (times !== undefined) {
      const v = indexValue(rt, times);
      if (BigInt(v) > MAXSIZE || BigInt(v) < -MAXSIZE - 1n) rt.raise('OverflowError', 'Python int too large to convert to C ssize_t');
      cnt = Math.max(0, Number(v));
    }
    rt.incref(obj!);
    const r = newNative(rt, REPEAT, [obj!]);
    setF64(rt, r, 0, cnt);
    return r;
  },
  repr(rt, r) {
    const obj = repr(rt, getRef(rt, r, 0) as Ref);
    const cnt = f64(rt, r, 0);
    return cnt < 0 ? `repeat(${obj})` : `repeat(${obj}, ${cnt})`;
  },
  next(rt, r) {
    const cnt = f64(rt, r, 0);
    if (cnt === 0) return 0;
    if (cnt > 0) setF64(rt, r, 0, cnt - 1);
    const x = getRef(rt, r, 0) as Ref;
    rt.incref(x);
    return x;
  },
  methods: {
    __length_hint__(rt, args, kwargs, self) {
      checkArity(rt, 'repeat.__length_hint__', args, kwargs, 0, 0);
      const cnt = f64(rt, self, 0);
      if (cnt < 0) rt.raise('TypeError', 'len() of unsized object');
      return rt.newInt(cnt);
    },
  },
});

// ================= accumulate =================
/** refs: iterator, func (or 0), total (or 0), initial (or 0). */
const ACCUMULATE = defineNativeClass({
  module: MOD, name: 'accumulate', refs: 4,
  construct(rt, _type, args, kwargs) {
    const [iterable, func, initial] = parseArgs(rt, 'accumulate', args, kwargs, ['iterable', 'func=', '*', 'initial=']);
    const it = getIter(rt, iterable!);
    const f = func === undefined || func === rt.None ? 0 : func;
    const init = initial === undefined || initial === rt.None ? 0 : initial;
    if (f !== 0) rt.incref(f);
    if (init !== 0) rt.incref(init);
    return newNative(rt, ACCUMULATE, [it, f, 0, init]);
  },
  next(rt, r) {
    const initial = takeRef(rt, r, 3);
    if (initial !== 0) {
      setRef(rt, r, 2, initial);
      rt.incref(initial);
      return initial;
    }
    const x = nextOf(rt, r, 0);
    if (x === 0) return 0;
    const total = getRef(rt, r, 2);
    let nt: Ref;
    if (total === 0) nt = x;
    else {
      const f = getRef(rt, r, 1);
      nt = guard(rt, x, () => (f === 0 ? binaryOp(rt, ADD, total, x) : callObject(rt, f, [total, x])));
      rt.decref(x);
    }
    setRef(rt, r, 2, nt);
    rt.incref(nt);
    return nt;
  },
});

// ================= chain =================
/** refs: iterator over the iterables (0 when done), the active iterator (or 0). */
const CHAIN = defineNativeClass({
  module: MOD, name: 'chain', refs: 2,
  construct(rt, _type, args, kwargs) {
    noKw(rt, 'chain', kwargs);
    const t = tupleFrom(rt, args);
    const src = getIter(rt, t);
    rt.decref(t);
    return newNative(rt, CHAIN, [src, 0]);
  },
  next(rt, r) {
    for (;;) {
      if (getRef(rt, r, 1) === 0) {
        const iterable = nextOf(rt, r, 0);
        if (iterable === 0) return 0;
        const it = guard(rt, iterable, () => getIter(rt, iterable));
        rt.decref(iterable);
        setRef(rt, r, 1, it);
      }
      const x = nextOf(rt, r, 1);
      if (x !== 0) return x;
    }
  },
  classMethods: {
    from_iterable(rt, args, kwargs) {
      if ((kwargs !== null && kwargs.size > 0) || args.length !== 1) {
        rt.raise('TypeError', `chain.from_iterable() takes exactly one argument (${args.length} given)`);
      }
      return newNative(rt, CHAIN, [getIter(rt, args[0]!), 0]);
    },
  },
});

// ================= compress, dropwhile, takewhile, filterfalse, starmap, pairwise =================
const COMPRESS = defineNativeClass({
  module: MOD, name: 'compress', refs: 2,
  construct(rt, _type, args, kwargs) {
    const [data, selectors] = clinicArgs(rt, 'compress', args, kwargs, ['data', 'selectors']);
    const d = getIter(rt, data!);
    const s = guard(rt, d, () => getIter(rt, selectors!));
    return newNative(rt, COMPRESS, [d, s]);
  },
  next(rt, r) {
    for (;;) {
      const x = nextOf(rt, r, 0);
      if (x === 0) return 0;
      const sel = guard(rt, x, () => nextOf(rt, r, 1));
      if (sel === 0) {
        rt.decref(x);
        return 0;
      }
      const ok = guard(rt, x, () => {
        try {
          return truthy(rt, sel);
        } finally {
          rt.decref(sel);
        }
      });
      if (ok) return x;
      rt.decref(x);
    }
  },
});

function predIterCtor(tag: () => number, name: string) {
  return (rt: Runtime, _type: Ref, args: Ref[], kwargs: Kwargs): Ref => {
    noKw(rt, name, kwargs);
    if (args.length !== 2) rt.raise('TypeError', `${name} expected 2 arguments, got ${args.length}`);
    const it = getIter(rt, args[1]!);
    rt.incref(args[0]!);
    return newNative(rt, tag(), [args[0]!, it], 8);
  };
}

/** refs: predicate, iterator; data: 1 once the predicate went false. */
const DROPWHILE: number = defineNativeClass({
  module: MOD, name: 'dropwhile', refs: 2, data: 8,
  construct: predIterCtor(() => DROPWHILE, 'dropwhile'),
  next(rt, r) {
    for (;;) {
      const x = nextOf(rt, r, 1);
      if (x === 0) return 0;
      if (i32(rt, r, 0) === 1) return x;
      if (!guard(rt, x, () => callTruth(rt, getRef(rt, r, 0) as Ref, x))) {
        setI32(rt, r, 0, 1);
        return x;
      }
      rt.decref(x);
    }
  },
});

const TAKEWHILE: number = defineNativeClass({
  module: MOD, name: 'takewhile', refs: 2, data: 8,
  construct: predIterCtor(() => TAKEWHILE, 'takewhile'),
  next(rt, r) {
    if (i32(rt, r, 0) === 1) return 0;
    const x = nextOf(rt, r, 1);
    if (x === 0) return 0;
    if (guard(rt, x, () => callTruth(rt, getRef(rt, r, 0) as Ref, x))) return x;
    rt.decref(x);
    setI32(rt, r, 0, 1);
    return 0;
  },
});

const FILTERFALSE: number = defineNativeClass({
  module: MOD, name: 'filterfalse', refs: 2, data: 8,
  construct: predIterCtor(() => FILTERFALSE, 'filterfalse'),
  next(rt, r) {
    for (;;) {
      const x = nextOf(rt, r, 1);
      if (x === 0) return 0;
      const f = getRef(rt, r, 0) as Ref;
      const ok = guard(rt, x, () => (f === rt.None || f === rt.types[Kind.BOOL] ? truthy(rt, x) : callTruth(rt, f, x)));
      if (!ok) return x;
      rt.decref(x);
    }
  },
});

const STARMAP: number = defineNativeClass({
  module: MOD, name: 'starmap', refs: 2, data: 8,
  construct: predIterCtor(() => STARMAP, 'starmap'),
  next(rt, r) {
    const x = nextOf(rt, r, 1);
    if (x === 0) return 0;
    const t = guard(rt, x, () => tupleOf(rt, x));
    rt.decref(x);
    try {
      const items: Ref[] = [];
      for (let i = 0; i < tupleSize(rt, t); i++) items.push(tupleItem(rt, t, i));
      return callObject(rt, getRef(rt, r, 0) as Ref, items);
    } finally {
      rt.decref(t);
    }
  },
});

/** refs: iterator, the previous item (or 0). */
const PAIRWISE = defineNativeClass({
  module: MOD, name: 'pairwise', refs: 2,
  construct(rt, _type, args, kwargs) {
    noKw(rt, 'pairwise', kwargs);
    if (args.length !== 1) rt.raise('TypeError', `pairwise expected 1 argument, got ${args.length}`);
    return newNative(rt, PAIRWISE, [getIter(rt, args[0]!), 0]);
  },
  next(rt, r) {
    if (getRef(rt, r, 0) === 0) return 0;
    let old = getRef(rt, r, 1);
    if (old === 0) {
      old = nextOf(rt, r, 0);
      if (old === 0) return 0;
      setRef(rt, r, 1, old);
    }
    const x = nextOf(rt, r, 0);
    if (x === 0) {
      setRef(rt, r, 1, 0);
      return 0;
    }
    const pair = tupleFrom(rt, [old, x]);
    setRef(rt, r, 1, x);
    return pair;
  },
});

// ================= islice =================
/** refs: iterator; data: next index, stop (-1: None), step, count so far. */
const ISLICE = defineNativeClass({
  module: MOD, name: 'islice', refs: 1, data: 32,
  construct(rt, _type, args, kwargs) {
    noKw(rt, 'islice', kwargs);
    checkArity(rt, 'islice', args, null, 2, 4);
    const intArg = (v: Ref, msg: string, dflt: number): number => {
      if (v === rt.None) return dflt;
      let n: number | bigint;
      try {
        n = indexValue(rt, v);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        rt.decref(e.exc);
        return rt.raise('ValueError', msg);
      }
      if (n < 0 || BigInt(n) > MAXSIZE) rt.raise('ValueError', msg);
      return Number(n);
    };
    let start = 0;
    let stop: number;
    let step = 1;
    const stopMsg = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
    const idxMsg = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
    if (args.length === 2) stop = intArg(args[1]!, stopMsg, -1);
    else {
      stop = intArg(args[2]!, stopMsg, -1);
      start = intArg(args[1]!, idxMsg, 0);
      if (args.length === 4) {
        step = intArg(args[3]!, 'Step for islice() must be a positive integer or None.', 1);
        if (step === 0) rt.raise('ValueError', 'Step for islice() must be a positive integer or None.');
      }
    }
    const it = getIter(rt, args[0]!);
    const r = newNative(rt, ISLICE, [it]);
    setF64(rt, r, 0, start);
    setF64(rt, r, 1, stop);
    setF64(rt, r, 2, step);
    setF64(rt, r, 3, 0);
    return r;
  },
  next(rt, r) {
    // cf. CPython islice_next
    const it = getRef(rt, r, 0);
    if (it === 0) return 0;
    const stop = f64(rt, r, 1);
    while (f64(rt, r, 3) < f64(rt, r, 0)) {
      const x = iterNext(rt, it);
      if (x === 0) {
        setRef(rt, r, 0, 0);
        return 0;
      }
      rt.decref(x);
      setF64(rt, r, 3, f64(rt, r, 3) + 1);
    }
    if (stop !== -1 && f64(rt, r, 3) >= stop) {
      setRef(rt, r, 0, 0);
      return 0;
    }
    const x = iterNext(rt, it);
    if (x === 0) {
      setRef(rt, r, 0, 0);
      return 0;
    }
    setF64(rt, r, 3, f64(rt, r, 3) + 1);
    let nxt = f64(rt, r, 0) + f64(rt, r, 2);
    if (stop !== -1 && nxt > stop) nxt = stop;
    setF64(rt, r, 0, nxt);
    return x;
  },
});

// ================= groupby =================
/** groupby refs: iterator, key function (or 0), target key, current key, current value (each 0 when
 *  unset); data: the generation of the current _grouper (0: none). */
const GROUPBY = defineNativeClass({
  module: MOD, name: 'groupby', refs: 5, data: 8,
  construct(rt, _type, args, kwargs) {
    const [iterable, key] = parseArgs(rt, 'groupby', args, kwargs, ['iterable', 'key=']);
    const it = getIter(rt, iterable!);
    const k = key === undefined || key === rt.None ? 0 : key;
    if (k !== 0) rt.incref(k);
    return newNative(rt, GROUPBY, [it, k, 0, 0, 0]);
  },
  next(rt, r) {
    setF64(rt, r, 0, f64(rt, r, 0) + 1); // invalidates the current grouper
    for (;;) {
      const cur = getRef(rt, r, 3);
      const tgt = getRef(rt, r, 2);
      if (cur !== 0) {
        if (tgt === 0) break;
        if (!eq(rt, tgt, cur)) break;
      }
      if (!groupbyStep(rt, r)) return 0;
    }
    const cur = getRef(rt, r, 3) as Ref;
    rt.incref(cur);
    setRef(rt, r, 2, cur);
    rt.incref(r);
    rt.incref(cur);
    const g = newNative(rt, GROUPER, [r, cur]);
    setF64(rt, g, 0, f64(rt, r, 0));
    rt.incref(cur);
    return tupleSteal(rt, [cur, g]);
  },
});

/** Advances a groupby: its current value and key from the next item; false when exhausted. */
function groupbyStep(rt: Runtime, gb: Ref): boolean {
  const x = nextOf(rt, gb, 0);
  if (x === 0) return false;
  const kf = getRef(rt, gb, 1);
  let k: Ref;
  if (kf === 0) {
    rt.incref(x);
    k = x;
  } else k = guard(rt, x, () => callObject(rt, kf, [x]));
  setRef(rt, gb, 4, x);
  setRef(rt, gb, 3, k);
  return true;
}

/** _grouper refs: the groupby, the key of its group; data: the generation it belongs to. */
const GROUPER = defineNativeClass({
  module: MOD, name: '_grouper', refs: 2, data: 8,
  next(rt, r) {
    const gb = getRef(rt, r, 0);
    if (gb === 0 || f64(rt, gb, 0) !== f64(rt, r, 0)) return 0;
    if (getRef(rt, gb, 4) === 0 && !groupbyStep(rt, gb)) return 0;
    if (!eq(rt, getRef(rt, r, 1) as Ref, getRef(rt, gb, 3) as Ref)) return 0;
    setRef(rt, gb, 3, 0);
    return takeRef(rt, gb, 4);
  },
});

// ================= tee =================
/** _tee_dataobject refs: the source iterator (0 when exhausted), the buffered items (a list). */
const TEEDATA = defineNativeClass({ module: MOD, name: '_tee_dataobject', refs: 2 });
/** _tee refs: the shared data object; data: the index of its next item. */
const TEE = defineNativeClass({
  module: MOD, name: '_tee', refs: 1, data: 8,
  construct(rt, _type, args, kwargs) {
    noKw(rt, '_tee', kwargs);
    checkArity(rt, '_tee', args, null, 1, 1);
    return teeFrom(rt, args[0]!);
  },
  next(rt, r) {
    const td = getRef(rt, r, 0);
    if (td === 0) return 0;
    const buf = getRef(rt, td, 1) as Ref;
    const i = f64(rt, r, 0);
    if (i < listSize(rt, buf)) {
      setF64(rt, r, 0, i + 1);
      const x = listItem(rt, buf, i);
      rt.incref(x);
      return x;
    }
    const x = nextOf(rt, td, 0);
    if (x === 0) return 0;
    listAppend(rt, buf, x);
    setF64(rt, r, 0, i + 1);
    return x;
  },
  methods: {
    __copy__(rt, args, kwargs, self) {
      checkArity(rt, '_tee.__copy__', args, kwargs, 0, 0);
      return teeCopy(rt, self);
    },
  },
});

function teeCopy(rt: Runtime, t: Ref): Ref {
  const td = getRef(rt, t, 0);
  if (td !== 0) rt.incref(td);
  const c = newNative(rt, TEE, [td]);
  setF64(rt, c, 0, f64(rt, t, 0));
  return c;
}
/** A _tee over `iterable` (new reference): a copy if it already is one. */
function teeFrom(rt: Runtime, iterable: Ref): Ref {
  const it = getIter(rt, iterable);
  if (isNative(rt, it, TEE)) {
    const c = teeCopy(rt, it);
    rt.decref(it);
    return c;
  }
  const td = newNative(rt, TEEDATA, [it, newList(rt)]);
  return newNative(rt, TEE, [td]);
}

defineModuleFunction(MOD, 'tee', (rt, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'itertools.tee() takes no keyword arguments');
  checkArity(rt, 'tee', args, null, 1, 2);
  let n = 2;
  if (args.length === 2) {
    const v = indexValue(rt, args[1]!);
    if (v < 0) rt.raise('ValueError', 'n must be >= 0');
    n = Number(v);
  }
  if (n === 0) {
    rt.incref(rt.emptyTuple);
    return rt.emptyTuple;
  }
  const first = teeFrom(rt, args[0]!);
  const out = [first];
  for (let i = 1; i < n; i++) out.push(teeCopy(rt, first));
  return tupleSteal(rt, out);
});

// ================= zip_longest =================
/** refs: a list of the iterators (None once exhausted), the fill value; data: number still active. */
const ZIP_LONGEST = defineNativeClass({
  module: MOD, name: 'zip_longest', refs: 2, data: 8,
  construct(rt, _type, args, kwargs) {
    let fill: Ref = rt.None;
    if (kwargs !== null) {
      for (const [k, v] of kwargs) {
        if (k !== 'fillvalue') rt.raise('TypeError', 'zip_longest() got an unexpected keyword argument');
        fill = v;
      }
    }
    const its = newList(rt);
    try {
      for (const a of args) {
        const it = getIter(rt, a);
        listAppend(rt, its, it);
        rt.decref(it);
      }
    } catch (e) {
      rt.decref(its);
      throw e;
    }
    rt.incref(fill);
    const r = newNative(rt, ZIP_LONGEST, [its, fill]);
    setF64(rt, r, 0, args.length);
    return r;
  },
  next(rt, r) {
    const its = getRef(rt, r, 0);
    if (its === 0) return 0;
    const n = listSize(rt, its);
    if (n === 0 || f64(rt, r, 0) === 0) return 0;
    const fill = getRef(rt, r, 1) as Ref;
    const items: Ref[] = [];
    try {
      for (let i = 0; i < n; i++) {
        const it = listItem(rt, its, i);
        let x: Ref | 0 = 0;
        if (it !== rt.None) {
          x = iterNext(rt, it);
          if (x === 0) {
            const active = f64(rt, r, 0) - 1;
            setF64(rt, r, 0, active);
            if (active === 0) {
              for (const y of items) rt.decref(y);
              return 0;
            }
            listSetItem(rt, its, i, rt.None);
          }
        }
        if (x === 0) {
          rt.incref(fill);
          x = fill;
        }
        items.push(x);
      }
    } catch (e) {
      for (const y of items) rt.decref(y);
      throw e;
    }
    return tupleSteal(rt, items);
  },
});

// ================= combinatorics =================
/** The index arrays of product, permutations, combinations and combinations_with_replacement live in
 *  the data area as int32s: [state (0 first, 1 running, 2 done), n, r, indices..., cycles...]. */
const ST = 0, N = 1, R = 2, IDX = 3;

function combData(rt: Runtime, r: Ref, count: number): Int32Array {
  const base = dataOf(rt, r) >> 2;
  return rt.i32.subarray(base + IDX, base + IDX + count);
}

function newComb(rt: Runtime, tag: number, pool: Ref, n: number, rr: number, words: number): Ref {
  const c = newNative(rt, tag, [pool], (IDX + words) * 4);
  setI32(rt, c, N, n);
  setI32(rt, c, R, rr);
  return c;
}

/** The `r` argument: permutations takes None (all) and wants an int; the others take any index. */
function rArg(rt: Runtime, v: Ref | undefined, dflt: number | null): number {
  let x: number;
  if (dflt !== null) {
    if (v === undefined || v === rt.None) return dflt;
    if (!rt.isInstanceOfKind(v, Kind.INT)) rt.raise('TypeError', 'Expected int as r');
    x = Number(rt.intValue(v));
  } else {
    x = Number(indexValue(rt, v!));
  }
  if (x < 0) rt.raise('ValueError', 'r must be non-negative');
  return x;
}

/** product: refs: a tuple of the pools; data as above, with one index a pool. */
const PRODUCT = defineNativeClass({
  module: MOD, name: 'product', refs: 1,
  construct(rt, _type, args, kwargs) {
    let repeat = 1;
    if (kwargs !== null) {
      for (const [k, v] of kwargs) {
        if (k !== 'repeat') rt.raise('TypeError', `'${k}' is an invalid keyword argument for product()`);
        const x = indexValue(rt, v);
        if (x < 0) rt.raise('ValueError', 'repeat argument cannot be negative');
        repeat = Number(x);
      }
    }
    const pools: Ref[] = [];
    try {
      for (const a of args) pools.push(tupleOf(rt, a));
    } catch (e) {
      for (const p of pools) rt.decref(p);
      throw e;
    }
    const all: Ref[] = [];
    for (let i = 0; i < repeat; i++) all.push(...pools);
    const t = tupleFrom(rt, all);
    for (const p of pools) rt.decref(p);
    return newComb(rt, PRODUCT, t, all.length, all.length, all.length);
  },
  next(rt, r) {
    const pools = getRef(rt, r, 0);
    if (pools === 0) return 0;
    const st = i32(rt, r, ST);
    const n = i32(rt, r, N);
    const idx = combData(rt, r, n);
    if (st === 2) return 0;
    if (st === 0) {
      setI32(rt, r, ST, 1);
      for (let i = 0; i < n; i++) {
        if (tupleSize(rt, tupleItem(rt, pools, i)) === 0) {
          setI32(rt, r, ST, 2);
          return 0;
        }
      }
    } else {
      let i = n - 1;
      for (; i >= 0; i--) {
        idx[i]!++;
        if (idx[i]! < tupleSize(rt, tupleItem(rt, pools, i))) break;
        idx[i] = 0;
      }
      if (i < 0) {
        setI32(rt, r, ST, 2);
        return 0;
      }
    }
    const items: Ref[] = [];
    for (let i = 0; i < n; i++) items.push(tupleItem(rt, tupleItem(rt, pools, i), idx[i]!));
    return tupleFrom(rt, items);
  },
});

const COMBINATIONS = defineNativeClass({
  module: MOD, name: 'combinations', refs: 1,
  construct(rt, _type, args, kwargs) {
    const [iterable, rv] = clinicArgs(rt, 'combinations', args, kwargs, ['iterable', 'r']);
    const pool = tupleOf(rt, iterable!);
    const rr = guard(rt, pool, () => rArg(rt, rv, null));
    const c = newComb(rt, COMBINATIONS, pool, tupleSize(rt, pool), rr, rr);
    const idx = combData(rt, c, rr);
    for (let i = 0; i < rr; i++) idx[i] = i;
    return c;
  },
  next(rt, c) {
    // cf. the equivalent Python in the itertools documentation
    const pool = getRef(rt, c, 0);
    const st = i32(rt, c, ST);
    const n = i32(rt, c, N);
    const rr = i32(rt, c, R);
    if (pool === 0 || st === 2 || rr > n) return 0;
    const idx = combData(rt, c, rr);
    if (st === 1) {
      let i = rr - 1;
      while (i >= 0 && idx[i] === i + n - rr) i--;
      if (i < 0) {
        setI32(rt, c, ST, 2);
        return 0;
      }
      idx[i]!++;
      for (let j = i + 1; j < rr; j++) idx[j] = idx[j - 1]! + 1;
    }
    setI32(rt, c, ST, 1);
    return pick(rt, pool, idx, rr);
  },
});

const CWR = defineNativeClass({
  module: MOD, name: 'combinations_with_replacement', refs: 1,
  construct(rt, _type, args, kwargs) {
    const [iterable, rv] = clinicArgs(rt, 'combinations_with_replacement', args, kwargs, ['iterable', 'r']);
    const pool = tupleOf(rt, iterable!);
    const rr = guard(rt, pool, () => rArg(rt, rv, null));
    return newComb(rt, CWR, pool, tupleSize(rt, pool), rr, rr);
  },
  next(rt, c) {
    const pool = getRef(rt, c, 0);
    const st = i32(rt, c, ST);
    const n = i32(rt, c, N);
    const rr = i32(rt, c, R);
    if (pool === 0 || st === 2 || (n === 0 && rr > 0)) return 0;
    const idx = combData(rt, c, rr);
    if (st === 1) {
      let i = rr - 1;
      while (i >= 0 && idx[i] === n - 1) i--;
      if (i < 0) {
        setI32(rt, c, ST, 2);
        return 0;
      }
      const v = idx[i]! + 1;
      for (let j = i; j < rr; j++) idx[j] = v;
    }
    setI32(rt, c, ST, 1);
    return pick(rt, pool, idx, rr);
  },
});

/** permutations: indices (n words) then cycles (r words). */
const PERMUTATIONS = defineNativeClass({
  module: MOD, name: 'permutations', refs: 1,
  construct(rt, _type, args, kwargs) {
    const [iterable, rv] = parseArgs(rt, 'permutations', args, kwargs, ['iterable', 'r=']);
    const pool = tupleOf(rt, iterable!);
    const n = tupleSize(rt, pool);
    const rr = guard(rt, pool, () => rArg(rt, rv, n));
    const c = newComb(rt, PERMUTATIONS, pool, n, rr, n + rr);
    const d = combData(rt, c, n + rr);
    for (let i = 0; i < n; i++) d[i] = i;
    for (let i = 0; i < rr && rr <= n; i++) d[n + i] = n - i;
    return c;
  },
  next(rt, c) {
    const pool = getRef(rt, c, 0);
    const st = i32(rt, c, ST);
    const n = i32(rt, c, N);
    const rr = i32(rt, c, R);
    if (pool === 0 || st === 2 || rr > n) return 0;
    const d = combData(rt, c, n + rr);
    const idx = d.subarray(0, n);
    const cycles = d.subarray(n, n + rr);
    if (st === 1) {
      if (n === 0) {
        setI32(rt, c, ST, 2);
        return 0;
      }
      let i = rr - 1;
      for (; i >= 0; i--) {
        cycles[i]!--;
        if (cycles[i] === 0) {
          const first = idx[i]!;
          for (let j = i; j < n - 1; j++) idx[j] = idx[j + 1]!;
          idx[n - 1] = first;
          cycles[i] = n - i;
        } else {
          const j = cycles[i]!;
          const t = idx[i]!;
          idx[i] = idx[n - j]!;
          idx[n - j] = t;
          break;
        }
      }
      if (i < 0) {
        setI32(rt, c, ST, 2);
        return 0;
      }
    }
    setI32(rt, c, ST, 1);
    return pick(rt, pool, idx, rr);
  },
});

defineModule(MOD, (rt, dict) => {
  installNativeTypes(rt, MOD, dict);
});
