/**
 * The body of one worker thread in the no-GIL container tests (containers.test.ts bundles it with esbuild
 * and runs 2-4 of them on one heap): each attaches as a no-GIL worker and uses ONE list / dict / set made
 * by the main thread at the same time as the others, through the runtime's own container operations
 * (which take the object's striped lock in this mode), or makes garbage cycles while one of them
 * collects with the world stopped. It reports what it put in and took out; the test checks the totals.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FREED_TAG, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import { attachNoGilWorker } from '../../src/vm/nogil/attach.js';
import { FLOAT_VALUE } from '../../src/vm/runtime.js';
import { Kind } from '../../src/vm/objects/kinds.js';
import { listAppend, listAppendSteal, listGetItemRef, listInsertAt, listPopAt, listSize, newList } from '../../src/vm/objects/list.js';
import { dictDel, dictGetRef, dictSet } from '../../src/vm/objects/dict.js';
import { setAdd, setContains } from '../../src/vm/objects/set.js';
import { getIter, iterNext } from '../../src/vm/objects/protocols.js';
import { collect } from '../../src/vm/objects/gc.js';
import { baReplace } from '../../src/vm/objects/bytearray.js';
import { attachRuntime } from './runtimes.js';
import {
  CTL_ABORT, CTL_ACTIVE, CTL_PROGRESS, KEY_BASE, SHARED_KEYS, type ContainerInput, type ContainerReport,
} from './containers-protocol.js';

const STAMP_BASE = 2 ** 32;
const input = workerData as ContainerInput;
const ctl = new Int32Array(input.control);
const rt = attachRuntime(input.heap);
const worker = attachNoGilWorker(rt);
const id = worker.id;
const target = input.target as Ref;
const report: ContainerReport = {
  id, pushed: [], popped: [], deleted: [], read: 0, passes: 0, collections: 0, collected: 0, parked: 0, movedWhileStopped: 0, contended: 0,
};
const floatType = rt.types[Kind.FLOAT]!;

/** Waits for every worker; a blocking wait, so the worker leaves the running set meanwhile (a
 *  collection must not wait for it: the API the threads' locks and join use). */
function barrier(): void {
  worker.blockingBegin();
  try {
    const gen = Atomics.load(ctl, 1);
    if (Atomics.add(ctl, 0, 1) === input.workers - 1) {
      Atomics.store(ctl, 0, 0);
      Atomics.add(ctl, 1, 1);
      Atomics.notify(ctl, 1);
    } else {
      while (Atomics.load(ctl, 1) === gen) {
        if (Atomics.load(ctl, CTL_ABORT) !== 0) throw new Error(`worker ${id}: stopped, another worker failed`);
        Atomics.wait(ctl, 1, gen, 50);
      }
    }
  } finally {
    worker.blockingEnd();
  }
}

/** A stamped float the caller owns (new reference). */
function stamped(n: number): Ref {
  return rt.newFloat(id * STAMP_BASE + n);
}
function stampOf(r: Ref): number {
  const t = rt.i32[(r + OB_TYPE) >> 2]!;
  if (t === FREED_TAG) throw new Error(`worker ${id}: item ${r} was freed under it`);
  if (t !== floatType) throw new Error(`worker ${id}: item ${r} has type ${t}, not float`);
  const v = rt.f64[(r + FLOAT_VALUE) >> 3]!;
  if (!Number.isInteger(v) || v < STAMP_BASE) throw new Error(`worker ${id}: item ${r} holds ${v}, not a stamp`);
  return v;
}
function progress(): void {
  Atomics.add(ctl, CTL_PROGRESS, 1);
}

/** Appends (half of them by a borrowed append, half stolen), inserts at the front, pops from both ends,
 *  and overwrites items in place with the items they hold. */
function listWork(): void {
  let n = 0;
  for (let i = 0; i < input.iterations; i++) {
    switch (i % 8) {
      case 0: case 1: case 2: {
        const x = stamped(n++);
        report.pushed.push(stampOf(x));
        listAppend(rt, target, x);
        rt.decref(x);
        break;
      }
      case 3: {
        const x = stamped(n++);
        report.pushed.push(stampOf(x));
        listAppendSteal(rt, target, x);
        break;
      }
      case 4: {
        const x = stamped(n++);
        report.pushed.push(stampOf(x));
        listInsertAt(rt, target, i % 16 === 4 ? 0 : -1, x);
        break;
      }
      case 5:
      case 6: {
        const x = listPopAt(rt, target, i % 16 < 8 ? -1 : 0);
        if (x === -1 || x === -2) break;
        report.popped.push(stampOf(x));
        rt.decref(x);
        break;
      }
      default: { // read an item (new reference) while others may pop it
        const x = listGetItemRef(rt, target, i % Math.max(1, listSize(rt, target)));
        if (x === 0) break;
        stampOf(x);
        rt.decref(x);
      }
    }
    progress();
    if (i % 64 === 0) worker.tick();
  }
}

/** Own keys set, read back, and every third one deleted; shared keys overwritten by everyone. */
function dictWork(): void {
  for (let i = 0; i < input.iterations; i++) {
    const key = rt.newCompactInt(id * KEY_BASE + i);
    const value = stamped(i);
    dictSet(rt, target, key, value);
    rt.decref(value);
    const got = dictGetRef(rt, target, key);
    if (got === 0 || stampOf(got) !== id * STAMP_BASE + i) throw new Error(`worker ${id}: key ${i} lost`);
    rt.decref(got);
    if (i % 3 === 0) {
      if (!dictDel(rt, target, key)) throw new Error(`worker ${id}: key ${i} vanished before its delete`);
      report.deleted.push(id * KEY_BASE + i);
    }
    rt.decref(key);
    const sk = rt.newCompactInt(i % SHARED_KEYS);
    const sv = stamped(input.iterations + i);
    dictSet(rt, target, sk, sv);
    rt.decref(sv);
    const sg = dictGetRef(rt, target, sk);
    if (sg === 0) throw new Error(`worker ${id}: shared key lost`);
    stampOf(sg);
    rt.decref(sg);
    rt.decref(sk);
    progress();
    if (i % 64 === 0) worker.tick();
  }
}

function setWork(): void {
  for (let i = 0; i < input.iterations; i++) {
    const key = rt.newCompactInt(id * KEY_BASE + i);
    if (!setAdd(rt, target, key)) throw new Error(`worker ${id}: own key ${i} already there`);
    if (!setContains(rt, target, key)) throw new Error(`worker ${id}: own key ${i} lost`);
    rt.decref(key);
    const sk = rt.newCompactInt(i % SHARED_KEYS);
    setAdd(rt, target, sk);
    rt.decref(sk);
    progress();
    if (i % 64 === 0) worker.tick();
  }
}

/** Appends its id as one byte (at the end: bounds past the length are clamped to it, under the lock),
 *  resizing the storage as it goes. */
function bytearrayWork(): void {
  for (let i = 0; i < input.iterations; i++) {
    baReplace(rt, target, 0x7fffffff, 0x7fffffff, [id]);
    progress();
    if (i % 64 === 0) worker.tick();
  }
}

/** Worker index 0 iterates the list (the runtime's list iterator) while the others append and pop. */
function iterateWork(): void {
  if (input.index !== 0) { // (the test set CTL_ACTIVE to the number of these workers)
    try {
      listWork();
    } finally {
      Atomics.sub(ctl, CTL_ACTIVE, 1);
    }
    return;
  }
  for (;;) {
    const stillRunning = Atomics.load(ctl, CTL_ACTIVE) > 0;
    const it = getIter(rt, target);
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      stampOf(x);
      rt.decref(x);
      report.read++;
      if (report.read % 64 === 0) worker.tick();
    }
    rt.decref(it);
    report.passes++;
    if (!stillRunning) break;
  }
}

/** Everyone makes garbage cycles (a list holding itself, two lists holding each other) and keeps a few
 *  live ones; worker index 0 collects every so often with the world stopped, checking that nobody moved
 *  meanwhile (the progress counter) and what it freed. */
function gcWork(): void {
  const kept: Ref[] = [];
  for (let i = 0; i < input.iterations; i++) {
    const a = newList(rt);
    listAppend(rt, a, a);
    if (i % 2 === 0) {
      const b = newList(rt);
      listAppend(rt, a, b);
      listAppend(rt, b, a);
      rt.decref(b);
    }
    if (i % 50 === 0) kept.push(a);
    else rt.decref(a);
    progress();
    if (input.index === 0 && i % 200 === 199) {
      report.collections++;
      report.collected += worker.stopTheWorld(() => {
        const before = Atomics.load(ctl, CTL_PROGRESS);
        const n = collect(rt);
        report.movedWhileStopped += Atomics.load(ctl, CTL_PROGRESS) - before;
        return n;
      });
    } else if (i % 16 === 0) {
      if (worker.safepoint()) report.parked++;
      worker.tick();
    }
  }
  for (const a of kept) { // still alive: every collection must have left them alone
    if (rt.i32[(a + OB_TYPE) >> 2] !== rt.types[Kind.LIST]) throw new Error(`worker ${id}: a live list was collected`);
    rt.decref(a);
  }
}

try {
  barrier();
  switch (input.mode) {
    case 'list': listWork(); break;
    case 'dict': dictWork(); break;
    case 'set': setWork(); break;
    case 'bytearray': bytearrayWork(); break;
    case 'iterate': iterateWork(); break;
    case 'gc': gcWork(); break;
  }
  barrier(); // nobody detaches while another still uses objects it owns' queues
  worker.tick();
  report.contended = worker.locks.contended;
  worker.detach();
  parentPort!.postMessage({ ok: true, report });
} catch (e) {
  Atomics.store(ctl, CTL_ABORT, 1);
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
