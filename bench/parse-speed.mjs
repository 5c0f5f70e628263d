// Parse speed: lines per second for a generated 10,000-line file, gilpy beside CPython's ast.parse,
// both measured in this run. Usage: npm run build && node bench/parse-speed.mjs [lines]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../dist/parser/index.js';

const target = Number(process.argv[2] ?? 10_000);
const corpusDir = new URL('../tests/frontend/valid/', import.meta.url).pathname;

/** Real programs from the test corpus, renamed apart and repeated until the file is `target` lines long. */
function generate() {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.py') && !f.startsWith('crlf') && !f.startsWith('tabs'));
  const sources = files.map((f) => readFileSync(join(corpusDir, f), 'utf8')).filter((s) => s.endsWith('\n') && !s.includes('\f'));
  const out = [];
  for (let i = 0; out.length < target; i++) {
    const src = sources[i % sources.length];
    out.push(`def _chunk_${i}():`);
    for (const line of src.split('\n')) out.push(line.trim() === '' ? '' : '    ' + line);
    out.push('    pass');
  }
  return out.slice(0, target).join('\n').replace(/\n[^\n]*$/, '\n') + '\n    pass\n';
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const source = generate();
const lines = source.split('\n').length - 1;
const dir = mkdtempSync(join(tmpdir(), 'gilpy-bench-'));
const file = join(dir, 'big.py');
writeFileSync(file, source);

parse(source, 'big.py'); // checks the file parses, and warms up
const gilpyTimes = [];
for (let i = 0; i < 10; i++) {
  const t0 = process.hrtime.bigint();
  parse(source, 'big.py');
  gilpyTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const gilpy = median(gilpyTimes);

let cpython = NaN;
try {
  const out = execFileSync('python3', ['-c', `
import ast, sys, time
src = open(sys.argv[1]).read()
ast.parse(src)
ts = []
for _ in range(10):
    t0 = time.perf_counter(); ast.parse(src); ts.append(time.perf_counter() - t0)
ts.sort(); print(ts[len(ts) // 2])
`, file], { encoding: 'utf8' });
  cpython = Number(out.trim());
} catch {
  console.log('python3 not found: CPython column left empty');
}

const fmt = (s) => `${(s * 1000).toFixed(1)} ms  ${Math.round(lines / s).toLocaleString('en')} lines/s`;
console.log(`parse of a ${lines}-line file (median of 10)`);
console.log(`  gilpy   ${fmt(gilpy)}`);
if (!Number.isNaN(cpython)) {
  console.log(`  CPython ${fmt(cpython)}  (ast.parse)`);
  console.log(`  ratio gilpy/CPython: ${(gilpy / cpython).toFixed(2)}x`);
}
