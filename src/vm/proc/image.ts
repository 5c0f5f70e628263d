/**
 * What a forked child needs besides the byte copy of its parent's heap: the few pieces of VM state that
 * live on the JS side (DESIGN.md decision 2 keeps these to caches, except for the ones listed here, which
 * are copied at the fork as plain data). Everything in a ForkImage is structured-clonable, so it travels
 * to the child's worker in `workerData`.
 */
import type { Runtime } from '../runtime.js';
import { sourceCache } from '../objects/exceptions.js';
import { restoreWeakrefLists, weakrefListsSnapshot } from '../objects/weakref.js';
import { gcState } from '../objects/gc.js';
import { sharedGcEnabled, sharedThresholds } from '../nogil/sync.js';

export interface ForkImage {
  /** The child's heap: a copy of the parent's, taken while the forking thread was inside fork(). */
  heap: SharedArrayBuffer;
  /** The cycle collector's generation lists and counters (cf. Runtime.gcHeads). */
  gc: { heads: number[]; counts: number[]; thresholds: number[]; enabled: boolean; stats: unknown };
  /** Weak-reference lists by referent (objects/weakref.ts keeps them beside the heap). */
  weakrefs: [number, number[]][];
  /** Source lines by file name, for the child's tracebacks. */
  sources: [string, string[]][];
}

/** Takes the JS-side state of `rt` that a child attached to `heap` (a copy of rt's heap) needs. */
export function captureImage(rt: Runtime, heap: SharedArrayBuffer): ForkImage {
  return {
    heap,
    gc: {
      // (a no-GIL heap's switch and thresholds are the heap's: nogil/sync.ts)
      heads: [...rt.gcHeads], counts: [...rt.gcCounts],
      thresholds: [...(rt.containerLocks !== null ? sharedThresholds(rt) : rt.gcThresholds)],
      enabled: rt.containerLocks !== null ? sharedGcEnabled(rt) : rt.gcEnabled,
      stats: structuredClone(gcState(rt)),
    },
    weakrefs: weakrefListsSnapshot(rt),
    sources: [...sourceCache].map(([f, lines]) => [f, lines]),
  };
}

/** Restores in the child's runtime what captureImage took. */
export function restoreImage(rt: Runtime, image: ForkImage): void {
  for (let g = 0; g < 3; g++) {
    rt.gcHeads[g] = image.gc.heads[g]!;
    rt.gcCounts[g] = image.gc.counts[g]!;
    rt.gcThresholds[g] = image.gc.thresholds[g]!;
  }
  rt.gcEnabled = image.gc.enabled;
  Object.assign(gcState(rt), image.gc.stats);
  restoreWeakrefLists(rt, image.weakrefs);
  for (const [f, lines] of image.sources) sourceCache.set(f, lines);
}
