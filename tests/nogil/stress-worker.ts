/**
 * The body of one worker thread in the no-GIL stress tests (stress.test.ts bundles this file with esbuild
 * and starts it in node:worker_threads): it attaches a Runtime to the shared heap as a no-GIL worker and
 * hammers allocation and reference counting, in parallel with the others, then reports what it made and
 * what it freed.
 *
 * Every float or int a worker makes carries a stamp as its value (worker id * 2**32 + serial), so the test
 * can check that each object made is freed exactly once (the workers' onDealloc hooks record the stamps)
 * and that an object handed around is never seen freed or overwritten (verify).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HeapExhausted } from '../../src/vm/heap/heap.js';
import { FREED_TAG, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import { attachNoGilWorker } from '../../src/vm/nogil/attach.js';
import { FLOAT_VALUE, INT_VALUE, type Runtime } from '../../src/vm/runtime.js';
import { Kind } from '../../src/vm/objects/kinds.js';
import { TUPLE_ITEMS, TUPLE_SIZE, tupleSteal } from '../../src/vm/objects/tuple.js';
import { attachRuntime } from './runtimes.js';
import { CTL_ABORT, CTL_SLOTS, SLOT_COUNT, type StressInput, type StressReport } from './stress-protocol.js';

const STAMP_BASE = 2 ** 32;

const input = workerData as StressInput;
const ctl = new Int32Array(input.control);
const rt = attachRuntime(input.heap);
const worker = attachNoGilWorker(rt);
const id = worker.id;
const report: StressReport = { id, made: 0, tuplesMade: 0, freedStamps: [], tuplesFreed: 0, merged: 0, queued: 0, gotBeforeMemoryError: 0 };
const floatType = rt.types[Kind.FLOAT]!;
const intType = rt.types[Kind.INT]!;
const tupleType = rt.types[Kind.TUPLE]!;

rt.onDealloc = (r: Ref): void => {
  const t = rt.typeOf(r);
  if (t === floatType) report.freedStamps.push(rt.f64[(r + FLOAT_VALUE) >> 3]!);
  else if (t === intType) report.freedStamps.push(rt.f64[(r + INT_VALUE) >> 3]!);
  else if (t === tupleType) report.tuplesFreed++;
};

let seed = 0x9e3779b9 ^ (id * 0x85ebca6b);
function random(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

/** A new stamped float or int (new reference). */
function makeStamped(): Ref {
  const stamp = id * STAMP_BASE + report.made;
  const x = random(2) === 0 ? rt.newFloat(stamp) : rt.newCompactInt(stamp);
  report.made++; // only once it exists (MemoryError may stop it)
  return x;
}

/** Fails at once if `r` (which the caller holds a reference to) is not a live object of the workload. */
function verify(r: Ref): void {
  const t = rt.i32[(r + OB_TYPE) >> 2]!;
  if (t === FREED_TAG) throw new Error(`worker ${id}: object ${r} it holds was freed`);
  if (t === floatType || t === intType) {
    const v = rt.f64[(r + (t === floatType ? FLOAT_VALUE : INT_VALUE)) >> 3]!;
    const owner = Math.floor(v / STAMP_BASE);
    if (!(owner >= 1 && owner <= 255 && Number.isInteger(v))) throw new Error(`worker ${id}: object ${r} holds ${v}, not a stamp`);
  } else if (t === tupleType) {
    if (rt.i32[(r + TUPLE_SIZE) >> 2] !== 2) throw new Error(`worker ${id}: tuple ${r} has the wrong size`);
    for (let i = 0; i < 2; i++) {
      const item = rt.i32[((r + TUPLE_ITEMS) >> 2) + i]! as Ref;
      if (item !== rt.None) verify(item);
    }
  } else {
    throw new Error(`worker ${id}: object ${r} has type ${t}, not one the workload makes`);
  }
}

/** Drops a reference the caller holds (0: nothing). */
function release(r: number): void {
  if (r === 0) return;
  verify(r as Ref);
  rt.decref(r as Ref);
}

function barrier(): void {
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
}

/** Objects made by one worker and passed by Ref through the exchange slots, dropped by whoever takes
 *  them; tuples whose items come from several workers; the main thread's objects counted by everyone;
 *  immortals counted by no one. */
function churn(): void {
  const slot = (): number => CTL_SLOTS + random(SLOT_COUNT);
  const shared = input.sharedObjects as Ref[];
  const small = rt.newCompactInt(7); // immortal (the small-int cache)
  for (let i = 0; i < input.iterations; i++) {
    switch (random(8)) {
      case 0: { // private: made and dropped here
        const x = makeStamped();
        rt.incref(x);
        rt.decref(x);
        rt.decref(x);
        break;
      }
      case 1:
      case 2: // made here, handed to whoever takes the slot next
        release(Atomics.exchange(ctl, slot(), makeStamped()));
        break;
      case 3: { // taken, used, put back (what was put there meanwhile is dropped)
        const k = slot();
        const x = Atomics.exchange(ctl, k, 0) as Ref;
        if (x !== 0) {
          verify(x);
          rt.incref(x);
          rt.incref(x);
          rt.decref(x);
          rt.decref(x);
          release(Atomics.exchange(ctl, k, x));
        }
        break;
      }
      case 4: { // the main thread's objects
        const s = shared[random(shared.length)]!;
        rt.incref(s);
        rt.incref(s);
        verify(s);
        rt.decref(s);
        rt.decref(s);
        break;
      }
      case 5: { // a tuple of a new object and one taken from a slot (perhaps another worker's)
        const taken = Atomics.exchange(ctl, slot(), 0) as Ref;
        if (taken === 0) rt.incref(rt.None);
        const t = tupleSteal(rt, [makeStamped(), taken === 0 ? rt.None : taken]);
        report.tuplesMade++;
        release(Atomics.exchange(ctl, slot(), t));
        break;
      }
      case 6: // immortals
        for (const r of [rt.None, rt.True, small, rt.emptyTuple]) {
          rt.incref(r);
          rt.decref(r);
        }
        break;
      default:
        worker.tick();
    }
  }
}

/**
 * Rounds in which one worker (the owner, rotating) makes objects and every worker then drops its
 * reference to each at the same moment, so that the last references race: for `i % 2 === 0` every other
 * worker holds a reference of its own (shared count) against the owner's local one; for `i % 2 === 1`
 * the owner hands every other worker a reference counted locally (their drops are queued or drive the
 * shared count below zero, and the owner merges).
 */
function race(): void {
  const n = SLOT_COUNT;
  const rounds = Math.max(1, Math.floor(input.iterations / n));
  for (let round = 0; round < rounds; round++) {
    const owner = round % input.workers === input.index;
    if (owner) {
      for (let i = 0; i < n; i++) {
        const x = makeStamped();
        if (i % 2 === 1) for (let w = 1; w < input.workers; w++) rt.incref(x);
        Atomics.store(ctl, CTL_SLOTS + i, x);
      }
    }
    barrier();
    const objs: Ref[] = [];
    for (let i = 0; i < n; i++) objs.push(Atomics.load(ctl, CTL_SLOTS + i) as Ref);
    if (!owner) for (let i = 0; i < n; i += 2) rt.incref(objs[i]!);
    barrier();
    for (const x of objs) release(x); // everyone at once
    barrier();
    if (owner) worker.tick(); // every push to this owner's queue happened before the barrier
    barrier();
  }
}

/** Every worker allocates until the heap's limit stops it (HeapExhausted, MemoryError to a program),
 *  then frees everything it got. */
function exhaust(): void {
  const got: Ref[] = [];
  try {
    for (;;) got.push(makeStamped());
  } catch (e) {
    if (!(e instanceof HeapExhausted)) throw e;
  }
  report.gotBeforeMemoryError = got.length;
  barrier(); // everyone is at the limit
  for (const x of got) release(x);
}

try {
  barrier(); // all attached: start together
  if (input.mode === 'churn') churn();
  else if (input.mode === 'race') race();
  else exhaust();
  worker.tick();
  report.merged = worker.refcounts.merged;
  report.queued = worker.refcounts.queued;
  worker.detach();
  report.merged = worker.refcounts.merged;
  parentPort!.postMessage({ ok: true, report });
} catch (e) {
  Atomics.store(ctl, CTL_ABORT, 1); // the others must not wait for this one at a barrier
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
