/** The command's start-up snapshot (docs/STARTUP.md): the command starts node from gilpy.blob when the node
 *  that runs it made the blob, through npm's link too, and otherwise runs gilpy.mjs, with the same results.
 *  Which way it went shows in sys.executable (the command, or gilpy.mjs). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, command } from '../support/cli.js';

beforeAll(buildCli, 60_000);
const scratch = mkdtempSync(join(tmpdir(), 'gilpy-snapshot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PROGRAM = ['-c', 'import sys\nprint(sys.argv, sys.executable.split("/")[-1], sum(x * x for x in range(10)))', 'a', '-c'];

function run(cmd: string, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A copy of the built command's directory (timestamps kept, so that its blob still fits this node). */
function copyOfCommand(name: string): string {
  const dir = join(scratch, name);
  cpSync(dirname(command), dir, { recursive: true, preserveTimestamps: true });
  return join(dir, 'gilpy');
}

describe('the start-up snapshot', () => {
  it('runs the program from the snapshot', () => {
    expect(run(command, ...PROGRAM)).toEqual({ stdout: "['-c', 'a', '-c'] gilpy 285\n", stderr: '', status: 0 });
  });

  it('is found through a link to the command (as npm installs it)', () => {
    const link = join(scratch, 'gilpy-link');
    symlinkSync(command, link);
    expect(run(link, ...PROGRAM)).toEqual({ stdout: "['-c', 'a', '-c'] gilpy 285\n", stderr: '', status: 0 });
  });

  it('falls back to gilpy.mjs when the blob was made by another node (another time), or is missing', () => {
    const other = copyOfCommand('other-node');
    utimesSync(join(dirname(other), 'gilpy.blob'), new Date(0), new Date(0));
    expect(run(other, ...PROGRAM)).toEqual({ stdout: "['-c', 'a', '-c'] gilpy.mjs 285\n", stderr: '', status: 0 });
    const missing = copyOfCommand('no-blob');
    rmSync(join(dirname(missing), 'gilpy.blob'));
    expect(run(missing, ...PROGRAM)).toEqual({ stdout: "['-c', 'a', '-c'] gilpy.mjs 285\n", stderr: '', status: 0 });
  });

  it('does not use the snapshot under NODE_OPTIONS (V8 refuses a snapshot made with other flags)', () => {
    const r = spawnSync(command, PROGRAM, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=300' } });
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: "['-c', 'a', '-c'] gilpy.mjs 285\n", stderr: '', status: 0 });
  });

  it('starts worker threads (which load gilpy.mjs) from a run that started from the snapshot', () => {
    const program = 'import threading\nout = []\nt = threading.Thread(target=lambda: out.append(sum(range(1000))))\n'
      + 't.start(); t.join(); print(out)';
    expect(run(command, '-X', 'gil=0', '-c', program)).toEqual({ stdout: '[499500]\n', stderr: '', status: 0 });
  });

  it('reads the program from a file given relative to the working directory, and exits with its status', () => {
    const r = spawnSync(command, ['startup-snapshot.test.py'], { encoding: 'utf8', cwd: scratch });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`gilpy: can't open file '${join(scratch, 'startup-snapshot.test.py')}': [Errno 2] No such file or directory\n`);
    expect(run(command, '-c', 'import sys; sys.exit(7)').status).toBe(7);
  });
});
