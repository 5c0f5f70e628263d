// The dis golden files in tests/dis: for each program X.py, X.dis is `gilpy --dis X.py` and X.cpython.dis
// is `python3 -m dis X.py` (for the layout comparison); a program that calls dis.dis itself (RUN below)
// also has X.out, its stdout on gilpy, and X.cpython.out, its stdout on python3.
// Addresses (`at 0x...`) and the folder of file names are normalised, so the files do not depend on
// the heap layout or on where the repository is.
// Usage: npm run regen:dis-golden     (builds, then rewrites them; review the diff like code)
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const DIS_DIR = 'tests/dis';
/** Programs that print listings themselves (dis.dis): their output is recorded too. */
export const RUN = new Set(['dis_module.py', 'same_as_cpython.py']);

export function disPrograms() {
  return readdirSync(join(root, DIS_DIR)).filter((f) => f.endsWith('.py')).sort();
}

/** `at 0x7f...` -> `at 0x...`; `file "/abs/path/tests/dis/x.py"` -> `file "tests/dis/x.py"`. */
export function normalise(text) {
  return text.replace(/ at 0x[0-9a-f]+/g, ' at 0x...').replace(/file "[^"]*?tests\/dis\//g, 'file "tests/dis/');
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return normalise(r.stdout);
}

/** gilpy's outputs for one program, by golden-file suffix (`gilpy` runs the command: argv -> stdout). */
export function gilpyOutputs(file, gilpy) {
  const path = `${DIS_DIR}/${file}`;
  const out = { '.dis': normalise(gilpy(['--dis', path])) };
  if (RUN.has(file)) out['.out'] = normalise(gilpy([path]));
  return out;
}

export function cpythonOutputs(file) {
  const path = `${DIS_DIR}/${file}`;
  const out = { '.cpython.dis': run('python3', ['-m', 'dis', path]) };
  if (RUN.has(file)) out['.cpython.out'] = run('python3', [path]);
  return out;
}

if (process.argv[1] && process.argv[1].endsWith('dis-golden.mjs')) {
  const gilpy = (args) => run(process.execPath, [join(root, 'dist', 'gilpy.mjs'), ...args]);
  for (const file of disPrograms()) {
    const base = join(root, DIS_DIR, file.slice(0, -3));
    for (const [suffix, text] of Object.entries({ ...gilpyOutputs(file, gilpy), ...cpythonOutputs(file) })) {
      writeFileSync(base + suffix, text);
    }
    console.log(`recorded ${DIS_DIR}/${file}`);
  }
}
