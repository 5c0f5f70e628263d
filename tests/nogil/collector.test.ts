/** The cycle collector in no-GIL mode, end to end through the `gilpy` command: collections stop every
 *  worker at a safepoint (or find it waiting outside the running set), walk the shared heap and free the
 *  cycles any thread made. Each program's output is compared with GIL mode's and, where gilpy's counts
 *  are CPython's, with python3's. Every run is bounded (spawn timeouts): a wait left unbracketed would
 *  make a collection wait forever, which fails the test instead of hanging it. No assertion depends on
 *  timing. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

const PROGRAMS = join(import.meta.dirname, 'programs');
const prog = (name: string): string => join(PROGRAMS, name);

beforeAll(buildCli, 60_000);

/** python3's output of a program, or null where python3 is missing. */
function python(name: string): string | null {
  const r = spawnSync('python3', [prog(name)], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout : null;
}

/** Runs `name` in no-GIL mode (heap-checking on, and the leak check at exit) with 2 and 4 workers, and in
 *  GIL mode: every run must succeed, print the same as GIL mode (and as python3 when `cpython`) and leave
 *  no object alive. */
function sameInEveryMode(name: string, cpython: boolean): string {
  const gil = gilpy(prog(name));
  expect(gil.stderr).toBe('');
  expect(gil.status).toBe(0);
  if (cpython) {
    const want = python(name);
    if (want !== null) expect(gil.stdout).toBe(want);
  }
  for (const workers of ['--workers=2', '--workers=4']) {
    const r = gilpy('-X', 'gil=0', workers, '--debug-heap', '--check-leaks', prog(name));
    expect(r.stderr).toBe('gilpy: leak check: no objects left alive\n');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: gil.stdout, status: 0 });
  }
  return gil.stdout;
}

describe('the cycle collector without the GIL (-X gil=0)', () => {
  it("collects other threads' cycles from the main thread and from a thread, as many as in GIL mode", () => {
    const out = sameInEveryMode('gc_other_threads.py', true);
    expect(out).toBe('the main thread collects 600\na thread collects [320]\nwith two threads running True\n' +
      'afterwards 0 False\nTrue\n');
  }, 120_000);

  it('runs __del__, weakref callbacks (weakrefs made by any thread) and gc.callbacks for collected cycles', () => {
    const out = sameInEveryMode('gc_finalizers.py', false);
    expect(out).toContain('alive [True, True, True]\n');
    expect(out).toContain('dead [True, True, True]\n');
    expect(out).toContain("['del main.a', 'del main.b', 'del t1.a', 'del t1.b', 'del t2.a', 'del t2.b', " +
      "'weakref main', 'weakref t1', 'weakref t2']\n");
    expect(out).toContain("a thread collected [8] [True, True]\n['del in-thread.a', 'del in-thread.b', 'del m1.a', " +
      "'del m1.b', 'weakref in-thread', 'weakref m1']\n");
    // (gilpy counts an instance's __dict__: 12 where CPython 3.11 says 6, in both modes)
    expect(out).toContain("[('start', 2, 0), ('stop', 2, 12)]\n");
  }, 120_000);

  it('leaves out an object being deallocated when a __del__ its dealloc ran calls gc.collect()', () => {
    // its whole count is 0 (local and shared): taken for garbage, it was freed twice (a double free)
    const out = sameInEveryMode('gc_collect_in_dealloc.py', true);
    expect(out).toContain("('in a tuple', 'main'), True)\n");
    expect(out).toContain("(('in a cycle', 2), 15)");
  }, 120_000);

  it('runs the automatic collection while four threads make garbage cycles (heap checking on)', () => {
    const out = sameInEveryMode('gc_automatic.py', true);
    expect(out).toBe('automatic collections ran: True True\n[1600, 1600, 1600, 1600] 6400\n');
  }, 120_000);

  it('is not held up by threads that sleep, wait on locks, events, conditions, queues, barriers or join', () => {
    const out = sameInEveryMode('gc_waits.py', true);
    expect(out).toContain('round 0 1\nround 1 1\nround 2 1\nend 1\n');
  }, 120_000);

  it('lets the other threads run while finalizers run (a __del__ waiting for a lock a running thread holds)', () => {
    const out = sameInEveryMode('gc_del_waits.py', true);
    expect(out).toBe("True\n['holder', 'del', 'del']\n");
  }, 120_000);

  it('is not held up by the main thread reading input', async () => {
    const bundle = join(root, 'node_modules', '.cache', 'gilpy-cli-test', 'gilpy.mjs');
    const child = spawn(process.execPath, [bundle, '-X', 'gil=0', prog('gc_input.py')], { timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // the line comes only once the thread's collection is over: then the main thread may read
      if (stdout.includes('while the main thread reads')) child.stdin.end('hello\n');
    });
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(stderr).toBe('');
    expect({ stdout, status }).toEqual({ stdout: "a thread collected 1 while the main thread reads\nread 'hello'\n", status: 0 });
  }, 60_000);

  it('still diagnoses a deadlock after collections in every thread (status 3)', () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', '--check-leaks', prog('gc_deadlock.py'));
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gilpy: deadlock: no thread can run');
    expect(r.stderr).toMatch(/thread "left" is blocked at .*gc_deadlock\.py", line 10, in left: waits for lock/);
    expect(r.stderr).toMatch(/thread "right" is blocked at .*gc_deadlock\.py", line 16, in right: waits for lock/);
    expect(r.stderr).toContain('gilpy: leak check: no objects left alive\n'); // the blocked threads were dropped
  }, 60_000);

  it('stops at --timeout while the main thread joins a thread that never ends', () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', '--timeout=1', prog('gc_spin.py'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('gilpy: stopped after 1 seconds (--timeout)\n');
    expect(r.status).toBe(124);
  }, 60_000);
});
