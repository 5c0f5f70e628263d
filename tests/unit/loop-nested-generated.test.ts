/** GIL mode's copy of the loop for nested runs (src/vm/interp/loop-nested.gen.ts) is generated from loop.ts:
 *  it must be what scripts/gen-traced-loop.mjs makes of loop.ts today, or Python called back from native
 *  code would run an older loop. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('loop-nested.gen.ts', () => {
  it('is up to date with loop.ts (run `npm run regen` after editing the loop)', () => {
    const fresh = execFileSync(process.execPath, [ROOT + 'scripts/gen-traced-loop.mjs', '--print-nested'], { encoding: 'utf8' });
    expect(readFileSync(ROOT + 'src/vm/interp/loop-nested.gen.ts', 'utf8')).toBe(fresh);
  });
});
