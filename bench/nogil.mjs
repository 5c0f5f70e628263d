// The seed's experiment without the GIL (not a test): bench/gil.py (the countdown in one thread, then
// split over two threads; best of a few repetitions, wall-clock time) with -X gil=0 and with the GIL, in
// one run; then the single-thread cost of no-GIL mode: bench/programs/countdown.py in one thread, with
// and without the GIL (best of R runs each, alternating); then scaling on 1, 2 and 4 threads of an
// embarrassingly parallel loop and of appends to one shared list (bench/scaling.py), in both modes; and
// what the unlocked `counter += 1` loses without the GIL (a report, not a test: it depends on timing).
// GIL mode runs with -X jit=0: compiled code (src/vm/interp/jit.ts) runs in GIL mode only, and what this
// measures is what no-GIL mode's machinery costs the same evaluation loop; the single-thread line also
// gives GIL mode with compiled code.
// Usage: npm run build && node bench/nogil.mjs [--count=N] [--reps=R] [--runs=R] [--work=N]
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const gilpy = fileURLToPath(new URL('../dist/gilpy', import.meta.url));
const prog = fileURLToPath(new URL('gil.py', import.meta.url));
const countdown = fileURLToPath(new URL('programs/countdown.py', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${dflt}`).split('=')[1];
const count = opt('count', '20000000');
const reps = opt('reps', '3');
const runs = Number(opt('runs', '3'));
const work = opt('work', '20000000');
const scaling = fileURLToPath(new URL('scaling.py', import.meta.url));

function run(argv) {
  const r = spawnSync(gilpy, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gilpy ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}
const secondsOf = (out) => Number(/Tempo em segundos: ([\d.]+)/.exec(out)[1]);

console.log(`machine: ${cpus().length} x ${cpus()[0].model} (${availableParallelism()} usable); node ${process.version}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`countdown of ${count}, best of ${reps} repetitions in one process (wall clock)`);
const nogil = run(['-X', 'gil=0', prog, count, reps, 'wall']);
const gil = run(['-X', 'gil=1', '-X', 'jit=0', prog, count, reps, 'wall']);
console.log('-X gil=0'.padEnd(18) + nogil);
console.log('-X gil=1 -X jit=0'.padEnd(18) + gil);
const nogilTwo = Number(/two threads ([\d.]+)/.exec(nogil)[1]);
const nogilOne = Number(/one thread ([\d.]+)/.exec(nogil)[1]);
const gilOne = Number(/one thread ([\d.]+)/.exec(gil)[1]);
const gilTwo = Number(/two threads ([\d.]+)/.exec(gil)[1]);
console.log(`two threads without the GIL / one thread (the same mode): ${(nogilTwo / nogilOne).toFixed(2)}; ` +
  `/ one thread with the GIL: ${(nogilTwo / gilOne).toFixed(2)}; two threads with the GIL / one: ${(gilTwo / gilOne).toFixed(2)}`);

let bestNoGil = Infinity;
let bestGil = Infinity;
let bestCompiled = Infinity;
for (let i = 0; i < runs; i++) {
  bestNoGil = Math.min(bestNoGil, secondsOf(run(['-X', 'gil=0', countdown, count])));
  bestGil = Math.min(bestGil, secondsOf(run(['-X', 'gil=1', '-X', 'jit=0', countdown, count])));
  bestCompiled = Math.min(bestCompiled, secondsOf(run(['-X', 'gil=1', countdown, count])));
}
console.log(`single thread, best of ${runs} runs: with the GIL (-X jit=0) ${bestGil.toFixed(3)} s, without ${bestNoGil.toFixed(3)} s: ` +
  `no-GIL overhead ${(bestNoGil / bestGil).toFixed(2)}x (with the GIL and compiled code: ${bestCompiled.toFixed(3)} s)`);

// scaling: the same work split over 1, 2 and 4 threads; speed-up = 1 thread's time / n threads' time
console.log(`\nscaling, ${work} units of work split over the threads (best of ${reps}, wall clock; speed-up against 1 thread of the same mode):`);
console.log('| work | mode | 1 thread | 2 threads | 4 threads |');
console.log('|---|---|---|---|---|');
for (const [kind, total] of [['loop', work], ['append', String(Math.floor(Number(work) / 8))]]) {
  for (const mode of ['gil=0', 'gil=1']) {
    const t = [1, 2, 4].map((n) => JSON.parse(run(['-X', mode, '-X', 'jit=0', scaling, kind, String(n), total, reps])).seconds);
    const cells = t.map((x, i) => `${x.toFixed(3)} s${i === 0 ? '' : ` (${(t[0] / x).toFixed(2)}x)`}`);
    console.log(`| ${kind === 'loop' ? 'parallel countdown' : 'appends to one list'} (${total}) | -X ${mode} | ${cells.join(' | ')} |`);
  }
}
const lostTotal = 400000;
const lost = JSON.parse(run(['-X', 'gil=0', scaling, 'lost', '4', String(lostTotal), '1'])).lost;
console.log(`\nunlocked counter += 1 by 4 threads without the GIL: ${lost} of ${lostTotal} updates lost ` +
  '(free-threaded CPython loses them too: the read and the write are two instructions)');
