/** The `gc` module (cf. CPython gcmodule.c): collections by generation, thresholds and counts, the
 *  tracked objects and what refers to what. The collector itself is objects/gc.ts. */
import { FLAG_FINALIZED, FLAG_GC_TRACKED, FREED_TAG, GC_NEXT, HEAP_START, META_CLASS_SHIFT, OB_META, OB_TYPE, type Ref } from '../../heap/layout.js';
import { classBytes } from '../../heap/heap.js';
import { TP_FLAGS, TPF_HEAPTYPE, type Runtime } from '../../runtime.js';
import { collect, gcState, mayBeTracked, traverseForReferents } from '../../objects/gc.js';
import { dictItems, dictSet, newDict } from '../../objects/dict.js';
import { Kind } from '../../objects/kinds.js';
import { listSteal, newList } from '../../objects/list.js';
import { setGlobal } from '../../objects/module.js';
import { indexValue } from '../../objects/protocols.js';
import { tupleSteal } from '../../objects/tuple.js';
import { checkArity, parseArgs } from '../args.js';
import { setSharedGcEnabled, sharedGcEnabled, sharedThresholds } from '../../nogil/sync.js';
import { defineModule, defineModuleFunction } from '../registry.js';

/** gc.set_debug's flags (kept and reported; gilpy prints no debugging output). */
const debugFlags = new WeakMap<Runtime, number>();

/** A generation number argument: an int in 0..2, with gcmodule.c's messages. */
function generationArg(rt: Runtime, r: Ref): number {
  const g = Number(indexValue(rt, r));
  if (g === -1) return -1; // all generations, as None
  if (g < 0) rt.raise('ValueError', 'generation parameter cannot be negative');
  if (g >= 3) rt.raise('ValueError', 'generation parameter must be less than the number of available generations (3)');
  return g;
}

defineModuleFunction('gc', 'collect', (rt, args, kwargs) => {
  const [g] = parseArgs(rt, 'collect', args, kwargs, ['generation=']);
  let gen = 2;
  if (g !== undefined) {
    gen = Number(indexValue(rt, g));
    if (gen < 0 || gen > 2) rt.raise('ValueError', 'invalid generation');
  }
  // no-GIL mode: what this thread deleted from dicts (a module-level `del a, b`) waits for the other
  // workers' ticks before it is dropped (nogil/qsbr.ts); dropped first, the collection finds it as the
  // GIL mode's would
  rt.delayedDrops?.flush();
  return rt.newInt(collect(rt, gen));
});
defineModuleFunction('gc', 'enable', (rt, args, kwargs) => {
  checkArity(rt, 'gc.enable', args, kwargs, 0, 0);
  rt.gcEnabled = true;
  if (rt.containerLocks !== null) setSharedGcEnabled(rt, true); // no-GIL mode: for every worker
  return rt.None;
});
defineModuleFunction('gc', 'disable', (rt, args, kwargs) => {
  checkArity(rt, 'gc.disable', args, kwargs, 0, 0);
  rt.gcEnabled = false;
  if (rt.containerLocks !== null) setSharedGcEnabled(rt, false);
  return rt.None;
});
defineModuleFunction('gc', 'isenabled', (rt, args, kwargs) => {
  checkArity(rt, 'gc.isenabled', args, kwargs, 0, 0);
  return rt.bool(rt.containerLocks !== null ? sharedGcEnabled(rt) : rt.gcEnabled);
});
defineModuleFunction('gc', 'get_count', (rt, args, kwargs) => {
  checkArity(rt, 'gc.get_count', args, kwargs, 0, 0);
  return tupleSteal(rt, rt.gcCounts.map((c) => rt.newInt(c)));
});
defineModuleFunction('gc', 'get_threshold', (rt, args, kwargs) => {
  checkArity(rt, 'gc.get_threshold', args, kwargs, 0, 0);
  const t = rt.containerLocks !== null ? sharedThresholds(rt) : rt.gcThresholds; // no-GIL: the heap's
  return tupleSteal(rt, Array.from(t, (c) => rt.newInt(c)));
});
defineModuleFunction('gc', 'set_threshold', (rt, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'set_threshold() takes no keyword arguments');
  if (args.length < 1) rt.raise('TypeError', 'set_threshold() takes at least 1 argument (0 given)');
  if (args.length > 3) rt.raise('TypeError', `set_threshold() takes at most 3 arguments (${args.length} given)`);
  const vals = args.map((a) => {
    if (!rt.isInstanceOfKind(a, Kind.INT)) {
      rt.raise('TypeError', rt.kindOf(a) === Kind.FLOAT ? "'float' object cannot be interpreted as an integer"
        : `'${rt.typeNameOf(a)}' object cannot be interpreted as an integer`);
    }
    return Number(indexValue(rt, a));
  });
  const shared = rt.containerLocks !== null ? sharedThresholds(rt) : null;
  vals.forEach((v, i) => {
    rt.gcThresholds[i] = v;
    if (shared !== null) shared[i] = v;
  });
  return rt.None;
});
defineModuleFunction('gc', 'get_stats', (rt, args, kwargs) => {
  checkArity(rt, 'gc.get_stats', args, kwargs, 0, 0);
  return listSteal(rt, gcState(rt).stats.map((s) => {
    const d = newDict(rt);
    for (const [k, v] of Object.entries(s)) {
      const key = rt.newStr(k);
      const val = rt.newInt(v);
      dictSet(rt, d, key, val);
      rt.decref(key);
      rt.decref(val);
    }
    return d;
  }));
});
defineModuleFunction('gc', 'set_debug', (rt, args, kwargs) => {
  checkArity(rt, 'gc.set_debug', args, kwargs, 1, 1);
  debugFlags.set(rt, Number(indexValue(rt, args[0]!)));
  return rt.None;
});
defineModuleFunction('gc', 'get_debug', (rt, args, kwargs) => {
  checkArity(rt, 'gc.get_debug', args, kwargs, 0, 0);
  return rt.newInt(debugFlags.get(rt) ?? 0);
});

/** The tracked objects of generation `gen`, or of all (borrowed). No-GIL mode has no generation lists: a
 *  walk of the heap finds the objects with the tracked flag (call it with the world stopped; every
 *  generation holds them all). */
function tracked(rt: Runtime, gen: number | null): Ref[] {
  const out: Ref[] = [];
  if (rt.containerLocks !== null) {
    const i32 = rt.i32;
    for (let p = HEAP_START, top = rt.heap.top; p < top;) {
      const meta = i32[(p + OB_META) >> 2]!;
      const t = i32[(p + OB_TYPE) >> 2]!;
      if (t !== FREED_TAG && t !== 0 && (meta & FLAG_GC_TRACKED) !== 0 && rt.refcount(p as Ref) > 0) out.push(p as Ref);
      p += classBytes(meta >>> META_CLASS_SHIFT);
    }
    return out;
  }
  for (let g = 0; g < 3; g++) {
    if (gen !== null && g !== gen) continue;
    for (let p = rt.gcHeads[g]!; p !== 0; p = rt.i32[(p + GC_NEXT) >> 2]!) {
      if (rt.refcount(p as Ref) > 0) out.push(p as Ref);
    }
  }
  return out;
}

/** What a program sees as tracked (cf. gc.is_tracked): a dict holding no container is not (CPython untracks
 *  it, or never tracked it); instances of Python classes always are. */
function isTracked(rt: Runtime, r: Ref): boolean {
  const type = rt.typeOf(r);
  if (type === rt.types[Kind.DICT]) {
    if ((rt.i32[(r + OB_META) >> 2]! & FLAG_GC_TRACKED) === 0) return false;
    for (const [k, v] of dictItems(rt, r)) if (mayBeTracked(rt, k) || mayBeTracked(rt, v)) return true;
    return false;
  }
  if ((rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) return true;
  return (rt.i32[(r + OB_META) >> 2]! & FLAG_GC_TRACKED) !== 0;
}

defineModuleFunction('gc', 'get_objects', (rt, args, kwargs) => {
  const [g] = parseArgs(rt, 'get_objects', args, kwargs, ['generation=']);
  let gen: number | null = g === undefined || g === rt.None ? null : generationArg(rt, g);
  if (gen === -1) gen = null;
  return listOfFound(rt, () => tracked(rt, gen).filter((r) => isTracked(rt, r)));
});
defineModuleFunction('gc', 'is_tracked', (rt, args, kwargs) => {
  checkArity(rt, 'is_tracked', args, kwargs, 1, 1);
  return rt.bool(isTracked(rt, args[0]!));
});
defineModuleFunction('gc', 'is_finalized', (rt, args, kwargs) => {
  checkArity(rt, 'is_finalized', args, kwargs, 1, 1);
  return rt.bool((rt.i32[(args[0]! + OB_META) >> 2]! & FLAG_FINALIZED) !== 0);
});
defineModuleFunction('gc', 'get_referents', (rt, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'get_referents() takes no keyword arguments');
  const out: Ref[] = [];
  for (const obj of args) traverseForReferents(rt, obj, (x) => out.push(x));
  for (const r of out) rt.incref(r); // (what live objects reference: alive)
  return out.length === 0 ? newList(rt) : listSteal(rt, out);
});
defineModuleFunction('gc', 'get_referrers', (rt, args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'get_referrers() takes no keyword arguments');
  const wanted = new Set<number>(args);
  return listOfFound(rt, () => {
    const out: Ref[] = [];
    for (const r of tracked(rt, null)) {
      let found = false;
      traverseForReferents(rt, r, (x) => {
        if (wanted.has(x)) found = true;
      });
      if (found) out.push(r);
    }
    return out;
  });
});

/** A new list of what `find` finds (borrowed refs). No-GIL mode: `find` runs with every other worker
 *  parked, and a reference to each object found is taken before they go on (so none is freed meanwhile). */
function listOfFound(rt: Runtime, find: () => Ref[]): Ref {
  const locks = rt.containerLocks;
  const found = (): Ref[] => {
    const items = find();
    for (const r of items) rt.incref(r);
    return items;
  };
  const items = locks === null ? found() : locks.stopTheWorld(found);
  return items.length === 0 ? newList(rt) : listSteal(rt, items);
}

defineModule('gc', (rt, dict) => {
  for (const name of ['garbage', 'callbacks']) {
    const l = newList(rt);
    setGlobal(rt, dict, name, l);
    rt.decref(l);
  }
  for (const [name, v] of [['DEBUG_STATS', 1], ['DEBUG_COLLECTABLE', 2], ['DEBUG_UNCOLLECTABLE', 4],
    ['DEBUG_SAVEALL', 32], ['DEBUG_LEAK', 38]] as const) {
    const i = rt.newInt(v);
    setGlobal(rt, dict, name, i);
    rt.decref(i);
  }
});
