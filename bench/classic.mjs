// Classic whole programs (richards, nbody, fannkuch, spectral-norm, n-queens, a generator pipeline, a
// word-frequency dict/str workload) on gilpy and on python3 in the same run: checks that gilpy prints
// exactly what python3 prints, then prints both times, the ratio per program and the geometric mean.
// Usage: npm run build && node bench/classic.mjs [--runs=N] [--markdown] [name-filter ...]
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolvePython3 } from './python3.mjs';

const here = fileURLToPath(new URL('programs/', import.meta.url));
const gilpy = fileURLToPath(new URL('../dist/gilpy.mjs', import.meta.url));

/** Each program with the arguments that make it take 0.5-2 s on CPython 3.11 on the 2-core reference machine. */
const PROGRAMS = [
  { name: 'richards', file: 'richards.py', args: ['20'] },
  { name: 'nbody', file: 'nbody.py', args: ['150000'] },
  { name: 'fannkuch', file: 'fannkuch.py', args: ['9', '2'] },
  { name: 'spectral-norm', file: 'spectral_norm.py', args: ['300'] },
  { name: 'nqueens', file: 'nqueens.py', args: ['9'] },
  { name: 'generators', file: 'generators.py', args: ['1500000'] },
  { name: 'wordfreq', file: 'wordfreq.py', args: ['600000'] },
];

const argv = process.argv.slice(2);
const runs = Number((argv.find((a) => a.startsWith('--runs=')) ?? '--runs=3').slice(7));
const markdown = argv.includes('--markdown');
const filters = argv.filter((a) => !a.startsWith('--'));
const jobs = PROGRAMS.filter((p) => filters.length === 0 || filters.some((f) => p.name.includes(f)));
if (jobs.length === 0) {
  console.error(`no program matches ${filters.join(' ')}; known: ${PROGRAMS.map((p) => p.name).join(', ')}`);
  process.exit(2);
}

/** Runs one program to completion: wall seconds and stdout; throws if it fails. */
function run(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, cwd: here });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}): ${r.stderr.slice(-2000)}`);
  return { s, out: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { path: python3, version: pyVersion } = resolvePython3();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}; `
  + `median of ${runs} runs, wall time incl. start-up`);
const rows = [];
for (const p of jobs) {
  const file = here + p.file;
  // 1. the outputs must agree before anything is timed
  const want = run(python3, [file, ...p.args]).out;
  const got = run('node', [gilpy, file, ...p.args]).out;
  if (got !== want) {
    console.error(`${p.name}: gilpy's output differs from python3's\n--- python3\n${want}--- gilpy\n${got}`);
    process.exit(1);
  }
  // 2. alternate the two so that load on the machine hits both alike
  const gt = [];
  const pt = [];
  for (let i = 0; i < runs; i++) {
    const g = run('node', [gilpy, file, ...p.args]);
    const q = run(python3, [file, ...p.args]);
    if (g.out !== want || q.out !== want) throw new Error(`${p.name}: output changed between runs`);
    gt.push(g.s);
    pt.push(q.s);
  }
  const row = { name: `${p.name} ${p.args.join(' ')}`, g: median(gt), p: median(pt) };
  rows.push(row);
  if (!markdown) {
    if (rows.length === 1) console.log('program'.padEnd(26) + 'gilpy s'.padStart(10) + 'python3 s'.padStart(12) + 'ratio'.padStart(9));
    console.log(row.name.padEnd(26) + row.g.toFixed(2).padStart(10) + row.p.toFixed(2).padStart(12) + `${(row.g / row.p).toFixed(2)}x`.padStart(9));
  }
}
const geomean = Math.exp(rows.reduce((a, r) => a + Math.log(r.g / r.p), 0) / rows.length);
if (markdown) {
  console.log('| program | gilpy | python3 | ratio |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.g.toFixed(2)} s | ${r.p.toFixed(2)} s | ${(r.g / r.p).toFixed(2)}x |`);
  console.log(`| geometric mean | | | ${geomean.toFixed(2)}x |`);
} else {
  console.log('geometric mean of the ratios'.padEnd(48) + `${geomean.toFixed(2)}x`.padStart(9));
}
