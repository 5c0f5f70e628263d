/** Differential program tests: every tests/py program's stdout, exit status and last stderr line equal
 *  CPython 3.11's (recorded in .expect files, re-checked against python3 when it is installed), in
 *  heap-checking mode and again in the ordinary mode (whose fast paths heap-checking mode steps around:
 *  the int free list, the inline frees), and it passes the leak check. Programs listed in KNOWN_FAILURES are marked as
 *  expected to fail (vitest fails the run if one of them starts passing, so the list stays honest). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/vm/embed.js';
import { hasPython311, python } from '../support/python.js';
import { normalizeStderr, programsUnder, type Expect } from '../support/expect.js';

const ROOT = new URL('.', import.meta.url).pathname;

function programs(): string[] {
  return programsUnder(ROOT);
}

const known = new Set(readFileSync(join(ROOT, 'KNOWN_FAILURES'), 'utf8').split('\n')
  .map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== ''));

function check(path: string, debugHeap: boolean): void {
  const want = JSON.parse(readFileSync(path + '.expect', 'utf8')) as Expect;
  const stdin = existsSync(path + '.stdin') ? readFileSync(path + '.stdin', 'utf8') : '';
  const r = runInMemory(readFileSync(path, 'utf8'), path.split('/').pop()!, {
    stdin, debugHeap, checkLeaks: true, searchPath: [join(path, '..')], maxHeap: 256 << 20,
  });
  const lines = r.stderr.trimEnd().split('\n');
  const error = r.status !== 0 ? lines[lines.length - 1] ?? '' : null;
  expect({ stdout: r.stdout, status: r.status, error }).toEqual({ stdout: want.stdout, status: want.status, error: want.error });
  if (want.stderr !== undefined) expect(normalizeStderr(r.stderr)).toBe(want.stderr);
  else if (want.status === 0) expect(r.stderr).toBe('');
  else if (/^[A-Za-z_.]+(Error|Exception|Exit|Interrupt|Iteration|Warning)\b/.test(want.error ?? '')) {
    // a Python traceback and nothing else: never a JavaScript stack trace
    expect(r.stderr.startsWith('Traceback (most recent call last):\n')).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at .*\.(js|ts):\d+/m);
    expect(r.stderr).not.toContain('internal error');
  }
  expect(Object.fromEntries(r.leaks!)).toEqual({});
}

describe('programs behave as under CPython 3.11', () => {
  const all = programs();
  it('the corpus is large enough', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
  });
  for (const path of all) {
    const name = path.slice(ROOT.length);
    if (known.has(name)) it.fails(`${name} (known failure)`, () => check(path, true));
    else it(name, () => check(path, true));
  }
});

// (a big int's block once went onto the 24-byte ints' free list here, and two programs crashed: only
// without heap checks, which every run above has)
describe('programs behave as under CPython 3.11 without heap checks', () => {
  for (const path of programs()) {
    const name = path.slice(ROOT.length);
    if (known.has(name)) it.fails(`${name} (known failure)`, () => check(path, false));
    else it(name, () => check(path, false));
  }
});

// Asked before any VM exists: each VM reserves address space, and spawning python3 after hundreds of
// them can fail with ENOMEM.
const live = hasPython311()
  ? JSON.parse(python([join(ROOT, '../../scripts/py_oracle.py'), 'batch', ROOT])) as Record<string, Expect>
  : null;

describe.runIf(live !== null)('recorded outputs still match python3', () => {
  it('every .expect file is what python3 gives today', () => {
    let n = 0;
    for (const [path, exp] of Object.entries(live!)) {
      expect(JSON.parse(readFileSync(path + '.expect', 'utf8')), path).toEqual(exp);
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(150);
  }, 300_000);
});
