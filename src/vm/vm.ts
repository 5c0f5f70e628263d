/** A VM: a runtime booted with every built-in type and module, and the way to run a program on it. */
import './boot.js';
import { analyze } from '../compiler/front-end.js';
import { compileModule } from '../compiler/codegen.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';
import type { Ref } from './heap/layout.js';
import { HeapCorruption } from './heap/heap.js';
import { Interpreter } from './interp/loop.js';
import { ThreadState } from './interp/frame.js';
import { newCode } from './objects/code.js';
import { dictSet, newDict } from './objects/dict.js';
import {
  bootExceptions, excMatches, excType, formatException, newException, sourceCache, excArgs,
} from './objects/exceptions.js';
import { newModule, moduleDict, setGlobal } from './objects/module.js';
import { bootTypes, intern } from './objects/type.js';
import { tupleItem, tupleSize } from './objects/tuple.js';
import { str as strOf } from './objects/protocols.js';
import { PyRaise, Root, Runtime, type RuntimeOptions } from './runtime.js';
import { bootBuiltins } from './builtins/builtins.js';
import type { HostServices } from './builtins/registry.js';
import { setHost } from './builtins/host-access.js';
import { Kind } from './objects/kinds.js';

export interface VMOptions extends RuntimeOptions {
  host: HostServices;
}

/** Exit statuses, as python3 uses them (and gilpy's own for its limits). */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export class VM {
  readonly rt: Runtime;
  readonly ts: ThreadState;
  readonly interp: Interpreter;
  readonly host: HostServices;

  constructor(opts: VMOptions) {
    this.host = opts.host;
    const rt = (this.rt = new Runtime(opts));
    rt.bootCore();
    bootTypes(rt);
    bootExceptions(rt);
    this.ts = new ThreadState(rt, 1);
    this.interp = new Interpreter(rt, this.ts);
    setHost(rt, this.host, () => this.interp);
    bootBuiltins(rt, this.host);
  }

  /** Compiles `source` to a code object on the heap (new reference); throws PySyntaxError. */
  compile(source: string, filename: string): Ref {
    const { module, symtable } = analyze(source, filename);
    const data = compileModule(module, symtable, { filename, lines: source.split(/\r\n|\r|\n/) });
    return newCode(this.rt, data);
  }

  /**
   * Runs a program as `__main__`, printing an uncaught exception's traceback to stderr as CPython does.
   * Returns the exit status.
   */
  runMain(source: string, filename: string): number {
    const rt = this.rt;
    const host = this.host;
    sourceCache.set(filename, source.split(/\r\n|\r|\n/));
    let code: Ref;
    try {
      code = this.compile(source, filename);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        host.stdout.flush();
        host.stderr.write(e.format());
        host.stderr.flush();
        return EXIT_ERROR;
      }
      if (e instanceof CompileRecursionError) {
        host.stderr.write(`RecursionError: ${e.msg}\n`);
        host.stderr.flush();
        return EXIT_ERROR;
      }
      throw e;
    }
    const main = newModule(rt, '__main__');
    const globals = moduleDict(rt, main);
    setGlobal(rt, globals, '__builtins__', rt.root(Root.BUILTINS));
    const fileStr = rt.newStr(filename);
    setGlobal(rt, globals, '__file__', fileStr);
    rt.decref(fileStr);
    const sysModules = rt.root(Root.SYS_MODULES);
    const mainKey = intern(rt, '__main__');
    dictSet(rt, sysModules, mainKey, main);
    rt.decref(mainKey);
    rt.setRoot(Root.MAIN_MODULE, main);
    let status = EXIT_OK;
    try {
      const r = this.interp.runCode(code, globals, globals);
      rt.decref(r);
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      status = this.reportUncaught(e.exc);
    } finally {
      rt.decref(code);
    }
    host.stdout.flush();
    host.stderr.flush();
    return status;
  }

  /** Prints an uncaught exception (or handles SystemExit) and returns the exit status. Consumes `exc`. */
  reportUncaught(exc: Ref): number {
    const rt = this.rt;
    const host = this.host;
    host.stdout.flush();
    try {
      if (excMatches(rt, exc, 'SystemExit')) return this.systemExitStatus(exc);
      host.stderr.write(formatException(rt, exc));
      return EXIT_ERROR;
    } finally {
      rt.decref(exc);
      host.stderr.flush();
    }
  }

  /** SystemExit(code): None -> 0, an int -> itself, anything else printed to stderr -> 1. */
  private systemExitStatus(exc: Ref): number {
    const rt = this.rt;
    const args = excArgs(rt, exc);
    if (tupleSize(rt, args) === 0) return EXIT_OK;
    const code = tupleSize(rt, args) === 1 ? tupleItem(rt, args, 0) : args;
    if (code === rt.None) return EXIT_OK;
    if (rt.kindOf(code) === Kind.INT || rt.kindOf(code) === Kind.BOOL) {
      const v = rt.intValue(code);
      return Number(BigInt.asIntN(32, BigInt(v))) & 0xff;
    }
    this.host.stderr.write(strOf(rt, code) + '\n');
    return EXIT_ERROR;
  }
}

export { HeapCorruption, excType, newException, newDict };
