// Runs Python programs on gilpy and on python3 in the same run and prints both times and the ratio.
// Usage: npm run build && node bench/compare.mjs [--runs=N] program.py[:arg ...] ...
// With no programs: the seed's countdown (50M), fib(27) and objects (300k), the figures the README records.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolvePython3 } from './python3.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
// the command users run (package.json's bin): it starts node from gilpy's start-up snapshot (docs/STARTUP.md)
const gilpy = fileURLToPath(new URL('../dist/gilpy', import.meta.url));
const args = process.argv.slice(2);
const runs = Number((args.find((a) => a.startsWith('--runs=')) ?? '--runs=3').slice(7));
const progs = args.filter((a) => !a.startsWith('--'));
const jobs = progs.length > 0 ? progs : [`${here}programs/countdown.py:50000000`, `${here}programs/fib.py:27`, `${here}programs/objects.py:300000`];

function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { s, out: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { path: python3, version: pyVersion } = resolvePython3();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}; median of ${runs} runs, wall time incl. start-up`);
console.log('program'.padEnd(28) + 'gilpy s'.padStart(10) + 'python3 s'.padStart(12) + 'ratio'.padStart(8));
for (const job of jobs) {
  const [file, ...extra] = job.split(':');
  const gt = [];
  const pt = [];
  for (let i = 0; i < runs; i++) {
    gt.push(time(gilpy, [file, ...extra]).s);
    pt.push(time(python3, [file, ...extra]).s);
  }
  const g = median(gt);
  const p = median(pt);
  const name = `${file.split('/').pop()} ${extra.join(' ')}`;
  console.log(name.padEnd(28) + g.toFixed(2).padStart(10) + p.toFixed(2).padStart(12) + `${(g / p).toFixed(2)}x`.padStart(8));
}
