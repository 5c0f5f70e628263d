/** What the compiler produces: plain data for one code object (the VM places it on the heap). */
import type { ConstantValue } from '../parser/ast.js';

/** A constant: a literal value, a tuple of constants, a frozenset of constants, or a nested code object. */
export type Const = ConstantValue | ConstTuple | ConstFrozenset | CodeData;
export interface ConstTuple { readonly tuple: readonly Const[] }
export interface ConstFrozenset { readonly frozenset: readonly Const[] }

/** One exception-table entry (cf. CPython 3.11's co_exceptiontable): instructions [start, end) are
 *  covered by the handler at `target`; on an exception the stack is cut to `depth`, the instruction's
 *  offset is pushed if `lasti`, then the exception. */
export interface ExceptionEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** co_flags bits (CPython's values). */
export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_NOFREE = 0x40;

export interface CodeData {
  readonly kind: 'code';
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  /** Instruction words: opcode | arg << 8. */
  code: Int32Array;
  /** The source line of each instruction (0 where none). */
  lines: Int32Array;
  consts: Const[];
  names: string[];
  /** Fast locals: parameters first. */
  varnames: string[];
  /** Names of cell variables (a parameter that is a cell is listed here and in varnames). */
  cellvars: string[];
  freevars: string[];
  /**
   * The frame's slots: varnames, then the cellvars that are not parameters, then the freevars (as
   * CPython 3.11's co_localsplusnames). LOAD_FAST, LOAD_DEREF and MAKE_CELL index this.
   */
  localsplus: string[];
  exceptionTable: ExceptionEntry[];
  stacksize: number;
}

export function isCode(c: Const): c is CodeData {
  return typeof c === 'object' && c !== null && 'kind' in c && (c as CodeData).kind === 'code';
}
