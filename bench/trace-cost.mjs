// What tracing costs, measured in one run (the three figures):
//  1. tracing off, against a build of the last commit before the trace sink (--baseline=PATH to its
//     dist/gilpy.mjs): the same programs, runs alternating between the two builds, best of N;
//  2. --trace=gil (to a file) against off, on the seed's countdown split over two threads;
//  3. events per second written with --trace=instructions (jsonl, to a file).
// Usage: npm run build && node bench/trace-cost.mjs [--runs=N] [--baseline=/path/to/old/dist/gilpy.mjs]
// A baseline build: git worktree add --detach /tmp/gilpy-base 2e1ff6a && cd /tmp/gilpy-base &&
//   ln -s "$OLDPWD/node_modules" node_modules && npm run build   (2e1ff6a: main before the trace sink)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const gilpy = fileURLToPath(new URL('../dist/gilpy.mjs', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${dflt}`).slice(name.length + 3);
const runs = Number(opt('runs', '3'));
const baseline = opt('baseline', '/tmp/gilpy-base/dist/gilpy.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'gilpy-trace-cost-'));
const traceFile = join(tmp, 'trace.out');

/** Wall time of one run, in seconds (start-up included). */
function time(bundle, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [bundle, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${bundle} ${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return s;
}
const best = (xs) => Math.min(...xs);
/** Best of `runs` for each command, alternating between them so that drift hits all alike. */
function race(cmds) {
  const times = cmds.map(() => []);
  for (let i = 0; i < runs; i++) cmds.forEach(([bundle, argv], k) => times[k].push(time(bundle, argv)));
  return times.map(best);
}

const threads = join(tmp, 'threads.py');
writeFileSync(threads, `from threading import Thread
import sys
def contagem_regressiva(n):
    while n > 0:
        n -= 1
n = int(sys.argv[1])
t1 = Thread(target=contagem_regressiva, args=(n // 2,))
t2 = Thread(target=contagem_regressiva, args=(n // 2,))
t1.start(); t2.start(); t1.join(); t2.join()
`);

console.log(`machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; best of ${runs} runs, wall time incl. start-up`);

// 1. off against the baseline
const offJobs = [[`${here}programs/countdown.py`, '20000000'], [`${here}programs/fib.py`, '27'], [`${here}programs/objects.py`, '300000']];
if (existsSync(baseline)) {
  console.log('\n1. tracing off, against the build before the trace sink');
  console.log('program'.padEnd(24) + 'before s'.padStart(10) + 'now s'.padStart(10) + 'change'.padStart(9));
  for (const job of offJobs) {
    const [b, n] = race([[baseline, job], [gilpy, job]]);
    console.log(`${job[0].split('/').pop()} ${job[1]}`.padEnd(24) + b.toFixed(2).padStart(10) + n.toFixed(2).padStart(10) +
      `${(((n - b) / b) * 100).toFixed(1)}%`.padStart(9));
  }
} else {
  console.log(`\n1. skipped: no baseline build at ${baseline} (see the comment at the top of this script)`);
}

// 2. --trace=gil against off
console.log('\n2. --trace=gil (text, to a file) against off: the countdown split over two threads');
console.log('program'.padEnd(24) + 'off s'.padStart(10) + 'gil s'.padStart(10) + 'ratio'.padStart(9) + 'events'.padStart(10));
for (const [interval, n] of [['10000', '20000000'], ['1000', '20000000']]) {
  const base = ['--switch-interval=' + interval, threads, n];
  const [off, on] = race([[gilpy, base], [gilpy, ['--trace=gil', `--trace-out=${traceFile}`, ...base]]]);
  const events = readFileSync(traceFile, 'utf8').split('\n').length - 1;
  console.log(`threads ${n} /${interval}`.padEnd(24) + off.toFixed(2).padStart(10) + on.toFixed(2).padStart(10) +
    `${(on / off).toFixed(2)}x`.padStart(9) + String(events).padStart(10));
}

// 3. events per second with --trace=instructions
console.log('\n3. --trace=instructions (jsonl, to a file): events written per second');
const n = '300000';
const job = [`${here}programs/countdown.py`, n];
const [off, on] = race([[gilpy, job], [gilpy, ['--trace=instructions', '--trace-format=jsonl', `--trace-out=${traceFile}`, ...job]]]);
const events = readFileSync(traceFile, 'utf8').split('\n').length - 2; // minus the header
console.log(`countdown ${n}: ${events} events, ${(statSync(traceFile).size / 2 ** 20).toFixed(0)} MiB; off ${off.toFixed(2)} s, traced ${on.toFixed(2)} s: ` +
  `${(events / on / 1e6).toFixed(2)} M events/s over the whole run, ${(events / (on - off) / 1e6).toFixed(2)} M events/s of the extra time`);
rmSync(tmp, { recursive: true, force: true });
