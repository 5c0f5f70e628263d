/** Running a stress-test worker script (a .ts file here, bundled with esbuild once per test file, since
 *  vitest cannot run TypeScript in worker_threads) and collecting the one report it posts. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

const outDir = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'gilpy-nogil-test');

/** Bundles `script` (a file next to this one); returns the function that runs one worker of it. */
export async function buildWorker<In extends { index: number }, Report>(script: string):
  Promise<(input: In) => Promise<Report>> {
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, script.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(import.meta.dirname, script)], bundle: true, platform: 'node', format: 'esm',
    target: 'node20', external: ['chevrotain'], outfile: bundle, logLevel: 'error',
  });
  return (input) => new Promise((resolve, reject) => {
    const w = new Worker(bundle, { workerData: input });
    let result: { ok: boolean; report?: Report; error?: string } | null = null;
    w.on('message', (m) => (result = m));
    w.on('error', reject);
    w.on('exit', () => {
      if (result === null) reject(new Error(`worker ${input.index} exited without a report`));
      else if (!result.ok) reject(new Error(`worker ${input.index}: ${result.error}`));
      else resolve(result.report!);
    });
  });
}
