/** The entry point of a no-GIL worker thread: attaches a VM to the shared heap as a new no-GIL worker
 *  and runs the Python threads the host hands it until the program ends (see threads.ts). */
import { writeSync } from 'node:fs';
import { VM } from '../vm.js';
import { startThreadHere } from '../builtins/modules/thread.js';
import type { Ref } from '../heap/layout.js';
import { runWarmUp } from './warm-up.js';
import { NoGilWorkerMode, setStartThreadHook, workerHost, WorkerTraceSink, type NoGilWorkerData } from './threads.js';

export function runNoGilWorker(data: NoGilWorkerData): void {
  const mode = new NoGilWorkerMode(data);
  let vm: VM | null = null;
  const host = workerHost(data, () => vm!.scheduler.current.interp);
  try {
    const sink = data.trace !== undefined ? new WorkerTraceSink(data.trace, data.index + 1) : null;
    vm = new VM({
      host, noGilAttach: { image: data.image }, scheduler: data.scheduler, debug: data.debug,
      ...(sink !== null ? { traceSink: sink, traceFilters: data.trace!.filters } : {}),
    });
    const sched = vm.scheduler;
    if (sink !== null) sink.threadOf = (id) => sched.threadById(id)?.gid ?? id;
    if (sink !== null && vm.tracer !== null) {
      sink.startedAt(vm.tracer.startedAt);
      vm.tracer.heapBytes = data.trace!.heapBytes ?? null;
    }
    setStartThreadHook(startThreadHere);
    // before the first thread: feedback for V8 on the loop's common paths (not in a trace)
    if (data.warmUp !== 0 && sink === null) runWarmUp(vm.rt, vm.interp, data.warmUp as Ref);
    const endTrace = vm.startWorkerTrace();
    try {
      mode.run(vm.rt, sched, vm.noGilWorker!, vm.host);
      // inside the trace: the threads left (daemons, a deadlock's) and the worker's own thread state (its
      // placeholder first thread's stack) go, then what other workers queued to this one is merged (and
      // maybe freed) as it detaches
      vm.abandonThreads();
      vm.ts.dispose();
      vm.noGilWorker!.detach();
    } finally {
      endTrace();
      data.trace?.port.close();
    }
  } catch (e) {
    host.stdout.flush();
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    mode.crashed();
    writeSync(2, `gilpy: internal error in no-GIL worker ${data.index + 1} (a bug in gilpy, not in the program):\n${msg}\n`);
  } finally {
    host.stdout.flush();
    host.stderr.flush();
  }
  vm?.noGilWorker?.detach();
  mode.done(vm === null ? { worker: data.index, threads: [], busyMs: 0, wallMs: 0 } : mode.report(vm.scheduler));
}
