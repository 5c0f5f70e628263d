/** No-GIL mode's allocator and biased reference counting, one step at a time: two Runtimes on one heap in
 *  this one thread play two workers, so every rule of src/vm/nogil/brc.ts can be checked in order. */
import { describe, expect, it } from 'vitest';
import { HeapCorruption, HeapExhausted } from '../../src/vm/heap/heap.js';
import { NATIVES, nativeId } from '../../src/vm/objects/native.js';
import { FREED_TAG, H_LIMIT, IMMORTAL_REFCNT, IMMORTAL_REPORTED, OB_REF_SHARED, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import { attachNoGilWorker, enableNoGilHeap, type NoGilWorker } from '../../src/vm/nogil/attach.js';
import {
  ownerOf, SHARED_MERGED, SHARED_ONE, SHARED_QUEUED,
} from '../../src/vm/nogil/brc.js';
import { freeBlocks } from '../../src/vm/nogil/worker-heap.js';
import type { Runtime } from '../../src/vm/runtime.js';
import { tupleSteal } from '../../src/vm/objects/tuple.js';
import { attachRuntime, bootRuntime } from './runtimes.js';
import { makeAuxTypes } from '../../src/vm/objects/dict-type.js';

interface Pair { a: Runtime; b: Runtime; wa: NoGilWorker; wb: NoGilWorker; freed: number[] }

/** Worker A (id 1, the heap's first) and worker B (id 2); `freed` lists every object deallocated. */
function twoWorkers(opts: { maxBytes?: number } = {}): Pair {
  const a = bootRuntime(opts);
  const wa = enableNoGilHeap(a);
  const b = attachRuntime(a.heap.buffer);
  const wb = attachNoGilWorker(b);
  const freed: number[] = [];
  a.onDealloc = (r) => freed.push(r);
  b.onDealloc = (r) => freed.push(r);
  return { a, b, wa, wb, freed };
}

const shared = (rt: Runtime, r: Ref): number => Atomics.load(rt.i32, (r + OB_REF_SHARED) >> 2);
const local = (rt: Runtime, r: Ref): number => rt.i32[r >> 2]!;

describe('no-GIL heap: per-worker allocation', () => {
  it('gives workers ids 1, 2, ... and records the allocating worker as the owner', () => {
    const { a, b, wa, wb } = twoWorkers();
    expect([wa.id, wb.id]).toEqual([1, 2]);
    const x = a.newFloat(1.5);
    const y = b.newFloat(2.5);
    expect(ownerOf(a.i32, x)).toBe(1);
    expect(ownerOf(a.i32, y)).toBe(2);
    expect(a.heap.liveObjects).toBe(b.heap.liveObjects);
  });

  it('gives the heap\'s existing objects to worker 1 with their counts, and its free blocks too', () => {
    const rt = bootRuntime();
    makeAuxTypes(rt); // (else enableNoGilHeap makes them, and the counts below would include them)
    const kept = rt.newFloat(1.5);
    rt.incref(kept);
    const dropped = [rt.newFloat(2.5), rt.newFloat(3.5)];
    for (const d of dropped) rt.decref(d);
    const live = rt.heap.liveObjects;
    const w = enableNoGilHeap(rt);
    expect(w.id).toBe(1);
    expect(ownerOf(rt.i32, kept)).toBe(1);
    expect([local(rt, kept), shared(rt, kept)]).toEqual([2, 0]);
    expect(rt.heap.liveObjects).toBe(live + 4); // the worker table, the sync block, the QSBR block, the weakref registry (a dict, its table in its own block)
    expect(new Set([rt.newFloat(4.5), rt.newFloat(5.5)])).toEqual(new Set(dropped));
    expect(() => enableNoGilHeap(rt)).toThrow(HeapCorruption);
  });

  it('puts a block on the list of the worker that frees it, and counts exactly', () => {
    const { a, b, wa, freed } = twoWorkers();
    const base = a.heap.liveObjects;
    const x = a.newFloat(1.5);
    expect(b.heap.liveObjects).toBe(base + 1);
    // a's reference handed to b, which drops it: queued to a, freed when a merges
    b.decref(x);
    expect(freed).toEqual([]);
    expect(a.heap.liveObjects).toBe(base + 2); // x and its queue node
    wa.tick();
    expect(freed).toEqual([x]);
    expect(a.heap.liveObjects).toBe(base);
    expect(a.newFloat(0.5)).toBe(x); // freed by a (merging): on a's list
    const y = b.newFloat(2.5);
    b.decref(y);
    expect(freed).toEqual([x, y]);
    expect(b.newFloat(3.5)).toBe(y); // b's own list first
  });

  it('hands a detached worker\'s free blocks to the next worker that attaches, once', () => {
    const { a, b, wb } = twoWorkers();
    const ys = [b.newFloat(1), b.newFloat(2), b.newFloat(3)];
    for (const y of ys) b.decref(y);
    wb.detach();
    const c = attachRuntime(a.heap.buffer);
    attachNoGilWorker(c);
    const d = attachRuntime(a.heap.buffer);
    attachNoGilWorker(d);
    const got = [c.newFloat(4), c.newFloat(5), c.newFloat(6)];
    expect(new Set(got)).toEqual(new Set(ys));
    expect(ys).not.toContain(d.newFloat(7));
  });

  it('stops at --max-heap with HeapExhausted (MemoryError) and never passes the limit', () => {
    const { a, b } = twoWorkers({ maxBytes: 4 << 20 });
    const grab = (rt: Runtime): number => {
      let n = 0;
      try {
        for (;;) {
          rt.newFloat(n++);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(HeapExhausted);
      }
      return n;
    };
    grab(a);
    grab(b);
    expect(a.heap.top).toBeLessThanOrEqual(a.i32[H_LIMIT >> 2]!); // raised by at most the rescues
  });

  it('finds no block twice on the free lists', () => {
    const { a, b } = twoWorkers();
    const xs = Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).newFloat(i));
    xs.forEach((x, i) => ((i % 3 ? b : a)).decref(x));
    const blocks = freeBlocks(a.heap);
    expect(new Set(blocks).size).toBe(blocks.length);
    for (const f of blocks) expect(a.i32[(f + OB_TYPE) >> 2]).toBe(FREED_TAG);
  });
});

describe('no-GIL heap: biased reference counting', () => {
  it('counts the owner\'s references locally and everyone else\'s in the shared word', () => {
    const { a, b } = twoWorkers();
    const x = a.newFloat(1.5);
    a.incref(x);
    expect([local(a, x), shared(a, x)]).toEqual([2, 0]);
    b.incref(x);
    b.incref(x);
    expect([local(a, x), shared(a, x)]).toEqual([2, 2 * SHARED_ONE]);
    expect(a.refcount(x)).toBe(4);
    expect(b.refcount(x)).toBe(4);
    b.decref(x);
    a.decref(x);
    expect([local(a, x), shared(a, x)]).toEqual([1, SHARED_ONE]);
  });

  it('makes sys.getrefcount report local + shared', () => {
    const { a, b } = twoWorkers();
    const getrefcount = NATIVES[nativeId('sys.getrefcount')]!.impl;
    const x = a.newFloat(1.5);
    a.incref(x);
    b.incref(x);
    for (const rt of [a, b]) {
      const n = getrefcount(rt, [x], null, rt.None);
      expect(rt.intValue(n)).toBe(3);
      rt.decref(n);
    }
    const none = getrefcount(b, [a.None], null, b.None);
    expect(b.intValue(none)).toBe(IMMORTAL_REPORTED);
    b.decref(none);
  });

  it('never writes an immortal object', () => {
    const { a, b } = twoWorkers();
    for (const rt of [a, b]) {
      for (let i = 0; i < 10; i++) rt.incref(a.None);
      for (let i = 0; i < 10; i++) rt.decref(a.None);
      rt.incref(a.True);
      rt.decref(a.True);
    }
    expect(local(a, a.None)).toBe(IMMORTAL_REFCNT);
    expect(shared(a, a.None)).toBe(0);
    expect(local(a, a.True)).toBe(IMMORTAL_REFCNT);
  });

  it('frees at once when the owner drops the last reference and no one else counted one', () => {
    const { a, freed } = twoWorkers();
    const x = a.newFloat(1.5);
    a.decref(x);
    expect(freed).toEqual([x]);
    expect(a.i32[(x + OB_TYPE) >> 2]).toBe(FREED_TAG);
  });

  it('merges when the owner drops its last local reference while another worker holds one', () => {
    const { a, b, freed } = twoWorkers();
    const x = a.newFloat(1.5);
    b.incref(x);
    a.decref(x);
    expect(freed).toEqual([]);
    expect(ownerOf(a.i32, x)).toBe(0);
    expect(shared(a, x)).toBe(SHARED_ONE | SHARED_MERGED);
    // the old owner now counts in the shared word like everyone else
    a.incref(x);
    a.decref(x);
    b.decref(x);
    expect(freed).toEqual([x]);
  });

  it('queues an object whose shared count would go below zero, and frees it when the owner merges', () => {
    const { a, b, wa, freed } = twoWorkers();
    const x = a.newFloat(1.5);
    a.incref(x); // two local references: a keeps one, the other goes to b (as through a list)
    a.incref(x); // and a third one goes to b too
    b.decref(x); // shared 0: not decremented, queued (the queue holds this reference)
    expect(shared(a, x)).toBe(SHARED_QUEUED);
    b.decref(x); // now below zero
    expect(shared(a, x)).toBe(-SHARED_ONE | SHARED_QUEUED);
    a.decref(x); // a's own: local 3 -> 2
    expect(freed).toEqual([]);
    expect(wa.tick()).toBe(1); // total = -1 + 2 - 1 = 0
    expect(freed).toEqual([x]);
    expect(wa.tick()).toBe(0);
  });

  it('merges a queued object that is still referenced, after which it is counted in the shared word', () => {
    const { a, b, wa, freed } = twoWorkers();
    const x = a.newFloat(1.5);
    a.incref(x);
    b.decref(x); // the handed-over reference
    expect(wa.tick()).toBe(1);
    expect(ownerOf(a.i32, x)).toBe(0);
    expect([local(a, x), shared(a, x)]).toEqual([0, SHARED_ONE | SHARED_MERGED]);
    expect(a.refcount(x)).toBe(1);
    a.decref(x);
    expect(freed).toEqual([x]);
  });

  it('frees exactly once whichever of owner and other worker drops the last reference first', () => {
    for (const ownerFirst of [true, false]) {
      const { a, b, freed } = twoWorkers();
      const x = a.newFloat(1.5);
      b.incref(x);
      if (ownerFirst) {
        a.decref(x);
        b.decref(x);
      } else {
        b.decref(x);
        a.decref(x);
      }
      expect(freed).toEqual([x]);
    }
  });

  it('lets the releasing worker merge an object whose owner has detached (an orphan)', () => {
    const { a, b, wb, freed } = twoWorkers();
    const x = b.newFloat(1.5);
    b.incref(x); // two references handed to a (as through a list) ...
    b.incref(x);
    b.decref(x); // ... and b's own dropped: local 2
    wb.detach();
    a.decref(x); // b's queue is closed: a merges x itself (total 2 - 1 = 1)
    expect(ownerOf(a.i32, x)).toBe(0);
    expect(a.refcount(x)).toBe(1);
    expect(freed).toEqual([]);
    a.decref(x);
    expect(freed).toEqual([x]);
  });

  it('merges the objects still queued when their owner detaches', () => {
    const { a, b, wa, freed } = twoWorkers();
    const x = a.newFloat(1.5);
    b.decref(x); // a's only reference, handed to b
    expect(freed).toEqual([]);
    wa.detach();
    expect(freed).toEqual([x]);
  });

  it('releases what a freed container held, across owners', () => {
    const { a, b, wa, freed } = twoWorkers();
    const base = a.heap.liveObjects;
    const x = a.newFloat(1.5);
    const y = b.newFloat(2.5);
    const t = tupleSteal(b, [x, y]); // a handed x to b, b put it in a tuple
    b.gcUntrack(t);
    b.decref(t);
    expect(freed).toContain(t);
    expect(freed).toContain(y);
    expect(freed).not.toContain(x); // queued to a
    wa.tick();
    expect(freed).toContain(x);
    expect(a.heap.liveObjects).toBe(base);
  });

  it('reports a count driven below zero as heap corruption, not a silent double free', () => {
    const { a, b } = twoWorkers();
    const x = a.newFloat(1.5);
    b.incref(x);
    a.decref(x);
    b.decref(x);
    expect(() => b.decref(x)).toThrow(HeapCorruption);
  });
});
