/** The REPL (`gilpy -i`, `gilpy` at a terminal), driven through piped stdin and through a pseudo-terminal.
 *
 *  Piped sessions (sessions/NAME.txt) are differential: python3 -i's stdout, stderr (without its banner)
 *  and exit status are recorded in NAME.expect.json, re-checked against python3 when it is here
 *  (`REGEN_REPL_EXPECT=1 npx vitest run tests/repl` records them again). Ctrl-C is the SIGINT signal
 *  there; through the pseudo-terminal (util-linux `script`) it is the key, as a user presses it. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, command } from '../support/cli.js';

beforeAll(buildCli, 60_000);

const sessions = join(import.meta.dirname, 'sessions');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasScript = spawnSync('script', ['--version']).status === 0;

interface Session { stdout: string; stderr: string; status: number | null }

/** stderr after the banner's two lines (the REPL without a script prints one, python3's differs). */
const withoutBanner = (stderr: string): string => stderr.split('\n').slice(2).join('\n');

function runSession(cmd: string, args: string[], input: string): Session {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 30_000, env: { ...process.env, GILPY_HISTORY: '' } });
  return { stdout: r.stdout, stderr: withoutBanner(r.stderr), status: r.status };
}

describe('the REPL on piped stdin, against python3 -i', () => {
  for (const file of readdirSync(sessions).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    const input = readFileSync(join(sessions, file), 'utf8');
    const expectFile = join(sessions, `${name}.expect.json`);
    if (process.env['REGEN_REPL_EXPECT'] === '1' && hasPython) {
      writeFileSync(expectFile, JSON.stringify(runSession('python3', ['-i'], input), null, 2) + '\n');
    }
    const expected = JSON.parse(readFileSync(expectFile, 'utf8')) as Session;

    it(`${name}: the recorded answer is python3's`, { skip: !hasPython }, () => {
      expect(runSession('python3', ['-i'], input)).toEqual(expected);
    });
    it(`${name}: gilpy -i answers the same`, () => {
      expect(runSession(command, ['-i'], input)).toEqual(expected);
    });
    if (name === 'threads') {
      it(`${name}: the same without the GIL (-X gil=0)`, () => {
        expect(runSession(command, ['-X', 'gil=0', '-i'], input)).toEqual(expected);
      });
    }
  }

  it('prints a banner naming the mode, on stderr', () => {
    const on = spawnSync(command, ['-i', '--switch-interval=500'], { input: '', encoding: 'utf8' });
    expect(on.stderr.split('\n')[0]).toMatch(/^gilpy .* with the GIL \(switch interval 500 instructions\)$/);
    const off = spawnSync(command, ['-X', 'gil=0', '--workers=2', '-i'], { input: '', encoding: 'utf8' });
    expect(off.stderr.split('\n')[0]).toMatch(/^gilpy .* without the GIL \(2 worker threads\)$/);
    expect(on.status).toBe(0);
  });

  it('runs a script first with -i, then reads statements in its namespace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gilpy-repl-'));
    writeFileSync(join(dir, 'prog.py'), 'answer = 6 * 7\nprint("script ran")\n');
    const r = spawnSync(command, ['-i', join(dir, 'prog.py')], { input: 'answer\n', encoding: 'utf8' });
    expect(r.stdout).toBe('script ran\n42\n');
    expect(r.stderr).toBe('>>> >>> \n'); // no banner after a script, as python3
    expect(r.status).toBe(0);
  });

  it('reads the program from stdin when stdin is not a terminal and there is no -i, as python3', () => {
    const r = spawnSync(command, [], { input: 'x = 2\nprint(x ** 10)\n', encoding: 'utf8' });
    expect(r).toMatchObject({ stdout: '1024\n', stderr: '', status: 0 });
    const dash = spawnSync(command, ['-', 'a'], { input: 'import sys\nprint(sys.argv)\n', encoding: 'utf8' });
    expect(dash).toMatchObject({ stdout: "['-', 'a']\n", status: 0 });
  });

  it('stops a running loop at Ctrl-C (SIGINT) and goes on with the next statement', async () => {
    const child = spawn(command, ['-i'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GILPY_HISTORY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const status = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = async (test: () => boolean, ms: number): Promise<boolean> => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (test()) return true;
      return test();
    };
    child.stdin.write('n = 0\nwhile True:\n    n += 1\n    if n == 1000: print("looping", flush=True)\n\n');
    expect(await until(() => stdout.includes('looping'), 20_000)).toBe(true);
    child.kill('SIGINT');
    expect(await until(() => stderr.includes('KeyboardInterrupt'), 10_000)).toBe(true);
    child.stdin.end('print("back", n > 1000)\n');
    expect(await status).toBe(0);
    expect(stdout).toBe('looping\nback True\n');
    expect(stderr).toMatch(/Traceback \(most recent call last\):\n {2}File "<stdin>", line [1-3], in <module>\nKeyboardInterrupt\n>>> /);
  }, 40_000);
});

/**
 * Keys typed at a pseudo-terminal: `script` gives gilpy a terminal, so readline edits the line and Ctrl-C
 * and Ctrl-D are keys. Each step waits until the screen shows what it expects before typing on.
 */
describe.skipIf(!hasScript)('the REPL at a terminal', () => {
  it('runs a session: a function, a call, an exception, _, Ctrl-C in a loop and at the prompt, input(), Ctrl-D', async () => {
    const history = join(mkdtempSync(join(tmpdir(), 'gilpy-repl-')), 'history');
    const child = spawn('script', ['-qfec', command, '/dev/null'],
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GILPY_HISTORY: history } });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => { screen += d.toString(); });
    const status = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const prompts = (): number => screen.split('>>> ').length - 1;
    /** The prompts typed at so far: each statement waits for the next one. */
    let used = 0;
    const typeAfterPrompt = async (keys: string, ms = 20_000): Promise<void> => {
      const want = used + 1;
      used = want;
      for (const end = Date.now() + ms; prompts() < want && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      expect(prompts(), `waiting for a prompt before ${JSON.stringify(keys)}; the screen:\n${screen}`).toBeGreaterThanOrEqual(want);
      child.stdin.write(keys);
    };
    const waitFor = async (text: string, ms = 20_000): Promise<void> => {
      for (const end = Date.now() + ms; !screen.includes(text) && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      expect(screen, `waiting for ${JSON.stringify(text)}`).toContain(text);
    };
    await typeAfterPrompt('def f(x):\r');
    await waitFor('... ');
    child.stdin.write('    return x * 2\r');
    await new Promise((r) => setTimeout(r, 100));
    child.stdin.write('\r');
    await typeAfterPrompt('f(21)\r');
    await waitFor('42');
    await typeAfterPrompt('_ + 1\r');
    await waitFor('43');
    await typeAfterPrompt('1/0\r');
    await waitFor('ZeroDivisionError: division by zero');
    await typeAfterPrompt('while True: pass\r');
    await new Promise((r) => setTimeout(r, 100));
    child.stdin.write('\r');
    await new Promise((r) => setTimeout(r, 500));
    child.stdin.write('\x03'); // Ctrl-C while the loop runs
    await waitFor('KeyboardInterrupt');
    await typeAfterPrompt('half a line\x03'); // Ctrl-C at the prompt drops the line
    for (const end = Date.now() + 20_000; screen.split('KeyboardInterrupt').length < 3 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(screen.split('KeyboardInterrupt').length).toBe(3);
    await typeAfterPrompt('name = input("who? ")\r');
    await waitFor('who? ');
    child.stdin.write('Ada\r');
    await typeAfterPrompt('print("hello", name)\r');
    await waitFor('hello Ada');
    await typeAfterPrompt('\x04'); // Ctrl-D leaves
    expect(await status).toBe(0);
    expect(screen).not.toMatch(/^\s+at .*\.(m?js|ts):\d+/m);
    // the history file keeps the statements typed, oldest first
    expect(readFileSync(history, 'utf8').split('\n').slice(0, 3)).toEqual(['def f(x):', '    return x * 2', 'f(21)']);
    expect(existsSync(history)).toBe(true);
  }, 60_000);
});
