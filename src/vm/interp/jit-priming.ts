/** Feedback for V8 before it optimises the evaluation loop (see primeLoopFeedback). */
import { SMALL_INT_MAX } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { decrefW } from './loop.js';

/**
 * Gives V8 feedback for the release paths the loop reaches in almost every program but not at once: an
 * int freed by decrefW, and one made by newCompactInt from the free list. V8 optimises runLoop with the
 * feedback its sites (and those of the functions inlined into it) have collected; a site that never ran
 * deoptimises the whole loop the first time it runs, and the loop then runs unoptimised while V8 compiles
 * it again (50-80 ms for this function). Unprimed, the first int above 256 freed in a loop did that, in
 * the middle of most programs (fib(27) among them). Called once at boot: it leaves the heap as it was.
 * (V8 allocates a function's feedback vector only after some calls: hence the repetitions.)
 */
export function primeLoopFeedback(rt: Runtime): void {
  for (let k = 0; k < 64; k++) {
    decrefW(rt, rt.i32, rt.newCompactInt(SMALL_INT_MAX + 1 + k));
  }
}
