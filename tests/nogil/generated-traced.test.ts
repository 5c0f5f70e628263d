/** The traced no-GIL loop (src/vm/interp/loop-nogil-traced.gen.ts) is generated from loop.ts: it must be
 *  what scripts/gen-traced-loop.mjs makes of loop.ts today, or a traced no-GIL run would miss a change. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('loop-nogil-traced.gen.ts', () => {
  it('is up to date with loop.ts (run `npm run regen` after editing the loop)', () => {
    const fresh = execFileSync(process.execPath, [ROOT + 'scripts/gen-traced-loop.mjs', '--print-nogil-traced'], { encoding: 'utf8' });
    expect(readFileSync(ROOT + 'src/vm/interp/loop-nogil-traced.gen.ts', 'utf8')).toBe(fresh);
  });
});
