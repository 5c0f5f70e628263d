/** code objects on the heap: the compiler's CodeData placed where every VM attached to the heap can run
 *  it, and a per-VM decoded view of one (a cache, rebuilt from the heap on demand). */
import type { JitFunction } from '../interp/jit.js';
import type { CodeData, Const } from '../../compiler/code.js';
import { CO_VARARGS, CO_VARKEYWORDS, isCode } from '../../compiler/code.js';
import { ELLIPSIS } from '../../parser/ast.js';
import { type Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';
import { defineSlots } from './slots.js';
import { newTuple, tupleItem, tupleSize } from './tuple.js';
import { newBytes } from './bytes.js';
import { newFrozensetFrom, setItems } from './set.js';
import { quicken } from '../interp/quicken.js';
import { OP_MASK, OPCODE } from '../isa/opcodes.js';
import { FR_LOCALSPLUS } from '../interp/frame.js';
import { newComplex } from './complex.js';

export const CO_ARGCOUNT = 16;
export const CO_POSONLY = 20;
export const CO_KWONLY = 24;
export const CO_FLAGS = 28;
export const CO_STACKSIZE = 32;
export const CO_NLOCALSPLUS = 36;
export const CO_NLOCALS = 40;
export const CO_FIRSTLINENO = 44;
export const CO_CONSTS = 48;
export const CO_NAMES = 52;
export const CO_LOCALSPLUSNAMES = 56;
export const CO_FILENAME = 60;
export const CO_NAME = 64;
export const CO_QUALNAME = 68;
/** RAW block: one i32 line number per instruction. */
export const CO_LINES = 72;
/** RAW block: five i32 per exception-table entry (start, end, target, depth, lasti). */
export const CO_EXCTABLE = 76;
export const CO_NCODE = 80;
export const CO_NCELLS = 84;
export const CO_NFREE = 88;
export const CO_VARNAMES = 92;
export const CO_CELLVARS = 96;
export const CO_FREEVARS = 100;
export const CO_SERIAL = 104;
/** The instruction words, inline. */
export const CO_CODE = 112;

const RAW_DATA = 16;

/** What the interpreter needs of a code object, read once per VM (see `decodeCode`). */
export interface DecodedCode {
  readonly ref: Ref;
  readonly serial: number;
  /** Word index (into the heap's i32 view) of the first instruction. */
  readonly codeBase: number;
  readonly ncode: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  readonly flags: number;
  readonly stacksize: number;
  readonly nlocalsplus: number;
  readonly nlocals: number;
  readonly ncells: number;
  readonly nfree: number;
  readonly firstlineno: number;
  readonly lines: Int32Array;
  /** Flattened (start, end, target, depth, lasti) entries. */
  readonly exceptionTable: Int32Array;
  /** Word index of co_consts' items and co_names' items, for the loop's direct reads. */
  readonly constsBase: number;
  readonly namesBase: number;
  /** Parameter names (the first argcount + kwonlyargcount (+ varargs) localsplus names), as JS strings. */
  readonly paramNames: string[];
  readonly localsplusNames: Ref;
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  /** Bytes of a frame for this code on the data stack (the header, the locals and the value stack). */
  readonly frameSize: number;
  /** argcount when a call with exactly that many positional arguments binds them by moving them into the
   *  first locals (no *args, no **kwargs, no keyword-only parameters); -1 otherwise. */
  readonly fastArgcount: number;
  /** 1 when the code starts with RESUME (a no-op in the loop), which a call may then step over; else 0. */
  readonly entryPc: number;
  /**
   * LOAD_GLOBAL's inline cache, four words an instruction: the globals dict, its version, the builtins
   * dict's version, and the value found (borrowed: valid while both versions are unchanged).
   */
  readonly globalCache: Int32Array;
  /** The localsplus index of the free variable `__class__` (zero-argument super() reads it): -2 until
   *  super() first asks, -1 when there is none. */
  classCellIndex: number;
  /** The baseline compiler's (interp/jit.ts): the compiled function, or null until there is one. */
  jit: JitFunction | null;
  /** The compiled function (its block build) even when `jit` is dropped: a frame running it goes on with it. */
  jitBlock: JitFunction | null;
  /** Its careful build (counts down before each word and ticks itself), made when first needed. */
  jitCareful: JitFunction | null;
  /** Calls counted toward compiling (JIT_THRESHOLD); JIT_NEVER once it is not to be compiled. */
  jitCalls: number;
  /** Runs of the compiled function, and how many of them bailed (one that bails too often is dropped). */
  jitEntries: number;
  jitBails: number;
}

/** Places `data` (and the code objects nested in its constants) on the heap; a new reference. */
export function newCode(rt: Runtime, data: CodeData): Ref {
  const n = data.code.length;
  const r = rt.allocKind(Kind.CODE, CO_CODE + n * 4);
  const i32 = rt.i32;
  i32[(r + CO_ARGCOUNT) >> 2] = data.argcount;
  i32[(r + CO_POSONLY) >> 2] = data.posonlyargcount;
  i32[(r + CO_KWONLY) >> 2] = data.kwonlyargcount;
  i32[(r + CO_FLAGS) >> 2] = data.flags;
  i32[(r + CO_STACKSIZE) >> 2] = data.stacksize;
  i32[(r + CO_NLOCALSPLUS) >> 2] = data.localsplus.length;
  i32[(r + CO_NLOCALS) >> 2] = data.varnames.length;
  i32[(r + CO_FIRSTLINENO) >> 2] = data.firstlineno;
  i32[(r + CO_NCODE) >> 2] = n;
  i32[(r + CO_NCELLS) >> 2] = data.cellvars.length;
  i32[(r + CO_NFREE) >> 2] = data.freevars.length;
  i32[(r + CO_SERIAL) >> 2] = rt.nextSerial();
  const words = Int32Array.from(data.code);
  quicken(words);
  i32.set(words, (r + CO_CODE) >> 2);
  i32[(r + CO_CONSTS) >> 2] = constTuple(rt, data.consts);
  i32[(r + CO_NAMES) >> 2] = strTuple(rt, data.names, true);
  i32[(r + CO_LOCALSPLUSNAMES) >> 2] = strTuple(rt, data.localsplus, true);
  i32[(r + CO_VARNAMES) >> 2] = strTuple(rt, data.varnames, true);
  i32[(r + CO_CELLVARS) >> 2] = strTuple(rt, data.cellvars, true);
  i32[(r + CO_FREEVARS) >> 2] = strTuple(rt, data.freevars, true);
  i32[(r + CO_FILENAME) >> 2] = rt.newStr(data.filename);
  const name = internStr(rt, data.name);
  i32[(r + CO_NAME) >> 2] = name;
  // (a top-level name's qualname is its name: the same str, as CPython's compiler makes it)
  if (data.qualname === data.name) rt.incref(name);
  i32[(r + CO_QUALNAME) >> 2] = data.qualname === data.name ? name : rt.newStr(data.qualname);
  const lines = rt.allocKind(Kind.RAW, RAW_DATA + n * 4);
  i32.set(data.lines, (lines + RAW_DATA) >> 2);
  i32[(r + CO_LINES) >> 2] = lines;
  const et = rt.allocKind(Kind.RAW, RAW_DATA + 4 + data.exceptionTable.length * 20);
  i32[(et + RAW_DATA) >> 2] = data.exceptionTable.length;
  data.exceptionTable.forEach((e, k) => {
    const b = ((et + RAW_DATA + 4) >> 2) + k * 5;
    i32[b] = e.start;
    i32[b + 1] = e.end;
    i32[b + 2] = e.target;
    i32[b + 3] = e.depth;
    i32[b + 4] = e.lasti ? 1 : 0;
  });
  i32[(r + CO_EXCTABLE) >> 2] = et;
  return r;
}

/** Interns identifiers (names, attribute names) so that dict lookups compare by identity first. */
let internStr: (rt: Runtime, s: string) => Ref = (rt, s) => rt.newStr(s);
export function setInterner(f: (rt: Runtime, s: string) => Ref): void {
  internStr = f;
}

function strTuple(rt: Runtime, items: readonly string[], intern: boolean): Ref {
  if (items.length === 0) {
    return rt.emptyTuple;
  }
  const t = newTuple(rt, items.length);
  items.forEach((s, i) => {
    rt.i32[((t + 28) >> 2) + i] = intern ? internStr(rt, s) : rt.newStr(s);
  });
  return t;
}

/** True if `s` matches [A-Za-z_][A-Za-z0-9_]* (a loop, not a regular expression: one in a function is
 *  compiled again in each process, and this runs for every str constant; docs/STARTUP.md). */
function isIdentifierLike(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (i > 0 && c >= 0x30 && c <= 0x39))) return false;
  }
  return s.length > 0;
}

/** A new reference to the object for a compile-time constant. */
export function constToObject(rt: Runtime, c: Const): Ref {
  if (c === null) return rt.None;
  if (c === ELLIPSIS) return rt.Ellipsis;
  switch (typeof c) {
    case 'boolean': return rt.bool(c);
    case 'bigint': return rt.newInt(c);
    case 'number': return rt.newFloat(c);
    case 'string': return c.length <= 40 && isIdentifierLike(c) ? internStr(rt, c) : rt.newStr(c);
    default: break;
  }
  if (c instanceof Uint8Array) return newBytes(rt, c);
  if (isCode(c)) return newCode(rt, c);
  if ('imag' in c) return newComplex(rt, 0, c.imag);
  if ('frozenset' in c) {
    // CPython's compiler builds a frozenset constant, then rebuilds it once while merging constants
    // (compile.c merge_consts_recursive makes a new frozenset from the old one's items): the rebuild
    // inserts in the first one's iteration order, and the final table order is what the program sees.
    const items = c.frozenset.map((x) => constToObject(rt, x));
    let fs = newFrozensetFrom(rt, items);
    for (const x of items) rt.decref(x);
    for (let round = 0; round < 1; round++) {
      const next = newFrozensetFrom(rt, setItems(rt, fs));
      rt.decref(fs);
      fs = next;
    }
    return fs;
  }
  return constTuple(rt, c.tuple);
}

function constTuple(rt: Runtime, items: readonly Const[]): Ref {
  if (items.length === 0) return rt.emptyTuple;
  const t = newTuple(rt, items.length);
  items.forEach((c, i) => {
    rt.i32[((t + 28) >> 2) + i] = constToObject(rt, c);
  });
  return t;
}

const decoded = new WeakMap<Runtime, Map<number, DecodedCode>>();
/** A direct-mapped front for the per-VM cache, indexed by the code object's serial: every call and
 *  return decodes a code object, and a Map lookup there was 7% of a call-heavy benchmark. */
const FAST_SLOTS = 1024;
/** The loop probes the front itself on calls and returns: slot = serial & DECODED_FRONT_MASK. */
export const DECODED_FRONT_MASK = FAST_SLOTS - 1;

/** The decoded view of a code object (cached per VM, validated by the code object's serial). */
export function decodeCode(rt: Runtime, r: Ref): DecodedCode {
  const i32 = rt.i32;
  const serial = i32[(r + CO_SERIAL) >> 2]!;
  const front = rt.decodedCodeFront as (DecodedCode | undefined)[];
  const f = front[serial & (FAST_SLOTS - 1)];
  if (f !== undefined && f.ref === r && f.serial === serial) return f;
  const d = decodeSlow(rt, r, serial);
  front[serial & (FAST_SLOTS - 1)] = d;
  return d;
}

function decodeSlow(rt: Runtime, r: Ref, serial: number): DecodedCode {
  let cache = decoded.get(rt);
  if (cache === undefined) {
    cache = new Map();
    decoded.set(rt, cache);
  }
  const i32 = rt.i32;
  const hit = cache.get(r);
  if (hit !== undefined && hit.serial === serial) return hit;
  const n = i32[(r + CO_NCODE) >> 2]!;
  const linesRef = i32[(r + CO_LINES) >> 2]!;
  const et = i32[(r + CO_EXCTABLE) >> 2]!;
  const nEntries = i32[(et + RAW_DATA) >> 2]!;
  const consts = i32[(r + CO_CONSTS) >> 2]! as Ref;
  const names = i32[(r + CO_NAMES) >> 2]! as Ref;
  const lp = i32[(r + CO_LOCALSPLUSNAMES) >> 2]! as Ref;
  const argcount = i32[(r + CO_ARGCOUNT) >> 2]!;
  const kwonly = i32[(r + CO_KWONLY) >> 2]!;
  const flags = i32[(r + CO_FLAGS) >> 2]!;
  const nParams = argcount + kwonly + ((flags & 4) !== 0 ? 1 : 0) + ((flags & 8) !== 0 ? 1 : 0);
  const paramNames: string[] = [];
  for (let k = 0; k < nParams && k < tupleSize(rt, lp); k++) paramNames.push(rt.strValue(tupleItem(rt, lp, k)));
  const nlocalsplus = i32[(r + CO_NLOCALSPLUS) >> 2]!;
  const stacksize = i32[(r + CO_STACKSIZE) >> 2]!;
  const d: DecodedCode = {
    ref: r, serial, codeBase: (r + CO_CODE) >> 2, ncode: n, argcount,
    posonlyargcount: i32[(r + CO_POSONLY) >> 2]!, kwonlyargcount: kwonly, flags, stacksize, nlocalsplus,
    nlocals: i32[(r + CO_NLOCALS) >> 2]!, ncells: i32[(r + CO_NCELLS) >> 2]!, nfree: i32[(r + CO_NFREE) >> 2]!,
    firstlineno: i32[(r + CO_FIRSTLINENO) >> 2]!,
    lines: i32.slice((linesRef + RAW_DATA) >> 2, ((linesRef + RAW_DATA) >> 2) + n),
    exceptionTable: i32.slice((et + RAW_DATA + 4) >> 2, ((et + RAW_DATA + 4) >> 2) + nEntries * 5),
    constsBase: (consts + 28) >> 2, namesBase: (names + 28) >> 2, paramNames, localsplusNames: lp,
    name: rt.strValue(i32[(r + CO_NAME) >> 2]! as Ref), qualname: rt.strValue(i32[(r + CO_QUALNAME) >> 2]! as Ref),
    filename: rt.strValue(i32[(r + CO_FILENAME) >> 2]! as Ref),
    frameSize: FR_LOCALSPLUS + (nlocalsplus + stacksize) * 4,
    fastArgcount: (flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && kwonly === 0 ? argcount : -1,
    entryPc: n > 0 && (i32[(r + CO_CODE) >> 2]! & OP_MASK) === OPCODE.RESUME ? 1 : 0,
    globalCache: new Int32Array(n * 4),
    classCellIndex: -2,
    jit: null, jitBlock: null, jitCareful: null, jitCalls: 0, jitEntries: 0, jitBails: 0,
  };
  cache.set(r, d);
  return d;
}

export function codeName(rt: Runtime, r: Ref): string {
  return rt.strValue(rt.i32[(r + CO_NAME) >> 2]! as Ref);
}

defineSlots(Kind.CODE, {
  dealloc(rt, r) {
    const i32 = rt.i32;
    for (const off of [CO_CONSTS, CO_NAMES, CO_LOCALSPLUSNAMES, CO_VARNAMES, CO_CELLVARS, CO_FREEVARS, CO_FILENAME,
      CO_NAME, CO_QUALNAME, CO_LINES, CO_EXCTABLE]) {
      rt.xdecref(i32[(r + off) >> 2]! as Ref);
    }
  },
  repr(rt, r) {
    const d = decodeCode(rt, r);
    return `<code object ${d.name} at 0x${(0x7f3a00000000 + r).toString(16)}, file "${d.filename}", line ${d.firstlineno}>`;
  },
});
