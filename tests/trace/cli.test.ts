/** The trace options of the gilpy command. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gilpy-trace-cli-'));
const prog = join(dir, 'p.py');
writeFileSync(prog, 'import sys\ndef f():\n    a = []\n    b = a\n    return sys.getrefcount(a)\nprint(f())\n');

beforeAll(buildCli, 60_000);

describe('gilpy --trace', () => {
  it('writes a text trace to stderr by default, one line per event', () => {
    const r = gilpy('--trace=gil', prog);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('3\n');
    expect(r.stderr.trim().split('\n').map((l) => l.replace(/^ *[\d.]+ ms +/, ''))).toEqual([
      'T1  gil      request', 'T1  gil      wait-begin', 'T1  gil      wait-end', 'T1  gil      acquire',
      'T1  gil      release (exit)',
    ]);
  });

  it('--trace-out, --trace-format=jsonl: a header with the version, then events', () => {
    const out = join(dir, 'trace.jsonl');
    const r = gilpy('--trace=refcount,calls', '--trace-format=jsonl', `--trace-out=${out}`, prog);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'gilpy-trace', version: 1, kinds: ['calls', 'refcount'] });
    expect(lines.some((e) => e.kind === 'calls' && e.event === 'call' && e.code === 'f')).toBe(true);
    expect(lines.some((e) => e.kind === 'refcount' && e.type === 'list' && e.before === 1 && e.after === 2)).toBe(true);
  });

  it('--trace-format=chrome writes JSON that Perfetto reads', () => {
    const out = join(dir, 'trace.json');
    const r = gilpy('--trace=all', '--trace-format=chrome', `--trace-out=${out}`, prog);
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.traceEvents.some((e: { name: string }) => e.name === 'holds the GIL')).toBe(true);
  });

  it('--trace-filter=line:A-B keeps the instructions of those lines only', () => {
    const r = gilpy('--trace=instructions', '--trace-filter=line:4-5', prog);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(/p\.py:[45] /);
  });

  it('refuses bad values plainly, with status 2', () => {
    for (const args of [['--trace=nothing'], ['--trace-format=xml', '--trace=gil'], ['--trace-filter=col:3', '--trace=gil'],
      ['--trace-format=jsonl'], ['--trace=gil', '--trace-out=/nonexistent/dir/x']]) {
      const r = gilpy(...args, prog);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^gilpy: /);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('--help lists the trace options', () => {
    const r = gilpy('--help');
    for (const o of ['--trace=KIND', '--trace-format', '--trace-out', '--trace-filter']) expect(r.stdout).toContain(o);
  });
});
