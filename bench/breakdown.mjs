// Where a short program's time goes, on gilpy and on python3, measured in the same run: the bare start of
// node, gilpy's start-up (the snapshot loaded: `--version`; booted, compiled and shut down: `-c pass`),
// the program's whole run, and (with bench/programs/fib_timed.py) its first and steady-state runs timed
// inside the process. docs/STARTUP.md explains the parts.
// Usage: npm run build && node bench/breakdown.mjs [--runs=N] [--fib=N]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolvePython3 } from './python3.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const gilpy = fileURLToPath(new URL('../dist/gilpy', import.meta.url));
const args = process.argv.slice(2);
const option = (name, dflt) => Number((args.find((a) => a.startsWith(`--${name}=`)) ?? `=${dflt}`).split('=')[1]);
const runs = option('runs', 9);
const n = option('fib', 27);
const { path: python3, version: pyVersion } = resolvePython3();

/** Wall seconds of one run of `cmd argv`, and its stdout. */
function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { s, out: r.stdout };
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

// every command once per round, the rounds one after the other: a burst of load hits all alike
const commands = {
  'node -e 0': ['node', ['-e', '0']],
  'gilpy --version': [gilpy, ['--version']],
  'gilpy -c pass': [gilpy, ['-c', 'pass']],
  [`gilpy fib.py ${n}`]: [gilpy, [`${here}programs/fib.py`, String(n)]],
  'python3 -c pass': [python3, ['-c', 'pass']],
  [`python3 fib.py ${n}`]: [python3, [`${here}programs/fib.py`, String(n)]],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
/** fib_timed.py's per-run milliseconds: [first, best of the rest], per round. */
const inProcess = { gilpy: [], python3: [] };
const load = [loadavg()[0]];
for (let round = 0; round < runs; round++) {
  for (const [name, [cmd, argv]] of Object.entries(commands)) times[name].push(time(cmd, argv).s);
  for (const [name, cmd] of [['gilpy', gilpy], ['python3', python3]]) {
    const out = time(cmd, [`${here}programs/fib_timed.py`, String(n), '5']).out;
    const each = [...out.matchAll(/([\d.]+) ms/g)].map((m) => Number(m[1]));
    inProcess[name].push([each[0], Math.min(...each.slice(1))]);
  }
}
load.push(loadavg()[0]);

console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${pyVersion}`);
console.log(`${runs} rounds; wall time, min / median; load average ${load.map((l) => l.toFixed(1)).join(' -> ')}`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`  ${name.padEnd(22)} ${ms(sorted(xs)[0]).padStart(8)} / ${ms(median(xs)).padStart(8)}`);
}
const ratioOf = (pick) => pick(times[`gilpy fib.py ${n}`]) / pick(times[`python3 fib.py ${n}`]);
console.log(`fib(${n}) whole process: gilpy / python3 = ${ratioOf(median).toFixed(2)}x (medians), ` +
  `${ratioOf((xs) => sorted(xs)[0]).toFixed(2)}x (minimums)`);
// the parts from the minimums, the runs least disturbed by load (medians' differences can go negative)
const m = (name) => sorted(times[name])[0];
const gWhole = m(`gilpy fib.py ${n}`);
const pWhole = m(`python3 fib.py ${n}`);
console.log('from the minimums:');
console.log(`  gilpy's start-up: node ${ms(m('node -e 0'))}, the snapshot ${ms(m('gilpy --version') - m('node -e 0'))}, ` +
  `boot + compile + exit ${ms(m('gilpy -c pass') - m('gilpy --version'))}; the program ${ms(gWhole - m('gilpy -c pass'))}`);
console.log(`  python3's start-up ${ms(m('python3 -c pass'))}; the program ${ms(pWhole - m('python3 -c pass'))}`);
console.log(`  within 2x would be ${ms(2 * pWhole)} for all of gilpy's run, of which node's bare start takes ${ms(m('node -e 0'))}`);
for (const [name, rows] of Object.entries(inProcess)) {
  const first = median(rows.map((r) => r[0]));
  const steady = Math.min(...rows.map((r) => r[1]));
  console.log(`in-process fib(${n}), ${name.padEnd(7)}: first run ${first.toFixed(1)} ms (median), steady state ${steady.toFixed(1)} ms (best)`);
}
const ratio = (i) => median(inProcess.gilpy.map((r) => r[i])) / median(inProcess.python3.map((r) => r[i]));
console.log(`  gilpy / python3: first run ${ratio(0).toFixed(2)}x, steady state ${ratio(1).toFixed(2)}x (medians)`);
