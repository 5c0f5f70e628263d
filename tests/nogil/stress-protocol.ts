/** What stress.test.ts and the workers it starts (stress-worker.ts) exchange. */
export interface StressInput {
  mode: 'churn' | 'race' | 'exhaust';
  heap: SharedArrayBuffer;
  /** Int32 words: the control words (see CTL_SLOTS), then the exchange slots / the race's objects. */
  control: SharedArrayBuffer;
  /** This worker's index (0..workers-1) and how many run. */
  index: number;
  workers: number;
  iterations: number;
  /** churn: long-lived objects owned by the main thread, which every worker increfs and decrefs. */
  sharedObjects: number[];
}

export interface StressReport {
  id: number;
  /** How many stamped objects (floats and ints) this worker made: stamps id * 2**32 + 0..made-1. */
  made: number;
  tuplesMade: number;
  /** The stamps of the objects this worker freed, and how many tuples it freed. */
  freedStamps: number[];
  tuplesFreed: number;
  /** Objects merged from this worker's queue / as orphans, and queue nodes it pushed to other owners. */
  merged: number;
  queued: number;
  /** exhaust: how many objects this worker got before MemoryError. */
  gotBeforeMemoryError: number;
}

/** Control words: [0] barrier count, [1] barrier generation, [2] non-zero once any worker failed. */
export const CTL_ABORT = 2;
export const CTL_SLOTS = 3;
export const SLOT_COUNT = 64;
