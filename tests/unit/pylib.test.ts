/** The library modules written in Python (src/lib/*.py) reach the bundle through the generated
 *  src/vm/builtins/pylib.gen.ts: it must be what scripts/gen-pylib.mjs makes of src/lib today. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PYLIB_SOURCES } from '../../src/vm/builtins/pylib.gen.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('pylib.gen.ts', () => {
  it('is up to date with src/lib (run `npm run regen` after editing a module there)', () => {
    const fresh = execFileSync(process.execPath, [ROOT + 'scripts/gen-pylib.mjs', '--print'], { encoding: 'utf8' });
    expect(readFileSync(ROOT + 'src/vm/builtins/pylib.gen.ts', 'utf8')).toBe(fresh);
  });

  it('holds every module of src/lib, by name', () => {
    const names = readdirSync(ROOT + 'src/lib').filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
    expect(Object.keys(PYLIB_SOURCES).sort()).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(['collections', 'copy', 'functools', 'string']));
  });
});
