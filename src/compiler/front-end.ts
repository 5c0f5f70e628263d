/** The whole front end in one call: parse, build the symbol tables, run the compiler's syntax checks. */
import { parse, withRecursionGuard } from '../parser/index.js';
import type { Module } from '../parser/ast.js';
import { buildSymtable, type SymbolTable } from './symtable.js';
import { checkModule } from './checks.js';
import { splitLines } from '../lexer/indent.js';

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
