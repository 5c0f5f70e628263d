// Runs the differential corpus (tests/py) in memory and prints a summary; for quick iteration.
// Usage: npm run build && node scripts/pyrun.mjs [substring-filter] [-v]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInMemory } from '../dist/vm/embed.js';

const root = new URL('../tests/py/', import.meta.url).pathname;
const filter = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
const verbose = process.argv.includes('-v');
const files = [];
(function walk(d) {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.py') && p.includes(filter)) files.push(p);
  }
})(root);
let ok = 0;
const bad = [];
for (const f of files) {
  const exp = JSON.parse(readFileSync(f + '.expect', 'utf8'));
  const stdin = existsSync(f + '.stdin') ? readFileSync(f + '.stdin', 'utf8') : '';
  let got;
  try {
    const r = runInMemory(readFileSync(f, 'utf8'), f.split('/').pop(), { stdin, debugHeap: true, searchPath: [join(f, '..')] });
    const lines = r.stderr.trimEnd().split('\n');
    got = { stdout: r.stdout, status: r.status, error: r.status !== 0 ? lines[lines.length - 1] : null };
  } catch (e) {
    got = { stdout: '', status: -1, error: 'JS: ' + (e.stack ?? e).toString().split('\n').slice(0, 4).join(' | ') };
  }
  const same = got.stdout === exp.stdout && got.status === exp.status && (exp.status === 0 || got.error === exp.error);
  if (same) ok++;
  else bad.push([f.slice(root.length), got, exp]);
}
console.log(`${ok} passed, ${bad.length} failed (of ${files.length})`);
for (const [f, got, exp] of bad) {
  if (!verbose) {
    console.log(`  ${f}: ${got.status !== exp.status ? `status ${got.status} vs ${exp.status}; ` : ''}${(got.error ?? '').slice(0, 150)}`);
    continue;
  }
  let i = 0;
  while (i < got.stdout.length && got.stdout[i] === exp.stdout[i]) i++;
  console.log(`--- ${f}\n  got:  ${JSON.stringify(got.stdout.slice(Math.max(0, i - 60), i + 80))} status ${got.status} ${got.error}\n  want: ${JSON.stringify(exp.stdout.slice(Math.max(0, i - 60), i + 80))} status ${exp.status} ${exp.error}`);
}
