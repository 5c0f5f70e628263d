/** multiprocessing without the GIL (-X gil=0): a fork copies the shared heap with the world stopped and
 *  makes it a GIL-mode heap for the child (nogil/fork.ts); the process group is shared by every worker.
 *  Programs of tests/processes run here in this mode with heap checking on, and must give CPython 3.11's
 *  output (their .expect files) as they do with the GIL; a program whose threads on several workers fork
 *  while other threads change the heap gives python3's output and leaves nothing alive. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';
import { normalizeStderr, type Expect } from '../support/expect.js';

const PROCESSES = join(import.meta.dirname, '..', 'processes');
const PROGRAMS = join(import.meta.dirname, 'programs');

beforeAll(buildCli, 60_000);

/** As tests/processes/processes.test.ts checks a program, with `-X gil=0` (and 2 workers). */
function checkWithoutGil(name: string): void {
  const path = join(PROCESSES, name);
  const want = JSON.parse(readFileSync(path + '.expect', 'utf8')) as Expect;
  const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', path);
  const lines = r.stderr.trimEnd().split('\n');
  const error = r.status !== 0 ? lines[lines.length - 1] ?? '' : null;
  expect({ stdout: r.stdout, status: r.status, error }).toEqual({ stdout: want.stdout, status: want.status, error: want.error });
  if (want.stderr !== undefined) expect(normalizeStderr(r.stderr)).toBe(want.stderr);
  else if (want.status === 0) expect(r.stderr).toBe('');
  expect(r.stderr).not.toContain('internal error');
}

describe('multiprocessing without the GIL (-X gil=0)', () => {
  for (const name of ['process_basics.py', 'queues_pipes.py', 'shared_values.py', 'exit_codes.py', 'pool_map.py',
    'process_pool_executor.py', 'threads_with_children.py', 'worker_death.py']) {
    it(`runs tests/processes/${name} as CPython does`, () => checkWithoutGil(name), 60_000);
  }

  it('forks from threads on several workers while other threads change the heap', () => {
    const path = join(PROGRAMS, 'mp_from_threads.py');
    const want = spawnSync('python3', [path], { encoding: 'utf8', timeout: 30_000 });
    const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', '--check-leaks', path);
    expect(r.stderr).toBe('gilpy: leak check: no objects left alive\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("[(0, True, True, [1, 2, 3]), (1, True, True, [1, 2, 3]), (2, True, True, [1, 2, 3]), " +
      "(3, True, True, [1, 2, 3])]\n[(0, 0), (1, 0), (2, 0), (3, 0)]\n[3, 2, 1, 0, 1, 2]\n");
    if (want.status === 0) expect(r.stdout).toBe(want.stdout);
  }, 60_000);

  it('runs the child with the GIL (a documented difference from free-threaded CPython)', () => {
    const src = [
      'import multiprocessing as mp, sys',
      'def child(q): q.put(sys._is_gil_enabled())',
      "if __name__ == '__main__':",
      '    q = mp.Queue(); p = mp.Process(target=child, args=(q,)); p.start()',
      '    print(sys._is_gil_enabled(), q.get(timeout=10)); p.join()',
    ].join('\n');
    const r = gilpy('-X', 'gil=0', '-c', src);
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'False True\n', status: 0 });
  }, 60_000);
});
