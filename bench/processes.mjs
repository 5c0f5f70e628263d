// The seed's experiment with processes, as a benchmark: bench/processes.py (the countdown in one thread,
// in two threads under the GIL, in a Pool(2), in two Process objects; best wall time of R repetitions)
// on gilpy and on python3 in the same run, each form also as a ratio to that interpreter's single
// thread. Processes run on two cores, so their ratio should be about 0.5 (the aim for gilpy: <= 0.65).
// Usage: npm run build && node bench/processes.mjs [--count=N] [--reps=R]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const gilpy = fileURLToPath(new URL('../dist/gilpy.mjs', import.meta.url));
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

const pyVersion = execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}`);
console.log(`countdown of ${count}, best of ${reps} (wall time, seconds; ratio to the same interpreter's single thread)`);
const g = run('node', [gilpy, prog, count, reps]);
const p = run('python3', [prog, count, reps]);
const rows = [['single thread', 'single'], ['two threads (GIL)', 'threads'], ['Pool(2)', 'pool'], ['two Process objects', 'processes']];
console.log('| form | gilpy | ratio | python3 | ratio |');
console.log('|---|---|---|---|---|');
for (const [label, key] of rows) {
  console.log(`| ${label} | ${g[key].toFixed(2)} s | ${(g[key] / g.single).toFixed(2)} | ${p[key].toFixed(2)} s | ${(p[key] / p.single).toFixed(2)} |`);
}
const worst = Math.max(g.pool, g.processes) / g.single;
console.log(`gilpy's process forms take at most ${worst.toFixed(2)} of its single thread (aim: <= 0.65)`);
