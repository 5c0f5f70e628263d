/** Differential tests of processes (multiprocessing, ProcessPoolExecutor, pickle): each program here runs
 *  with the `gilpy` command (a child process is a worker thread running the bundle), in heap-checking
 *  mode, and its stdout, exit status and last stderr line (the whole stderr without frames for programs
 *  marked `# oracle: stderr`) equal CPython 3.11's, recorded in .expect files and re-checked against
 *  python3 when it is installed. Only programs whose output does not depend on timing are here. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, bundlePath, gilpy } from '../support/cli.js';
import { hasPython311, python } from '../support/python.js';
import { normalizeStderr, programsUnder, type Expect } from '../support/expect.js';
import { runInMemory } from '../../src/vm/embed.js';

const ROOT = new URL('.', import.meta.url).pathname;

beforeAll(buildCli, 60_000);

function check(path: string): void {
  const want = JSON.parse(readFileSync(path + '.expect', 'utf8')) as Expect;
  const r = gilpy('--debug-heap', path);
  const lines = r.stderr.trimEnd().split('\n');
  const error = r.status !== 0 ? lines[lines.length - 1] ?? '' : null;
  expect({ stdout: r.stdout, status: r.status, error }).toEqual({ stdout: want.stdout, status: want.status, error: want.error });
  if (want.stderr !== undefined) expect(normalizeStderr(r.stderr)).toBe(want.stderr);
  else if (want.status === 0) expect(r.stderr).toBe('');
  expect(r.stderr).not.toContain('internal error');
}

describe('processes behave as under CPython 3.11', () => {
  for (const path of programsUnder(ROOT)) it(path.slice(ROOT.length), () => check(path), 60_000);

  it('run in memory (the embedding API), children send their output to the parent', () => {
    const path = join(ROOT, 'exit_codes.py');
    const want = JSON.parse(readFileSync(path + '.expect', 'utf8')) as Expect;
    const r = runInMemory(readFileSync(path, 'utf8'), 'exit_codes.py', { workerScript: bundlePath() });
    expect(r.stdout).toBe(want.stdout);
    expect(normalizeStderr(r.stderr)).toBe(want.stderr);
  }, 60_000);
});

const live = hasPython311()
  ? JSON.parse(python([join(ROOT, '../../scripts/py_oracle.py'), 'batch', ROOT])) as Record<string, Expect>
  : null;

describe.runIf(live !== null)('recorded outputs of the process programs still match python3', () => {
  it('every .expect file is what python3 gives today', () => {
    for (const [path, exp] of Object.entries(live!)) {
      expect(JSON.parse(readFileSync(path + '.expect', 'utf8')), path).toEqual(exp);
    }
  }, 300_000);
});
