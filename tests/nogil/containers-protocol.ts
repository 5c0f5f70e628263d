/** What containers.test.ts and the workers it starts (containers-worker.ts) exchange. */
export type ContainerMode = 'list' | 'dict' | 'set' | 'bytearray' | 'iterate' | 'gc';

export interface ContainerInput {
  mode: ContainerMode;
  heap: SharedArrayBuffer;
  /** Int32 words, see the CTL_ constants. */
  control: SharedArrayBuffer;
  index: number;
  workers: number;
  iterations: number;
  /** The shared container (a list, dict or set made by the main thread, worker 1). */
  target: number;
}

export interface ContainerReport {
  id: number;
  /** list: stamps this worker appended or inserted, and the stamps of the items it popped. */
  pushed: number[];
  popped: number[];
  /** dict: the keys this worker deleted (of its own). */
  deleted: number[];
  /** iterate: items read by the iterating worker, passes over the list. */
  read: number;
  passes: number;
  /** gc: collections this worker ran and what they found; safepoints at which it parked. */
  collections: number;
  collected: number;
  parked: number;
  /** gc: progress counter changes seen while this worker had the world stopped (must be 0). */
  movedWhileStopped: number;
  contended: number;
}

/** Control words: [0] barrier count, [1] barrier generation, [2] non-zero once any worker failed,
 *  [3] progress (every worker adds 1 per operation), [4] workers still running the workload. */
export const CTL_ABORT = 2;
export const CTL_PROGRESS = 3;
export const CTL_ACTIVE = 4;
export const CTL_WORDS = 5;
/** dict and set: keys every worker writes (contended), besides its own range. */
export const SHARED_KEYS = 64;
/** Own keys of worker `id`: id * KEY_BASE + i. */
export const KEY_BASE = 1_000_000;
