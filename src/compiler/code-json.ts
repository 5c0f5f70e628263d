/**
 * The compiler's output (CodeData) as JSON and back, exactly: what lets gilpy keep its library modules
 * compiled in a file (src/cli/frozen-lib.ts) instead of compiling their sources at each import.
 *
 * JSON has no bigint, NaN, infinities, -0, bytes, Ellipsis or typed arrays, so every constant that is
 * not a string, a boolean, None or an ordinary finite float is written as a one-key object naming its
 * kind; instruction words and line numbers are written as arrays of numbers.
 */
import { ELLIPSIS } from '../parser/ast.js';
import { isCode, type CodeData, type Const } from './code.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `data` as a JSON text (decodeCodeData gives back an equal CodeData). */
export function encodeCodeData(data: CodeData): string {
  return JSON.stringify(encodeCode(data));
}

/** The CodeData of a text made by encodeCodeData. Throws on anything else. */
export function decodeCodeData(text: string): CodeData {
  return decodeCode(JSON.parse(text) as Json);
}

function encodeCode(c: CodeData): Json {
  return {
    name: c.name, qualname: c.qualname, filename: c.filename, firstlineno: c.firstlineno,
    argcount: c.argcount, posonlyargcount: c.posonlyargcount, kwonlyargcount: c.kwonlyargcount,
    flags: c.flags, code: Array.from(c.code), lines: Array.from(c.lines), consts: c.consts.map(encodeConst),
    names: c.names, varnames: c.varnames, cellvars: c.cellvars, freevars: c.freevars,
    localsplus: c.localsplus, exceptionTable: c.exceptionTable.map((e) => [e.start, e.end, e.target, e.depth, e.lasti]),
    stacksize: c.stacksize,
  };
}

function encodeConst(k: Const): Json {
  if (k === null || typeof k === 'string' || typeof k === 'boolean') return k;
  if (typeof k === 'number') return Number.isFinite(k) && !Object.is(k, -0) ? k : { float: String(k === 0 ? '-0' : k) };
  if (typeof k === 'bigint') return { int: k.toString() };
  if (k === ELLIPSIS) return { ellipsis: true };
  if (k instanceof Uint8Array) return { bytes: Array.from(k) };
  if (isCode(k)) return { code: encodeCode(k) };
  if ('tuple' in k) return { tuple: k.tuple.map(encodeConst) };
  if ('frozenset' in k) return { frozenset: k.frozenset.map(encodeConst) };
  return { imag: encodeConst(k.imag) };
}

function decodeCode(j: Json): CodeData {
  const o = j as Record<string, Json>;
  return {
    kind: 'code', name: o['name'] as string, qualname: o['qualname'] as string, filename: o['filename'] as string,
    firstlineno: o['firstlineno'] as number, argcount: o['argcount'] as number,
    posonlyargcount: o['posonlyargcount'] as number, kwonlyargcount: o['kwonlyargcount'] as number,
    flags: o['flags'] as number, code: Int32Array.from(o['code'] as number[]), lines: Int32Array.from(o['lines'] as number[]),
    consts: (o['consts'] as Json[]).map(decodeConst), names: o['names'] as string[], varnames: o['varnames'] as string[],
    cellvars: o['cellvars'] as string[], freevars: o['freevars'] as string[], localsplus: o['localsplus'] as string[],
    exceptionTable: (o['exceptionTable'] as [number, number, number, number, boolean][])
      .map(([start, end, target, depth, lasti]) => ({ start, end, target, depth, lasti })),
    stacksize: o['stacksize'] as number,
  };
}

function decodeConst(j: Json): Const {
  if (j === null || typeof j === 'string' || typeof j === 'boolean' || typeof j === 'number') return j;
  if (Array.isArray(j)) throw new Error('code-json: an array is not a constant');
  if ('float' in j) return Number(j['float']);
  if ('int' in j) return BigInt(j['int'] as string);
  if ('ellipsis' in j) return ELLIPSIS;
  if ('bytes' in j) return Uint8Array.from(j['bytes'] as number[]);
  if ('code' in j) return decodeCode(j['code']!);
  if ('tuple' in j) return { tuple: (j['tuple'] as Json[]).map(decodeConst) };
  if ('frozenset' in j) return { frozenset: (j['frozenset'] as Json[]).map(decodeConst) };
  if ('imag' in j) return { imag: decodeConst(j['imag']!) as number };
  throw new Error(`code-json: not a constant: ${JSON.stringify(j)}`);
}
