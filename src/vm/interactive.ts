/**
 * The REPL, on the VM's side: CPython's interactive loop (PyRun_InteractiveLoop) as the main thread's
 * bottom frames. The main thread alternates between a *reader* frame, which reads lines through the
 * terminal front end until they make a whole statement (`_gilpy_repl.read_line()`, a blocking call, so
 * the program's other threads run while the prompt waits), and the *cell* frame, the statement compiled in
 * CPython's 'single' mode (an expression's value goes to sys.displayhook) and run in `__main__`. The
 * scheduler asks `next` what to run whenever one of them ends.
 */
import { analyze } from '../compiler/front-end.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';
import type { Ref } from './heap/layout.js';
import type { Interpreter } from './interp/loop.js';
import { dictGet, newDict } from './objects/dict.js';
import { excMatches } from './objects/exceptions.js';
import { moduleDict, setGlobal } from './objects/module.js';
import { str as strOf } from './objects/protocols.js';
import { intern } from './objects/type.js';
import { Root, type Runtime } from './runtime.js';
import { readInteractiveLine } from './builtins/interactive-input.js';
import { defineModuleFunction, type HostServices, type InteractiveInput } from './builtins/registry.js';
import { checkArity } from './builtins/args.js';
import { hostOf, interpOf } from './builtins/host-access.js';
import { importModule } from './builtins/imports.js';

/** What the driver needs of the VM (vm.ts implements it). */
export interface ReplHost {
  readonly rt: Runtime;
  readonly host: HostServices;
  /** Compiles a cell in 'single' mode (new reference); throws PySyntaxError. */
  compileInteractive(source: string): Ref;
  /** Prints an uncaught exception's traceback (consumes it). */
  printTraceback(exc: Ref): void;
  /** Handles a SystemExit (printing its message if it has one) and returns the exit status; consumes it. */
  systemExitStatus(exc: Ref): number;
}

const READER_SOURCE = 'import _gilpy_repl\nwhile _gilpy_repl.read_line():\n    pass\n';

/** The REPL session of each runtime that runs one (for `_gilpy_repl.read_line`). */
const sessions = new WeakMap<Runtime, ReplDriver>();

export class ReplDriver {
  /** The lines of the statement being typed. */
  private lines: string[] = [];
  /** The code of the cell running now (owned), or 0 while the reader runs. */
  private cellCode: Ref | 0 = 0;
  /** The reader's code and namespace (owned; a namespace of its own, so that __main__ stays clean). */
  private readonly readerCode: Ref;
  private readonly readerGlobals: Ref;
  /** The exit status once the session is over (SystemExit in a cell); 0 at the end of input. */
  status = 0;

  constructor(private readonly vm: ReplHost, private readonly globals: Ref, readonly input: InteractiveInput) {
    const rt = vm.rt;
    this.readerCode = vm.compileInteractive(READER_SOURCE);
    this.readerGlobals = newDict(rt);
    setGlobal(rt, this.readerGlobals, '__builtins__', rt.root(Root.BUILTINS));
    setGlobal(rt, this.readerGlobals, '__name__', rt.None);
    sessions.set(rt, this);
    const sys = sysModule(rt);
    for (const [name, value] of [['ps1', '>>> '], ['ps2', '... ']] as const) {
      const s = rt.newStr(value);
      setGlobal(rt, sys, name, s);
      rt.decref(s);
    }
  }

  /**
   * The main thread's bottom frame ended: the script given with -i, the reader or a cell; `exc` (owned)
   * is what it raised, or 0. Returns the next bottom frame, or 0 when the session is over.
   */
  next(interp: Interpreter, exc: Ref | 0, script: boolean): Ref | 0 {
    const rt = this.vm.rt;
    if (script) {
      // python3 -i: whatever the script raised, SystemExit too, is printed, and the session begins
      if (exc !== 0) this.vm.printTraceback(exc);
      return this.readFrame(interp);
    }
    if (this.cellCode === 0) return this.readerEnded(interp, exc);
    rt.decref(this.cellCode);
    this.cellCode = 0;
    if (exc !== 0) {
      if (excMatches(rt, exc, 'SystemExit')) {
        this.status = this.vm.systemExitStatus(exc);
        return 0;
      }
      this.vm.printTraceback(exc);
    }
    return this.readFrame(interp);
  }

  /** The reader returned (a statement is typed) or raised (EOFError: Ctrl-D; KeyboardInterrupt). */
  private readerEnded(interp: Interpreter, exc: Ref | 0): Ref | 0 {
    const rt = this.vm.rt;
    const host = this.vm.host;
    if (exc !== 0) {
      this.lines = [];
      if (excMatches(rt, exc, 'EOFError')) {
        rt.decref(exc);
        host.stdout.flush();
        host.stderr.write('\n');
        host.stderr.flush();
        return 0;
      }
      if (excMatches(rt, exc, 'KeyboardInterrupt')) {
        rt.decref(exc);
        host.stdout.flush();
        host.stderr.write('\nKeyboardInterrupt\n');
        host.stderr.flush();
      } else this.vm.printTraceback(exc);
      return this.readFrame(interp);
    }
    const source = this.lines.join('\n') + '\n';
    this.lines = [];
    if (source.trim() === '') return this.readFrame(interp);
    try {
      this.cellCode = this.vm.compileInteractive(source);
    } catch (e) {
      if (!(e instanceof PySyntaxError) && !(e instanceof CompileRecursionError)) throw e;
      host.stdout.flush();
      host.stderr.write(e instanceof PySyntaxError ? e.format() : `RecursionError: ${e.msg}\n`);
      host.stderr.flush();
      return this.readFrame(interp);
    }
    return interp.startCode(this.cellCode, this.globals, this.globals);
  }

  /** Pushes a reader frame (the interpreter's: the scheduler runs it as the main thread's bottom frame). */
  private readFrame(interp: Interpreter): Ref {
    return interp.startCode(this.readerCode, this.readerGlobals, this.readerGlobals);
  }

  /** sys.ps1 at the start of a statement, sys.ps2 inside one, as str() makes them. */
  prompt(): string {
    const rt = this.vm.rt;
    const sys = sysModule(rt);
    const key = intern(rt, this.lines.length === 0 ? 'ps1' : 'ps2');
    const value = dictGet(rt, sys, key);
    rt.decref(key);
    if (value === 0) return '';
    return strOf(rt, value);
  }

  /** Adds a typed line; true while the statement needs more lines. */
  feed(line: string): boolean {
    this.lines.push(line);
    return needsMoreLines(this.lines);
  }

  /** Releases what the session holds (at the end of the program). */
  close(): void {
    const rt = this.vm.rt;
    if (this.cellCode !== 0) rt.decref(this.cellCode);
    this.cellCode = 0;
    rt.decref(this.readerCode);
    rt.decref(this.readerGlobals);
    sessions.delete(rt);
  }
}

/** The sys module's dict (borrowed; imported if it was not yet). */
function sysModule(rt: Runtime): Ref {
  return moduleDict(rt, importModule(rt, interpOf(rt), hostOf(rt), 'sys'));
}

/** A compound statement's first line (`if ...:`, `def ...`, a decorator): it ends with an empty line. */
const COMPOUND = /^(if|elif|else|while|for|def|class|with|try|except|finally|async|match|case)\b|^@/;

/**
 * Whether the lines typed so far need more, as CPython's interactive parser decides: a compound statement
 * goes on until an empty line; anything else is complete when it parses, or when its error is not one
 * that more input could fix (a bracket or a triple-quoted string still open, a line ending in a
 * backslash, a block still expected).
 */
export function needsMoreLines(lines: readonly string[]): boolean {
  const last = lines[lines.length - 1]!;
  const compound = COMPOUND.test(lines[0]!.trimStart()) && lines[0]!.trim() !== '';
  if (compound && last.trim() === '') return stillOpen(lines);
  if (last.endsWith('\\')) return true;
  if (compound && last.trimStart().startsWith('@')) return true; // a decorator: its def or class follows
  try {
    analyze(lines.join('\n') + '\n', '<stdin>');
    return compound;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) return false;
    if (/was never closed|unterminated triple-quoted string|unexpected EOF/.test(e.msg)) return true;
    // `if x:` alone: the block comes on the next lines
    return /^expected an indented block/.test(e.msg) && /:\s*(#.*)?$/.test(last);
  }
}

/** After an empty line ends a compound statement: true only if a bracket or string is still open. */
function stillOpen(lines: readonly string[]): boolean {
  try {
    analyze(lines.join('\n') + '\n', '<stdin>');
    return false;
  } catch (e) {
    return e instanceof PySyntaxError && /was never closed|unterminated triple-quoted string/.test(e.msg);
  }
}

/** `_gilpy_repl.read_line()`: the reader's one step; reads a line with the prompt the session is at,
 *  and returns True while the statement needs more. */
defineModuleFunction('_gilpy_repl', 'read_line', (rt, args, kwargs) => {
  checkArity(rt, 'read_line', args, kwargs, 0, 0);
  const session = sessions.get(rt);
  if (session === undefined) return rt.raise('RuntimeError', 'no interactive session');
  const host = hostOf(rt);
  host.stdout.flush();
  host.stderr.flush();
  const line = readInteractiveLine(rt, session.input, session.prompt(), 'repl');
  if (line === null) return rt.raise('EOFError', '');
  return rt.bool(session.feed(line));
});
