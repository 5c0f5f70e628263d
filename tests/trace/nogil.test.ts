/** Traces in no-GIL mode: the seed's countdown split over two threads with -X gil=0 runs on two workers at
 *  the same time, and the trace shows it: each worker's thread holds its worker (acquire .. release) over
 *  intervals that overlap in time, where in GIL mode no two threads ever hold the GIL at once
 *  (consistency.test.ts). Reference counts and allocations are reported by every worker, and fit
 *  together across them: an object one worker made, whose last reference another dropped, is freed
 *  once, its counts replayed from its allocation end at zero. (The hooks rule by rule:
 *  nogil-hooks.test.ts.) */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

beforeAll(buildCli, 60_000);

interface Ev {
  t: number; kind: string; event: string; thread: number; worker?: number;
  id?: number; type?: string; before?: number; after?: number;
}

const programs = join(import.meta.dirname, 'programs');

/** Runs a program with -X gil=0 on two workers and a jsonl trace; returns its output and events. */
function traced(program: string, ...options: string[]): { stdout: string; events: Ev[] } {
  const out = join(mkdtempSync(join(tmpdir(), 'gilpy-nogil-trace-')), 'trace.jsonl');
  const r = gilpy('-X', 'gil=0', '--workers=2', ...options, '--trace-format=jsonl', `--trace-out=${out}`, program);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { stdout: r.stdout, events: readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as Ev) };
}

/** One object's life in the trace: from its block's alloc event to its free (by time: a block is freed
 *  and handed out again by one worker, on one clock), with the refcount events in between. */
interface Life { id: number; madeBy: number; freedBy: number | null; events: Ev[] }
function lives(events: Ev[]): Life[] {
  const open = new Map<number, Life>();
  const all: Life[] = [];
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    if (e.id === undefined) continue;
    if (e.kind === 'alloc' && e.event === 'alloc') {
      const life: Life = { id: e.id, madeBy: e.worker ?? 0, freedBy: null, events: [] };
      open.set(e.id, life);
      all.push(life);
      continue;
    }
    const life = open.get(e.id);
    if (life === undefined) continue; // made before the trace started
    if (e.kind === 'alloc') {
      life.freedBy = e.worker ?? 0;
      open.delete(e.id);
    } else {
      life.events.push(e);
    }
  }
  return all;
}

/** The running intervals [acquire, release] of each worker's threads, by worker. */
function runningByWorker(events: Ev[]): Map<number, [number, number][]> {
  const open = new Map<string, number>();
  const out = new Map<number, [number, number][]>();
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    if (e.kind !== 'gil' || e.worker === undefined) continue;
    const key = `${e.worker}/${e.thread}`;
    if (e.event === 'acquire') open.set(key, e.t);
    else if (e.event === 'release' && open.has(key)) {
      const list = out.get(e.worker) ?? [];
      list.push([open.get(key)!, e.t]);
      out.set(e.worker, list);
      open.delete(key);
    }
  }
  return out;
}

describe('no-GIL traces', () => {
  it('show the two threads running at the same time on different workers', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gilpy-nogil-trace-')), 'trace.jsonl');
    const r = gilpy('-X', 'gil=0', '--workers=2', '--trace=gil,threads', '--trace-format=jsonl', `--trace-out=${out}`,
      join(root, 'examples', '06_gil.py'), '2000000');
    expect(r.status).toBe(0);
    const events = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as Ev);
    const byWorker = runningByWorker(events);
    expect([...byWorker.keys()].sort()).toEqual([1, 2]);
    let overlap = 0;
    for (const [a0, a1] of byWorker.get(1)!) {
      for (const [b0, b1] of byWorker.get(2)!) overlap += Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
    // the two countdown threads held their workers at the same time
    expect(overlap).toBeGreaterThan(0);
  }, 60_000);

  it('report every worker\'s reference counts and allocations, which fit together across workers', () => {
    const { stdout, events } = traced(join(programs, 'nogil_handoff.py'), '--trace=refcount,alloc');
    expect(stdout).toBe('dropped 20\n');
    // both workers report both kinds; their threads are the threads' global numbers (main 1, make 2,
    // drop 3; 0 for a worker between threads, while it starts one)
    for (const w of [1, 2]) {
      for (const kind of ['refcount', 'alloc']) expect(events.some((e) => e.worker === w && e.kind === kind)).toBe(true);
    }
    for (const e of events) if (e.worker !== undefined) expect([0, 2, 3]).toContain(e.thread);
    for (const e of events) if (e.worker === undefined) expect(e.thread).toBe(1);
    const workerOf = new Map<number, number>();
    for (const e of events) if (e.worker !== undefined && e.thread !== 0) workerOf.set(e.thread, e.worker);
    expect(workerOf.size).toBe(2);
    expect(workerOf.get(2)).not.toBe(workerOf.get(3)); // make and drop ran on different workers
    let freed = 0;
    let handedOver = 0;
    for (const life of lives(events)) {
      if (life.freedBy === null) continue;
      freed++;
      // replayed from its allocation (count 1), the counts match each event's before and end at 0: for
      // the lists (handed over in order) and every object one worker counted alone. (Two workers changing
      // one count at the same moment may both report the same before: a Condition both threads wait on,
      // say; README, "Where gilpy differs".)
      const counters = new Set(life.events.filter((e) => e.event !== 'dealloc').map((e) => e.worker ?? 0));
      if (counters.size === 1 || life.events[0]?.type === 'list') {
        let count = 1;
        for (const e of life.events) {
          if (e.event === 'dealloc') continue;
          expect(e.before, `${e.type} ${e.id}: ${e.event} by worker ${e.worker}`).toBe(count);
          count = e.after!;
        }
        expect(count).toBe(0);
      }
      // deallocated once, by the worker whose free follows
      const deallocs = life.events.filter((e) => e.event === 'dealloc');
      expect(deallocs.length).toBe(1);
      expect(deallocs[0]!.worker ?? 0).toBe(life.freedBy);
      // the lists make built, whose last reference drop dropped: freed by their owner when it merged
      const counts = life.events.filter((e) => e.event !== 'dealloc');
      const last = counts[counts.length - 1];
      if (life.events[0]?.type === 'list' && life.madeBy === workerOf.get(2) && last?.worker === workerOf.get(3)) {
        expect(last.event).toBe('decref');
        expect(life.freedBy).toBe(life.madeBy);
        handedOver++;
      }
    }
    expect(freed).toBeGreaterThan(100);
    expect(handedOver).toBeGreaterThanOrEqual(20); // the 20 lists (and the list that held them)
  }, 60_000);

  it('keep the events a filter keeps: only the drop thread\'s, with the last decrefs of the lists', () => {
    const { events } = traced(join(programs, 'nogil_handoff.py'), '--trace=refcount', '--trace-filter=function:drop');
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => `${e.worker}/${e.thread}`)).size).toBe(1);
    expect(events[0]!.thread).toBe(3);
    const lastDecrefs = events.filter((e) => e.type === 'list' && e.event === 'decref' && e.after === 0);
    expect(lastDecrefs.length).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
