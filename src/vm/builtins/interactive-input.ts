/** Reading a line from the REPL's terminal (HostServices.interactive): the calling thread blocks in the
 *  scheduler, as on a lock, so that the program's other threads run while the prompt waits (CPython's
 *  readline releases the GIL the same way). */
import type { Runtime } from '../runtime.js';
import { PyRaise } from '../runtime.js';
import { excType, newExceptionArgs } from '../objects/exceptions.js';
import { schedulerOf } from '../sched/scheduler.js';
import type { InteractiveInput } from './registry.js';

/** The next line typed (without its newline), or null at the end of input; raises KeyboardInterrupt for
 *  a Ctrl-C at the prompt. A blocking call: it may run again after its thread waited (see
 *  Scheduler.block), which is why asking is idempotent. */
export function readInteractiveLine(rt: Runtime, input: InteractiveInput, prompt: string, kind: 'repl' | 'input'): string | null {
  input.request(prompt, kind);
  const sched = schedulerOf(rt);
  sched.block({ ready: () => input.ready(), deadline: Infinity, what: 'a line typed at the terminal',
    holder: () => null, external: true });
  const answer = input.take();
  if (answer === 'interrupt') throw new PyRaise(newExceptionArgs(rt, excType(rt, 'KeyboardInterrupt'), []));
  return answer === 'end' ? null : answer.line;
}
