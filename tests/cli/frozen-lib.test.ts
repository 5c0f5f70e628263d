/** The library modules compiled by the build (src/cli/frozen-lib.ts, dist/gilpy-lib.json): an import takes
 *  their code from the file, which must be what compiling the bundle's sources gives, also once the bundle's
 *  modification time has changed (as npm's packing changes it); a file made from another bundle or build,
 *  or none, and the modules are compiled as before. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, command } from '../support/cli.js';
import { FROZEN_LIB_FILE } from '../../src/cli/frozen-lib.js';
import { encodeCodeData } from '../../src/compiler/code-json.js';
import { compileSource } from '../../src/compiler/front-end.js';
import { PYLIB_SOURCES } from '../../src/vm/builtins/pylib.gen.js';

const scratch = mkdtempSync(join(tmpdir(), 'gilpy-frozen-lib-'));
const dir = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  await buildCli();
  // a copy to change the file in (times kept: the snapshot's boot image checks them)
  cpSync(dirname(command), dir, { recursive: true, preserveTimestamps: true });
}, 120_000);

function run(program: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(join(dir, 'gilpy'), ['-c', program], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const file = (): string => join(dir, FROZEN_LIB_FILE);
/** The file as the build wrote it. */
let built = '';

/** Runs `body` with the file's text replaced by `text` (null: no file), then puts the built file back. */
function withFile(text: string | null, body: () => void): void {
  if (text === null) rmSync(file());
  else writeFileSync(file(), text);
  try {
    body();
  } finally {
    writeFileSync(file(), built);
  }
}

/** The built file with the string module's entry replaced by code that sets `marker`, and its first line
 *  edited by `head`. */
function withMarker(head: (line: string) => string = (line) => line): string {
  const lines = built.split('\n');
  lines[0] = head(lines[0]!);
  const i = lines.findIndex((l) => l.startsWith('string\t'));
  lines[i] = `string\t${encodeCodeData(compileSource('marker = 42\n', '<frozen string>'))}`;
  return lines.join('\n');
}

describe('the compiled library modules', () => {
  it('the build compiles every library module', () => {
    built = readFileSync(file(), 'utf8');
    const names = built.split('\n').slice(1).filter(Boolean).map((l) => l.slice(0, l.indexOf('\t')));
    expect(names.sort()).toEqual(Object.keys(PYLIB_SOURCES).sort());
  });

  // the same program's output, compiled ahead or compiled at import (the file gone)
  const PROGRAM = [
    'import threading, collections, functools, queue, copy, dis',
    'dis.dis(collections.Counter.most_common)',
    'dis.dis(threading.Thread.join)',
    'print(collections.namedtuple("P", "x y")(1, 2), functools.reduce(lambda a, b: a * b, range(1, 6)))',
    'print(threading.Thread.start.__code__.co_firstlineno, threading.Thread.start.__code__.co_filename)',
    'q = queue.Queue(); q.put(copy.deepcopy([1, [2]])); print(q.get())',
  ].join('\n');
  const DIGITS = { stdout: '0123456789\n', stderr: '', status: 0 };

  it('an import runs the code the file holds', () => {
    withFile(withMarker(), () => {
      expect(run('import string; print(string.marker)')).toEqual({ stdout: '42\n', stderr: '', status: 0 });
    });
  });

  it('gives the programs what compiling the modules at import gives', () => {
    const ahead = run(PROGRAM);
    expect(ahead.stderr).toBe('');
    expect(ahead.status).toBe(0);
    withFile(null, () => expect(run(PROGRAM)).toEqual(ahead));
  });

  it('does not use a file made from a bundle of another size, or by another build', () => {
    expect(built.split('\n')[0]).toMatch(/"build":"[0-9a-f-]{36}"/);
    for (const head of [/"bundle":"[^"]*"/, /"build":"[^"]*"/]) {
      withFile(withMarker((line) => line.replace(head, (m) => m.replace(/:"[^"]*"$/, ':"other"'))), () => {
        expect(run('import string; print(string.digits)')).toEqual(DIGITS);
      });
    }
  });

  it("uses the file when the bundle's modification time changed (npm packs every file with one time)", () => {
    const core = join(dir, 'gilpy-core.cjs');
    const { atime, mtime } = statSync(core);
    utimesSync(core, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    try {
      withFile(withMarker(), () => {
        expect(run('import string; print(string.marker)')).toEqual({ stdout: '42\n', stderr: '', status: 0 });
      });
    } finally {
      utimesSync(core, atime, mtime);
    }
  });

  it('compiles a module whose entry it cannot read', () => {
    withFile(built.replace(/^string\t.*$/m, 'string\t{"not": "code"'), () => {
      expect(run('import string; print(string.digits)')).toEqual(DIGITS);
    });
  });
});
