/** Registries the built-in functions and modules fill at load time; the VM reads them at boot. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { registerNative, type NativeImpl } from '../objects/native.js';
import type { Interpreter } from '../interp/loop.js';
import type { CodeData } from '../../compiler/code.js';
import type { ExternalEvents, Interrupts } from '../sched/scheduler.js';

/** Built-in functions in the `builtins` module, in registration order. */
export const BUILTIN_FUNCTIONS: { name: string; id: number }[] = [];

export function defineBuiltin(name: string, impl: NativeImpl): void {
  BUILTIN_FUNCTIONS.push({ name, id: registerNative(`builtins.${name}`, { name, impl, method: false }) });
}

/** Functions of a built-in module, registered at load; the module object is made on first import. */
export interface ModuleSpec {
  name: string;
  functions: { name: string; id: number }[];
  /** Adds constants, types and state to the new module's dict. */
  init?: (rt: Runtime, dict: Ref, host: HostServices) => void;
}
export const MODULES = new Map<string, ModuleSpec>();

export function defineModule(name: string, init?: ModuleSpec['init']): ModuleSpec {
  let m = MODULES.get(name);
  if (m === undefined) {
    m = { name, functions: [], init };
    MODULES.set(name, m);
  } else if (init !== undefined) m.init = init;
  return m;
}

export function defineModuleFunction(module: string, name: string, impl: NativeImpl): void {
  const m = defineModule(module);
  m.functions.push({ name, id: registerNative(`${module}.${name}`, { name, impl, method: false }) });
}

/** What the embedding (the CLI, a test, a worker) provides: I/O, the clock, argv, the interpreter. */
export interface HostServices {
  stdout: OutputSink;
  stderr: OutputSink;
  /** Reads one line from stdin (without its newline), or null at end of input. */
  readLine(): string | null;
  argv: string[];
  /** The directory imports of user modules search (the script's folder). */
  searchPath: string[];
  interp(): Interpreter;
  /** Wall clock in seconds. */
  now(): number;
  /** Monotonic clock in nanoseconds. */
  monotonicNs(): bigint;
  sleep(seconds: number): void;
  /** Loads the source of a user module, or null if it does not exist. */
  readModuleSource(path: string): string | null;
  /** A library module's code compiled ahead (src/cli/frozen-lib.ts), or null: it is then compiled. */
  frozenLibraryCode?(name: string): CodeData | null;
  /** The REPL's terminal, when gilpy runs interactively (input() and sys.stdin read from it instead of
   *  readLine, without stopping the program's other threads: see builtins/interactive-input.ts). */
  interactive?: InteractiveInput;
}

/**
 * A terminal front end that reads lines on another JS thread (the REPL's, src/cli/repl.ts): a line is
 * asked for, then arrives while the VM goes on running other threads.
 */
export interface InteractiveInput {
  /** Asks for a line, showing `prompt` ('repl': the >>> and ... prompts; 'input': input()'s own).
   *  Does nothing while an earlier request is unanswered or its answer untaken. */
  request(prompt: string, kind: 'repl' | 'input'): void;
  /** True once the answer came. */
  ready(): boolean;
  /** Takes the answer: the line typed (without its newline), the end of input, or a Ctrl-C at the prompt. */
  take(): { line: string } | 'end' | 'interrupt';
  /** Ctrl-C presses while code runs (the scheduler raises KeyboardInterrupt for them). */
  readonly interrupts: Interrupts;
  /** What the scheduler sleeps on when every thread waits: an answer or a Ctrl-C moves it. */
  readonly events: ExternalEvents;
}

export interface OutputSink {
  write(s: string): void;
  flush(): void;
}
