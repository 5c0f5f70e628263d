/**
 * A no-GIL worker's warm-up: a short Python program run by every worker as it boots, before it takes
 * any thread, so that V8 has seen the evaluation loop's common paths on this isolate when it first
 * optimises the loop (see docs/NOGIL.md "Why a worker ran slower than the host").
 *
 * V8 optimises `NoGilInterpreter.runLoop` with the type feedback its sites collected in this isolate,
 * and a site that never ran deoptimises the whole loop the first time it runs (the loop then runs
 * unoptimised while V8 compiles it again: 60-500 ms of a background thread, on a busy machine the
 * longest part). The host collects feedback for nearly every path while it boots and runs the program's
 * first lines (`import threading` alone runs a good part of the loop); a worker started with none, so a
 * thread's first int at or below 256 (the end of a countdown), its first hit in LOAD_GLOBAL's cache and
 * its first call through the decoded-code cache each threw the loop back to the interpreter, one after
 * the other: a worker's loop was settled only by its fourth thread. (jit-priming.ts does the same for
 * GIL mode's loop, for the two int paths it reaches late.)
 *
 * The program uses no class, import, cycle or output: everything it makes is freed when it returns, and
 * the cycle collector's counts are put back, so a program cannot tell it ran (its frees and allocations
 * count in the heap's totals). The host compiles it once, before the workers start (so every name in it
 * is interned by one thread), and drops it at the end.
 */
import { analyze } from '../../compiler/front-end.js';
import { compileModule } from '../../compiler/codegen.js';
import type { Ref } from '../heap/layout.js';
import { newCode } from '../objects/code.js';
import { dictClear, newDict } from '../objects/dict.js';
import { setGlobal } from '../objects/module.js';
import { PyRaise, Root, type Runtime } from '../runtime.js';
import type { Interpreter } from '../interp/loop.js';

/** Python: the paths the loop reaches late in a worker's first threads, whatever they run (see the
 *  module comment): an int result at or below 256, hits in LOAD_GLOBAL's cache (builtins too) and in
 *  the decoded-code cache of a call (with and without keywords), a float result, STORE_GLOBAL, and
 *  STORE_ATTR / DELETE_ATTR (a thread's end runs `del self._target, ...`). */
const SOURCE = `
def countdown(n):
    while n > 0:
        n -= 1
    return n

def helper(x, y=1):
    return x + y

def touch():
    global counter, ratio
    counter = helper(counter) + helper(len('ab'), y=2)
    ratio = ratio * 0.5 + counter / 4
    f = helper
    f.value = counter
    del f.value

counter = 0
ratio = 1.0
for _ in range(ROUNDS):
    countdown(SIZE)
    touch()
`;

/** Rounds and size of the warm-up: about 5,000 instructions, interpreted (well under a millisecond):
 *  feedback for every site above, far too little for V8 to optimise the loop for the warm-up alone
 *  (so a program whose threads do little pays no compilation for it). The second round is what hits
 *  the caches. */
const ROUNDS = 3;
const SIZE = 300;

/** Compiles the warm-up (a new reference to its code object); on the host, before workers start. */
export function compileWarmUp(rt: Runtime): Ref {
  const source = SOURCE.replace('ROUNDS', String(ROUNDS)).replace('SIZE', String(SIZE));
  const { module, symtable } = analyze(source, '<gilpy warm-up>');
  return newCode(rt, compileModule(module, symtable, { filename: '<gilpy warm-up>' }));
}

/**
 * Runs the warm-up `code` (borrowed) on a worker's interpreter, in a module namespace of its own, before
 * the worker takes any thread. Leaves the heap as it was: the namespace is cleared (the functions hold
 * it) and freed; the collector's allocation count (and its request for a collection) is put back, so that
 * no automatic collection comes of it. A Python exception (MemoryError under a small --max-heap) ends it quietly.
 */
export function runWarmUp(rt: Runtime, interp: Interpreter, code: Ref): void {
  const globals = newDict(rt);
  const gcCount = rt.gcCounts[0]!;
  const gcPending = rt.gcPending;
  try {
    setGlobal(rt, globals, '__builtins__', rt.root(Root.BUILTINS));
    rt.decref(interp.runCode(code, globals, globals));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    rt.decref(e.exc);
  } finally {
    dictClear(rt, globals);
    rt.decref(globals);
    rt.gcCounts[0] = gcCount;
    rt.gcPending = gcPending;
  }
}
