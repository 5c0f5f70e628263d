/** Tracing programs that start processes: a child traces what its parent traces and sends its events
 *  back, so one trace holds every process's events, each with its pid, on the parent's clock. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';

const prog = join(import.meta.dirname, 'programs', 'processes.py');
const dir = mkdtempSync(join(tmpdir(), 'gilpy-trace-proc-'));

beforeAll(buildCli, 60_000);

interface Ev { kind: string; event: string; t: number; thread: number; pid?: number; child?: number; exitcode?: number }

describe('tracing child processes', () => {
  it('the child\'s gil and thread events come back with its pid, after the fork and before its exit', () => {
    const out = join(dir, 'trace.jsonl');
    const r = gilpy('--trace=gil,threads,process', '--trace-format=jsonl', `--trace-out=${out}`, prog);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0\n');
    const events = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as Ev);
    const fork = events.find((e) => e.kind === 'process' && e.event === 'fork')!;
    const exit = events.find((e) => e.kind === 'process' && e.event === 'exit')!;
    expect(fork.pid).toBeUndefined();
    expect(exit).toMatchObject({ child: fork.child, exitcode: 0 });
    const child = events.filter((e) => e.pid === fork.child);
    // the child's main thread and its two threads, each starting and taking its GIL
    expect(new Set(child.filter((e) => e.kind === 'threads' && e.event === 'start').map((e) => e.thread))).toEqual(new Set([1, 2, 3]));
    expect(child.filter((e) => e.kind === 'gil' && e.event === 'release' && e.thread !== 1).length).toBeGreaterThan(2);
    for (const e of child) {
      expect(e.t).toBeGreaterThanOrEqual(fork.t);
    }
    // one GIL holder at a time within the child (its own GIL)
    let holder: number | null = null;
    for (const e of child.filter((x) => x.kind === 'gil')) {
      if (e.event === 'acquire') {
        expect(holder).toBeNull();
        holder = e.thread;
      } else if (e.event === 'release') {
        expect(holder).toBe(e.thread);
        holder = null;
      }
    }
  }, 60_000);

  it('in the chrome format each process has its own tracks', () => {
    const out = join(dir, 'trace.json');
    const r = gilpy('--trace=gil,process', '--trace-format=chrome', `--trace-out=${out}`, prog);
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: { pid: number; ph: string }[] };
    const pids = new Set(doc.traceEvents.filter((e) => e.ph === 'B' || e.ph === 'X').map((e) => e.pid));
    expect(pids.size).toBe(2);
  }, 60_000);
});
