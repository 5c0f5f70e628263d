// The seed's experiment as a benchmark, the table of the README: bench/processes.py (the countdown in one
// thread, in two threads under the GIL, in a Pool(2), in two Process objects; best wall time of R
// repetitions) on gilpy and on python3 in the same run, and gilpy's two threads again without the GIL
// (-X gil=0; python3 3.11 has no such mode). Each form is also given as a ratio to that interpreter's
// single thread: on two cores, the parallel forms should take about 0.5 (the aims for gilpy: <= 0.65 for
// processes, <= 0.6 for threads without the GIL).
// Usage: npm run build && node bench/processes.mjs [--count=N] [--reps=R]   (npm run bench:seed)
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolvePython3 } from './python3.mjs';

const gilpy = fileURLToPath(new URL('../dist/gilpy', import.meta.url));
const prog = fileURLToPath(new URL('processes.py', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${dflt}`).split('=')[1];
const count = opt('count', '50000000');
const reps = opt('reps', '3');

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const { path: python3, version: pyVersion } = resolvePython3();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}`);
console.log(`countdown of ${count}, best of ${reps} (wall time, seconds; ratio to the same interpreter's single thread)`);
const g = run(gilpy, [prog, count, reps]);
const free = run(gilpy, ['-X', 'gil=0', prog, count, reps, 'single,threads']);
const p = run(python3, [prog, count, reps]);
const rows = [['single thread', 'single'], ['two threads, with the GIL', 'threads'], ['two threads, without the GIL (-X gil=0)', 'free'],
  ['two processes, Pool(2)', 'pool'], ['two processes, Process', 'processes']];
console.log('| form | gilpy | ratio | python3 | ratio |');
console.log('|---|---|---|---|---|');
for (const [label, key] of rows) {
  const py = p[key] === undefined ? '| (no such mode) | |' : `| ${p[key].toFixed(2)} s | ${(p[key] / p.single).toFixed(2)} |`;
  const time = key === 'free' ? free.threads : g[key];
  const ratio = key === 'free' ? free.threads / free.single : g[key] / g.single;
  console.log(`| ${label} | ${time.toFixed(2)} s | ${ratio.toFixed(2)} ${py}`);
}
console.log(`(without the GIL, the single thread took ${free.single.toFixed(2)} s: the ratio is to that)`);
const worst = Math.max(g.pool, g.processes) / g.single;
console.log(`gilpy's process forms take at most ${worst.toFixed(2)} of its single thread (aim: <= 0.65)`);
