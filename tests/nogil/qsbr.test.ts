/** No-GIL mode's delayed drops (nogil/qsbr.ts), one rule at a time: two Runtimes on one heap in this
 *  thread play two workers. What a dict gives up (an overwritten or deleted value, clear, popitem) is
 *  dropped at once while its worker is the only one online, else only once every other online worker
 *  has passed a quiescent point (its tick, or blocking) after the dropping worker's next tick. */
import { describe, expect, it } from 'vitest';
import { type Ref } from '../../src/vm/heap/layout.js';
import { dictClear, dictDel, dictPopLast, dictSet, newDict } from '../../src/vm/objects/dict.js';
import { tupleFrom } from '../../src/vm/objects/tuple.js';
import { bootRuntime, twoWorkers } from './runtimes.js';

/** A dict holding the only reference to a new float under key 'k', and a record of what a frees. */
function dictWithValue(a: ReturnType<typeof bootRuntime>) {
  const d = newDict(a);
  const k = a.newStr('k');
  const v = a.newFloat(1.5);
  dictSet(a, d, k, v);
  a.decref(v);
  const freed: Ref[] = [];
  a.onDealloc = (r) => { freed.push(r); };
  return { d, k, v, freed };
}

describe('no-GIL delayed drops (QSBR)', () => {
  it('is off in GIL mode', () => {
    const rt = bootRuntime();
    expect(rt.delayedDrops).toBe(null);
  });

  it('drops at once while the dropping worker is the only one online', () => {
    const { a, wa, wb } = twoWorkers();
    wb.blockingBegin();
    const { d, k, v, freed } = dictWithValue(a);
    const w = a.newFloat(2.5);
    dictSet(a, d, k, w);
    expect(freed).toEqual([v]);
    expect(wa.drops.pending).toBe(0);
    a.decref(w);
    a.decref(k);
    a.decref(d);
    wb.blockingEnd();
  });

  it('waits until every other online worker passed a tick after the dropping worker\'s tick', () => {
    const { a, wa, wb } = twoWorkers();
    const { d, k, v, freed } = dictWithValue(a);
    const w = a.newFloat(2.5);
    dictSet(a, d, k, w); // b may have read v borrowed (it is online): v must outlive b's next tick
    expect(freed).toEqual([]);
    expect(wa.drops.pending).toBe(1);
    wb.tick(); // (before a's tick gave the drop its goal: does not count)
    wa.tick();
    expect(freed).toEqual([]);
    wa.tick();
    expect(freed).toEqual([]);
    wb.tick(); // b's quiescent point after the goal
    expect(freed).toEqual([]); // (b does not drop a's references)
    wa.tick();
    expect(freed).toEqual([v]);
    expect(wa.drops.pending).toBe(0);
    a.decref(w);
    a.decref(k);
    a.decref(d);
  });

  it('does not wait for a worker that is blocking (offline), and one coming back counts from then', () => {
    const { a, wa, wb } = twoWorkers();
    const { d, k, v, freed } = dictWithValue(a);
    dictDel(a, d, k); // key and value both wait
    expect(wa.drops.pending).toBe(2); // the dict's references to the key and to the value
    wa.tick();
    wb.blockingBegin();
    wa.tick();
    expect(freed).toEqual([v]);
    wb.blockingEnd();
    freed.length = 0;
    const v2 = a.newFloat(3.5); // (perhaps in v's block)
    dictSet(a, d, k, v2);
    a.decref(v2);
    dictClear(a, d); // b online again: waits for it (the old table itself, holding no object, goes at once)
    wa.tick();
    expect(freed).not.toContain(v2);
    wb.tick();
    wa.tick();
    expect(freed).toContain(v2);
    a.decref(k);
    a.decref(d);
  });

  it('popitem hands the caller its own references while the dict\'s wait', () => {
    const { a, wa, wb } = twoWorkers();
    const { d, k, v, freed } = dictWithValue(a);
    const kv = dictPopLast(a, d)!;
    expect(kv).toEqual([k, v]);
    a.decref(kv[0]);
    a.decref(kv[1]);
    expect(freed).toEqual([]); // the caller's reference is gone, the dict's waits
    wa.tick();
    wb.tick();
    wa.tick();
    expect(freed).toEqual([v]);
    a.decref(k);
    a.decref(d);
  });

  it('drops what is left when the worker detaches, once the others are offline or passed a tick', () => {
    const { a, wa, wb } = twoWorkers();
    const { d, k, v, freed } = dictWithValue(a);
    const w = a.newFloat(2.5);
    dictSet(a, d, k, w);
    a.decref(w);
    a.decref(k);
    expect(freed).toEqual([]);
    wb.blockingBegin();
    a.decref(d); // (the dict's own release: w goes at once, nothing reads a dict being freed)
    wa.detach();
    expect(freed).toContain(v);
    expect(freed).toContain(w);
    wb.blockingEnd();
  });

  it('flushes for gc.collect(): waits for the others, out of the running set', () => {
    const { a, wa, wb } = twoWorkers();
    const { d, k, v, freed } = dictWithValue(a);
    dictDel(a, d, k);
    wb.blockingBegin(); // (in this thread b cannot tick while a waits: offline, it holds nothing)
    expect(wa.drops.flush()).toBe(true);
    expect(freed).toEqual([v]);
    wb.blockingEnd();
    a.decref(k);
    a.decref(d);
  });

  it('keeps what waits out of the automatic collection\'s count (it would have been freed at once)', () => {
    const { a, wa, wb } = twoWorkers();
    const d = newDict(a);
    const keys = Array.from({ length: 800 }, (_, i) => a.newInt(1000 + i));
    for (const k of keys) {
      const t = tupleFrom(a, [k, k]);
      dictSet(a, d, k, t);
      a.decref(t);
    }
    a.gcPending = false;
    a.gcCounts[0] = 0;
    for (const k of keys) dictSet(a, d, k, a.None); // 800 tuples wait (b is online)
    expect(wa.drops.pending).toBe(800);
    const made = Array.from({ length: 750 }, () => tupleFrom(a, [a.None])); // past threshold 0 (700)...
    expect(a.gcPending).toBe(false); // ...but not past it with the waiting tuples discounted
    for (const t of made) a.decref(t);
    wa.tick();
    wb.tick();
    wa.tick();
    expect(wa.drops.pending).toBe(0);
    for (const k of keys) a.decref(k);
    a.decref(d);
  });
});
