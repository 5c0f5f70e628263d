/**
 * What the start-up snapshot needs from the bundle (scripts/snapshot-entry.cjs builds it; docs/STARTUP.md).
 * The snapshot holds the bundle after its modules ran (chevrotain's lexer and parser built, the builtin
 * tables registered) and after a warm-up of the front end, so that a run from it starts with the parser's
 * lookahead functions built and the front end's functions compiled. The VM is booted at each run as
 * before: the heap is a SharedArrayBuffer, which a V8 snapshot cannot hold.
 */
import { analyze } from '../compiler/front-end.js';
import { compileModule } from '../compiler/codegen.js';

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
 * would without it.
 */
export function warmUpFrontEnd(sources: string[]): void {
  for (const source of sources) {
    const { module, symtable } = analyze(source, '<warm-up>');
    compileModule(module, symtable, { filename: '<warm-up>', lines: source.split('\n') });
  }
}
