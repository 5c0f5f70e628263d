/** `gilpy --dis` and `dis.dis` against golden files recorded from gilpy (scripts/dis-golden.mjs), and
 *  against CPython 3.11's listings of the same programs: the same layout everywhere (columns, `>>`
 *  targets, headers of nested code objects), and the same text where the bytecode is the same. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';
import { hasPython311 } from '../support/python.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { DIS_DIR, RUN, cpythonOutputs, disPrograms, gilpyOutputs, root } from '../../scripts/dis-golden.mjs';

beforeAll(buildCli, 60_000);

const programs: string[] = disPrograms();
const golden = (file: string, suffix: string): string => readFileSync(join(root, DIS_DIR, file.slice(0, -3) + suffix), 'utf8');
const runGilpy = (args: string[]): string => {
  const r = gilpy(...args);
  if (r.status !== 0) throw new Error(`gilpy ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return r.stdout;
};

/** One instruction line of CPython 3.11's dis layout (line numbers under 1000, offsets under 10000). */
const INSTRUCTION = /^(.{3}) {5}(>>| {2}) (.{4}) ([A-Z_0-9]+)(?: +(-?\d+)(?: \((.*)\))?)?$/;

/** The line as CPython's Instruction._disassemble would write it from its fields. */
function reformat(m: RegExpExecArray): string {
  const [, line, mark, offset, op, arg, argrepr] = m;
  const fields = [line!.trim().padStart(3), '   ', mark!, offset!.trim().padStart(4), op!.padEnd(20)];
  if (arg !== undefined) fields.push(arg.padStart(5));
  if (argrepr !== undefined) fields.push(`(${argrepr})`);
  return fields.join(' ').trimEnd();
}

/** Checks every line of a listing against the layout; returns the `Disassembly of` headers in order. */
function checkLayout(listing: string, what: string): string[] {
  const headers: string[] = [];
  let targets = new Set<number>();
  let jumps: number[] = [];
  const endBlock = (): void => {
    for (const j of jumps) expect(targets.has(j), `${what}: a jump to ${j} lands on an instruction marked >>`).toBe(true);
    targets = new Set();
    jumps = [];
  };
  for (const line of listing.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('Disassembly of ')) {
      endBlock();
      headers.push(line);
      continue;
    }
    if (line === 'ExceptionTable:' || /^ {2}\d+ to \d+ -> \d+ \[\d+\]( lasti)?$/.test(line)) continue;
    const m = INSTRUCTION.exec(line);
    expect(m, `${what}: not an instruction line in dis's layout: ${JSON.stringify(line)}`).not.toBeNull();
    expect(reformat(m!), what).toBe(line);
    if (m![2] === '>>') targets.add(Number(m![3]));
    const to = /^to (\d+)$/.exec(m![6] ?? '');
    if (to !== null) jumps.push(Number(to[1]));
  }
  endBlock();
  return headers;
}

describe('dis listings', () => {
  for (const file of programs) {
    it(`${file}: gilpy's listing is the recorded one`, () => {
      for (const [suffix, text] of Object.entries(gilpyOutputs(file, runGilpy) as Record<string, string>)) {
        expect(text, `${file.slice(0, -3)}${suffix}`).toBe(golden(file, suffix));
      }
    });

    it(`${file}: the listing has CPython 3.11's layout, and the same code objects`, () => {
      const ours = checkLayout(golden(file, '.dis'), `gilpy ${file}`);
      const theirs = checkLayout(golden(file, '.cpython.dis'), `python3 ${file}`);
      expect(ours).toEqual(theirs);
      if (RUN.has(file)) checkLayout(golden(file, '.out').replace(/^(--|TypeError|\d+ lines).*$/gm, ''), `gilpy ${file} run`);
    });
  }

  it('prints exactly what CPython 3.11 prints where the bytecode is the same', () => {
    expect(golden('same_as_cpython.py', '.out')).toBe(golden('same_as_cpython.py', '.cpython.out'));
  });

  it('has recorded every program', () => {
    for (const file of programs) expect(existsSync(join(root, DIS_DIR, file.slice(0, -3) + '.dis')), file).toBe(true);
  });

  it.skipIf(!hasPython311())('recorded CPython listings are what python3 prints now', () => {
    for (const file of programs) {
      for (const [suffix, text] of Object.entries(cpythonOutputs(file) as Record<string, string>)) {
        expect(text, `${file.slice(0, -3)}${suffix}`).toBe(golden(file, suffix));
      }
    }
  });
});
