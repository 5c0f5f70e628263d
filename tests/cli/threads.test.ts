/** Threads under the simulated GIL, through the command line: deterministic interleavings, the
 *  lost-update race and its fix, deadlock reports (exit status 3), --stats, --clock=virtual. Timing is
 *  never asserted beyond "a deadlock is reported promptly" (a generous bound, on a shared machine). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root } from '../support/cli.js';

beforeAll(buildCli, 60_000);

const example = (name: string): string => join(root, 'examples', name);
const deadlocks = join(root, 'tests', 'cli', 'deadlocks');

describe('the GIL scheduler is deterministic', () => {
  const racy = ['--switch-points=any', '--switch-interval=3', example('07_lost_update.py')];

  it('loses updates with a small interval at any instruction, the same number every run, never with the lock', () => {
    const a = gilpy(...racy);
    const b = gilpy(...racy);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(
      'unsafe: counter = 20066 (expected 40000, lost 19934)\n  safe: counter = 40000 (expected 40000, lost 0)\n');
  });

  it("loses none at CPython 3.10+'s switch points: a loop body without calls runs whole", () => {
    const r = gilpy('--switch-interval=3', example('07_lost_update.py'));
    expect(r.stdout).toContain('unsafe: counter = 40000 (expected 40000, lost 0)');
  });

  it('makes progress with a switch every instruction (each turn runs one), at either kind of switch point', () => {
    // (a thread switched out counted the instruction it stopped before, and ran none in its next turn)
    const prog = 'import threading\nout = []\ndef w(c):\n    for i in range(3):\n        out.append(c)\n'
      + 'ts = [threading.Thread(target=w, args=(c,)) for c in "ab"]\nfor t in ts: t.start()\nfor t in ts: t.join()\n'
      + 'print(sorted(out))';
    for (const points of ['--switch-points=cpython', '--switch-points=any']) {
      const r = gilpy('--switch-interval=1', '--max-instructions=1000000', points, '-c', prog);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe("['a', 'a', 'a', 'b', 'b', 'b']\n");
    }
  });

  it('a random schedule repeats exactly with the same seed', () => {
    const prog = 'import threading\nout = []\ndef w(c):\n    for i in range(30):\n        out.append(c)\n'
      + 'ts = [threading.Thread(target=w, args=(c,)) for c in "abc"]\nfor t in ts: t.start()\nfor t in ts: t.join()\n'
      + 'print("".join(out))';
    const run = (seed: string): string => gilpy('--switch-points=any', '--switch-interval=5', '--schedule=random',
      `--seed=${seed}`, '-c', prog).stdout;
    expect(run('7')).toBe(run('7'));
    expect(run('7')).not.toBe(run('8'));
    expect(run('7').length).toBe(91);
  });
});

describe('deadlocks are diagnosed, with exit status 3', () => {
  const shapes = readdirSync(deadlocks).filter((f) => f.endsWith('.py')).sort();
  it('has the five shapes and more', () => {
    expect(shapes).toEqual(expect.arrayContaining(['two_locks.py', 'join_cycle.py', 'event_never.py', 'full_queue.py',
      'three_cycle.py']));
  });
  const expected: Record<string, RegExp[]> = {
    'two_locks.py': [/"Thread-1 \(one\)" is blocked at "[^"]*two_locks\.py", line 6, in one: waits for lock at 0x[0-9a-f]+, held by thread "Thread-2 \(two\)"/,
      /cycle: "Thread-1 \(one\)" -> "Thread-2 \(two\)" -> "Thread-1 \(one\)"/],
    'join_cycle.py': [/"MainThread" is blocked in Thread\.join\(\)/, /cycle: "MainThread" -> "Thread-1 \(waits_for_main\)" -> "MainThread"/],
    'event_never.py': [/"Thread-1 \(waiter\)" is blocked in Event\.wait\(\) at "[^"]*event_never\.py", line 4, in waiter: waits for a notification that no thread is left to send/],
    'full_queue.py': [/"MainThread" is blocked in Queue\.put\(\) at "[^"]*full_queue\.py", line 4, in <module>/],
    'three_cycle.py': [/cycle: "philosopher-0" -> "philosopher-1" -> "philosopher-2" -> "philosopher-0"/],
    'self_lock.py': [/waits for lock at 0x[0-9a-f]+, which it holds itself/],
  };
  for (const f of shapes) {
    it(f, () => {
      const r = gilpy(join(deadlocks, f));
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/^gilpy: deadlock: no thread can run, and none is sleeping or waiting with a timeout\.\n/);
      for (const re of expected[f] ?? []) expect(r.stderr).toMatch(re);
      expect(r.ms).toBeLessThan(10_000); // "within a second" on an idle machine; this one is shared
    });
  }
});

describe('stopping a program with threads and generators', () => {
  const prog = (name: string): string => join(root, 'tests', 'cli', 'programs', name);

  it('a limit reached inside a generator resumed from native code stops cleanly (status 125)', () => {
    const r = gilpy('--debug-heap', '--check-leaks', '--max-instructions=100000', prog('limit_in_generator.py'));
    expect(r.status).toBe(125);
    expect(r.stderr).toContain('gilpy: stopped after 100000 instructions (--max-instructions)');
    expect(r.stderr).not.toContain('internal error');
  });

  it('daemon threads are frozen at exit: their generators are not finalized', () => {
    const r = gilpy('--debug-heap', '--check-leaks', prog('daemon_generator_at_exit.py'));
    expect(r).toMatchObject({ status: 0, stdout: 'main ends holding the lock\n',
      stderr: 'gilpy: leak check: no objects left alive\n' });
  });

  it('threads waiting nested on the JS stack when the program ends are dropped like daemons', () => {
    const r = gilpy('--debug-heap', '--check-leaks', prog('nested_waits_at_exit.py'));
    expect(r).toMatchObject({ status: 0, stdout: 'main done\n', stderr: 'gilpy: leak check: no objects left alive\n' });
  });

  it('a blocking call run again after a wait ends that wait: the next wait has its own deadline', () => {
    const r = gilpy('--clock=virtual', prog('retried_acquire_timeout.py'));
    expect(r.stdout).toBe('[True, True]\n');
  });
});

describe('--stats and the clocks', () => {
  it('--stats shows two threads alternating with forced switches', () => {
    const prog = 'import threading\ndef count(n):\n    while n > 0:\n        n -= 1\n'
      + 'ts = [threading.Thread(target=count, args=(20000,)) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n';
    const r = gilpy('--stats', '--switch-interval=1000', '-c', prog);
    expect(r.status).toBe(0);
    const rows = Object.fromEntries(r.stderr.split('\n').filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s{2,}/)).map((c) => [c[0], c.slice(1).map(Number)]));
    for (const name of ['Thread-1 (count)', 'Thread-2 (count)']) {
      const [instructions, acquisitions, forced] = rows[name]!;
      expect(instructions).toBeGreaterThan(100_000);
      expect(forced).toBeGreaterThan(50); // ~120k instructions each, a switch every 1000
      expect(acquisitions).toBe(forced! + 1);
    }
  });

  it('--clock=virtual makes sleeps instant and their order exact', () => {
    const prog = 'import threading, time\nt0 = time.monotonic()\nout = []\n'
      + 'def s(d, tag):\n    time.sleep(d)\n    out.append(tag)\n'
      + 'ts = [threading.Thread(target=s, args=(d, t)) for d, t in [(30, "c"), (10, "a"), (20, "b")]]\n'
      + 'for t in ts: t.start()\nfor t in ts: t.join()\nprint(out, round(time.monotonic() - t0, 3))';
    const r = gilpy('--clock=virtual', '-c', prog);
    expect(r.stdout).toBe("['a', 'b', 'c'] 30.0\n");
    expect(r.ms).toBeLessThan(10_000);
  });

  it('sys.setcheckinterval and sys.setswitchinterval are read back', () => {
    const r = gilpy('--switch-interval=77', '-c', 'import sys\nprint(sys.getcheckinterval(), sys._is_gil_enabled())\n'
      + 'sys.setcheckinterval(5)\nsys.setswitchinterval(0.001)\nprint(sys.getcheckinterval(), sys.getswitchinterval())');
    expect(r.stdout).toBe('77 True\n5 0.001\n');
  });
});
