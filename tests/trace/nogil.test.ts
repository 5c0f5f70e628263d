/** Traces in no-GIL mode: the seed's countdown split over two threads with -X gil=0 runs on two workers at
 *  the same time, and the trace shows it: each worker's thread holds its worker (acquire .. release) over
 *  intervals that overlap in time, where in GIL mode no two threads ever hold the GIL at once
 *  (consistency.test.ts). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

beforeAll(buildCli, 60_000);

interface Ev { t: number; kind: string; event: string; thread: number; worker?: number }

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
      join(root, 'examples', '02_gil.py'), '2000000');
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
});
