/** Runtimes for the no-GIL tests, without a whole VM: a booted heap (types, singletons, exceptions), and
 *  further Runtimes attached to the same buffer, as each no-GIL worker has its own. Also bundled into the
 *  stress test's worker script (see stress.test.ts). */
import '../../src/vm/boot.js';
import { Runtime } from '../../src/vm/runtime.js';
import { bootTypes } from '../../src/vm/objects/type.js';
import { bootExceptions, installRaiseNew } from '../../src/vm/objects/exceptions.js';
import { attachNoGilWorker, enableNoGilHeap } from '../../src/vm/nogil/attach.js';

/** A new heap, booted as a VM's is (heap-checking mode unless told otherwise). */
export function bootRuntime(opts: { debug?: boolean; maxBytes?: number } = {}): Runtime {
  const rt = new Runtime({ debug: opts.debug ?? true, ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}) });
  rt.bootCore();
  bootTypes(rt);
  bootExceptions(rt);
  return rt;
}

/** Another Runtime over the same heap buffer (nothing booted: it finds the well-known objects there). */
export function attachRuntime(buffer: SharedArrayBuffer): Runtime {
  const rt = new Runtime({ buffer });
  rt.loadRoots();
  installRaiseNew(rt);
  return rt;
}

/** Two no-GIL workers on one heap, both in this thread: `a` boots the heap and enters no-GIL mode (`wa`),
 *  `b` attaches to it (`wb`). */
export function twoWorkers() {
  const a = bootRuntime();
  const wa = enableNoGilHeap(a);
  const b = attachRuntime(a.heap.buffer);
  const wb = attachNoGilWorker(b);
  return { a, b, wa, wb };
}
