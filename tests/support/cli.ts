/** The `gilpy` command as users run it, for tests: the command, start-up snapshot, launcher and core that
 *  `npm run build` makes, built from the sources by the same functions (scripts/build-bundle.mjs; once per
 *  test file), run as a child process. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script, typed by its use here
import { buildGilpy, buildSnapshot } from '../../scripts/build-bundle.mjs';

export const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'gilpy-cli-test');
const bundle = join(outDir, 'gilpy.mjs');
/** The command (a shell script: it starts node from the snapshot, see docs/STARTUP.md). */
export const command = join(outDir, 'gilpy');

export async function buildCli(): Promise<void> {
  await (buildGilpy as (dir: string) => Promise<void>)(outDir);
  // as npm run build: a run that writes the code cache and the boot image (src/vm/boot-image.ts), which
  // the snapshot then holds, so that the tests' command boots as the users' does
  rmSync(join(outDir, 'gilpy-core.cache'), { force: true });
  const r = spawnSync(process.execPath, [bundle, '-c', 'pass'],
    { env: { ...process.env, GILPY_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the code-cache run failed: ${r.stderr}`);
  (buildSnapshot as (dir: string) => void)(outDir);
}

/** The bundle buildCli makes (also what forked children run: see src/vm/proc/). */
export function bundlePath(): string {
  return new URL(`file://${bundle}`).href;
}

export interface CliResult { stdout: string; stderr: string; status: number | null; ms: number }

export function gilpy(...args: string[]): CliResult {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, ms: performance.now() - t0 };
}
