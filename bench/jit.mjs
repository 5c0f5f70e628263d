// What compiling hot functions to JS (src/vm/interp/jit.ts) changes: each program run by the `gilpy`
// command with compiled code and with -X jit=0, and by python3, alternately in the same minutes; wall
// time including start-up, minimum and median of N runs. Checks first that both gilpy runs print what
// python3 prints.
// Usage: npm run build && node bench/jit.mjs [--runs=N] [--all]  (--all: the classic programs too)
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolvePython3 } from './python3.mjs';

const here = new URL('.', import.meta.url).pathname;
const gilpy = `${here}../dist/gilpy`;
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 9);
const programs = [
  ['fib.py', '27'],
  ...(process.argv.includes('--all') ? [
    ['richards.py', '20'], ['nbody.py', '150000'], ['fannkuch.py', '9', '2'], ['spectral_norm.py', '300'],
    ['nqueens.py', '9'], ['generators.py', '1500000'], ['wordfreq.py', '600000'],
  ] : []),
];
const { path: python3, version } = resolvePython3();

function time(cmd, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: `${here}programs`, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}): ${r.stderr.slice(-2000)}`);
  return { ms, out: r.stdout };
}

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[s.length >> 1] };
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

console.log(`${runs} rounds; ${version}; load average ${loadavg()[0].toFixed(1)}`);
for (const [file, ...args] of programs) {
  const kinds = {
    compiled: [gilpy, [file, ...args]],
    'jit=0': [gilpy, ['-X', 'jit=0', file, ...args]],
    python3: [python3, [file, ...args]],
  };
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  let want = null;
  for (let i = 0; i < runs; i++) {
    for (const [kind, [cmd, a]] of Object.entries(kinds)) {
      const r = time(cmd, a);
      if (want === null) want = r.out;
      else if (r.out !== want) throw new Error(`${kind} ${file}: output differs from the first run's`);
      times[kind].push(r.ms);
    }
  }
  const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stat(v)]));
  console.log(`${file} ${args.join(' ')}: min / median`);
  for (const k of Object.keys(kinds)) {
    const ratio = k === 'python3' ? '' : `  ${(s[k].min / s.python3.min).toFixed(2)}x / ${(s[k].median / s.python3.median).toFixed(2)}x python3`;
    console.log(`  ${k.padEnd(9)} ${fmt(s[k].min).padStart(8)} / ${fmt(s[k].median).padStart(8)}${ratio}`);
  }
}
console.log(`(load average ${loadavg()[0].toFixed(1)} at the end)`);
