/** Golden traces: for small programs (the seed's cells among them), the text and jsonl traces of gil,
 *  refcount and instructions, recorded in tests/trace/golden/ and compared on every run (times and
 *  addresses normalised: see normaliseTrace). `npm run regen:trace-golden` (UPDATE_GOLDEN=1) rewrites
 *  them; review their diffs like code. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceKind } from '../../src/vm/trace/events.js';
import type { TraceFilter } from '../../src/vm/trace/filter.js';
import { goldenDir, normaliseTrace, runTraced } from './support.js';

interface Case { program: string; kinds: TraceKind[]; filters?: TraceFilter[]; switchInterval?: number }

const CASES: Case[] = [];
for (const kind of ['gil', 'refcount', 'instructions'] as TraceKind[]) {
  CASES.push({ program: 'seed_memory.py', kinds: [kind] });
  CASES.push({ program: 'objects.py', kinds: [kind] });
}
// the seed's two-thread countdown: the GIL's turns in full; refcounts and instructions inside the countdown
CASES.push({ program: 'seed_threads.py', kinds: ['gil', 'threads'], switchInterval: 200 });
CASES.push({ program: 'seed_threads.py', kinds: ['refcount'], switchInterval: 200,
  filters: [{ sort: 'function', name: 'contagem_regressiva' }] });
CASES.push({ program: 'seed_threads.py', kinds: ['instructions', 'gil'], switchInterval: 200,
  filters: [{ sort: 'function', name: 'contagem_regressiva' }] });

const update = process.env.UPDATE_GOLDEN === '1';

describe('golden traces', () => {
  for (const c of CASES) {
    const base = `${c.program.replace(/\.py$/, '')}.${c.kinds.join('+')}`;
    it(`${base} (text and jsonl)`, () => {
      const run = runTraced(c.program, {
        kinds: c.kinds, formats: ['text', 'jsonl'], filters: c.filters,
        scheduler: c.switchInterval !== undefined ? { switchInterval: c.switchInterval } : {},
      });
      expect(run.status).toBe(0);
      expect(run.events.length).toBeGreaterThan(0);
      for (const format of ['text', 'jsonl'] as const) {
        const file = join(goldenDir, `${base}.${format === 'text' ? 'txt' : 'jsonl'}`);
        const got = normaliseTrace(run.text[format]!, format);
        if (update || !existsSync(file)) writeFileSync(file, got);
        expect(got, `${file} differs (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
      }
    });
  }
});
