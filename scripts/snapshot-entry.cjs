// The entry of gilpy's start-up snapshot (scripts/build-bundle.mjs runs it; docs/STARTUP.md):
//   node --snapshot-blob DIR/gilpy.blob --build-snapshot scripts/snapshot-entry.cjs DIR
// It loads DIR/gilpy-core.cjs (every module of gilpy and chevrotain runs: the lexer and the parser are
// built), warms the front end up, and names the function a run from the snapshot starts with. The
// command DIR/gilpy then starts node from the blob: `node --snapshot-blob DIR/gilpy.blob -- DIR args...`.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
const { startupSnapshot } = require('node:v8');

const dir = process.argv[2];
const core = join(dir, 'gilpy-core.cjs');
// the same wrapper as dist/gilpy.mjs's (its last parameter stands for import.meta.url: see build-bundle.mjs)
const wrapper = '(function (exports, require, module, __filename, __dirname, __gilpy_entry) {' +
  readFileSync(core, 'utf8') + '\n})';
/**
 * node:worker_threads, loaded at its first use after the snapshot is deserialized: loaded while the
 * snapshot is made (where SharedArrayBuffer does not exist), it keeps no counter for process.chdir, and
 * every worker started later fails in process.cwd() (Node 20).
 */
function requireLater(id) {
  let loaded = null;
  return new Proxy({}, { get: (_, key) => (loaded ??= require(id))[key] });
}
const coreRequire = (id) => (id === 'node:worker_threads' ? requireLater(id) : require(id));
const coreModule = { exports: {} };
globalThis.gilpyMakingSnapshot = true; // the bundle defines everything and runs nothing (src/cli/snapshot.ts)
// compiled with the code cache of the build's run (when it fits this core): every function that run
// called is compiled in the snapshot without having run here (docs/STARTUP.md)
let cachedData;
try { cachedData = readFileSync(join(dir, 'gilpy-core.cache')); } catch { cachedData = undefined; }
new Script(wrapper, { filename: core, cachedData }).runInThisContext()(coreModule.exports, coreRequire, coreModule, core, dir,
  pathToFileURL(join(dir, 'gilpy.mjs')).href);
delete globalThis.gilpyMakingSnapshot;
const gilpy = coreModule.exports;
// the front end's warm-up runs over gilpy's library modules, read from src/lib (the bundle's copies are
// made only when a program imports one, so that the snapshot does not hold them)
const lib = join(__dirname, '..', 'src', 'lib');
gilpy.warmUpFrontEnd(readdirSync(lib).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(lib, f), 'utf8')));
// (a regular expression's last match keeps its input, here the last module's source: RegExp.input)
/(?:)/.exec('');

// GILPY_SNAPSHOT_HEAP=FILE writes a V8 heap snapshot of what the blob is about to hold, for
// scripts/snapshot-heap.mjs (docs/STARTUP.md, "What the blob holds")
if (process.env.GILPY_SNAPSHOT_HEAP) require('node:v8').writeHeapSnapshot(process.env.GILPY_SNAPSHOT_HEAP);

startupSnapshot.setDeserializeMainFunction(() => {
  // argv: node, DIR (where the blob is: the command passes it), then the command line; as without the
  // snapshot, argv[1] becomes the command's path (sys.executable)
  const here = resolve(process.argv[1]);
  process.argv[1] = join(here, 'gilpy');
  // (a file: URL made by hand: node's URL class costs some 2 ms at its first use, and only workers need it)
  const launcher = 'file://' + join(here, 'gilpy.mjs').split('/').map(encodeURIComponent).join('/');
  // In a promise job, as node runs a script or module: node calls this function under a verbose
  // v8::TryCatch, under which V8 makes a message (source location, stack trace) for every exception
  // thrown, caught or not; the GIL's switches are thrown (SwitchSignal), and cost some 50 us more each.
  const args = process.argv.slice(2);
  Promise.resolve().then(() => gilpy.runCommand(launcher, args));
});
