/** Every program in examples/ (the seed notebook's lesson) run through the gilpy command, as
 *  examples/README.md tells users to run it, with small arguments. Where the output is deterministic it
 *  is compared with python3's, recorded in python3.json next to this file (ids replaced by `<id N>` in
 *  order of first appearance, as their values differ between the two) and re-checked against python3
 *  when it is installed; `UPDATE_GOLDEN=1` records it again. Where an example prints times or racy counts,
 *  the test checks the relations the example teaches instead. No time is asserted. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy, root, type CliResult } from '../support/cli.js';
import { hasPython311, python } from '../support/python.js';

beforeAll(buildCli, 60_000);

const examples = join(root, 'examples');
const recordedPath = join(import.meta.dirname, 'python3.json');
const recorded = JSON.parse(readFileSync(recordedPath, 'utf8')) as Record<string, string>;

/** One run of an example: gilpy's options, the program's arguments, and what is checked. */
interface Run {
  example: string;
  flags?: string[];
  args?: string[];
  /** Compare with python3's recorded output, both passed through this first (identity: exact). */
  python?: (stdout: string) => string;
  /** The relations the example teaches, for output that python3 cannot record. */
  check?: (r: CliResult) => void;
  /** The exit status (0 unless said). */
  status?: number;
}

const exact = (s: string): string => s;

/** Numbers as long as ids (nine digits or more) replaced by `<id N>`, N counting distinct values. */
function numberIds(s: string): string {
  const seen = new Map<string, number>();
  return s.replace(/\b\d{9,}\b/g, (id) => {
    if (!seen.has(id)) seen.set(id, seen.size + 1);
    return `<id ${seen.get(id)}>`;
  });
}

/** 11's split of the items between the consumers depends on the switches: only its total is compared. */
function consumersTotal(s: string): string {
  return s.replace(/\{'consumer-0': (\d+), 'consumer-1': (\d+)\}/,
    (_, a: string, b: string) => `${Number(a) + Number(b)} items between the two consumers`);
}

/** A counter line of 07 and 09: `  name: counter = C (expected E, lost L)`, parsed. */
function counterLine(line: string | undefined, name: string): { counter: number; expected: number; lost: number } {
  const m = new RegExp(`^ *${name}: counter = (\\d+) \\(expected (\\d+), lost (-?\\d+)\\)$`).exec(line ?? '');
  expect(m, `a ${name} counter line, got ${JSON.stringify(line)}`).not.toBeNull();
  const [counter, expected, lost] = [m![1], m![2], m![3]].map(Number) as [number, number, number];
  expect(counter + lost).toBe(expected);
  return { counter, expected, lost };
}

const seconds = (label: string): RegExp => new RegExp(`^${label} +\\d+\\.\\d{3} s$`);
const ratio = (label: string, why: string): RegExp =>
  new RegExp(`^${label} = \\d+\\.\\d\\d${why === '' ? '' : ` \\(${why.replace(/[()]/g, '\\$&')}\\)`}$`);

const runs: Run[] = [
  { example: '01_names_and_objects.py', python: numberIds },
  { example: '02_integer_cache.py', python: exact },
  { example: '03_rebinding.py', python: numberIds },
  { example: '04_reference_counts.py', python: exact },
  { example: '05_garbage_collector.py', python: exact },
  {
    example: '06_gil.py', args: ['20000'],
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(seconds('one thread:'));
      expect(lines[1]).toMatch(seconds('two threads:'));
      expect(lines[2]).toMatch(ratio('two threads / one thread', 'the GIL lets one thread run at a time'));
    },
  },
  // at CPython's switch points the call-free loop loses nothing, on gilpy as on python3.11
  { example: '07_lost_update.py', args: ['2000'], python: exact },
  {
    example: '07_lost_update.py', flags: ['--switch-points=any', '--switch-interval=3'], args: ['500'],
    check: (r) => {
      const [unsafe, safe] = r.stdout.trimEnd().split('\n');
      // instruction-counted switching is deterministic: with a switch every 3 instructions, some are lost
      expect(counterLine(unsafe, 'unsafe').lost).toBeGreaterThan(0);
      expect(counterLine(safe, 'safe')).toEqual({ counter: 2000, expected: 2000, lost: 0 });
      expect(gilpy('--switch-points=any', '--switch-interval=3', join(examples, '07_lost_update.py'), '500').stdout)
        .toBe(r.stdout);
    },
  },
  {
    example: '08_deadlock.py', status: 3,
    check: (r) => {
      expect(r.stdout).toBe('');
      const file = '"[^"]*08_deadlock\\.py"';
      expect(r.stderr).toMatch(/^gilpy: deadlock: no thread can run, and none is sleeping or waiting with a timeout\.\n/);
      expect(r.stderr).toMatch(new RegExp(`thread "MainThread" is blocked in Thread\\.join\\(\\) at ${file}, line \\d+, in <module>: waits for lock at 0x[0-9a-f]+, held by thread "left"`));
      expect(r.stderr).toMatch(new RegExp(`thread "left" is blocked at ${file}, line \\d+, in left_handed: waits for lock at 0x[0-9a-f]+, held by thread "right"`));
      expect(r.stderr).toMatch(new RegExp(`thread "right" is blocked at ${file}, line \\d+, in right_handed: waits for lock at 0x[0-9a-f]+, held by thread "left"`));
      expect(r.stderr).toContain('cycle: "left" -> "right" -> "left"');
    },
  },
  {
    example: '09_no_gil.py', flags: ['-X', 'gil=0'], args: ['20000', '20000'],
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(6);
      expect(lines[0]).toBe('sys._is_gil_enabled(): False');
      expect(lines[1]).toMatch(seconds('one thread:'));
      expect(lines[2]).toMatch(seconds('two threads:'));
      expect(lines[3]).toMatch(ratio('two threads / one thread', ''));
      // threads in parallel may lose updates without the lock (how many depends on the run); never with it
      const unsafe = counterLine(lines[4], 'unsafe');
      expect(unsafe.expected).toBe(40000);
      expect(unsafe.counter).toBeGreaterThan(0);
      expect(unsafe.counter).toBeLessThanOrEqual(40000);
      expect(counterLine(lines[5], 'safe')).toEqual({ counter: 40000, expected: 40000, lost: 0 });
    },
  },
  {
    // without -X gil=0 it runs under the GIL, as its comment says: nothing lost at CPython's switch points
    example: '09_no_gil.py', args: ['20000', '20000'],
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('sys._is_gil_enabled(): True');
      expect(counterLine(lines[4], 'unsafe').lost).toBe(0);
      expect(counterLine(lines[5], 'safe').lost).toBe(0);
    },
  },
  {
    example: '10_processes.py', args: ['200000'],
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(seconds('one thread:'));
      expect(lines[1]).toMatch(seconds('Pool\\(2\\):'));
      expect(lines[2]).toMatch(seconds('two Process objects:'));
      expect(lines[3]).toMatch(ratio('two processes / one thread', 'each process has its own GIL'));
    },
  },
  { example: '11_producer_consumer.py', python: consumersTotal },
  { example: '12_pool_map.py', args: ['300'], python: exact },
  { example: '13_queue_workers.py', python: exact },
];

/** A run's name in the test list and its key in python3.json: the command line after `gilpy`. */
const key = (run: Run): string => [...(run.flags ?? []), run.example, ...(run.args ?? [])].join(' ');

describe('the examples, run as examples/README.md says', () => {
  it('every example has a run here and a row in examples/README.md, and opens with its comment', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.py')).sort();
    expect(files).toHaveLength(13);
    expect([...new Set(runs.map((r) => r.example))].sort()).toEqual(files);
    const readme = readFileSync(join(examples, 'README.md'), 'utf8');
    for (const f of files) {
      expect(readme).toContain(`examples/${f}`);
      expect(readFileSync(join(examples, f), 'utf8')).toMatch(/^# \S.*\n(# .*\n){2,}/);
    }
  });

  for (const run of runs) {
    it(key(run), () => {
      const r = gilpy(...(run.flags ?? []), join(examples, run.example), ...(run.args ?? []));
      expect(r.status, r.stderr).toBe(run.status ?? 0);
      if ((run.status ?? 0) === 0) expect(r.stderr).toBe('');
      if (run.python) expect(run.python(r.stdout)).toBe(recorded[key(run)]);
      run.check?.(r);
    }, 60_000);
  }
});

describe.runIf(hasPython311())('the recorded outputs are what python3 prints', () => {
  const compared = runs.filter((r) => r.python !== undefined);
  const update = process.env['UPDATE_GOLDEN'] === '1';
  const fresh: Record<string, string> = {};
  for (const run of compared) {
    it(key(run), () => {
      expect(run.flags ?? [], 'python3 runs the program without gilpy options').toEqual([]);
      const out = run.python!(python([join(examples, run.example), ...(run.args ?? [])]));
      fresh[key(run)] = out;
      if (!update) expect(out).toBe(recorded[key(run)]);
    }, 60_000);
  }
  it.runIf(update)('writes python3.json', () => {
    expect(Object.keys(fresh)).toHaveLength(compared.length);
    writeFileSync(recordedPath, JSON.stringify(fresh, null, 2) + '\n');
  });
});
