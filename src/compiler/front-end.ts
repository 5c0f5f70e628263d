/** The whole front end in one call: parse, build the symbol tables, run the compiler's syntax checks. */
import { parse, withRecursionGuard } from '../parser/index.js';
import type { Module } from '../parser/ast.js';
import { buildSymtable, type SymbolTable } from './symtable.js';
import { checkModule } from './checks.js';
import { splitLines } from '../lexer/indent.js';
import { compileModule } from './codegen.js';
import type { CodeData } from './code.js';

export interface FrontEndResult {
  module: Module;
  symtable: SymbolTable;
}

/** Everything CPython's `compile(source, filename, 'exec')` checks; throws PySyntaxError as it would,
 *  or CompileRecursionError for source nested too deeply. */
export function analyze(source: string, filename: string): FrontEndResult {
  const module = parse(source, filename);
  return withRecursionGuard(() => {
    const symtable = buildSymtable(module, filename, source);
    checkModule(module, filename, splitLines(source));
    return { module, symtable };
  });
}

/** A module's source compiled, as CPython's `compile(source, filename, 'exec')` (or 'single', for a REPL
 *  cell) does: plain data, which the VM places on the heap. Throws as analyze does. */
export function compileSource(source: string, filename: string, interactive = false): CodeData {
  const { module, symtable } = analyze(source, filename);
  return compileModule(module, symtable, { filename, lines: splitLines(source), interactive });
}
