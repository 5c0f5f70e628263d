/** The sinks' own promises: jsonl lines are exactly JSON.stringify of the events (the fast path for
 *  instructions and refcounts included), text lines say what the docs say they say. */
import { describe, expect, it } from 'vitest';
import { JsonlTraceSink } from '../../src/vm/trace/format-jsonl.js';
import { describeEvent } from '../../src/vm/trace/format-text.js';
import { StringTraceOutput } from '../../src/vm/trace/output.js';
import { runTraced } from './support.js';

describe('jsonl', () => {
  it('writes each event as JSON.stringify does, after a header', () => {
    const run = runTraced('objects.py', { kinds: ['instructions', 'refcount', 'calls', 'gil', 'alloc', 'gc'] });
    const out = new StringTraceOutput();
    const sink = new JsonlTraceSink(new Set(['instructions']), out, 'objects.py');
    for (const e of run.events) expect(sink.line(e)).toBe(JSON.stringify(e));
    expect(JSON.parse(out.text)).toEqual({ format: 'gilpy-trace', version: 1, kinds: ['instructions'], program: 'objects.py', unit: 'ms' });
    expect(run.events.some((e) => e.kind === 'instructions' && e.argrepr !== undefined)).toBe(true);
    expect(run.events.some((e) => e.kind === 'instructions' && e.arg === null)).toBe(true);
  });
});

describe('text', () => {
  it('a refcount line names the object, its type and the count before and after', () => {
    expect(describeEvent({ t: 1, thread: 1, kind: 'refcount', event: 'incref', id: 255, type: 'list', before: 1, after: 2 }))
      .toBe('incref list at 0xff 1 -> 2');
    expect(describeEvent({ t: 1, thread: 2, kind: 'gil', event: 'release', reason: 'interval', to: 3 })).toBe('release (interval) -> T3');
  });
});
