/** The entry point of a forked child process: a worker thread that attaches a VM to its copy of the
 *  parent's heap and runs the Process object's _bootstrap() (see processes.ts). */
import { writeSync } from 'node:fs';
import { sleepSync, FdSink, readTextFile, StdinReader } from '../host.js';
import type { HostServices, OutputSink } from '../builtins/registry.js';
import { VM } from '../vm.js';
import { adoptChildContext, endSlot, type ChildData } from './processes.js';
import { ForwardingSink } from './trace-forward.js';

/** Output sent to the parent process, one message per flush (the parent writes it to its own output). */
class PortSink implements OutputSink {
  private buf = '';
  constructor(private readonly data: ChildData, private readonly fd: number, private readonly lineBuffered: boolean) {}
  write(s: string): void {
    this.buf += s;
    if (this.buf.length >= 8192 || (this.lineBuffered && s.includes('\n'))) this.flush();
  }
  flush(): void {
    if (this.buf === '' || this.data.output.mode !== 'port') return;
    this.data.output.port.postMessage({ fd: this.fd, text: this.buf });
    this.buf = '';
  }
}

/** Runs the child to its end; returns its exit code (also written to its slot in the process table). */
export function runChild(data: ChildData): number {
  const out = data.output;
  const stdout = out.mode === 'fd' ? new FdSink(1, out.tty) : new PortSink(data, 1, false);
  const stderr = out.mode === 'fd' ? new FdSink(2, true) : new PortSink(data, 2, true);
  // a child's stdin is /dev/null, as multiprocessing makes it: input() finds the end of the file
  const stdin = new StdinReader(0, '');
  let vm: VM | null = null;
  const host: HostServices = {
    stdout, stderr,
    readLine: () => stdin.readLine(),
    argv: data.argv,
    searchPath: data.searchPath,
    interp: () => vm!.interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint(),
    sleep: (s) => sleepSync(s),
    readModuleSource: (p) => readTextFile(p),
  };
  let status = 1;
  let ctx: ReturnType<typeof adoptChildContext> | null = null;
  try {
    const traceSink = data.trace !== undefined ? new ForwardingSink(data.trace, data.pid) : undefined;
    vm = new VM({
      host, fork: { image: data.image, mainIdent: data.mainIdent }, scheduler: data.scheduler,
      ...(traceSink !== undefined ? { traceSink, traceFilters: data.trace!.filters } : {}),
    });
    ctx = adoptChildContext(vm.rt, data);
    const c = ctx;
    status = vm.runForkedChild(data.target as never, () => c.exitcode);
  } catch (e) {
    stdout.flush();
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    const text = `gilpy: internal error in child process ${data.pid} (a bug in gilpy, not in the program):\n${msg}\n`;
    if (out.mode === 'fd') writeSync(2, text);
    else stderr.write(text);
    stderr.flush();
    status = 1;
  } finally {
    if (ctx !== null) ctx.drainOutput();
    stdout.flush();
    stderr.flush();
  }
  // say how it ended: the parent's join() wakes on this
  endSlot(data.group, data.slot, status);
  if (out.mode === 'port') out.port.close();
  data.trace?.port.close();
  return status;
}
