/**
 * The gilpy package's entry (`import { run } from 'gilpy'`), bundled into dist/gilpy-api.mjs by
 * scripts/build-bundle.mjs. The bundle is also what the worker threads of its runs load (no-GIL workers,
 * multiprocessing's children and spares): loaded in such a worker, it takes that role here.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runNoGilWorker } from '../vm/nogil/worker-main.js';
import type { NoGilWorkerData } from '../vm/nogil/threads.js';
import { runChild } from '../vm/proc/child.js';
import { setWorkerScript, type ChildData } from '../vm/proc/processes.js';

export { run } from './run.js';
export type * from './public.js';

const role = isMainThread ? null : (workerData as { gilpyNoGil?: boolean; gilpyChild?: boolean; gilpySpare?: boolean } | null);
if (role?.gilpyNoGil === true) runNoGilWorker(workerData as NoGilWorkerData);
else if (role?.gilpyChild === true) runChild(workerData as ChildData);
else if (role?.gilpySpare === true) parentPort!.once('message', (data: ChildData) => runChild(data));
else if (!import.meta.url.endsWith('.ts')) {
  // compiled (not the TypeScript sources the tests run: workers could not load those)
  setWorkerScript(import.meta.url);
}
