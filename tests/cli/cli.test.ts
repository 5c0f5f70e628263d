/** The `gilpy` command as users run it: the bundle that `npm run build` makes, built here from the
 *  sources with the same esbuild options, run as a child process. Checks exit statuses (python3's, and
 *  gilpy's own for its limits), that output printed before a failure is kept, and that errors reach
 *  stderr as Python errors, never as JavaScript stack traces. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy as run } from '../support/cli.js';

beforeAll(buildCli, 60_000);

function gilpy(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const { stdout, stderr, status } = run(...args);
  return { stdout, stderr, status };
}

const noJsTrace = (stderr: string): void => {
  expect(stderr).not.toMatch(/^\s+at .*\.(m?js|ts):\d+/m);
};

describe('gilpy command line', () => {
  it('runs -c programs and exits 0', () => {
    expect(gilpy('-c', 'import sys\nprint(sys.argv, 6 * 7)', 'x')).toEqual({ stdout: "['-c', 'x'] 42\n", stderr: '', status: 0 });
  });

  it('exits 1 on an uncaught exception, keeping what was printed', () => {
    const r = gilpy('-c', 'print("before")\n1/0');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('ZeroDivisionError: division by zero');
    noJsTrace(r.stderr);
  });

  it('reports a SyntaxError with its line and caret', () => {
    const r = gilpy('-c', 'x = (1,');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('  File "<string>", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n');
  });

  it('exits 2 on a usage error and on a missing file', () => {
    expect(gilpy('--no-such-option').status).toBe(2);
    const r = gilpy('no/such/file.py');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("can't open file");
    noJsTrace(r.stderr);
  });

  it('stops at --max-instructions with status 125, output kept', () => {
    const r = gilpy('--max-instructions=1000', '-c', 'print("started")\nwhile True: pass');
    expect(r).toMatchObject({ stdout: 'started\n', status: 125 });
    expect(r.stderr).toContain('--max-instructions');
  });

  it('stops at --timeout with status 124', () => {
    const r = gilpy('--timeout=0.3', '-c', 'print("started")\nwhile True: pass');
    expect(r).toMatchObject({ stdout: 'started\n', status: 124 });
  });

  it('raises MemoryError past --max-heap instead of crashing', () => {
    const r = gilpy('--max-heap=8M', '-c', 'l = []\nwhile True: l.append("x" * 1000)');
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('MemoryError');
    noJsTrace(r.stderr);
  });

  it('reports leaks and their absence with --check-leaks', () => {
    expect(gilpy('--check-leaks', '-c', 'a = [1]; b = {"k": a}').stderr).toBe('gilpy: leak check: no objects left alive\n');
  });

  it('reports an exception raised by __del__ as CPython does, and goes on', () => {
    const r = gilpy('-c', 'class R:\n    def __del__(self):\n        raise ValueError("boom")\nr = R()\ndel r\nprint("after")');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('after\n');
    expect(r.stderr).toMatch(/^Exception ignored in: <function R\.__del__ at 0x[0-9a-f]+>\nTraceback \(most recent call last\):\n/);
    expect(r.stderr.endsWith('ValueError: boom\n')).toBe(true);
  });

  it('prints its version', () => {
    expect(gilpy('--version').stdout).toMatch(/^gilpy \d+\.\d+\.\d+/);
  });
});
