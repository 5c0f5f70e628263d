/** The `gilpy` command as users run it, for tests: the bundle `npm run build` makes, built from the
 *  sources with the same esbuild options (once per test file), run as a child process. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const root = join(import.meta.dirname, '..', '..');
// inside node_modules, so that the bundle resolves chevrotain as dist/gilpy.mjs does
const outDir = join(root, 'node_modules', '.cache', 'gilpy-cli-test');
const bundle = join(outDir, 'gilpy.mjs');

export async function buildCli(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'esm',
    target: 'node20', external: ['chevrotain'], outfile: bundle, logLevel: 'error',
  });
}

/** The bundle buildCli makes (also what forked children run: see src/vm/proc/). */
export function bundlePath(): string {
  return new URL(`file://${bundle}`).href;
}

export interface CliResult { stdout: string; stderr: string; status: number | null; ms: number }

export function gilpy(...args: string[]): CliResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, ms: performance.now() - t0 };
}
