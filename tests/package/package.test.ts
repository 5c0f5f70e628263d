/** The npm package as a user gets it: the project packed (`npm pack`, from package.json and a fresh build
 *  of dist/ by scripts/build-bundle.mjs in a staging folder), installed from the tarball into an empty
 *  folder without the network (the package has no dependencies), then the `gilpy` command run from there
 *  (node_modules/.bin and npx; with the library modules compiled by the build), the API imported (`import { run } from 'gilpy'`) and its types checked by
 *  tsc. No assertion depends on timing. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, typed by its use here
import { buildGilpy, PACKAGE_FILES } from '../../scripts/build-bundle.mjs';
import { root } from '../support/cli.js';
import { encodeCodeData } from '../../src/compiler/code-json.js';
import { compileSource } from '../../src/compiler/front-end.js';

const work = mkdtempSync(join(tmpdir(), 'gilpy-package-'));
const stage = join(work, 'stage');
const app = join(work, 'app');
const EXAMPLE = join(root, 'examples', '01_names_and_objects.py');

/** Runs a command to its end (at most 40 s); fails the test with its output if its status is not 0. */
function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 40_000, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')}: status ${r.status} ${r.error ?? ''}\n${String(r.stdout)}\n${String(r.stderr)}`);
  }
  return String(r.stdout);
}

/** npm, with a cache of its own (nothing is fetched: --offline) and none of the test runner's npm settings. */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return sh('npm', [...args, '--cache', join(work, 'npm-cache'), '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd, env: { ...env, npm_config_update_notifier: 'false' } });
}

let tarball = '';
let packed: string[] = [];

beforeAll(async () => {
  mkdirSync(stage);
  mkdirSync(app);
  copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
  copyFileSync(join(root, 'README.md'), join(stage, 'README.md'));
  await (buildGilpy as (dir: string) => Promise<void>)(join(stage, 'dist'));
  // the code cache, as `npm run build` makes it
  sh(process.execPath, [join(stage, 'dist', 'gilpy.mjs'), '-c', 'print(1)'], { env: { ...process.env, GILPY_WRITE_CODE_CACHE: '1' } });
  const info = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], stage)) as
    { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  packed = info[0]!.files.map((f) => f.path).sort();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  npm(['install', tarball], app);
  copyFileSync(EXAMPLE, join(app, 'example.py'));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the bundles, their types and the README, and no dependencies', () => {
    const files = (PACKAGE_FILES as string[]).map((f) => `dist/${f}`);
    expect(packed).toEqual([...files, 'README.md', 'package.json'].sort());
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['files']).toEqual([...files, 'README.md']);
    expect(pkg['dependencies']).toBeUndefined();
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'gilpy', 'package.json'), 'utf8')) as { name: string };
    expect(installed.name).toBe('gilpy');
  });

  it('runs the gilpy command from node_modules/.bin and through npx', () => {
    const expected = sh(process.execPath, [join(stage, 'dist', 'gilpy.mjs'), EXAMPLE]);
    expect(expected).toContain('True\n');
    expect(sh(join(app, 'node_modules', '.bin', 'gilpy'), ['example.py'], { cwd: app })).toBe(expected);
    expect(sh('npx', ['--no-install', 'gilpy', '-c', 'import sys; print(6 * 7, sys.argv[1:])', 'x'], { cwd: app }))
      .toBe("42 ['x']\n");
  });

  it('imports the library modules the build compiled (dist/gilpy-lib.json, though npm changed the times)', () => {
    const gilpy = join(app, 'node_modules', '.bin', 'gilpy');
    expect(sh(gilpy, ['-c', 'import threading, collections; print(threading.active_count(), collections.Counter("aab"))'],
      { cwd: app })).toBe("1 Counter({'a': 2, 'b': 1})\n");
    // the installed file's string module replaced by code that sets a marker: the import runs the file's code
    const file = join(app, 'node_modules', 'gilpy', 'dist', 'gilpy-lib.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('string\t'));
    lines[i] = `string\t${encodeCodeData(compileSource('marker = 42\n', '<frozen string>'))}`;
    writeFileSync(file, lines.join('\n'));
    expect(sh(gilpy, ['-c', 'import string; print(string.marker)'], { cwd: app })).toBe('42\n');
  });

  it('gives run() to `import { run } from "gilpy"`, with and without the GIL', () => {
    const script = `
      import { run } from 'gilpy';
      const r = run('import sys\\nprint(input(), sys.argv[1:])\\n', { argv: ['a'], stdin: 'hi\\n' });
      const t = run('import threading, sys\\nt = threading.Thread(target=lambda: print("in thread"))\\nt.start()\\nt.join()\\nprint(sys._is_gil_enabled())\\n', { gil: false, workers: 1 });
      console.log(JSON.stringify({ r: { stdout: r.stdout, status: r.status, threads: r.stats.gil.threads.length, allocations: r.stats.heap.allocations },
        t: { stdout: t.stdout, stderr: t.stderr, status: t.status, workers: t.stats.noGil.workers.length } }));`;
    const out = JSON.parse(sh(process.execPath, ['--input-type=module', '-e', script], { cwd: app })) as
      { r: { stdout: string; status: number; threads: number; allocations: number }; t: Record<string, unknown> };
    expect(out.r).toMatchObject({ stdout: "hi ['a']\n", status: 0, threads: 1 });
    expect(out.r.allocations).toBeGreaterThan(0);
    expect(out.t).toEqual({ stdout: 'in thread\nFalse\n', stderr: '', status: 0, workers: 1 });
  });

  it("ships types that tsc finds through the package's exports", () => {
    writeFileSync(join(app, 'check.ts'), `
      import { run, type RunResult, type TraceEvent } from 'gilpy';
      const events: TraceEvent[] = [];
      const r: RunResult = run('print(1)', { gil: true, switchInterval: 100, trace: { kinds: ['calls'], onEvent: (e) => events.push(e) } });
      const n: number = r.status + r.stats.heap.peakBytes + (r.stats.gil?.total.instructions ?? 0);
      // @ts-expect-error: not an option
      run('', { nope: 1 });
      export { n };
    `);
    sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--types', '', 'check.ts'], { cwd: app });
  });
});
