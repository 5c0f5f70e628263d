/** Processes through the command line: what only the command shows (output of processes printing at
 *  once, a child's deadlock, pickling errors on the way through a channel). The process examples are run
 *  by tests/examples/examples.test.ts. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

beforeAll(buildCli, 60_000);

describe('processes from the command line', () => {
  it('unpickling that fails half-way leaks nothing; a tuple through a list stays one tuple', () => {
    const r = gilpy('--check-leaks', '--debug-heap', join(root, 'tests', 'cli', 'programs', 'pickle_error_paths.py'));
    expect(r.stdout).toBe('ValueError no state\n'.repeat(3) + 'True\n');
    expect(r.stderr).toBe('gilpy: leak check: no objects left alive\n');
    expect(r.status).toBe(0);
  }, 60_000);

  it('a reduction that frees what is being pickled: no use after free; a dict that changed size raises', () => {
    const r = gilpy('--debug-heap', join(root, 'tests', 'cli', 'programs', 'pickle_mutating_reduce.py'));
    expect(r.stdout).toBe('list 7\n');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('RuntimeError: dictionary changed size during iteration');
  }, 60_000);

  it('a put of what cannot be pickled fails in the caller and gives its place in a bounded queue back', () => {
    // (CPython pickles in the queue's feeder thread, which prints the error; the place is given back too)
    const r = gilpy('-c', [
      'import multiprocessing as mp',
      'q = mp.JoinableQueue(maxsize=1)',
      'try:',
      '    q.put(lambda: 0)',
      'except Exception as e:',
      '    print(type(e).__name__)',
      "q.put('ok')",
      'print(q.get(), q.full())',
      'q.task_done()',
      'q.join()',
      "print('joined')",
    ].join('\n'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('PicklingError\nok False\njoined\n');
  }, 60_000);

  it('a message over 16 MiB fails with a clear ValueError; 5000 small ones go through', () => {
    const r = gilpy(join(root, 'tests', 'cli', 'programs', 'huge_message.py'));
    expect(r.stderr).toBe('');
    const big = (n: number): string => `gilpy: a message of ${n} bytes is larger than a channel holds (16 MiB)`;
    expect(r.stdout.split('\n')).toEqual([
      `Queue: ${big(17825797)}`, `Pipe: ${big(17825797)}`, expect.stringMatching(/^Pool: gilpy: a message of \d+ bytes is larger than a channel holds \(16 MiB\)$/),
      'a 15 MiB task: 15728640', '5000 messages: 12497500', '',
    ]);
  }, 60_000);

  it('a child that deadlocks is reported and exits with status 3; the parent goes on', () => {
    const r = gilpy(join(root, 'tests', 'cli', 'programs', 'child_deadlock.py'));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('child exit code 3\n');
    expect(r.stderr).toMatch(/^gilpy: deadlock: no thread can run/);
    expect(r.stderr).toMatch(/thread "MainThread" is blocked at .*child_deadlock.py", line 10, in stuck: waits for lock at 0x[0-9a-f]+, which it holds itself/);
  }, 60_000);

  it('processes printing at the same time: every line arrives whole, each process\'s in order', () => {
    const r = gilpy(join(root, 'tests', 'cli', 'programs', 'print_lines.py'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const next: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (const line of r.stdout.trimEnd().split('\n')) {
      const m = /^([ABC]):(\d{5}):([ABC]{200})$/.exec(line);
      expect(m, line.slice(0, 40)).not.toBeNull();
      expect(m![3]).toBe(m![1]!.repeat(200));
      expect(Number(m![2])).toBe(next[m![1]!]);
      next[m![1]!]!++;
    }
    expect(next).toEqual({ A: 1000, B: 1000, C: 1000 });
  }, 60_000);

  it("the start method is 'fork'; 'spawn' is refused with a clear ValueError", () => {
    const r = gilpy('-c', [
      'import multiprocessing as mp',
      'print(mp.get_start_method(), mp.get_all_start_methods(), mp.get_context().get_start_method())',
      "mp.set_start_method('fork')",
      "mp.set_start_method('spawn')",
    ].join('\n'));
    expect(r.stdout).toBe("fork ['fork'] fork\n");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      "ValueError: cannot find context for 'spawn': gilpy forks processes; only 'fork' is supported");
  }, 60_000);
});
