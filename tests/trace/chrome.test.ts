/** The chrome format checked against the Trace Event Format's rules (the JSON object form, as
 *  Perfetto and chrome://tracing read it): phases, required fields, B/E matched per track, timestamps
 *  never going back on a track, every flow start with one finish. */
import { describe, expect, it } from 'vitest';
import { CALLS_TRACK_OFFSET } from '../../src/vm/trace/format-chrome.js';
import { runTraced } from './support.js';

interface Ev { name: string; ph: string; ts: number; pid: number; tid: number; id?: number; args?: Record<string, unknown>; s?: string; bp?: string; cat?: string }

const PHASES = new Set(['B', 'E', 'X', 'i', 'I', 'C', 's', 't', 'f', 'M']);

/** Checks the rules; returns the events by track. */
function validate(json: string): Map<number, Ev[]> {
  const doc = JSON.parse(json) as { traceEvents: Ev[]; displayTimeUnit?: string };
  expect(Array.isArray(doc.traceEvents)).toBe(true);
  expect(['ms', 'ns', undefined]).toContain(doc.displayTimeUnit);
  const tracks = new Map<number, Ev[]>();
  const open = new Map<number, string[]>();
  const lastTs = new Map<number, number>();
  const flows = new Map<number, { s: number; f: number; sTs: number; fTs: number }>();
  for (const e of doc.traceEvents) {
    expect(PHASES.has(e.ph), `phase ${e.ph}`).toBe(true);
    expect(typeof e.name).toBe('string');
    expect(Number.isInteger(e.pid)).toBe(true);
    expect(Number.isInteger(e.tid)).toBe(true);
    expect(typeof e.ts === 'number' && Number.isFinite(e.ts) && e.ts >= 0).toBe(true);
    if (e.ph === 'M') {
      expect(['process_name', 'thread_name', 'thread_sort_index', 'process_sort_index']).toContain(e.name);
      expect(e.args).toBeDefined();
      continue;
    }
    // timestamps never go back on one track (counters belong to the process)
    const key = e.ph === 'C' ? -1 : e.tid;
    expect(e.ts, `${e.ph} ${e.name} on track ${key} goes back in time`).toBeGreaterThanOrEqual(lastTs.get(key) ?? 0);
    lastTs.set(key, e.ts);
    if (!tracks.has(e.tid)) tracks.set(e.tid, []);
    tracks.get(e.tid)!.push(e);
    const stack = open.get(e.tid) ?? [];
    open.set(e.tid, stack);
    switch (e.ph) {
      case 'B': stack.push(e.name); break;
      case 'E': expect(stack.pop(), `E ${e.name} on ${e.tid} without its B`).toBe(e.name); break;
      case 'i': case 'I': expect(['t', 'p', 'g', undefined]).toContain(e.s); break;
      case 'C':
        expect(e.args).toBeDefined();
        for (const v of Object.values(e.args!)) expect(typeof v).toBe('number');
        break;
      case 's': case 'f': {
        expect(Number.isInteger(e.id)).toBe(true);
        const fl = flows.get(e.id!) ?? { s: 0, f: 0, sTs: 0, fTs: 0 };
        if (e.ph === 's') { fl.s++; fl.sTs = e.ts; } else { fl.f++; fl.fTs = e.ts; expect(e.bp).toBe('e'); }
        flows.set(e.id!, fl);
        // a flow event binds to the slice open on its track
        expect(stack.length, `flow ${e.ph} ${e.id} outside a slice`).toBeGreaterThan(0);
        break;
      }
    }
  }
  for (const [tid, stack] of open) expect(stack, `slices left open on track ${tid}`).toEqual([]);
  for (const [id, fl] of flows) {
    expect(fl, `flow ${id}`).toMatchObject({ s: 1, f: 1 });
    expect(fl.fTs).toBeGreaterThanOrEqual(fl.sTs);
  }
  return tracks;
}

describe('chrome trace format', () => {
  it('the seed\'s two-thread countdown: a track per thread, GIL slices, hand-off arrows, valid throughout', () => {
    const run = runTraced('seed_threads.py', {
      kinds: ['gil', 'threads', 'calls', 'alloc', 'gc', 'refcount'], formats: ['chrome'], scheduler: { switchInterval: 100 },
    });
    expect(run.status).toBe(0);
    const tracks = validate(run.text.chrome!);
    for (const tid of [1, 2, 3]) {
      const held = tracks.get(tid)!.filter((e) => e.ph === 'B' && e.name === 'holds the GIL');
      expect(held.length, `T${tid} holds the GIL`).toBeGreaterThan(tid === 1 ? 1 : 3);
      expect(tracks.get(tid)!.some((e) => e.name === 'waits for the GIL')).toBe(true);
      expect(tracks.has(CALLS_TRACK_OFFSET + tid)).toBe(true);
    }
    const all = [...tracks.values()].flat();
    expect(all.filter((e) => e.ph === 's').length).toBeGreaterThan(5);
    expect(all.some((e) => e.ph === 'i' && e.name === 'switch (interval spent)')).toBe(true);
    expect(all.some((e) => e.ph === 'C' && e.name === 'heap bytes')).toBe(true);
    expect(all.some((e) => e.ph === 'C' && e.name === 'live objects')).toBe(true);
    expect(all.some((e) => e.ph === 'i' && e.name.startsWith('free'))).toBe(true);
  });

  it('threads that block, with instructions: still valid', () => {
    const run = runTraced('locks.py', { kinds: ['gil', 'threads', 'instructions', 'calls'], formats: ['chrome'], scheduler: { switchInterval: 40 } });
    validate(run.text.chrome!);
  });
});
