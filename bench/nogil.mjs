// The seed's experiment without the GIL (not a test): bench/gil.py (the countdown in one thread, then
// split over two threads; best of a few repetitions, wall-clock time) with -X gil=0 and with the GIL, in
// one run; then the single-thread cost of no-GIL mode: bench/programs/countdown.py in one thread, with
// and without the GIL (best of R runs each, alternating).
// Usage: npm run build && node bench/nogil.mjs [--count=N] [--reps=R] [--runs=R]
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const gilpy = fileURLToPath(new URL('../dist/gilpy.mjs', import.meta.url));
const prog = fileURLToPath(new URL('gil.py', import.meta.url));
const countdown = fileURLToPath(new URL('programs/countdown.py', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${dflt}`).split('=')[1];
const count = opt('count', '20000000');
const reps = opt('reps', '3');
const runs = Number(opt('runs', '3'));

function run(argv) {
  const r = spawnSync('node', [gilpy, ...argv], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gilpy ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}
const secondsOf = (out) => Number(/Tempo em segundos: ([\d.]+)/.exec(out)[1]);

console.log(`machine: ${cpus().length} x ${cpus()[0].model} (${availableParallelism()} usable); node ${process.version}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`countdown of ${count}, best of ${reps} repetitions in one process (wall clock)`);
const nogil = run(['-X', 'gil=0', prog, count, reps, 'wall']);
const gil = run(['-X', 'gil=1', prog, count, reps, 'wall']);
console.log('-X gil=0'.padEnd(12) + nogil);
console.log('-X gil=1'.padEnd(12) + gil);
const nogilTwo = Number(/two threads ([\d.]+)/.exec(nogil)[1]);
const nogilOne = Number(/one thread ([\d.]+)/.exec(nogil)[1]);
const gilOne = Number(/one thread ([\d.]+)/.exec(gil)[1]);
const gilTwo = Number(/two threads ([\d.]+)/.exec(gil)[1]);
console.log(`two threads without the GIL / one thread (the same mode): ${(nogilTwo / nogilOne).toFixed(2)}; ` +
  `/ one thread with the GIL: ${(nogilTwo / gilOne).toFixed(2)}; two threads with the GIL / one: ${(gilTwo / gilOne).toFixed(2)}`);

let bestNoGil = Infinity;
let bestGil = Infinity;
for (let i = 0; i < runs; i++) {
  bestNoGil = Math.min(bestNoGil, secondsOf(run(['-X', 'gil=0', countdown, count])));
  bestGil = Math.min(bestGil, secondsOf(run(['-X', 'gil=1', countdown, count])));
}
console.log(`single thread, best of ${runs} runs: with the GIL ${bestGil.toFixed(3)} s, without ${bestNoGil.toFixed(3)} s: ` +
  `no-GIL overhead ${(bestNoGil / bestGil).toFixed(2)}x`);
