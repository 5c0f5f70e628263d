/**
 * What the start-up snapshot needs from the bundle (scripts/snapshot-entry.cjs builds it; docs/STARTUP.md).
 * The snapshot holds the bundle after its modules ran (chevrotain's lexer and parser built, the builtin
 * tables registered) and after a warm-up of the front end, so that a run from it starts with the parser's
 * lookahead functions built and the front end's functions compiled. The VM is booted at each run: the
 * heap is a SharedArrayBuffer, which a V8 snapshot cannot hold, so the snapshot holds the boot image's
 * bytes (vm/boot-image.ts), which boot copies into the new heap.
 */
import { analyze } from '../compiler/front-end.js';
import { compileModule } from '../compiler/codegen.js';
import { Interpreter } from '../vm/interp/loop.js';
import { BOOT_IMAGE_FILE, embedBootImage } from '../vm/boot-image.js';
import { compileRegisteredRegExps } from '../vm/regexps.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True while the bundle is being loaded into a snapshot: it must then define everything and run nothing. */
export function makingSnapshot(): boolean {
  return (globalThis as { gilpyMakingSnapshot?: boolean }).gilpyMakingSnapshot === true;
}

/**
 * Runs the front end (parse, symbol tables, checks, bytecode; no VM, no heap) over `sources`: the snapshot's
 * entry passes gilpy's own library modules (src/lib: some 6,000 lines of ordinary Python), read from the
 * files (the bundle's copies are made only when a program imports the module: see pylib.gen.ts).
 * chevrotain builds each grammar decision's lookahead function on its first use (see grammar.ts): after
 * this, the decisions ordinary programs take are built, and the functions the front end runs are compiled,
 * in the snapshot. The front end keeps no other state between programs, so a program compiles as it
 * would without it. It also embeds the boot image (vm/boot-image.ts) and has the evaluation loop
 * compiled (not run: no heap).
 */
export function warmUpFrontEnd(sources: string[]): void {
  for (const source of sources) {
    const { module, symtable } = analyze(source, '<warm-up>');
    compileModule(module, symtable, { filename: '<warm-up>', lines: source.split('\n') });
  }
  // the boot image the build's code-cache run wrote beside the bundle (vm/boot-image.ts)
  const dir = dirname(fileURLToPath(import.meta.url));
  embedBootImage(join(dir, BOOT_IMAGE_FILE), join(dir, 'gilpy-core.cjs'));
  // the evaluation loop: 100 KB of source, whose compilation cost -c pass some 1.5 ms at its first run
  compileWithoutRunning((Interpreter.prototype as unknown as { runLoop: Function }).runLoop);
  // the regular expressions programs run (vm/regexps.ts)
  compileRegisteredRegExps();
}

/** What compileWithoutRunning's stand-in throws. */
class NotRun {}

/**
 * Makes V8 compile method `f` (to bytecode, which the snapshot keeps) without running any of it: `f` is
 * called on a stand-in `this` that throws at the first property read, which `f` does first (V8 compiles
 * a function at its first call; the body has not started then). No feedback is recorded.
 */
function compileWithoutRunning(f: Function): void {
  const self = new Proxy({}, { get: () => { throw new NotRun(); } });
  try {
    f.call(self, 0, false);
  } catch (e) {
    if (!(e instanceof NotRun)) throw e;
  }
}
