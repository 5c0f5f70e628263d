/** `gilpy --report=FILE.html` from the command line: the page is written at the end of the run, beside a
 *  --trace file when both are asked for; a report that cannot be written is a usage error (status 2). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';

beforeAll(buildCli, 60_000);
const work = mkdtempSync(join(tmpdir(), 'gilpy-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const data = (html: string): any => JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!);

describe('--report', () => {
  it('writes the page, and a --trace file beside it', () => {
    const page = join(work, 'r.html');
    const trace = join(work, 't.jsonl');
    const prog = 'import threading\ndef f():\n    for i in range(3000): pass\nts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint("ok")';
    const r = gilpy(`--report=${page}`, '--trace=gil', '--trace-format=jsonl', `--trace-out=${trace}`, '--switch-interval=500', '-c', prog);
    expect(r).toMatchObject({ status: 0, stdout: 'ok\n' });
    const d = data(readFileSync(page, 'utf8'));
    expect(d.lanes.map((l: any) => l.label)).toEqual(['MainThread', 'Thread-1 (f)', 'Thread-2 (f)']);
    expect(d.lanes[1].forced).toBeGreaterThan(2);
    // line 3 (the loop) ran in both threads: FOR_ITER, STORE_FAST, JUMP_BACKWARD 3000 times each at least
    expect(d.lineCounts[3]).toBeGreaterThanOrEqual(2 * 3 * 3000);
    const gil = readFileSync(trace, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    expect(gil.filter((e) => e.kind === 'gil' && e.event === 'acquire').length).toBe(d.threads.reduce((a: number, t: any) => a + t.acquisitions, 0));
  });

  it('writes a page even when the program never starts (a SyntaxError)', () => {
    const page = join(work, 'syntax.html');
    const r = gilpy(`--report=${page}`, '-c', 'x = (');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SyntaxError');
    expect(data(readFileSync(page, 'utf8'))).toMatchObject({ events: 0, lanes: [], source: ['x = ('] });
  });

  it('fails at once, with status 2, when the page cannot be written', () => {
    const r = gilpy(`--report=${join(work, 'no', 'such', 'dir', 'r.html')}`, '-c', 'print("never")');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gilpy: can't write the report/);
    expect(existsSync(join(work, 'no'))).toBe(false);
  });
});
