/** No-GIL mode end to end, through the `gilpy` command (the bundle, whose worker threads run the
 *  program's threads): `-X gil=0` and its spellings, the seed's countdown split over two threads on two
 *  workers, the threading primitives across workers, lost updates on a shared global (without asserting
 *  how many: that depends on timing), and a deadlock across two workers diagnosed with status 3. No
 *  assertion here depends on timing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

const PROGRAMS = join(import.meta.dirname, 'programs');
const prog = (name: string): string => join(PROGRAMS, name);

beforeAll(buildCli, 60_000);

/** gilpy with PYTHON_GIL set in its environment. */
function gilpyEnv(env: Record<string, string>, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const bundle = join(root, 'node_modules', '.cache', 'gilpy-cli-test', 'gilpy.mjs');
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('no-GIL mode (-X gil=0)', () => {
  it('is switched by -X gil, --gil, PYTHON_GIL, and sys._is_gil_enabled() says so', () => {
    const ask = ['-c', 'import sys; print(sys._is_gil_enabled())'];
    expect(gilpy(...ask).stdout).toBe('True\n');
    expect(gilpy('-X', 'gil=0', ...ask).stdout).toBe('False\n');
    expect(gilpy('-Xgil=0', ...ask).stdout).toBe('False\n');
    expect(gilpy('--gil=off', ...ask).stdout).toBe('False\n');
    expect(gilpy('--gil=on', ...ask).stdout).toBe('True\n');
    expect(gilpyEnv({ PYTHON_GIL: '0' }, ...ask).stdout).toBe('False\n');
    expect(gilpyEnv({ PYTHON_GIL: '1' }, ...ask).stdout).toBe('True\n');
    expect(gilpyEnv({ PYTHON_GIL: '0' }, '-X', 'gil=1', ...ask).stdout).toBe('True\n'); // -X wins
    const bad = gilpyEnv({ PYTHON_GIL: '2' }, ...ask);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PYTHON_GIL');
    expect(gilpy('--help').stdout).toContain('-X gil=0');
  }, 60_000);

  it('runs the countdown split over two threads to the right result', () => {
    for (const workers of ['--workers=2', '--workers=1']) {
      const r = gilpy('-X', 'gil=0', workers, '--debug-heap', prog('countdown.py'));
      expect(r.stderr).toBe('');
      expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'False 0 0\n', status: 0 });
    }
  }, 60_000);

  it('keeps exact counts when four threads append to, pop from, store into one list, dict and set', () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', prog('shared_containers.py'));
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: '16000 20000 20000 True\n', status: 0 });
  }, 60_000);

  it('makes and reads struct sequences on the workers as on the main thread (sys.version_info, struct_time)', () => {
    // the workers boot no sys module: the tuple kind's repr and constructor are wrapped at load (sys.ts)
    const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', prog('struct_sequences.py'));
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status })
      .toEqual({ stdout: "200 True sys.version_info (0, 9, 'ABC', -5400, 'ABC -0130')\n", status: 0 });
  }, 60_000);

  it("reads a list's items by subscript while other threads change it (the fast path takes the list's lock)", () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', prog('subscript_reads.py'));
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: '100 True\n', status: 0 });
  }, 60_000);

  it("reads an object's attribute while other threads replace it (the read takes the dict's lock)", () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', '--debug-heap', prog('attribute_reads.py'));
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'True True\n', status: 0 });
  }, 60_000);

  it('has Lock, RLock, Event, Condition, Semaphore, Barrier, Queue and join work across workers', () => {
    const want = spawnSync('python3', [prog('primitives.py')], { encoding: 'utf8' });
    const expected = want.status === 0 ? want.stdout : null;
    for (const workers of ['--workers=2', '--workers=1']) {
      const r = gilpy('-X', 'gil=0', workers, prog('primitives.py'));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('locked total 6000\n');
      expect(r.stdout).toContain('queue 4950 100\n');
      expect(r.stdout).toContain('timed acquire True False\n');
      if (expected !== null) expect(r.stdout).toBe(expected);
    }
  }, 60_000);

  it('starts threads on a worker whose thread never blocks (one worker for all)', () => {
    const r = gilpy('-X', 'gil=0', '--workers=1', prog('busy_and_new_threads.py'));
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: '[0, 1, 2]\n', status: 0 });
  }, 60_000);

  it('lets threads spinning on a flag, more of them than workers, see another thread set it', () => {
    // five spinners and the main thread spin until the last thread sets the flags; bounded by the
    // command's timeout (a spinner that never yields its worker to the setter hangs)
    const want = "['on_attribute4', 'on_dict3', 'on_global0', 'on_global1', 'on_list2']\n5 True True True True\n";
    for (const mode of [['-X', 'gil=0', '--workers=1'], ['-X', 'gil=0', '--workers=2'], ['-X', 'gil=1']]) {
      const r = gilpy(...mode, prog('spin_flags.py'));
      expect(r.stderr).toBe('');
      expect({ mode, stdout: r.stdout, status: r.status }).toEqual({ mode, stdout: want, status: 0 });
    }
  }, 120_000);

  it('starts its workers under node flags a Worker refuses (V8 flags: the whole process has them)', () => {
    const bundle = join(root, 'node_modules', '.cache', 'gilpy-cli-test', 'gilpy.mjs');
    const src = 'import threading\nt = threading.Thread(target=print, args=("on a worker",))\nt.start(); t.join()\n';
    const r = spawnSync(process.execPath, ['--stack-size=2000', '--max-old-space-size=512', bundle, '-X', 'gil=0', '-c', src],
      { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'on a worker\n', status: 0 });
  }, 60_000);

  it('loses updates to a shared global without the GIL, and ends', () => {
    const r = gilpy('-X', 'gil=0', prog('lost_update.py'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = /^final (\d+) expected (\d+)\n$/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![1])).toBeLessThanOrEqual(Number(m![2]));
  }, 60_000);

  it('diagnoses a deadlock between two threads on two workers (status 3)', () => {
    const r = gilpy('-X', 'gil=0', '--workers=2', prog('deadlock.py'));
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gilpy: deadlock: no thread can run');
    expect(r.stderr).toMatch(/thread "left" is blocked at .*deadlock\.py", line 9, in left: waits for lock/);
    expect(r.stderr).toMatch(/thread "right" is blocked at .*deadlock\.py", line 14, in right: waits for lock/);
  }, 60_000);

  it('prints whole lines from every thread, and --stats names the workers', () => {
    const src = [
      'import threading',
      'def say(i):',
      '    for k in range(200):',
      '        print("thread", i, "line", k, "x" * 40)',
      'ts = [threading.Thread(target=say, args=(i,)) for i in range(3)]',
      'for t in ts: t.start()',
      'for t in ts: t.join()',
    ].join('\n');
    const r = gilpy('-X', 'gil=0', '--stats', '-c', src);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(600);
    for (const l of lines) expect(l).toMatch(/^thread \d line \d+ x{40}$/);
    expect(r.stderr).toMatch(/thread +worker +instructions +running ms +not running ms/);
    expect(r.stderr).toMatch(/worker 1: busy/);
  }, 60_000);

  it('starts its worker threads only once the program imports _thread (or starts a thread)', () => {
    const none = gilpy('-X', 'gil=0', '--workers=2', '--stats', '-c', 'import sys, time\nprint(sum(range(10)))');
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('45\n');
    expect(none.stderr).toContain('no worker thread was started');
    const late = ['x = sum(range(10))', 'import _thread, time', 'done = []',
      '_thread.start_new_thread(done.append, (x,))', 'while not done: time.sleep(0.01)', 'print(done)'].join('\n');
    const r = gilpy('-X', 'gil=0', '--workers=2', '--stats', '-c', late);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[45]\n');
    expect(r.stderr).toContain('2 worker threads share the heap');
  }, 60_000);

  it('traces the workers\' threads with their worker', () => {
    const src = 'import threading\nt = threading.Thread(target=print, args=("hi",), name="T")\nt.start(); t.join()\n';
    const r = gilpy('-X', 'gil=0', '--trace=threads', '--trace-format=jsonl', '-c', src);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('hi\n');
    const events = r.stderr.trim().split('\n').slice(1).map((l) => JSON.parse(l) as { kind: string; event: string; worker?: number; thread: number; name?: string });
    const exits = events.filter((e) => e.kind === 'threads' && e.event === 'exit');
    expect(exits.find((e) => e.worker === undefined)?.thread).toBe(1); // the main thread, on the host
    const onWorker = exits.filter((e) => e.worker !== undefined);
    expect(onWorker).toHaveLength(1);
    expect(onWorker[0]!.thread).toBeGreaterThan(1);
    expect(onWorker[0]!.worker).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
