/** The HTML report's sink on events made here: a synthetic two-thread GIL alternation, waits, heap
 *  samples and instructions; and a few million events, which must fold into a page of bounded size
 *  whose counts still add up. (The page in a browser: browser.test.ts.) */
import { describe, expect, it } from 'vitest';
import { ReportSink, EMBED_CAP } from '../../src/report/report-sink.js';
import type { TraceEvent } from '../../src/vm/trace/events.js';

/** Two threads taking turns: thread 1 holds [0,1), thread 2 [1,2), ... each `turn` ms; every turn ends
 *  with a forced switch except each thread's last, which is its exit. The other thread waits meanwhile. */
function alternation(turns: number, turn = 1): TraceEvent[] {
  const ev: TraceEvent[] = [
    { kind: 'threads', event: 'start', name: 'MainThread', t: 0, thread: 1 },
    { kind: 'threads', event: 'start', name: 'Thread-1', t: 0, thread: 2 },
  ];
  for (let k = 0; k < turns; k++) {
    const who = 1 + (k % 2);
    const other = 3 - who;
    const t = k * turn;
    const last = k >= turns - 2;
    ev.push({ kind: 'gil', event: 'wait-end', t, thread: who });
    ev.push({ kind: 'gil', event: 'acquire', t, thread: who });
    if (k === 0) ev.push({ kind: 'gil', event: 'wait-begin', t, thread: other });
    ev.push({ kind: 'instructions', t: t + turn / 2, thread: who, code: 'f', file: 'prog.py', offset: 0, line: who + 1, op: 'NOP', arg: null, depth: 0 });
    ev.push({ kind: 'alloc', event: 'alloc', t: t + turn / 2, thread: who, id: 1, sizeClass: 1, bytes: 32, heapBytes: 1000 + k, live: 10 + k });
    ev.push({ kind: 'gil', event: 'release', reason: last ? 'exit' : 'interval', t: t + turn, thread: who, to: other });
    if (!last) ev.push({ kind: 'gil', event: 'wait-begin', t: t + turn, thread: who });
    if (last) ev.push({ kind: 'threads', event: 'exit', name: who === 1 ? 'MainThread' : 'Thread-1', t: t + turn, thread: who });
  }
  return ev;
}

function report(events: TraceEvent[], embedCap?: number): { html: string; sink: ReportSink } {
  let html = '';
  const sink = new ReportSink({ filename: 'prog.py', source: 'a = 1\nb = 2\nc = 3\n', write: (h) => (html = h), embedCap });
  for (const e of events) if (sink.kinds.has(e.kind)) sink.emit(e);
  sink.close();
  return { html, sink };
}

/** The data the page embeds. */
function pageData(html: string): any {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('ReportSink', () => {
  it('draws two lanes whose GIL intervals alternate and never overlap', () => {
    const { html } = report(alternation(10));
    const d = pageData(html);
    expect(d.lanes.map((l: any) => l.label)).toEqual(['MainThread', 'Thread-1']);
    const all: [number, number, number][] = [];
    d.lanes.forEach((l: any, li: number) => l.held.start.forEach((s: number, i: number) => all.push([s, l.held.end[i], li])));
    all.sort((a, b) => a[0] - b[0]);
    expect(all.map((x) => x[2])).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    for (let i = 1; i < all.length; i++) expect(all[i]![0]).toBeGreaterThanOrEqual(all[i - 1]![1]);
    // forced switches and exits as released; waits shaded between a thread's turns
    expect(d.lanes.map((l: any) => [l.intervals, l.forced, l.voluntary])).toEqual([[5, 4, 0], [5, 4, 0]]);
    expect(d.lanes[0].held.exits.at(-1)).toBe(1);
    expect(d.lanes[1].waits).toBe(5);
    expect(d.lanes[1].waiting.start[0]).toBe(0);
    expect(d.lanes[1].waiting.end[0]).toBe(1);
  });

  it('fills the statistics table, the per-line counts and the heap series', () => {
    const { html } = report(alternation(10));
    const d = pageData(html);
    expect(d.threads.map((t: any) => [t.name, t.instructions, t.acquisitions, t.forced, t.heldMs, t.waitedMs])).toEqual([
      ['MainThread', 5, 5, 4, 5, 4], ['Thread-1', 5, 5, 4, 5, 5],
    ]);
    expect(d.lineCounts).toEqual([0, 0, 5, 5]);
    expect(html).toMatch(/<tr data-line="2" data-count="5" class="ran">/);
    expect(Math.max(...d.heap.max.filter((x: number | null) => x !== null))).toBe(1009);
    expect(html).toContain('<table id="thread-stats">');
    expect(html).toMatch(/<tr data-thread="2" data-name="Thread-1"><td>2<\/td><td class="name">Thread-1<\/td><td>5<\/td><td>5<\/td><td>4<\/td>/);
  });

  it('draws a lane per worker where events carry one (no-GIL mode): running intervals overlap', () => {
    // two threads on workers 1 and 2 run at once; a pause of 2 ms ends a running interval
    const ev: TraceEvent[] = [];
    const instr = (t: number, thread: number, worker: number): TraceEvent =>
      ({ kind: 'instructions', t, thread, worker, code: 'f', file: 'prog.py', offset: 0, line: 1, op: 'NOP', arg: null, depth: 0 });
    for (let i = 0; i <= 40; i++) ev.push(instr(i / 10, 2, 1), instr(i / 10 + 0.05, 3, 2));
    for (let i = 60; i <= 80; i++) ev.push(instr(i / 10, 2, 1));
    const d = pageData(report(ev).html);
    expect(d.lanes.map((l: any) => [l.label, l.worker])).toEqual([['worker 1', 1], ['worker 2', 2]]);
    expect(d.lanes[0].held.start.length).toBe(2);
    const [a, b] = [d.lanes[0].held, d.lanes[1].held];
    expect(a.start[0]).toBeLessThan(b.end[0]);
    expect(b.start[0]).toBeLessThan(a.end[0]);
    expect(d.threads.map((t: any) => t.instructions)).toEqual([62, 41]);
    expect(report(ev).html).toContain('One lane per worker');
  });

  it('is one self-contained page: nothing is loaded from elsewhere', () => {
    const { html } = report(alternation(4));
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes what it embeds: a source line cannot end the data script', () => {
    let html = '';
    const sink = new ReportSink({ filename: '<x>.py', source: 's = "</script><b>"\n', write: (h) => (html = h) });
    sink.close();
    expect(html.match(/<\/script>/g)!.length).toBe(2);
    expect(html).toContain('s = &#34;&#60;/script&#62;&#60;b&#62;&#34;');
    expect(pageData(html).source[0]).toBe('s = "</script><b>"');
  });

  it('folds a few million events into a bounded page whose counts still add up', () => {
    // 800,000 turns (3.2 million GIL events plus an instruction each), 10 µs each: far more than can be drawn
    const turns = 800_000;
    let html = '';
    const sink = new ReportSink({ filename: 'prog.py', source: 'x\n', write: (h) => (html = h) });
    let events = 0;
    for (let k = 0; k < turns; k++) {
      const who = 1 + (k % 2);
      const t = k * 0.01;
      sink.emit({ kind: 'gil', event: 'acquire', t, thread: who });
      sink.emit({ kind: 'instructions', t: t + 0.005, thread: who, code: 'f', file: 'prog.py', offset: 0, line: 1, op: 'NOP', arg: null, depth: 0 });
      sink.emit({ kind: 'gil', event: 'release', reason: 'interval', t: t + 0.01, thread: who });
      sink.emit({ kind: 'gil', event: 'wait-begin', t: t + 0.01, thread: who });
      sink.emit({ kind: 'gil', event: 'wait-end', t: t + 0.02, thread: who });
      events += 5;
    }
    sink.close();
    expect(events).toBe(4_000_000);
    const d = pageData(html);
    for (const lane of d.lanes) {
      expect(lane.held.start.length).toBeLessThanOrEqual(EMBED_CAP);
      expect(lane.intervals).toBe(turns / 2);
      expect(lane.forced).toBe(turns / 2);
      // merged intervals keep their counts and their time held
      expect(lane.held.count.reduce((a: number, b: number) => a + b, 0)).toBe(turns / 2);
      expect(lane.held.forced.reduce((a: number, b: number) => a + b, 0)).toBe(turns / 2);
      expect(lane.held.held.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(turns / 2 * 0.01, 0);
    }
    expect(d.merged).toBe(true);
    expect(d.lineCounts[1]).toBe(turns);
    expect(html.length).toBeLessThan(12 << 20);
  });
});
