/** The striped container locks and the safepoint words, one rule at a time: two Runtimes on one heap in
 *  this thread play two workers (nothing here blocks; the parallel cases are containers.test.ts). */
import { describe, expect, it } from 'vitest';
import { HeapCorruption } from '../../src/vm/heap/heap.js';
import { FLAG_GC_TRACKED, FLAG_WEAKREFD, H_SERIAL, OB_META, type Ref } from '../../src/vm/heap/layout.js';
import { attachNoGilWorker, enableNoGilHeap } from '../../src/vm/nogil/attach.js';
import { enableStopTheWorldCollector, LOCK_STRIPES, STRIPES, stripeOf, syncBase } from '../../src/vm/nogil/sync.js';
import { dictGetRef, dictSet, newDict } from '../../src/vm/objects/dict.js';
import { listAppend, listSize, newList } from '../../src/vm/objects/list.js';
import { collect } from '../../src/vm/objects/gc.js';
import { attachRuntime, bootRuntime } from './runtimes.js';

function twoWorkers() {
  const a = bootRuntime();
  const wa = enableNoGilHeap(a);
  enableStopTheWorldCollector(a);
  const b = attachRuntime(a.heap.buffer);
  const wb = attachNoGilWorker(b);
  return { a, b, wa, wb };
}
const lockWord = (rt: ReturnType<typeof bootRuntime>, r: Ref): number => Atomics.load(rt.i32, syncBase(rt) + STRIPES + stripeOf(r));
const running = (rt: ReturnType<typeof bootRuntime>): number => Atomics.load(rt.i32, syncBase(rt) + 1);

describe('no-GIL striped locks', () => {
  it('records the owner in the stripe word, is recursive, and frees the word at the outermost release', () => {
    const { a, wa } = twoWorkers();
    const l = newList(a);
    wa.locks.acquire(l);
    expect(lockWord(a, l)).toBe(wa.id);
    wa.locks.acquire(l); // recursion: no self-deadlock
    // a container operation on the same list while the worker holds its lock (recursive use)
    listAppend(a, l, a.None);
    wa.locks.release(l);
    expect(lockWord(a, l)).toBe(wa.id);
    wa.locks.release(l);
    expect(lockWord(a, l)).toBe(0);
    expect(() => wa.locks.release(l)).toThrow(HeapCorruption);
  });

  it('lets one worker hold two objects of one stripe, and takes two stripes in index order', () => {
    const { a, wa } = twoWorkers();
    const x = 4096 as Ref;
    let y = 4112 as Ref;
    while (stripeOf(y) !== stripeOf(x)) y = (y + 16) as Ref; // another address in x's stripe
    wa.locks.acquire2(x, y);
    expect(lockWord(a, x)).toBe(wa.id);
    wa.locks.release2(x, y);
    expect(lockWord(a, x)).toBe(0);
    const stripes = new Set(Array.from({ length: 4096 }, (_, i) => stripeOf((i * 16) as Ref)));
    expect(stripes.size).toBeGreaterThan(LOCK_STRIPES * 0.9); // neighbouring blocks spread over the table
  });

  it('drops what a locked operation removed only after the outermost release', () => {
    const { a, wa, wb } = twoWorkers();
    wb.blockingBegin(); // b offline: a is alone, so a dict's drop waits for nothing else (qsbr.ts)
    const d = newDict(a);
    const k = a.newStr('k');
    const v = a.newFloat(1.5);
    dictSet(a, d, k, v);
    a.decref(v); // the dict holds v's only reference
    let freed = 0;
    a.onDealloc = (r) => { if (r === v) freed++; };
    wa.locks.acquire(d);
    const w = a.newFloat(2.5);
    dictSet(a, d, k, w); // overwrites v: its drop waits
    expect(freed).toBe(0);
    wa.locks.release(d);
    expect(freed).toBe(1);
    const got = dictGetRef(a, d, k);
    expect(got).toBe(w);
    a.decref(got as Ref);
    a.decref(w);
    a.decref(k);
    a.decref(d);
    wb.blockingEnd();
  });

  it('updates header flags and serials atomically, and tracks containers by flag only', () => {
    const { a, b } = twoWorkers();
    expect(a.atomicHeader && b.atomicHeader).toBe(true);
    const s0 = a.i32[H_SERIAL >> 2]!;
    const s1 = a.nextSerial();
    const s2 = b.nextSerial();
    expect([s1, s2]).toEqual([s0 + 1, s0 + 2]);
    const l = newList(b);
    expect(a.i32[(l + OB_META) >> 2]! & FLAG_GC_TRACKED).toBe(FLAG_GC_TRACKED);
    expect(b.gcHeads).toEqual([0, 0, 0]);
    a.setMetaFlags(l, FLAG_WEAKREFD);
    a.clearMetaFlags(l, FLAG_WEAKREFD);
    expect(a.i32[(l + OB_META) >> 2]! & FLAG_WEAKREFD).toBe(0);
    b.decref(l);
  });
});

describe('no-GIL safepoints', () => {
  it('counts running workers, and blocking / detaching leave the count', () => {
    const { a, wa, wb } = twoWorkers();
    expect(running(a)).toBe(2);
    wb.blockingBegin();
    expect(running(a)).toBe(1);
    expect(wa.safepoint()).toBe(false); // nobody is stopping the world
    // with B blocked, A can stop the world without waiting, and collect cycles B made
    wb.blockingEnd();
    expect(running(a)).toBe(2);
    wb.detach();
    expect(running(a)).toBe(1);
  });

  it('collects a cycle made by another worker, with the world stopped', () => {
    const { a, b, wb } = twoWorkers();
    const l = newList(b);
    listAppend(b, l, l);
    b.decref(l);
    wb.blockingBegin(); // B waits (in a real run: parked or blocked) while A collects
    const live = a.heap.liveObjects;
    expect(collect(a)).toBeGreaterThanOrEqual(1);
    wb.blockingEnd();
    wb.tick(); // B merges what A's collection queued to it (the list was B's)
    expect(a.heap.liveObjects).toBeLessThan(live);
  });

  it('stops the world over a lock held by a parked worker (its section is suspended), and detaching with one is refused', () => {
    const { a, b, wa, wb } = twoWorkers();
    const l = newList(b);
    wb.locks.acquire(l); // B runs Python code under l's lock (a key's __eq__, say) and blocks there
    wb.blockingBegin();
    const n = wa.stopTheWorld(() => {
      listAppend(a, l, a.None); // A passes over B's lock: B is not running
      return listSize(a, l);
    });
    expect(n).toBe(1);
    expect(lockWord(a, l)).toBe(wb.id); // B still holds it, and goes on
    wb.blockingEnd();
    expect(() => wb.detach()).toThrow(HeapCorruption);
    wb.locks.release(l);
    b.decref(l);
    wb.detach();
    expect(running(a)).toBe(1);
  });
});
