/** What a trace must agree with: itself across runs (determinism), the counts sys.getrefcount printed
 *  in the same run, and the GIL's one-holder rule. */
import { describe, expect, it } from 'vitest';
import type { AllocEvent, GilEvent, RefcountEvent, TraceEvent } from '../../src/vm/trace/events.js';
import { runInMemory } from '../../src/vm/embed.js';
import { GilInterpreter } from '../../src/vm/interp/loop-nested.gen.js';
import { CollectingTraceSink } from '../../src/vm/trace/sinks.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { programs, runTraced } from './support.js';

const withoutTimes = (events: TraceEvent[]): unknown[] => events.map(({ t: _t, ...rest }) => rest);

describe('determinism', () => {
  it('two runs of a threaded program give the same trace apart from timestamps', () => {
    const opts = { kinds: ['gil', 'threads', 'refcount', 'calls', 'alloc', 'gc'] as const, scheduler: { switchInterval: 97 } };
    const a = runTraced('seed_threads.py', { ...opts, kinds: [...opts.kinds] });
    const b = runTraced('seed_threads.py', { ...opts, kinds: [...opts.kinds] });
    expect(a.events.length).toBeGreaterThan(1000);
    expect(withoutTimes(b.events)).toEqual(withoutTimes(a.events));
  });

  it('with blocking threads, any switch point and a random schedule too', () => {
    const opts = { kinds: ['gil', 'threads', 'instructions'] as ('gil' | 'threads' | 'instructions')[],
      scheduler: { switchInterval: 13, switchPoints: 'any' as const, schedule: 'random' as const, seed: 7 } };
    const a = runTraced('locks.py', opts);
    const b = runTraced('locks.py', opts);
    expect(a.stdout).toBe('150\n');
    expect(withoutTimes(b.events)).toEqual(withoutTimes(a.events));
  });

  it('tracing does not change the interleaving: the GIL trace is the same with instructions traced', () => {
    const scheduler = { switchInterval: 50, switchPoints: 'any' as const };
    const gilOnly = runTraced('seed_threads.py', { kinds: ['gil'], scheduler });
    const withInstr = runTraced('seed_threads.py', { kinds: ['gil', 'instructions'], scheduler });
    const gil = (r: typeof gilOnly) => withoutTimes(r.events.filter((e) => e.kind === 'gil'));
    expect(gil(withInstr)).toEqual(gil(gilOnly));
  });
});

describe('refcount replay', () => {
  it('reproduces every count sys.getrefcount printed (the argument\'s own reference included)', () => {
    const run = runTraced('refcounts.py', { kinds: ['refcount', 'instructions'] });
    expect(run.status).toBe(0);
    const source = readFileSync(join(programs, 'refcounts.py'), 'utf8').split('\n');
    const printed = run.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
    expect(printed.length).toBe(11);
    // Replay: each event must start from the count the object was last left at (an object made before
    // the trace, or a block reused after a free, starts where its first event says).
    const counts = new Map<number, number>();
    const replayed: number[][] = [];
    let lastIncref: RefcountEvent | null = null;
    let line = -1;
    let callsOnLine = 0;
    for (const e of run.events) {
      if (e.kind === 'refcount') {
        if (e.event === 'dealloc') {
          expect(counts.get(e.id) ?? 0, `object ${e.id} freed with references`).toBe(0);
          counts.delete(e.id);
          continue;
        }
        if (counts.has(e.id)) expect(e.before, `object ${e.id} (${e.type})`).toBe(counts.get(e.id));
        expect(e.after).toBe(e.event === 'incref' ? e.before + 1 : e.before - 1);
        counts.set(e.id, e.after);
        if (e.event === 'incref') lastIncref = e;
      } else if (e.kind === 'instructions' && e.file === 'refcounts.py') {
        if (e.line !== line) {
          line = e.line;
          callsOnLine = 0;
        }
        // print(id(x), sys.getrefcount(x)): the second CALL of the line is getrefcount's, and its
        // argument is the last reference taken before it
        if (e.op === 'CALL' && ++callsOnLine === 2 && source[line - 1]!.includes('sys.getrefcount(')) {
          replayed.push([lastIncref!.id, counts.get(lastIncref!.id)!]);
        }
      }
    }
    expect(replayed).toEqual(printed);
  });
});

describe('the GIL', () => {
  for (const [program, scheduler] of [
    ['seed_threads.py', { switchInterval: 31 }],
    ['locks.py', { switchInterval: 17 }],
    ['locks.py', { switchInterval: 5, switchPoints: 'any' as const, schedule: 'random' as const, seed: 3 }],
  ] as const) {
    it(`never has two holders (${program}, ${JSON.stringify(scheduler)})`, () => {
      const run = runTraced(program, { kinds: ['gil'], scheduler });
      let holder = 0;
      const waiting = new Set<number>();
      let handoffs = 0;
      for (const e of run.events as GilEvent[]) {
        switch (e.event) {
          case 'request': break;
          case 'wait-begin':
            expect(waiting.has(e.thread)).toBe(false);
            waiting.add(e.thread);
            break;
          case 'wait-end':
            expect(waiting.delete(e.thread)).toBe(true);
            break;
          case 'acquire':
            expect(holder, `T${e.thread} acquires while T${holder} holds the GIL`).toBe(0);
            expect(waiting.has(e.thread)).toBe(false);
            holder = e.thread;
            break;
          case 'release':
            expect(holder).toBe(e.thread);
            expect(e.reason).toBeDefined();
            if (e.to !== undefined && e.to !== e.thread) handoffs++;
            holder = 0;
            break;
        }
      }
      expect(holder).toBe(0);
      expect(handoffs).toBeGreaterThan(2);
    });
  }
});

describe('allocations', () => {
  it('alloc events add up: live objects and heap bytes move by one block each, and end where the heap is', () => {
    const source = readFileSync(join(programs, 'objects.py'), 'utf8');
    const sink = new CollectingTraceSink(['alloc']);
    const r = runInMemory(source, 'objects.py', { traceSink: sink });
    expect(r.status).toBe(0);
    const events = sink.events as AllocEvent[];
    expect(events.length).toBeGreaterThan(100);
    for (let k = 1; k < events.length; k++) {
      const [a, b] = [events[k - 1]!, events[k]!];
      const sign = b.event === 'alloc' ? 1 : -1;
      expect(b.live).toBe(a.live + sign);
      expect(b.heapBytes).toBe(a.heapBytes + sign * b.bytes);
    }
    const last = events[events.length - 1]!;
    expect(last.live).toBe(r.vm.rt.heap.liveObjects);
    expect(last.heapBytes).toBe(r.vm.rt.heap.bytesInUse);
  });
});

describe('after the trace, and without one', () => {
  it('a traced VM gets its hooks back out; an untraced one never has any', () => {
    const traced = runInMemory('x = [1]\n', 'x.py', { traceSink: new CollectingTraceSink(['refcount', 'alloc', 'instructions']) });
    const plain = runInMemory('x = [1]\n', 'x.py');
    for (const vm of [traced.vm, plain.vm]) {
      expect(vm.rt.tracer).toBe(null);
      expect(Object.hasOwn(vm.rt, 'incref') || Object.hasOwn(vm.rt, 'decref')).toBe(false);
      expect(Object.hasOwn(vm.rt.heap, 'free') || Object.hasOwn(vm.rt.heap, 'allocClass')).toBe(false);
      expect(vm.rt.heap.hooked).toBe(false);
    }
    expect(plain.vm.interp.constructor).toBe(GilInterpreter);
    expect(traced.vm.interp.constructor).not.toBe(GilInterpreter);
  });
});
