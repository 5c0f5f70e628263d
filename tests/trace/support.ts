/** Running the trace tests' programs with a trace, and normalising traces for golden files. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { runInMemory } from '../../src/vm/embed.js';
import type { SchedulerOptions } from '../../src/vm/sched/scheduler.js';
import type { TraceEvent, TraceKind, TraceSink } from '../../src/vm/trace/events.js';
import type { TraceFilter } from '../../src/vm/trace/filter.js';
import { StringTraceOutput } from '../../src/vm/trace/output.js';
import { CollectingTraceSink, makeTraceSink, TeeTraceSink, type TraceFormat } from '../../src/vm/trace/sinks.js';

export const programs = join(import.meta.dirname, 'programs');
export const goldenDir = join(import.meta.dirname, 'golden');

export interface TracedRun {
  stdout: string;
  stderr: string;
  status: number;
  events: TraceEvent[];
  /** The formatted traces asked for. */
  text: Partial<Record<TraceFormat, string>>;
}

export interface TraceRunOptions {
  kinds: TraceKind[];
  formats?: TraceFormat[];
  filters?: TraceFilter[];
  scheduler?: Partial<SchedulerOptions>;
}

/** Runs tests/trace/programs/NAME with a trace of `kinds`, collecting the events and the formats. */
export function runTraced(name: string, opts: TraceRunOptions): TracedRun {
  const source = readFileSync(join(programs, name), 'utf8');
  const collect = new CollectingTraceSink(opts.kinds);
  const outputs = new Map<TraceFormat, StringTraceOutput>();
  const sinks: TraceSink[] = [collect];
  for (const f of opts.formats ?? []) {
    const out = new StringTraceOutput();
    outputs.set(f, out);
    sinks.push(makeTraceSink(f, new Set(opts.kinds), out, name));
  }
  const r = runInMemory(source, name, {
    searchPath: [programs], traceSink: new TeeTraceSink(sinks), traceFilters: opts.filters,
    scheduler: { clock: 'virtual', ...opts.scheduler },
  });
  expect(collect.closed).toBe(true);
  const text: TracedRun['text'] = {};
  for (const [f, out] of outputs) text[f] = out.text;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, events: collect.events, text };
}

/** A trace without what changes from run to run or with unrelated changes to the VM: times become 0,
 *  object ids become #1, #2... in order of first appearance (identity is kept, addresses are not). */
export function normaliseTrace(text: string, format: 'text' | 'jsonl'): string {
  const ids = new Map<string, string>();
  const label = (id: string): string => {
    let l = ids.get(id);
    if (l === undefined) ids.set(id, (l = `#${ids.size + 1}`));
    return l;
  };
  if (format === 'text') {
    return text.replace(/^ *\d+\.\d{3} ms/gm, 't').replace(/0x[0-9a-f]+/g, (m) => label(String(parseInt(m, 16))));
  }
  return text.split('\n').map((line) => {
    if (line === '') return line;
    const o = JSON.parse(line) as Record<string, unknown>;
    if ('t' in o) o.t = 0;
    if (typeof o.id === 'number') o.id = label(String(o.id));
    return JSON.stringify(o);
  }).join('\n');
}
