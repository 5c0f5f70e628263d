// Builds the `gilpy` command from the compiled sources (dist/**/*.js, made by tsc); docs/STARTUP.md:
//   dist/gilpy-core.cjs  everything (gilpy and chevrotain) in one CommonJS script
//   dist/gilpy.blob      a start-up snapshot of node with the core loaded (scripts/snapshot-entry.cjs)
//   dist/gilpy           the command in a checkout (sh): starts node from the blob, when the blob was
//                        made by the node that runs it; otherwise runs dist/gilpy.mjs
//   dist/gilpy.mjs       runs the core through V8's code cache (dist/gilpy-core.cache), so that start-up
//                        does not compile the same 2 MB of JavaScript every time; worker threads load it
//   dist/gilpy-core.cache  written by `node scripts/build-bundle.mjs --cache` (npm run build does it)
//   dist/gilpy-lib.json  the library modules written in Python, compiled (src/cli/frozen-lib.ts)
//   dist/gilpy-api.mjs   the package's entry, `import { run } from 'gilpy'` (src/api/), everything in one
//                        ES module; its runs' worker threads load it too
//   dist/gilpy-api.d.ts  its types (src/api/public.d.ts as it is)
// PACKAGE_FILES lists them: package.json's "files" must name each (tests/package/ checks it).
// The tests build the same files elsewhere with buildGilpy(outDir) (tests/support/cli.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The launcher: compiles the core with the code cache when the cache fits this node, runs it. */
const LAUNCHER = `#!/usr/bin/env node
// The gilpy command (made by scripts/build-bundle.mjs): runs gilpy-core.cjs beside it, compiled from V8's
// code cache when one made by this node is there (start-up then skips compiling gilpy and chevrotain).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
const core = new URL('./gilpy-core.cjs', import.meta.url);
const cacheFile = new URL('./gilpy-core.cache', import.meta.url);
let cachedData;
try { cachedData = readFileSync(cacheFile); } catch { cachedData = undefined; }
const source = readFileSync(core, 'utf8');
const wrapper = '(function (exports, require, module, __filename, __dirname, __gilpy_entry) {' + source + '\\n})';
const script = new Script(wrapper, { filename: core.pathname, cachedData, importModuleDynamically: undefined });
const module = { exports: {} };
if (process.env.GILPY_WRITE_CODE_CACHE === '1') {
  // npm run build: the cache is taken after a run, so that it holds the functions start-up compiles
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext()(module.exports, createRequire(core), module, core.pathname, new URL('.', core).pathname,
  import.meta.url);
`;

/**
 * The command. A node of another version than the blob's refuses the blob (and exits), so the command
 * uses the blob only with the node that made it: the build gives the blob that node's modification time
 * (touch -r), and the command compares the two (test's -nt and -ot: no process is started for it). V8
 * also refuses a blob made under other V8 flags (exit status 14): with NODE_OPTIONS set, the command does
 * not use the blob either.
 * $0 may be npm's link to this file (node_modules/.bin/gilpy): the blob is beside the file itself.
 * NODE_EXTRA_CA_CERTS is unset for node: Node 20 reads the certificates it names before anything else
 * (some 40 ms here), and gilpy makes no TLS connection; a program cannot see the environment (os has no
 * environ), and the processes gilpy starts are gilpy's own (docs/STARTUP.md).
 */
const COMMAND = `#!/bin/sh
# The gilpy command (made by scripts/build-bundle.mjs; see docs/STARTUP.md): starts node from gilpy's
# start-up snapshot (gilpy.blob beside this file) when the node here made it, else runs gilpy.mjs.
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=\${self%/*}/$link ;; esac
done
case $self in */*) here=\${self%/*} ;; *) here=. ;; esac
blob=$here/gilpy.blob
node=$(command -v node)
# (gilpy makes no TLS connection: node need not read extra certificates at start, some 40 ms)
unset NODE_EXTRA_CA_CERTS
# (V8 refuses a snapshot made with other V8 flags than the run's: NODE_OPTIONS may hold some)
if [ -n "$node" ] && [ -z "$NODE_OPTIONS" ] && [ -f "$blob" ] && ! [ "$blob" -nt "$node" ] && ! [ "$blob" -ot "$node" ]; then
  exec "$node" --snapshot-blob "$blob" -- "$here" "$@"
fi
exec node "$here/gilpy.mjs" "$@"
`;

/**
 * Builds outDir/gilpy.blob, node's start-up snapshot with outDir/gilpy-core.cjs loaded, and gives it the
 * modification time of the node that made it (see COMMAND). Without a blob, the command still works.
 */
export function buildSnapshot(outDir) {
  const blob = join(outDir, 'gilpy.blob');
  // made beside, then renamed over the old one: a gilpy started meanwhile reads one whole blob or the other
  const made = `${blob}.${process.pid}.tmp`;
  try {
    const r = spawnSync(process.execPath, ['--snapshot-blob', made, '--build-snapshot',
      join(root, 'scripts', 'snapshot-entry.cjs'), outDir], { encoding: 'utf8' });
    // (node warns on stderr that the built-in modules vm, perf_hooks and tty are not verified in snapshots:
    // the entry uses vm, and the bundle only loads perf_hooks and tty there; see snapshot-entry.cjs)
    if (r.status !== 0) throw new Error(`making the start-up snapshot failed: ${r.stderr}`);
    const touched = spawnSync('touch', ['-r', process.execPath, made], { encoding: 'utf8' });
    if (touched.status !== 0) throw new Error(`could not give the snapshot node's time (touch -r): ${touched.stderr ?? touched.error}`);
    renameSync(made, blob);
  } finally {
    rmSync(made, { force: true });
  }
}

/** The files of dist/ the package ships (the command's, with the library modules compiled, and the
 *  API's), made by buildGilpy (the cache by --cache). Its bin is gilpy.mjs, a Node script (`node BIN` runs it too), not the sh command dist/gilpy:
 *  the start-up snapshot that command would use (gilpy.blob, 10 MB) serves only the node that made it, so
 *  it is not shipped, and without it the command would run gilpy.mjs anyway. */
export const PACKAGE_FILES = ['gilpy.mjs', 'gilpy-core.cjs', 'gilpy-core.cache', 'gilpy-lib.json', 'gilpy-api.mjs',
  'gilpy-api.d.ts'];

/**
 * Changes made to chevrotain's single-file bundle (chevrotain.min.mjs, 11.2) as it is bundled: [what, the
 * text, its replacement]. Each text must be found once, or the build fails (a new chevrotain must be
 * looked at again).
 * - The lexer maps a character code above 255 to its first-character table's index through a table of
 *   65,536 numbers, filled when the first lexer is made: it would be kept in the start-up snapshot
 *   (512 KB, docs/STARTUP.md). The index is computed instead, with the table's own formula.
 */
const CHEVROTAIN_PATCHES = [
  ['charCodeToOptimizedIndex without its table',
    'function je(t){return t<ir?t:Ln[t]}function tT(){if(O(Ln)){Ln=new Array(65536);for(let t=0;t<65536;t++)Ln[t]=t>255?255+~~(t/255):t}}',
    'function je(t){return t<ir?t:255+~~(t/255)}function tT(){}'],
];

/** chevrotain.min.mjs's source with CHEVROTAIN_PATCHES made. */
function patchChevrotain(source) {
  for (const [what, text, replacement] of CHEVROTAIN_PATCHES) {
    const at = source.indexOf(text);
    if (at < 0 || source.indexOf(text, at + 1) >= 0) {
      throw new Error(`chevrotain.min.mjs: the text for "${what}" is not there once (a new chevrotain? see build-bundle.mjs)`);
    }
    source = source.slice(0, at) + replacement + source.slice(at + text.length);
  }
  return source;
}

/** esbuild's settings common to the command's core and the API's bundle: everything in one file,
 *  chevrotain included (the package has no dependencies at run time). */
function bundleSettings() {
  const chevrotainMin = join(dirname(createRequire(join(root, 'package.json')).resolve('chevrotain')), '..', 'chevrotain.min.mjs');
  return {
    bundle: true, platform: 'node', target: 'node20', logLevel: 'warning',
    // less source to read and to hash against the cache; names are kept (messages use some of them)
    minifyWhitespace: true, minifySyntax: true, keepNames: false,
    plugins: [{
      name: 'chevrotain-static',
      setup(b) {
        // src/lexer/chevrotain.ts loads chevrotain's single-file bundle at run time; here it is bundled in
        b.onLoad({ filter: /[\\/]lexer[\\/]chevrotain\.ts$/ }, () => ({
          contents: `export { createToken, createTokenInstance, Lexer, CstParser, LLkLookaheadStrategy } from ${JSON.stringify(chevrotainMin)};`,
          loader: 'ts', resolveDir: root,
        }));
        // chevrotain's single-file bundle, with CHEVROTAIN_PATCHES made
        b.onLoad({ filter: /[\\/]chevrotain\.min\.mjs$/ }, ({ path }) => ({
          contents: patchChevrotain(readFileSync(path, 'utf8')), loader: 'js',
        }));
      },
    }],
  };
}

/** Builds the core, the launcher, the command and the API's bundle into outDir (the snapshot: buildSnapshot). */
export async function buildGilpy(outDir) {
  mkdirSync(outDir, { recursive: true });
  await build({
    ...bundleSettings(),
    entryPoints: [join(root, 'src', 'cli', 'main.ts')], format: 'cjs', outfile: join(outDir, 'gilpy-core.cjs'),
    // the URL of the command, for the workers that run child processes (see src/vm/proc/); and this
    // build's name (src/cli/build-id.ts)
    define: { 'import.meta.url': '__gilpy_entry', __GILPY_BUILD_ID__: JSON.stringify(randomUUID()) },
  });
  await build({
    ...bundleSettings(),
    entryPoints: [join(root, 'src', 'api', 'index.ts')], format: 'esm', outfile: join(outDir, 'gilpy-api.mjs'),
  });
  copyFileSync(join(root, 'src', 'api', 'public.d.ts'), join(outDir, 'gilpy-api.d.ts'));
  // the core is wrapped in a function by the launcher: main.ts's #! line must go
  const corePath = join(outDir, 'gilpy-core.cjs');
  writeFileSync(corePath, readFileSync(corePath, 'utf8').replace(/^#!.*\n/, ''));
  writeFileSync(join(outDir, 'gilpy.mjs'), LAUNCHER, { mode: 0o755 });
  writeFileSync(join(outDir, 'gilpy'), COMMAND, { mode: 0o755 });
  // the library modules compiled, beside the core (src/cli/frozen-lib.ts); by a run of its own: the
  // code-cache run's cache would otherwise hold their sources' functions, and the snapshot with it. (An
  // older core's code cache goes first: V8 would take one of the same length, see the main part below.)
  rmSync(join(outDir, 'gilpy-core.cache'), { force: true });
  const r = spawnSync(process.execPath, [join(outDir, 'gilpy.mjs'), '-c', 'pass'],
    { env: { ...process.env, GILPY_WRITE_FROZEN_LIB: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling the library modules failed: ${r.stderr}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'dist');
  await buildGilpy(out);
  if (process.argv.includes('--cache')) {
    // the old cache goes first: V8 checks a cache against its source's length only, and would take one
    // made for another core of the same length, compiling its lazy functions at the wrong offsets
    rmSync(join(out, 'gilpy-core.cache'), { force: true });
    const r = spawnSync(process.execPath, [join(out, 'gilpy.mjs'), join(root, 'scripts', 'warm-up-run.py'), '3'],
      { env: { ...process.env, GILPY_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`making the code cache failed: ${r.stderr}`);
  }
  buildSnapshot(out);
}
