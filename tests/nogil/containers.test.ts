/**
 * Built-in containers shared by several no-GIL workers under real parallelism (2-4 node:worker_threads on
 * one heap in heap-checking mode, see containers-worker.ts): one list appended to, inserted into, popped
 * from and stored into by all at once; one dict whose keys all set, read, delete and overwrite; one set
 * all add to; one worker iterating a list the others change; garbage cycles made by all while one of
 * them collects with the world stopped. Afterwards the totals are exact (nothing lost, nothing twice),
 * every object is freed and the heap's blocks are consistent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { classBytes } from '../../src/vm/heap/heap.js';
import { FREED_TAG, HEAP_START, META_CLASS_SHIFT, OB_META, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import { enableNoGilHeap } from '../../src/vm/nogil/attach.js';
import { enableStopTheWorldCollector } from '../../src/vm/nogil/sync.js';
import { freeBlocks } from '../../src/vm/nogil/worker-heap.js';
import { FLOAT_VALUE, INT_VALUE, type Runtime } from '../../src/vm/runtime.js';
import { dictEntryKey, dictEntryValue, dictLen, dictNextPos, newDict } from '../../src/vm/objects/dict.js';
import { listItems, listSize, newList } from '../../src/vm/objects/list.js';
import { newSet, setLen } from '../../src/vm/objects/set.js';
import { collect } from '../../src/vm/objects/gc.js';
import { baBase, baLength, newByteArray } from '../../src/vm/objects/bytearray.js';
import { bootRuntime } from './runtimes.js';
import { buildWorker } from './worker-harness.js';
import {
  CTL_ACTIVE, CTL_WORDS, KEY_BASE, SHARED_KEYS, type ContainerInput, type ContainerMode, type ContainerReport,
} from './containers-protocol.js';

let runWorker: (input: ContainerInput) => Promise<ContainerReport>;
beforeAll(async () => {
  runWorker = await buildWorker<ContainerInput, ContainerReport>('containers-worker.ts');
});

/** The quiescent heap: no block both free and live, none on the free lists twice; returns the live count. */
function checkHeapStructure(rt: Runtime): number {
  const i32 = rt.i32;
  const free = freeBlocks(rt.heap);
  expect(new Set(free).size).toBe(free.length);
  const onLists = new Set(free);
  let live = 0;
  const bad: string[] = [];
  for (let p = HEAP_START; p < rt.heap.top;) {
    if (i32[(p + OB_TYPE) >> 2] === FREED_TAG) {
      if (!onLists.has(p)) bad.push(`free block ${p} is on no free list`);
    } else {
      if (onLists.has(p)) bad.push(`live block ${p} is on a free list`);
      live++;
    }
    p += classBytes(i32[(p + OB_META) >> 2]! >>> META_CLASS_SHIFT);
  }
  expect(bad).toEqual([]);
  return live;
}

/** Runs `workers` workers on one new container (the main thread, worker 1, made it and waits blocked). */
async function run(mode: ContainerMode, workers: number, iterations: number,
  check: (rt: Runtime, target: Ref, reports: ContainerReport[]) => void): Promise<ContainerReport[]> {
  const rt = bootRuntime({ debug: true });
  const main = enableNoGilHeap(rt);
  enableStopTheWorldCollector(rt); // every wait below is bracketed by blockingBegin / blockingEnd
  const baseline = rt.heap.liveObjects;
  const target = mode === 'dict' ? newDict(rt) : mode === 'set' ? newSet(rt) : mode === 'bytearray' ? newByteArray(rt, []) : newList(rt);
  const control = new SharedArrayBuffer(CTL_WORDS * 4);
  new Int32Array(control)[CTL_ACTIVE] = workers - 1;
  main.blockingBegin(); // waiting for the workers: a collection must not wait for the main thread
  let reports: ContainerReport[];
  try {
    reports = await Promise.all(Array.from({ length: workers }, (_, index) =>
      runWorker({ mode, heap: rt.heap.buffer as SharedArrayBuffer, control, index, workers, iterations, target })));
  } finally {
    main.blockingEnd();
  }
  check(rt, target, reports);
  rt.decref(target);
  main.tick();
  if (mode === 'gc') collect(rt); // the cycles made after the last collection in a worker
  main.tick();
  expect(rt.heap.liveObjects).toBe(baseline);
  expect(checkHeapStructure(rt)).toBe(rt.heap.liveObjects);
  return reports;
}

/** Every stamp pushed is in the list or was popped, exactly once. */
function checkList(rt: Runtime, l: Ref, reports: ContainerReport[]): void {
  const pushed = reports.flatMap((r) => r.pushed);
  const popped = reports.flatMap((r) => r.popped);
  expect(listSize(rt, l)).toBe(pushed.length - popped.length);
  const seen = new Map<number, number>();
  for (const x of [...popped, ...listItems(rt, l).map((r) => rt.f64[(r + FLOAT_VALUE) >> 3]!)]) seen.set(x, (seen.get(x) ?? 0) + 1);
  const wrong = pushed.filter((s) => seen.get(s) !== 1);
  expect(wrong).toEqual([]);
  expect(seen.size).toBe(pushed.length);
}

describe('no-GIL containers shared by parallel workers', () => {
  it('4 workers append, insert, pop and read one list: nothing lost, nothing twice', async () => {
    const reports = await run('list', 4, 20_000, checkList);
    expect(reports.reduce((n, r) => n + r.popped.length, 0)).toBeGreaterThan(1000);
  });

  it('2 workers do the same', async () => {
    await run('list', 2, 20_000, checkList);
  });

  it('4 workers set, read, delete and overwrite keys of one dict (resizing it) at once', async () => {
    const n = 10_000;
    await run('dict', 4, n, (rt, d, reports) => {
      const deleted = new Set(reports.flatMap((r) => r.deleted));
      expect(dictLen(rt, d)).toBe(reports.length * n - deleted.size + SHARED_KEYS);
      const own = new Map<number, number>();
      for (let pos = dictNextPos(rt, d, -1); pos >= 0; pos = dictNextPos(rt, d, pos)) {
        own.set(rt.f64[(dictEntryKey(rt, d, pos) + INT_VALUE) >> 3]!, rt.f64[(dictEntryValue(rt, d, pos) + FLOAT_VALUE) >> 3]!);
      }
      for (const r of reports) {
        for (let i = 0; i < n; i++) {
          const k = r.id * KEY_BASE + i;
          if (deleted.has(k)) expect(own.has(k)).toBe(false);
          else if (own.get(k) !== r.id * 2 ** 32 + i) expect.fail(`key ${k}: ${own.get(k)}`);
        }
      }
      for (let k = 0; k < SHARED_KEYS; k++) expect(own.has(k)).toBe(true);
    });
  });

  it('3 workers add to one set at once', async () => {
    const n = 10_000;
    await run('set', 3, n, (rt, s, reports) => {
      expect(setLen(rt, s)).toBe(reports.length * n + SHARED_KEYS);
    });
  });

  it('3 workers append to one bytearray (resizing its storage) at once', async () => {
    const n = 20_000;
    await run('bytearray', 3, n, (rt, b, reports) => {
      expect(baLength(rt, b)).toBe(3 * n);
      const counts = new Map<number, number>();
      for (const x of rt.u8.subarray(baBase(rt, b), baBase(rt, b) + 3 * n)) counts.set(x, (counts.get(x) ?? 0) + 1);
      expect([...counts.entries()].sort()).toEqual(reports.map((r) => [r.id, n]).sort());
    });
  });

  it('one worker iterates a list while 3 others append and pop', async () => {
    const reports = await run('iterate', 4, 20_000, checkList);
    expect(reports[0]!.passes).toBeGreaterThan(0);
    expect(reports[0]!.read).toBeGreaterThan(0);
  });

  it('a collection stops the world while 3 workers make cycles, frees them, and the workers go on', async () => {
    const reports = await run('gc', 3, 4_000, () => {});
    const collector = reports.find((r) => r.collections > 0)!;
    expect(collector.collections).toBe(20);
    expect(collector.collected).toBeGreaterThan(1000);
    expect(reports.every((r) => r.movedWhileStopped === 0)).toBe(true);
  });
});
