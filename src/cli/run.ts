/** Runs one program with the command line's options on the process's real stdin/stdout/stderr. */
import { performance } from 'node:perf_hooks';
import { FdSink, readTextFile, sleepSync, StdinReader } from '../vm/host.js';
import { VM } from '../vm/vm.js';
import type { HostServices } from '../vm/builtins/registry.js';

export interface RunOptions {
  argv: string[];
  searchPath?: string[];
  checkLeaks: boolean;
  debugHeap: boolean;
  maxHeap?: number;
  timeout?: number;
  maxInstructions?: number;
  dis?: boolean;
}

export function runProgram(source: string, filename: string, opts: RunOptions): number {
  const stdin = new StdinReader(0);
  const stdout = new FdSink(1, process.stdout.isTTY === true);
  const stderr = new FdSink(2, true);
  let vm: VM | null = null;
  const host: HostServices = {
    stdout, stderr,
    readLine: () => {
      stdout.flush();
      return stdin.readLine();
    },
    argv: opts.argv,
    searchPath: opts.searchPath ?? [process.cwd()],
    interp: () => vm!.interp,
    now: () => Date.now() / 1000,
    monotonicNs: () => process.hrtime.bigint(),
    sleep: (s) => {
      stdout.flush();
      sleepSync(s);
    },
    readModuleSource: (p) => readTextFile(p),
  };
  try {
    vm = new VM({ host, debug: opts.debugHeap, maxBytes: opts.maxHeap });
    void performance;
    return vm.runMain(source, filename);
  } finally {
    stdout.flush();
    stderr.flush();
  }
}
