// The seed's GIL experiment as a benchmark: bench/gil.py (a countdown in one thread, then split over
// two threads; best of a few repetitions, CPU time) on gilpy and on python3 in the same run. Under a
// GIL the two-thread/one-thread ratio is about 1: the threads take turns.
// Usage: npm run build && node bench/gil.mjs [--count=N] [--reps=R] [gilpy options...]
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolvePython3 } from './python3.mjs';

const gilpy = fileURLToPath(new URL('../dist/gilpy.mjs', import.meta.url));
const prog = fileURLToPath(new URL('gil.py', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${dflt}`).split('=')[1];
const count = opt('count', '20000000');
const reps = opt('reps', '3');
const gilpyFlags = args.filter((a) => !a.startsWith('--count=') && !a.startsWith('--reps='));

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}
const { path: python3, version: pyVersion } = resolvePython3();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}`);
console.log(`countdown of ${count}, best of ${reps} (process CPU time); the first repetition includes JIT warm-up`);
console.log(`gilpy ${gilpyFlags.join(' ')}`.trimEnd().padEnd(24) + run('node', [gilpy, ...gilpyFlags, prog, count, reps]));
console.log('python3'.padEnd(24) + run(python3, [prog, count, reps]));
