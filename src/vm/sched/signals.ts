/** What the scheduler throws through the interpreter loop to take the GIL from a thread. Neither is a
 *  Python exception: Python code cannot catch them, and the loop lets them through. */

/** The running thread's turn is over (its switch interval ran out): the loop has saved its registers,
 *  and the thread goes on from the same instruction when it next holds the GIL. */
export class SwitchSignal {
  static readonly it = new SwitchSignal();
}

/**
 * What a run of the loop returns instead of a result when a tick ended the thread's turn (the registers
 * saved by the tick, Interpreter.tick): the run's caller (Interpreter.resumeThread, evalFrame) throws
 * SwitchSignal. The tick does not throw it through the loop: V8 finds an exception's handler in a function
 * of its baseline tier by reading the function's code from its start, and the loop, which stays in that
 * tier while compiled code does the work (interp/jit.ts), took some 35 us each time (the seed's GIL example
 * ran its two threads 5x slower than one, all in v8::internal::BaselineFrame::GetBytecodeOffset).
 */
export const RUN_SWITCHED = 0;

/** A blocking call (a lock acquire, a sleep) must wait: the loop rewinds the thread to the start of the
 *  call, which runs again when the scheduler wakes the thread (cf. a restartable system call). */
export class BlockSignal {
  static readonly it = new BlockSignal();
}

/** The main thread finished while another thread waited nested on the JS stack: the program is over,
 *  and the waiting threads are dropped as daemon threads are (thrown through them to the scheduler). */
export class ProgramEnded {
  static readonly it = new ProgramEnded();
}

/** os._exit(code): the process ends at once, with no `finally` blocks, atexit functions or thread and
 *  module shutdown; thrown through every frame and thread to the VM's run (which returns `code`). */
export class ProcessExit {
  constructor(readonly code: number) {}
}
