/** The embedding API, `import { run } from 'gilpy'`, as the package ships it: the bundle buildCli makes
 *  (dist/gilpy-api.mjs there), imported here, whose worker threads load the same bundle. Its options, its
 *  result (output, status, statistics), the trace callback, and errors: a program's are in the result,
 *  bad options throw. No assertion depends on timing. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root } from '../support/cli.js';
import type * as Api from '../../src/api/public.js';

let run: typeof Api.run;
beforeAll(async () => {
  await buildCli();
  const bundle = join(root, 'node_modules', '.cache', 'gilpy-cli-test', 'gilpy-api.mjs');
  ({ run } = (await import(pathToFileURL(bundle).href)) as typeof Api);
}, 60_000);

describe('run()', () => {
  it('returns the output, the status and the statistics', () => {
    const r = run('import sys\nprint("out")\nprint("err", file=sys.stderr)\nx = [i for i in range(1000)]\n');
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\n');
    expect(r.status).toBe(0);
    expect(r.stats.noGil).toBeNull();
    expect(r.stats.gil!.threads.map((t) => t.name)).toEqual(['MainThread']);
    expect(r.stats.gil!.total.instructions).toBeGreaterThan(1000);
    expect(r.stats.heap.allocations).toBeGreaterThan(700); // the ints 257..999 at least
    expect(r.stats.heap.liveByType['list']!.live).toBeGreaterThan(0);
  });

  it('gives sys.argv, stdin and the file name to the program', () => {
    const src = 'import sys\nprint(sys.argv)\nprint(input(), input())\nprint(__file__)\ninput()\n';
    expect(run(src, { argv: ['a', 'b'], stdin: 'first\nsecond\n' })).toMatchObject({
      stdout: "['-c', 'a', 'b']\nfirst second\n<string>\n", status: 1, // the third input() finds the end
    });
    const eof = run(src, { filename: 'prog.py' });
    expect(eof.stdout).toBe("['prog.py']\n");
    expect(eof.stderr).toContain('EOFError');
  });

  it('reports a SyntaxError, an uncaught exception and sys.exit in the status and stderr, without throwing', () => {
    const syntax = run('x = (\n');
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toContain("SyntaxError: '(' was never closed");
    const raised = run('print(1)\n1/0\n', { filename: 'prog.py' });
    expect([raised.status, raised.stdout]).toEqual([1, '1\n']);
    expect(raised.stderr).toContain('File "prog.py", line 2');
    expect(raised.stderr).toContain('ZeroDivisionError: division by zero');
    expect(run('import sys; sys.exit(4)').status).toBe(4);
  });

  it('stops the program at maxInstructions (125) and at the timeout (124)', () => {
    const r = run('while True: pass', { maxInstructions: 5000 });
    expect(r.status).toBe(125);
    expect(r.stderr).toContain('stopped after 5000 instructions');
    expect(run('while True: pass', { timeout: 0.1 }).status).toBe(124);
  });

  it('hands the GIL over every switchInterval instructions', () => {
    const src = 'import threading\ndef spin():\n    for i in range(3000): pass\nts = [threading.Thread(target=spin) for _ in range(2)]\n'
      + 'for t in ts: t.start()\nfor t in ts: t.join()\n';
    const coarse = run(src, { switchInterval: 100_000 }).stats.gil!;
    const fine = run(src, { switchInterval: 100 }).stats.gil!;
    expect(coarse.threads).toHaveLength(3);
    expect(coarse.total.forced).toBe(0);
    expect(fine.total.forced).toBeGreaterThan(50);
  });

  it('calls trace.onEvent with the events --trace-format=jsonl writes', () => {
    const events: Api.TraceEvent[] = [];
    const r = run('def f():\n    return 1\nf()\n', { trace: { kinds: ['calls', 'gil'], onEvent: (e) => events.push(e) } });
    expect(r.status).toBe(0);
    const calls = events.filter((e) => e.kind === 'calls').map((e) => e.kind === 'calls' && `${e.event} ${e.code}`);
    expect(calls).toEqual(['call <module>', 'call f', 'return f', 'return <module>']);
    expect(events.some((e) => e.kind === 'gil')).toBe(true);
    expect(events.every((e) => e.kind === 'calls' || e.kind === 'gil')).toBe(true);
    const filtered: Api.TraceEvent[] = [];
    run('def f():\n    return 1\nf()\n', { trace: { kinds: 'all', filters: ['function:f'], onEvent: (e) => filtered.push(e) } });
    expect(filtered.filter((e) => e.kind === 'calls').map((e) => e.kind === 'calls' && e.code)).toEqual(['f', 'f']);
  });

  it('throws what trace.onEvent threw, after the program ran to its end', () => {
    let calls = 0;
    const onEvent = (): void => {
      calls++;
      throw new Error('from the callback');
    };
    expect(() => run('print(1)', { trace: { kinds: ['calls'], onEvent } })).toThrow('from the callback');
    expect(calls).toBe(1);
  });

  it('runs threads without the GIL on worker threads (gil: false), their output in order', () => {
    const src = 'import sys, threading\ndef w(i):\n    print("thread", i)\n'
      + 'for i in range(4):\n    t = threading.Thread(target=w, args=(i,))\n    t.start()\n    t.join()\n'
      + 'print(sys._is_gil_enabled())\n';
    const r = run(src, { gil: false, workers: 2 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('thread 0\nthread 1\nthread 2\nthread 3\nFalse\n');
    expect(r.status).toBe(0);
    expect(r.stats.gil).toBeNull();
    expect(r.stats.noGil!.workers.map((w) => w.worker)).toEqual([1, 2]);
    expect(r.stats.noGil!.threads.filter((t) => t.worker > 0)).toHaveLength(4);
    expect(run('import sys; print(sys._is_gil_enabled())').stdout).toBe('True\n');
  });

  it("keeps the output of threads on workers, and traces the workers' events", () => {
    const events: Api.TraceEvent[] = [];
    const r = run('import threading\nt = threading.Thread(target=lambda: 1/0)\nt.start()\nt.join()\n',
      { gil: false, workers: 1, trace: { kinds: ['threads'], onEvent: (e) => events.push(e) } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('ZeroDivisionError');
    expect(events.some((e) => e.kind === 'threads' && e.worker === 1)).toBe(true);
  });

  it("runs multiprocessing children, their output joining the parent's", () => {
    const src = 'from multiprocessing import Process\ndef f(x):\n    print("child", x)\n'
      + 'if __name__ == "__main__":\n    p = Process(target=f, args=(7,))\n    p.start()\n    p.join()\n    print("exit", p.exitcode)\n';
    const r = run(src);
    expect(r.stdout).toBe('child 7\nexit 0\n');
    expect(r.status).toBe(0);
  });

  it('throws on bad options', () => {
    expect(() => run('1', { nope: 1 } as Api.RunOptions)).toThrow(TypeError);
    expect(() => run('1', { workers: 2 })).toThrow('workers needs gil: false');
    expect(() => run('1', { switchInterval: 0 })).toThrow(RangeError);
    expect(() => run('1', { trace: { kinds: ['nope' as Api.TraceKind], onEvent: () => {} } })).toThrow('unknown trace kind');
    expect(() => run(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('the options of the worker threads', () => {
  it("are node's, less those that name what to run (node -e would run it again in every worker)", async () => {
    const { workerExecArgv } = await import('../../src/vm/worker-exec-argv.js');
    expect(workerExecArgv(['--input-type=module', '-e', 'code', '--stack-size=2000'])).toEqual(['--stack-size=2000']);
    expect(workerExecArgv(['--eval=code', '-p', 'x', '--input-type', 'module', '--max-old-space-size=100']))
      .toEqual(['--max-old-space-size=100']);
    expect(workerExecArgv([])).toEqual([]);
    // the command's start-up snapshot (a Worker refuses the option)
    expect(workerExecArgv(['--snapshot-blob', '/x/gilpy.blob', '--stack-size=2000'])).toEqual(['--stack-size=2000']);
  });

  it('leave out the V8 flags a Worker refuses (named by its error), or everything when it names none', async () => {
    const { withoutRefused } = await import('../../src/vm/worker-exec-argv.js');
    const refused = 'Initiated Worker with invalid execArgv flags: --stack-size=2000, --trace-deopt';
    expect(withoutRefused(['--cpu-prof', '--stack-size=2000', '--trace-deopt'], refused)).toEqual(['--cpu-prof']);
    expect(withoutRefused(['--cpu-prof', '--other'], 'some other message')).toEqual([]);
  });
});
