/**
 * The baseline compiler: turns a hot function's instruction words into a JS function of its own, which V8
 * then optimises on its own (a small function, compiled in a few milliseconds, where the whole loop takes
 * 25-30 ms of V8's time; see docs/PERFORMANCE.md, "Hot functions compiled to JS").
 *
 * What a compiled function does is what the loop's fast paths do, word for word, on the same heap frame:
 * the same reference counts in the same order, the same countdown of instructions (a tick falls before
 * the same word as in the loop), the same frame pushes and pops. Anything else, it hands back to the loop
 * ("bails") *before* the word that needs it, with nothing of that word done: it saves the frame's
 * registers (pc, stack depth) as the loop saves them and returns BAIL, and the loop goes on from the
 * thread's top frame. So a bail can happen at any instruction, and the loop runs the rest: slow paths,
 * exceptions, ticks (GIL switches, collections, limits, signals), natives, generators.
 *
 * Layout: code whose jumps all go forward becomes straight JS (labelled blocks for the jumps), other code
 * a dispatch switch in a loop (see onlyForwardJumps). The loop enters compiled code at calls, at returns
 * into a compiled frame, and at a loop's JUMP_BACKWARD (the loop's head starts a block).
 *
 * Calls: a compiled function calls a compiled callee as a JS call (JS recursion, at most MAX_JIT_DEPTH
 * deep, then the loop takes over); the callee pops its own frame and returns its result (a new
 * reference), or BAIL, after which every compiled caller returns BAIL at once (each saved its registers
 * when it made the call, as the loop does); the loop returning into such a frame runs it compiled again.
 * A call of a global that held a Python function when the caller was compiled is specialised on that
 * function's code (checked at run time: any other callable goes by jitCall); see emitKnownCall.
 * A JS exception thrown inside (a MemoryError, an unbound local, an exception through a nested run) is
 * passed on after the innermost compiled frame saved its registers and set `jitFault`, so that the
 * loop's exception handler reloads its registers from the thread's top frame and unwinds from there, as
 * if it had run the words.
 *
 * Ticks: compiled code takes the countdown once per block of straight-line words; a block the countdown
 * runs out in is run by the function's careful build, which counts before each word and ticks itself
 * (see JitSource.build).
 *
 * Only GIL mode's untraced loop calls compiled functions (the traced and no-GIL builds of the loop have
 * no such call: scripts/gen-traced-loop.mjs removes it), and not in heap-checking mode (the loop checks
 * the stack after each instruction there). `-X jit=0` turns it off.
 */
import { FLAG_BIG_INT, IMMORTAL_REFCNT, OB_META, type Ref } from '../heap/layout.js';
import { Op } from '../isa/generated/opcodes.gen.js';
import { OP_NAMES } from '../isa/opcodes.js';
import { CO_SERIAL, DECODED_FRONT_MASK, type DecodedCode } from '../objects/code.js';
import { DICT_VERSION } from '../objects/dict.js';
import { FN_BUILTINS, FN_CODE, FN_GLOBALS, METHOD_FUNC, METHOD_SELF } from '../objects/function.js';
import { Kind } from '../objects/kinds.js';
import type { Runtime } from '../runtime.js';
import {
  CH_DATA, CH_END, FR_BUILTINS, FR_CHUNK, FR_CODE, FR_FLAGS, FR_FUNC, FR_GLOBALS, FR_KWNAMES, FR_LASTI, FR_LOCALS,
  FR_LOCALSPLUS, FR_PC, FR_PREV, FR_SP, TS_CHUNK, TS_DEPTH, TS_FRAME, TS_TOP,
} from './frame.js';
import { CO_GENERATOR } from '../../compiler/code.js';
import type { Interpreter } from './loop.js';
import { decrefW, increfW } from './loop.js';
import { SwitchSignal } from '../sched/signals.js';

/** What a compiled function returns when it hands the thread back to the loop. */
export const JIT_BAIL = -1;
/** What a careful build returns when the block build goes on (from jitResumePc; see JitSource.build and
 *  jitCarefully, the only caller that sees it). */
export const JIT_RESUME = -3;
/** What a block build run by jitCarefully returns when the careful build runs next (from jitResumePc). */
const JIT_CAREFUL = -4;
/** What compiled code returns when a tick of its careful build ended the thread's turn (a GIL switch; the
 *  registers saved by the tick): every compiled caller returns it too, and the loop returns RUN_SWITCHED
 *  from its run, as after a tick of its own (see RUN_SWITCHED: nothing is thrown through the loop). */
export const JIT_SWITCH = -5;
/** Calls of a code object through the loop's fast path before it is compiled (100 took fib(27) 5 ms longer
 *  as a whole process; imports.py, objects.py and generators.py show no difference). */
export const JIT_THRESHOLD = 20;
/** Compiled functions nested on the JS stack at most (each is a JS frame; the loop has none per call). */
export const MAX_JIT_DEPTH = 200;
/** Code objects longer than this (words) are not compiled: V8 would take long, for code rarely that hot. */
const MAX_JIT_WORDS = 2000;
/** A compiled function that bailed this many times, and on more than an eighth of its entries, is dropped. */
const BAIL_LIMIT = 200;
/** A code object is compiled when at most 1 in this many of its words are not compiled ones (suitable()). */
const MOSTLY_COMPILED = 10;
/** jitCalls of a code object that is never compiled (unsuitable, or dropped). */
export const JIT_NEVER = -(2 ** 40);

/**
 * A compiled code object: runs the frame `frame` on thread `interp` from word `pc` with `depth` values on
 * its stack (a new frame, its arguments in place: from 0, or the entry past RESUME; a frame the loop
 * returns into: from the word after its call; a frame whose loop the loop was running: from the loop's
 * head), with the countdown at `ticks`. A block build called by a known call site (emitKnownCall) gets
 * `~c` as `pc` and the caller's frame as `frame`: it pushes its own frame first (c: the callable's slot).
 * Returns the result (a new reference, the frame popped), JIT_BAIL (the frame's registers saved) or
 * JIT_SWITCH (a GIL switch; the registers saved by the tick), the countdown left in `interp.jitTicks`; a
 * careful build may also return JIT_RESUME, and a block build run by jitCarefully JIT_CAREFUL, to it.
 */
export type JitFunction = (interp: Interpreter, frame: number, pc: number, ticks: number, depth: number) => number;

/**
 * The code objects worth compiling: plain functions without cells or free variables, most of whose words
 * are compiled ones (a word that is not hands the call to the loop: a function of attribute accesses,
 * say, would only enter compiled code to leave it; measured on richards.py, 9% slower when compiled).
 */
function suitable(rt: Runtime, d: DecodedCode): boolean {
  if (d.fastArgcount < 0 || d.ncells !== 0 || d.nfree !== 0 || (d.flags & CO_GENERATOR) !== 0
    || d.ncode === 0 || d.ncode > MAX_JIT_WORDS) return false;
  let other = 0;
  for (let p = 0; p < d.ncode;) {
    const op = rt.i32[d.codeBase + p]! & 0xff;
    if (!COMPILED.has(op)) other++;
    p += FUSED_WIDTH[op] ?? 1;
  }
  return other * MOSTLY_COMPILED <= d.ncode;
}

/** The superinstructions (quicken.ts) and how many words each stands for. */
const FUSED_WIDTH: Partial<Record<number, number>> = {
  [Op.LOAD_FAST__LOAD_CONST]: 2, [Op.LOAD_FAST__LOAD_FAST]: 2, [Op.STORE_FAST__LOAD_FAST]: 2,
  [Op.COMPARE_OP__POP_JUMP]: 2, [Op.BINARY_OP__STORE_FAST]: 2, [Op.PRECALL__CALL]: 2,
  [Op.LOAD_FAST_CONST__COMPARE_JUMP]: 4, [Op.LOAD_FAST_CONST__BINARY_OP_STORE]: 4,
};

const COMPARE_JS = ['<', '<=', '===', '!==', '>', '>='];

/** The instructions compiled code runs (any other word is a bail: the loop runs it). */
const COMPILED = new Set<number>([
  Op.NOP, Op.PRECALL, Op.RESUME, Op.EXTENDED_ARG, Op.POP_TOP, Op.PUSH_NULL, Op.LOAD_CONST, Op.LOAD_FAST, Op.STORE_FAST,
  Op.LOAD_FAST__LOAD_CONST, Op.LOAD_FAST__LOAD_FAST, Op.STORE_FAST__LOAD_FAST, Op.COMPARE_OP__POP_JUMP,
  Op.LOAD_FAST_CONST__COMPARE_JUMP, Op.LOAD_FAST_CONST__BINARY_OP_STORE, Op.BINARY_OP__STORE_FAST, Op.BINARY_OP,
  Op.COMPARE_OP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE,
  Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.LOAD_GLOBAL, Op.RETURN_VALUE, Op.PRECALL__CALL, Op.CALL,
]);

/** The compiled instructions after which control may not go on to the next word: a block ends there. (A
 *  call ends one too: the callee counts down from what the caller's words before the call left.) */
const ENDS_BLOCK = new Set<number>([
  Op.COMPARE_OP__POP_JUMP, Op.LOAD_FAST_CONST__COMPARE_JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE,
  Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.RETURN_VALUE, Op.PRECALL__CALL, Op.CALL,
]);

/** The JS operator of BINARY_OP `op` on two compact ints' values, for + and - (also in place). */
function addSub(op: number): { op: string } | null {
  if (op === 0 || op === 13) return { op: '+' };
  if (op === 10 || op === 23) return { op: '-' };
  return null;
}

/**
 * BINARY_OP `op` of compiled code on `a` and `b` (borrowed) by the loop's other fast paths: two compact
 * ints (intFastPath), or an int or float with a float (floatFastPath). The result (a new reference), or
 * 0 when the loop's slow path must decide (nothing done).
 */
function jitArith(interp: Interpreter, op: number, a: number, b: number): number {
  const rt = interp.rt;
  const i32 = rt.i32;
  const ta = i32[(a + 4) >> 2];
  const tb = i32[(b + 4) >> 2];
  if (ta === rt.intType && tb === rt.intType && ((i32[(a + OB_META) >> 2]! | i32[(b + OB_META) >> 2]!) & FLAG_BIG_INT) === 0) {
    return interp.intFastPath(op, rt.f64[(a + 16) >> 3]!, rt.f64[(b + 16) >> 3]!);
  }
  if (ta === rt.floatType || tb === rt.floatType) return interp.floatFastPath(op, a as Ref, b as Ref);
  return 0;
}

/**
 * `d`'s compiled function for a call of it (the loop's or compiled code's) or for a jump back of one of
 * its loops (the loop's JUMP_BACKWARD), compiling it at the JIT_THRESHOLD-th of those; null while it runs
 * in the loop (not hot yet, not suitable, or dropped).
 */
export function compiledOnCall(rt: Runtime, d: DecodedCode): JitFunction | null {
  const jf = d.jit;
  if (jf !== null || ++d.jitCalls !== JIT_THRESHOLD) return jf;
  d.jit = d.jitBlock = compileJit(rt, d);
  if (d.jit === null) d.jitCalls = JIT_NEVER;
  return d.jit;
}

/**
 * Compiles `d` (its words as quickening left them), or returns null when it is not suitable. The words
 * are read once: code objects are immutable, and quickening happened when the code was placed.
 */
export function compileJit(rt: Runtime, d: DecodedCode): JitFunction | null {
  if (!suitable(rt, d)) return null;
  rt.jitCompiled++;
  return build(rt, d, false);
}

/** The JS function of `d`'s code: its block build, or its careful build (made when a countdown first
 *  runs out in a block of it). */
function build(rt: Runtime, d: DecodedCode, careful: boolean): JitFunction {
  const i32 = rt.i32;
  const words: number[] = [];
  for (let k = 0; k < d.ncode; k++) words.push(i32[d.codeBase + k]!);
  const source = new JitSource(rt, d, words, careful);
  const src = source.build();
  if (process.env.GILPY_JIT_DUMP) process.stderr.write(src + '\n');
  const make = new Function('rt', 'i32', 'f64', 'd', 'decrefW', 'jitCall', 'jitArith', 'jitDropStack', 'jitExit', 'jitCaught',
    'compiledOnCall', 'callees', 'types', src) as (...a: unknown[]) => JitFunction;
  return make(rt, i32, rt.f64, d, decrefW, jitCall, jitArith, jitDropStack, jitExit, jitCaught, compiledOnCall,
    source.callees, { intType: rt.intType, functionType: rt.types[Kind.FUNCTION], True: rt.True, False: rt.False, None: rt.None });
}

/** The JS text of one code object's compiled function. */
class JitSource {
  private readonly out: string[] = [];
  /** blocks() and jumpTargets(), found once. */
  private blockList: { starts: number[]; count: number }[] | null = null;
  private targetSet: Set<number> | null = null;
  /** The callees' decoded code objects that call sites are specialised on (`callees[k]` in the JS). */
  readonly callees: DecodedCode[] = [];
  /** The call words whose callable, a global, held a Python function when compiled: its code (see calleeCodes). */
  private readonly calleeAt: Map<number, DecodedCode>;
  /** The block build is straight JS, with labelled blocks for the jumps (see onlyForwardJumps). */
  private readonly forwardOnly: boolean;
  /** Where straight JS can be entered: past RESUME, and after each call (where the loop returns into a
   *  frame whose callee it ran, and where the careful build hands a frame back: that build, run at a tick,
   *  would otherwise run the rest of the frame, become hot, and have V8 compile it too). Ascending. */
  private readonly resumePoints: number[];

  /** `careful`: the build that counts down before each word and ticks itself (see block()). */
  constructor(private readonly rt: Runtime, private readonly d: DecodedCode, private readonly words: number[],
    private readonly careful: boolean) {
    this.calleeAt = this.calleeCodes();
    this.forwardOnly = this.onlyForwardJumps();
    this.resumePoints = [this.d.entryPc];
    for (let p = 0; p < this.words.length;) {
      const op = this.words[p]! & 0xff;
      const width = FUSED_WIDTH[op] ?? 1;
      if ((op === Op.CALL || op === Op.PRECALL__CALL) && p + width < this.words.length) this.resumePoints.push(p + width);
      p += width;
    }
  }

  /**
   * Whether the block build is laid out as straight JS (see build): code whose compiled jumps all go
   * forward (a `for` loop's JUMP_BACKWARD__FOR_ITER is not compiled: it bails), to words that start a
   * superinstruction or none, entered past its RESUME. V8 compiles such a function in
   * about a fifth less time than the same with a dispatch switch in a loop (fib: 12.6 against 9.8 ms),
   * and that time is what a hot function runs slowly before its optimised code is there. Such code is
   * entered past its RESUME or after one of its calls (see resumePoints); entered anywhere else (a call
   * whose countdown ends at its RESUME, say), the careful build runs the frame.
   */
  private onlyForwardJumps(): boolean {
    if (this.d.entryPc === 0) return false;
    const inner = new Set<number>();
    for (let p = 0; p < this.words.length;) {
      const width = FUSED_WIDTH[this.words[p]! & 0xff] ?? 1;
      for (let k = 1; k < width; k++) inner.add(p + k);
      const op = this.words[p]! & 0xff;
      if (op === Op.JUMP_BACKWARD) return false;
      p += width;
    }
    for (const t of this.jumpTargets()) if (t < this.d.entryPc || inner.has(t)) return false;
    return true;
  }

  /**
   * The call sites (CALL words) whose callable was pushed by a LOAD_GLOBAL of the same block (with its NULL)
   * whose cache holds a Python function now: that function's decoded code, which the call site is
   * specialised on (it checks the code at run time, and makes any other call by jitCall). Found by
   * following each block's stack effects from its start.
   */
  private calleeCodes(): Map<number, DecodedCode> {
    const rt = this.rt;
    const i32 = rt.i32;
    const found = new Map<number, DecodedCode>();
    const NULL = -2;
    const OTHER = -1;
    for (const b of this.blocks()) {
      const stack: number[] = []; // what pushed each value: a LOAD_GLOBAL's word, NULL or OTHER (values from before the block: none here)
      const pop = (k: number): void => { stack.length = Math.max(0, stack.length - k); };
      for (const p of b.starts) {
        const w = this.words[p]!;
        const op = w & 0xff;
        const arg = w >>> 8;
        switch (op) {
          case Op.LOAD_CONST: case Op.LOAD_FAST: stack.push(OTHER); break;
          case Op.PUSH_NULL: stack.push(NULL); break;
          case Op.LOAD_GLOBAL: if ((arg & 1) !== 0) stack.push(NULL); stack.push(p); break;
          case Op.LOAD_FAST__LOAD_CONST: case Op.LOAD_FAST__LOAD_FAST: stack.push(OTHER, OTHER); break;
          case Op.STORE_FAST: case Op.POP_TOP: pop(1); break;
          case Op.STORE_FAST__LOAD_FAST: pop(1); stack.push(OTHER); break;
          case Op.BINARY_OP: case Op.COMPARE_OP: pop(2); stack.push(OTHER); break;
          case Op.BINARY_OP__STORE_FAST: pop(2); break;
          case Op.NOP: case Op.PRECALL: case Op.RESUME: case Op.EXTENDED_ARG: case Op.LOAD_FAST_CONST__BINARY_OP_STORE: break;
          case Op.CALL: case Op.PRECALL__CALL: {
            const nargs = op === Op.CALL ? arg : this.words[p + 1]! >>> 8;
            const g = stack[stack.length - nargs - 1];
            if (stack.length < nargs + 2 || stack[stack.length - nargs - 2] !== NULL || g === undefined || g < 0) break;
            const fn = this.d.globalCache[(g * 4) + 3]!;
            if (fn === 0 || i32[(fn + 4) >> 2] !== rt.types[Kind.FUNCTION]) break;
            const code = i32[(fn + FN_CODE) >> 2]!;
            const serial = i32[(code + CO_SERIAL) >> 2]!;
            const cd = (rt.decodedCodeFront as (DecodedCode | undefined)[])[serial & DECODED_FRONT_MASK];
            if (cd !== undefined && cd.ref === code && cd.serial === serial && cd.fastArgcount === nargs) found.set(p, cd);
            break;
          }
          default: break; // (a block ends at any other word)
        }
      }
    }
    return found;
  }

  /**
   * The straight runs of words ("blocks"): entered only at their first word, left only after their last
   * (a jump, branch, call, return or uncompiled word). Each: its words (where each is dispatched) and
   * its count of instructions (a superinstruction counting each of its words).
   */
  private blocks(): { starts: number[]; count: number }[] {
    return this.blockList ??= this.findBlocks();
  }

  private findBlocks(): { starts: number[]; count: number }[] {
    const n = this.words.length;
    const targets = this.jumpTargets();
    const blocks: { starts: number[]; count: number }[] = [];
    let block = { starts: [] as number[], count: 0 };
    for (let p = 0; p < n;) {
      const op = this.words[p]! & 0xff;
      const width = FUSED_WIDTH[op] ?? 1;
      if (block.starts.length > 0 && targets.has(p)) {
        blocks.push(block);
        block = { starts: [], count: 0 };
      }
      block.starts.push(p);
      block.count += width;
      p += width;
      // (a jump to a superinstruction's last word, run alone, goes on at the next word: a block starts there)
      if (ENDS_BLOCK.has(op) || !COMPILED.has(op) || (width > 1 && targets.has(p - 1))) {
        blocks.push(block);
        block = { starts: [], count: 0 };
      }
    }
    if (block.starts.length > 0) blocks.push(block);
    return blocks;
  }

  build(): string {
    const d = this.d;
    const n = this.words.length;
    const blocks = this.blocks();
    const inner: number[] = []; // second words of superinstructions: reached by a jump, or a split call
    for (let p = 0; p < n;) {
      const width = FUSED_WIDTH[this.words[p]! & 0xff] ?? 1;
      for (let k = 1; k < width; k++) inner.push(p + k);
      p += width;
    }
    if (this.careful) {
      // every word is a label; the countdown is taken before each word the loop would dispatch; at the
      // start of a block the countdown does not run out in, the block build goes on (JIT_RESUME); straight
      // JS only at its resume points
      const blockCount = new Map(blocks.map((b) => [b.starts[0]!, b.count]));
      for (let p = 0; p < n;) {
        const width = FUSED_WIDTH[this.words[p]! & 0xff] ?? 1;
        this.emit(`case ${p}:`);
        const count = blockCount.get(p);
        // (not at word 0: the block build sends an entry at word 0 here, whatever the countdown)
        if (count !== undefined && p !== 0 && (!this.forwardOnly || this.resumePoints.includes(p))) {
          this.emit(`  if (ticks >= ${count}) { interp.jitResumePc = ${p}; interp.jitResumeDepth = sp - base; interp.jitTicks = ticks + 1; interp.jitDepth--; return ${JIT_RESUME}; }`);
        }
        this.word(p, 1);
        p += width;
        // (the next word's countdown; none after a word that never goes on to it)
        const op = this.words[p - width]! & 0xff;
        if (p < n && op !== Op.RETURN_VALUE && op !== Op.JUMP_FORWARD && op !== Op.JUMP_BACKWARD) {
          this.emit(`  if (--ticks <= 0) { pc = ~${p}; continue; }`);
        }
      }
      this.out.push(`        pc = ${n}; continue;`); // past the end: the loop says so
      for (const p of inner) {
        this.emit(`case ${p}: // (second word of a superinstruction, alone)`);
        this.word(p, 1);
        this.emit(`  pc = --ticks <= 0 ? ~${p + 1} : ${p + 1}; continue;`);
      }
    } else if (this.forwardOnly) {
      // straight JS: a jump to word t leaves the labelled block that ends before t (every such block
      // starts at the entry, the one of the farthest target outermost); entered at a resume point, the
      // blocks before it are stepped over (`if (pc <= R)`: R, the resume point a block follows; a jump
      // only goes forward, so every block after one that ran runs)
      const targets = [...this.jumpTargets()].filter((t) => t !== d.entryPc).sort((a, b) => a - b);
      const resume = this.resumePoints;
      this.emit(`if (${resume.map((q) => `pc !== ${q}`).join(' && ')}) { bp = pc; bd = -1; break exit; } // (the careful build runs it)`);
      for (let k = targets.length - 1; k >= 0; k--) this.emit(`L${targets[k]}: {`);
      let open = 0;
      let guard = -1; // the resume point of the open `if`, or -1
      for (const b of blocks) {
        const s0 = b.starts[0]!;
        if (s0 < d.entryPc) continue;
        const r = resume.filter((q) => q <= s0).pop()!;
        if (guard >= 0 && (r !== guard || (open < targets.length && targets[open]! <= s0))) {
          this.emit(`}`);
          guard = -1;
        }
        while (open < targets.length && targets[open]! <= s0) this.emit(`} // L${targets[open++]}`);
        if (guard < 0 && resume.length > 1) {
          this.emit(`if (pc <= ${r}) {`);
          guard = r;
        }
        this.block(b.starts, b.count);
      }
      if (guard >= 0) this.emit(`}`);
      while (open < targets.length) this.emit(`} // L${targets[open++]}`);
      this.emit(`bp = ${n}; bd = -1; break exit; // past the end: the loop says so`);
    } else {
      for (const b of blocks) this.block(b.starts, b.count);
      this.out.push(`        pc = ${n}; continue;`); // past the end: the loop says so
      const targets = this.jumpTargets();
      for (const p of inner) {
        if (!targets.has(p)) continue;
        if (inner.includes(p + 1)) {
          // a jump into the middle of a longer superinstruction (rare): the careful build runs it
          this.emit(`case ${p}: // (a word inside a superinstruction)`);
          this.emit(`  bp = ${p}; bd = -1; break exit;`);
          continue;
        }
        // a jump to a superinstruction's last word (a loop's head after `i = 0`, fused as STORE_FAST__LOAD_FAST):
        // the word alone, as the loop runs it, then the next block
        this.emit(`case ${p}: // (the last word of a superinstruction, alone)`);
        this.emit(`  if (ticks <= 1) { bp = ${p}; bd = -1; break exit; }`);
        this.emit(`  ticks -= 1;`);
        this.word(p, 1);
        this.emit(`  pc = ${p + 1}; continue;`);
      }
    }
    const careful = this.careful;
    const dispatch = !careful && this.forwardOnly ? this.out.join('\n') : `    for (;;) {
      switch (pc) {
${this.out.join('\n')}
        default:
${careful ? `          if (pc < 0) {
            // the countdown ran out before word ~pc: the loop's tick (a GIL switch saves the registers,
            // and every compiled frame returns JIT_SWITCH: the loop resumes this frame at that word)
            const p = ~pc;
            at = p - 1;
            ticks = interp.tick(frame, p, sp - base, ticks, 0);
            if (ticks < 0) { bp = -2; r = ${JIT_SWITCH}; break exit; }
            pc = p;
            continue;
          }
          bp = pc; bd = 1; break exit;` : `          // (entered at a word that starts no block: the careful build runs from there)
          bp = pc; bd = -1; break exit;`}
      }
    }`;
    const handler = `catch (e) {
    jitCaught(interp, frame, e, at, sp - base, ticks);
    throw e;
  }`;
    return `'use strict';
const { intType, functionType, True, False, None } = types;
const globalCache = d.globalCache;
${this.callees.map((_, k) => `const callee${k} = callees[${k}];`).join('\n')}
return function ${jsName(d.name)}${careful ? '_careful' : ''}(interp, ${careful ? 'frame' : 'frameIn'}, pc, ticksIn, depth) {
  interp.jitDepth++;
  d.jitEntries++;
  /** The thread's state (an interpreter runs one thread, whose state stays). */
  const tsRef = interp.ts.ref;
  let ticks = ticksIn;
${careful ? '' : this.calleePush()}
  const lp = (frame + ${FR_LOCALSPLUS}) >> 2;
  const base = lp + ${d.nlocalsplus};
  const globals = i32[(frame + ${FR_GLOBALS}) >> 2];
  const builtins = i32[(frame + ${FR_BUILTINS}) >> 2];
  let sp = base + depth;
  /** The word the loop would report as running if an exception came now (its pc - 1). */
  let at = pc;
  /** The word to hand back before (every bail leaves by one exit, so that V8 has feedback for it early). */
  let bp = 0;
  /** What the countdown gets back at a bail (the count taken for words not run); -1: the careful build
   *  runs from bp instead (the countdown runs out in the block there). */
  let bd = 0;
  /** A call's result. */
  let r = 0;
  exit: try {
${careful ? `    // the countdown of the word entered at (a tick before it: the default case)
    if (--ticks <= 0) pc = ~pc;` : `    if (interp.jitDepth > ${MAX_JIT_DEPTH}) { bp = pc; break exit; } // too deep: the loop runs the call
    // entered at word 0: the countdown ends at its RESUME (else the call steps over it), so the careful
    // build runs it (a test that runs on every call: V8 optimises this with feedback for it)
    if (pc === 0) { bd = -1; break exit; }`}
    ret: {
${dispatch}
    }
    // every RETURN_VALUE goes on here
${this.returnTail()}
  } ${handler}
  // every bail and move to the careful build leaves here (see jitExit)
  return jitExit(interp, frame, d, bp, bd, sp - base, ticks, r);
};`;
  }

  private emit(line: string): void {
    this.out.push('        ' + line);
  }

  /**
   * A block: the words at `starts` (`count` instructions in all, superinstructions counting each word).
   * The loop counts down before each word it dispatches and ticks when the count reaches 0; here, when
   * the block would reach 0 before its end, the careful build runs it (from its first word, counting
   * each word, so the tick falls where the loop's would); otherwise the block takes its count at once.
   */
  private block(starts: number[], count: number): void {
    const s0 = starts[0]!;
    if (!this.forwardOnly) this.emit(`case ${s0}:`);
    this.emit(`  if (ticks <= ${count}) { bp = ${s0}; bd = -1; break exit; }`);
    this.emit(`  ticks -= ${count};`);
    for (const p of starts) this.word(p, count - (p - s0));
  }

  /** The words compiled code may jump to: the entry past RESUME, and every compiled jump's target. */
  private jumpTargets(): Set<number> {
    return this.targetSet ??= this.findJumpTargets();
  }

  private findJumpTargets(): Set<number> {
    const targets = new Set<number>([this.d.entryPc]);
    const words = this.words;
    for (let p = 0; p < words.length; p++) {
      const op = words[p]! & 0xff;
      if (op === Op.COMPARE_OP__POP_JUMP) targets.add(words[p + 1]! >>> 8);
      else if (op === Op.LOAD_FAST_CONST__COMPARE_JUMP) targets.add(words[p + 3]! >>> 8);
      else if (op === Op.POP_JUMP_IF_FALSE || op === Op.POP_JUMP_IF_TRUE || op === Op.POP_JUMP_IF_NONE
        || op === Op.POP_JUMP_IF_NOT_NONE || op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD) targets.add(words[p]! >>> 8);
    }
    return targets;
  }

  /** The code of the word at `p` (the block took its count: a bail gives back `giveBack`, the count of
   *  this word and the block's words after it). A superinstruction runs all its words, as the loop runs
   *  it; the second word of a pair is a plain instruction, which the loop runs alone after a jump to it. */
  private word(p: number, giveBack: number): void {
    const w = this.words[p]!;
    const op = w & 0xff;
    const arg = w >>> 8;
    const bail = `{ bp = ${p}; bd = ${giveBack}; break exit; }`;
    /** A bail after the careful build took the count of `k` more words of a superinstruction. */
    const bailAfter = (k: number): string => `{ bp = ${p}; bd = ${giveBack + k}; break exit; }`;
    const nextArg = (k: number): number => this.words[p + k]! >>> 8;
    this.emit(`// ${p}: ${OP_NAMES[op] ?? op} ${arg}`);
    /** increfW written out (in V8's first tiers a call costs more than the count itself). */
    const incref = (v: string): string => `{ const c = i32[${v} >> 2]; if (c < ${IMMORTAL_REFCNT}) i32[${v} >> 2] = c + 1; }`;
    const intGuard = (a: string, b: string): string =>
      `i32[(${a} + 4) >> 2] === intType && i32[(${b} + 4) >> 2] === intType && ((i32[(${a} + ${OB_META}) >> 2] | i32[(${b} + ${OB_META}) >> 2]) & ${FLAG_BIG_INT}) === 0`;
    const intGuard1 = (a: string): string =>
      `i32[(${a} + 4) >> 2] === intType && (i32[(${a} + ${OB_META}) >> 2] & ${FLAG_BIG_INT}) === 0`;
    /** `r` = a op b for two ints or floats by the loop's fast paths, or a bail (x, y: the values); `bInt`:
     *  b's value when it is an int constant. */
    const arith = (opArg: number, a: string, b: string, bInt: number | null = null, count = ''): void => {
      const inline = addSub(opArg);
      this.emit(`  let r = 0;${count}`);
      if (inline !== null) {
        // + and - of two compact ints inline, as the loop; the rest of its fast paths by jitArith
        this.emit(`  if (${bInt !== null ? intGuard1(a) : intGuard(a, b)}) {`);
        this.emit(`    const v = f64[(${a} + 16) >> 3] ${inline.op} ${bInt !== null ? bInt : `f64[(${b} + 16) >> 3]`};`);
        this.emit(`    if (v >= -0x1f_ffff_ffff_ffff && v <= 0x1f_ffff_ffff_ffff) r = rt.newCompactInt(v);`);
        this.emit(`  }`);
        this.emit(`  if (r === 0) r = jitArith(interp, ${opArg}, ${a}, ${b});`);
      } else {
        this.emit(`  r = jitArith(interp, ${opArg}, ${a}, ${b});`);
      }
      // (a bail here gives back what `count` took: the loop counts the words again)
      this.emit(`  if (r === 0) ${count === '' ? bail : bailAfter(3)}`);
    };
    /** A jump to word `t`: the careful build takes the countdown of the word it lands on (a block's
     *  countdown is taken where it starts). */
    const jump = (t: number): string => (this.careful ? `pc = --ticks <= 0 ? ~${t} : ${t}; continue;`
      : this.forwardOnly ? `break L${t};` : `pc = ${t}; continue;`);
    /** The careful build counts the `k` words a superinstruction runs after its first (as the loop does). */
    const fused = (k: number): string => (this.careful ? ` ticks -= ${k};` : '');
    const jumpIf = (cond: string, target: number): void => this.emit(`  if (${cond}) { ${jump(target)} }`);
    switch (op) {
      case Op.NOP: case Op.PRECALL: case Op.RESUME: case Op.EXTENDED_ARG:
        break;
      case Op.POP_TOP:
        this.emit(`  at = ${p}; decrefW(rt, i32, i32[--sp]);`);
        break;
      case Op.PUSH_NULL:
        this.emit(`  i32[sp++] = 0;`);
        break;
      case Op.LOAD_CONST:
        this.emit(`  ${this.increfConstant(arg)} i32[sp++] = ${this.constant(arg)};`);
        break;
      case Op.LOAD_FAST:
        this.emit(`  { const v = i32[lp + ${arg}]; if (v === 0) ${bail} ${incref('v')} i32[sp++] = v; }`);
        break;
      case Op.STORE_FAST:
        this.emit(`  at = ${p}; { const old = i32[lp + ${arg}]; i32[lp + ${arg}] = i32[--sp]; if (old !== 0) decrefW(rt, i32, old); }`);
        break;
      case Op.LOAD_FAST__LOAD_CONST:
        this.emit(`  { const v = i32[lp + ${arg}]; if (v === 0) ${bail} ${incref('v')} i32[sp++] = v; }`);
        this.emit(`  ${this.increfConstant(nextArg(1))} i32[sp++] = ${this.constant(nextArg(1))};${fused(1)}`);
        break;
      case Op.LOAD_FAST__LOAD_FAST:
        this.emit(`  { const v = i32[lp + ${arg}], v2 = i32[lp + ${nextArg(1)}]; if (v === 0 || v2 === 0) ${bail}`);
        this.emit(`    ${incref('v')} ${incref('v2')} i32[sp++] = v; i32[sp++] = v2;${fused(1)} }`);
        break;
      case Op.STORE_FAST__LOAD_FAST:
        this.emit(`  at = ${p}; { const old = i32[lp + ${arg}]; i32[lp + ${arg}] = i32[--sp]; if (old !== 0) decrefW(rt, i32, old); }`);
        // (the loop raises it with the pair's first word counted: the block build gives back the rest)
        this.emit(`  { const v = i32[lp + ${nextArg(1)}]; if (v === 0) { at = ${p + 1};${giveBack > 1 ? ` ticks += ${giveBack - 1};` : ''} interp.unbound(d, ${nextArg(1)}); }`);
        this.emit(`    ${incref('v')} i32[sp++] = v;${fused(1)} }`);
        break;
      case Op.COMPARE_OP__POP_JUMP: {
        const jw = this.words[p + 1]!;
        this.emit(`  { const b = i32[sp - 1], a = i32[sp - 2]; if (!(${intGuard('a', 'b')})) ${bail}`);
        this.emit(`    at = ${p + 1}; const t = f64[(a + 16) >> 3] ${COMPARE_JS[arg]} f64[(b + 16) >> 3];`);
        this.emit(`    sp -= 2; decrefW(rt, i32, a); decrefW(rt, i32, b);${fused(1)}`);
        this.emit(`    if (t === ${(jw & 0xff) === Op.POP_JUMP_IF_TRUE}) { ${jump(jw >>> 8)} } }`);
        break;
      }
      case Op.LOAD_FAST_CONST__COMPARE_JUMP: {
        const jw = this.words[p + 3]!;
        const k = this.intConstant(nextArg(1));
        if (k !== null) {
          // an int constant (co_consts is immutable): only the local's type is checked
          this.emit(`  { const a = i32[lp + ${arg}]; if (a === 0 || !(${intGuard1('a')})) ${bail}${fused(3)}`);
          this.emit(`    if ((f64[(a + 16) >> 3] ${COMPARE_JS[nextArg(2)]} ${k}) === ${(jw & 0xff) === Op.POP_JUMP_IF_TRUE}) { ${jump(jw >>> 8)} } }`);
          break;
        }
        this.emit(`  { const a = i32[lp + ${arg}], b = ${this.constant(nextArg(1))}; if (a === 0 || !(${intGuard('a', 'b')})) ${bail}${fused(3)}`);
        this.emit(`    if ((f64[(a + 16) >> 3] ${COMPARE_JS[nextArg(2)]} f64[(b + 16) >> 3]) === ${(jw & 0xff) === Op.POP_JUMP_IF_TRUE}) { ${jump(jw >>> 8)} } }`);
        break;
      }
      case Op.LOAD_FAST_CONST__BINARY_OP_STORE:
        this.emit(`  { const a = i32[lp + ${arg}], b = ${this.constant(nextArg(1))}; if (a === 0) ${bail}`);
        this.emit(`  at = ${p + 3};`); // (what the loop reports while it computes: an allocation may raise)
        arith(nextArg(2), 'a', 'b', this.intConstant(nextArg(1)), fused(3));
        this.emit(`  const old = i32[lp + ${nextArg(3)}]; i32[lp + ${nextArg(3)}] = r; if (old !== 0) decrefW(rt, i32, old); }`);
        break;
      case Op.BINARY_OP__STORE_FAST:
        this.emit(`  { const b = i32[sp - 1], a = i32[sp - 2]; at = ${p};`);
        arith(arg, 'a', 'b');
        this.emit(`  sp -= 2; decrefW(rt, i32, a); decrefW(rt, i32, b);`);
        this.emit(`  at = ${p + 1}; const old = i32[lp + ${nextArg(1)}]; i32[lp + ${nextArg(1)}] = r; if (old !== 0) decrefW(rt, i32, old);${fused(1)} }`);
        break;
      case Op.BINARY_OP:
        this.emit(`  { const b = i32[sp - 1], a = i32[sp - 2]; at = ${p};`);
        arith(arg, 'a', 'b');
        this.emit(`  sp--; i32[sp - 1] = r; decrefW(rt, i32, a); decrefW(rt, i32, b); }`);
        break;
      case Op.COMPARE_OP:
        this.emit(`  { const b = i32[sp - 1], a = i32[sp - 2]; if (!(${intGuard('a', 'b')})) ${bail}`);
        this.emit(`    at = ${p}; sp--; i32[sp - 1] = f64[(a + 16) >> 3] ${COMPARE_JS[arg]} f64[(b + 16) >> 3] ? True : False;`);
        this.emit(`    decrefW(rt, i32, a); decrefW(rt, i32, b); }`);
        break;
      case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE:
        this.emit(`  { const v = i32[sp - 1]; if (v !== True && v !== False) ${bail}`);
        this.emit(`    sp--;`);
        jumpIf(`(v === True) === ${op === Op.POP_JUMP_IF_TRUE}`, arg);
        this.emit(`  }`);
        break;
      case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE:
        this.emit(`  { at = ${p}; const v = i32[--sp]; const j = (v === None) === ${op === Op.POP_JUMP_IF_NONE}; decrefW(rt, i32, v);`);
        jumpIf('j', arg);
        this.emit(`  }`);
        break;
      case Op.JUMP_FORWARD: case Op.JUMP_BACKWARD:
        this.emit(`  ${jump(arg)}`);
        break;
      case Op.LOAD_GLOBAL: {
        const ci = p * 4;
        this.emit(`  { if (globalCache[${ci}] !== globals || globalCache[${ci + 1}] !== i32[(globals + ${DICT_VERSION}) >> 2]`);
        this.emit(`      || globalCache[${ci + 2}] !== i32[(builtins + ${DICT_VERSION}) >> 2] || globalCache[${ci + 3}] === 0) ${bail}`);
        this.emit(`    const v = globalCache[${ci + 3}];${(arg & 1) !== 0 ? ' i32[sp++] = 0;' : ''} ${incref('v')} i32[sp++] = v; }`);
        break;
      }
      case Op.RETURN_VALUE:
        this.emitReturn(p);
        break;
      case Op.PRECALL__CALL:
        // the loop runs the CALL as a word of its own when the countdown ends at it (in the block build
        // the block's check sent such a countdown to the careful build: the CALL ends the block)
        if (this.careful) this.emit(`  if (ticks <= 1) { ${jump(p + 1)} } ticks--;`);
        this.emitCall(p, p + 1, arg, this.careful ? giveBack + 1 : giveBack);
        break;
      case Op.CALL:
        this.emitCall(p, p, arg, giveBack);
        break;
      default:
        // not compiled: the loop runs it (and the rest of this call)
        this.emit(`  ${bail}`);
    }
  }

  /** The value of constant `arg` when it is an int of the compact kind (exactly int), else null. */
  private intConstant(arg: number): number | null {
    const rt = this.rt;
    const r = rt.i32[this.d.constsBase + arg]!;
    if (rt.i32[(r + 4) >> 2] !== rt.intType || (rt.i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) !== 0) return null;
    const v = rt.f64[(r + 16) >> 3]!;
    return Object.is(v, -0) ? null : v;
  }

  /** The reference count a LOAD_CONST of constant `arg` takes: none for an immortal (it stays so). */
  private increfConstant(arg: number): string {
    const r = this.rt.i32[this.d.constsBase + arg]!;
    return this.rt.i32[r >> 2]! >= IMMORTAL_REFCNT ? '' : `i32[${r >> 2}]++;`;
  }

  /** LOAD_CONST's value: co_consts is immutable, so the reference is a literal. */
  private constant(arg: number): string {
    return String(this.rt.i32[this.d.constsBase + arg]!);
  }

  /** RETURN_VALUE: the loop's inline pop of a function's frame (the only kind compiled code runs). */
  private emitReturn(p: number): void {
    this.emit(`  at = ${p}; break ret;`);
  }

  /** Every RETURN_VALUE (at word `at`): the loop's inline pop of a function's frame (the only kind compiled
   *  code runs), or a bail before the word (a RETURN_VALUE ends its block: the countdown gets 1 back).
   *  Once per function: V8 compiles less code. */
  private returnTail(): string {
    const lines = [
      `if (i32[(frame + ${FR_FLAGS}) >> 2] !== 0 || i32[(frame + ${FR_LOCALS}) >> 2] !== 0 || frame === i32[(frame + ${FR_CHUNK}) >> 2] + ${CH_DATA}) { bp = at; bd = 1; break exit; }`,
      `r = i32[--sp];`,
      `i32[(frame + ${FR_PC}) >> 2] = at + 1; i32[(frame + ${FR_SP}) >> 2] = sp - base; i32[(frame + ${FR_LASTI}) >> 2] = at;`,
    ];
    // the locals one by one (in V8's first tiers a loop costs more), the stack (empty at a compiled
    // RETURN_VALUE but for odd code) by the shared loop
    for (let k = 0; k < this.d.nlocalsplus; k++) {
      lines.push(`{ const v = i32[lp + ${k}]; if (v !== 0) { i32[lp + ${k}] = 0; decrefW(rt, i32, v); } }`);
    }
    lines.push(
      `if (sp > base) jitDropStack(rt, i32, base, sp);`,
      `decrefW(rt, i32, i32[(frame + ${FR_FUNC}) >> 2]);`,
      `i32[(tsRef + ${TS_FRAME}) >> 2] = i32[(frame + ${FR_PREV}) >> 2]; i32[(tsRef + ${TS_DEPTH}) >> 2]--; i32[(tsRef + ${TS_TOP}) >> 2] = frame;`,
      `interp.jitTicks = ticks; interp.jitDepth--; return r;`,
    );
    return lines.map((l) => '    ' + l).join('\n');
  }

  /** CALL (at word `q`; dispatched at `p`, q - 1 for a PRECALL__CALL) by jitCall, which hands the thread
   *  back itself (`giveBack`: as a bail's) when it does not make the call. */
  private emitCall(p: number, q: number, nargs: number, giveBack: number): void {
    const cd = this.calleeAt.get(p);
    if (cd !== undefined) {
      let k = this.callees.indexOf(cd);
      if (k < 0) k = this.callees.push(cd) - 1;
      this.emitKnownCall(p, q, nargs, giveBack, cd, k);
      return;
    }
    this.emit(`  { r = jitCall(interp, frame, sp, base, ${nargs}, ${q}, ticks, ${p}, ${giveBack});`);
    this.emit(`    if (r <= 0) { bp = -2; break exit; } // (r is JIT_BAIL)`);
    this.emit(`    ticks = interp.jitTicks; at = ${q}; sp -= ${nargs + 2}; i32[sp++] = r; }`);
  }

  /** emitCall's call of a Python function of code `cd` (`callees[k]`), known when compiling: when the
   *  callable is still a function of that code, compiled, and its frame fits (the recursion limit, the data
   *  stack's chunk), the caller saves its registers as jitCall does and calls the callee's compiled function
   *  with `~c` (c: the callable's slot), and the callee pushes its own frame (calleePush); any other call by
   *  jitCall. */
  private emitKnownCall(p: number, q: number, nargs: number, giveBack: number, cd: DecodedCode, k: number): void {
    const code = cd.ref as number;
    this.emit(`  { const c = sp - ${nargs + 2}, fn = i32[c + 1], jf = callee${k}.jit;`);
    this.emit(`    if (jf === null || i32[c] !== 0 || i32[(fn + 4) >> 2] !== functionType || i32[(fn + ${FN_CODE}) >> 2] !== ${code} || i32[${(code + CO_SERIAL) >> 2}] !== ${cd.serial}`);
    this.emit(`      || i32[(tsRef + ${TS_DEPTH}) >> 2] >= interp.recursionLimit || i32[(tsRef + ${TS_TOP}) >> 2] + ${cd.frameSize} > i32[(i32[(tsRef + ${TS_CHUNK}) >> 2] + ${CH_END}) >> 2]) {`);
    this.emit(`      r = jitCall(interp, frame, sp, base, ${nargs}, ${q}, ticks, ${p}, ${giveBack});`);
    this.emit(`    } else {`);
    this.emit(`      i32[(frame + ${FR_PC}) >> 2] = ${q + 1}; i32[(frame + ${FR_LASTI}) >> 2] = ${q}; i32[(frame + ${FR_SP}) >> 2] = c - base;`);
    this.emit(`      r = jf(interp, frame, ~c, ticks, 0);`);
    this.emit(`    }`);
    this.emit(`    if (r <= 0) { bp = -2; break exit; } // (r is JIT_BAIL)`);
    this.emit(`    ticks = interp.jitTicks; at = ${q}; sp -= ${nargs + 2}; i32[sp++] = r; }`);
  }

  /**
   * The block build's entry from a known call (emitKnownCall; `pc` is ~c, the callable's slot in the
   * caller's frame `frameIn`, the arguments after it): jitCall's frame push with this code's figures, then
   * the entry past RESUME (unless the countdown ends at it). Here once, not at every call site: V8 then has
   * less to compile.
   */
  private calleePush(): string {
    const d = this.d;
    const nargs = d.fastArgcount;
    const locals: string[] = [];
    for (let j = nargs; j < d.nlocalsplus; j++) locals.push(`i32[fl + ${j}] = 0;`);
    for (let j = 0; j < nargs; j++) locals.push(`i32[fl + ${j}] = i32[c + ${2 + j}];`);
    return `  let frame = frameIn;
  if (pc < 0) {
    // references move: the callable's to the frame, the arguments' to the parameters
    const c = ~pc, fn = i32[c + 1], f = i32[(tsRef + ${TS_TOP}) >> 2];
    i32[(tsRef + ${TS_TOP}) >> 2] = f + ${d.frameSize}; i32[(f + ${FR_CHUNK}) >> 2] = i32[(tsRef + ${TS_CHUNK}) >> 2];
    i32[(f + ${FR_LOCALS}) >> 2] = 0; i32[(f + ${FR_PC}) >> 2] = 0; i32[(f + ${FR_SP}) >> 2] = 0; i32[(f + ${FR_LASTI}) >> 2] = 0; i32[(f + ${FR_KWNAMES}) >> 2] = 0; i32[(f + ${FR_FLAGS}) >> 2] = 0;
    const fl = (f + ${FR_LOCALSPLUS}) >> 2; ${locals.join(' ')}
    i32[(f + ${FR_PREV}) >> 2] = frameIn; i32[(f + ${FR_CODE}) >> 2] = ${d.ref as number}; i32[(f + ${FR_FUNC}) >> 2] = fn;
    i32[(f + ${FR_GLOBALS}) >> 2] = i32[(fn + ${FN_GLOBALS}) >> 2]; i32[(f + ${FR_BUILTINS}) >> 2] = i32[(fn + ${FN_BUILTINS}) >> 2];
    i32[(tsRef + ${TS_FRAME}) >> 2] = f; i32[(tsRef + ${TS_DEPTH}) >> 2]++;
    frame = f;
    pc = ticks > 1 ? ${d.entryPc} : 0;
    ticks -= pc;
  }`;
  }
}

/**
 * How compiled code leaves frame `frame` of code `d` (the stack `depth` values deep, the countdown at
 * `ticks`) other than by its RETURN_VALUE, by `bp` and `bd`:
 * - `bd` -1: the countdown runs out in the block starting at word `bp`: the careful build runs from there
 *   (see jitCarefully);
 * - `bp` -2: a call's callee handed the thread back, or jitCall did instead of making the call (the frame's
 *   registers and jitTicks saved); returns JIT_BAIL (`r`);
 * - a word: hands the thread back to the loop before it (nothing of it done; `bd` is what the countdown
 *   gets back); returns JIT_BAIL.
 * One function for every exit of every compiled function, which runs the same operations on each of
 * them (a popped frame's register words are written too: dead space of the data stack, which the next
 * push overwrites): V8 then optimises compiled code with feedback for a bail even when no bail came
 * before (code first run after V8 optimised it costs a deoptimisation).
 */
function jitExit(interp: Interpreter, frame: number, d: DecodedCode, bp: number, bd: number, depth: number, ticks: number, r: number): number {
  interp.jitDepth--;
  if (bd < 0) return jitCarefully(interp, frame, d, bp, depth, ticks);
  const saved = bp === -2;
  const savedTicks = interp.jitTicks;
  interp.jitTicks = saved ? savedTicks : ticks + bd;
  if (!saved) {
    const i32 = interp.rt.i32;
    i32[(frame + FR_PC) >> 2] = bp;
    i32[(frame + FR_SP) >> 2] = depth;
    i32[(frame + FR_LASTI) >> 2] = bp - 1;
  }
  d.jitBails += bp >= 0 ? 1 : 0;
  if (d.jitBails > BAIL_LIMIT && d.jitBails * 8 > d.jitEntries) {
    // bails too often: the loop runs this code from now on
    d.jit = null;
    d.jitCalls = JIT_NEVER;
  }
  return bp >= 0 ? JIT_BAIL : r;
}

/**
 * Runs frame `frame` of code `d` by its careful build from block start `pc` (the stack `depth` deep, the
 * countdown at `ticks`), then by its block build from the next block the countdown does not run out in
 * (JIT_RESUME), and so on: returns the frame's result (a new reference, the frame popped), JIT_BAIL or
 * JIT_SWITCH (see JitFunction).
 * The block build it runs hands a new run of the careful build back here (JIT_CAREFUL) instead of making
 * one, so that the JS stack does not grow with each tick of a long-running frame. (Here, in a helper every
 * compiled function shares, not in each: V8 optimises a compiled function with feedback for what it has
 * run, and code it first runs later costs a deoptimisation and a new compile.)
 */
function jitCarefully(interp: Interpreter, frame: number, d: DecodedCode, pc: number, depth: number, ticks: number): number {
  const outer = interp.jitTrampolineFrame;
  if (outer === frame) {
    // run from the loop below: it runs the careful build
    interp.jitResumePc = pc;
    interp.jitResumeDepth = depth;
    interp.jitTicks = ticks;
    return JIT_CAREFUL;
  }
  const careful = d.jitCareful ?? (d.jitCareful = build(interp.rt, d, true));
  let r = careful(interp, frame, pc, ticks, depth);
  if (r !== JIT_RESUME) return r;
  try {
    do {
      interp.jitTrampolineFrame = frame;
      r = d.jitBlock!(interp, frame, interp.jitResumePc, interp.jitTicks, interp.jitResumeDepth);
      interp.jitTrampolineFrame = outer;
      if (r === JIT_CAREFUL) r = careful(interp, frame, interp.jitResumePc, interp.jitTicks, interp.jitResumeDepth);
    } while (r === JIT_RESUME);
  } finally {
    interp.jitTrampolineFrame = outer;
  }
  return r;
}

/** Hands the thread back to the loop before word `p` of `frame` (see jitCall). */
function handBack(interp: Interpreter, frame: number, p: number, depth: number, ticks: number): number {
  const i32 = interp.rt.i32;
  i32[(frame + FR_PC) >> 2] = p;
  i32[(frame + FR_SP) >> 2] = depth;
  i32[(frame + FR_LASTI) >> 2] = p - 1;
  interp.jitTicks = ticks;
  return JIT_BAIL;
}

/**
 * A JS exception `e` passing through compiled code running `frame` (at word `at`, the stack `depth` deep,
 * the countdown at `ticks`): the innermost compiled frame saves its registers as the loop would have them
 * and sets jitFault, so that the loop's handler unwinds from the thread's top frame (an outer compiled
 * frame saved them at its call). A GIL switch comes back as JIT_SWITCH instead; a SwitchSignal, were one
 * to pass, had its registers saved at its tick.
 */
function jitCaught(interp: Interpreter, frame: number, e: unknown, at: number, depth: number, ticks: number): void {
  const i32 = interp.rt.i32;
  if (!interp.jitFault && !(e instanceof SwitchSignal) && i32[(interp.ts.ref + TS_FRAME) >> 2] === frame) {
    i32[(frame + FR_PC) >> 2] = at + 1;
    i32[(frame + FR_SP) >> 2] = depth;
    i32[(frame + FR_LASTI) >> 2] = at;
    interp.jitTicks = ticks;
    interp.jitFault = true;
  }
  interp.jitDepth--;
}

/** Releases what a frame's stack holds, from word `base` up to `sp` (a compiled RETURN_VALUE's, when
 *  values are left under the one returned), as the loop's inline pop does. */
function jitDropStack(rt: Runtime, i32: Int32Array, base: number, sp: number): void {
  for (let k = base; k < sp; k++) {
    const v = i32[k]!;
    if (v !== 0) {
      i32[k] = 0;
      decrefW(rt, i32, v);
    }
  }
}

/**
 * CALL of compiled code at word `q` (dispatched at `p`) with `nargs` arguments on the stack of `frame`
 * (ending at `sp`; its stack starts at `base`), the countdown at `ticks`: for a Python function taking
 * exactly those positional arguments, the loop's inline frame push, then the callee's compiled function.
 * Returns the result (a new reference, the callee's frame popped), or JIT_BAIL with the caller's
 * registers saved: when the callee's frame is left to the loop (not compiled, or it bailed), or when the
 * call is not one of those (nothing done: the loop makes it, from word `p`, the countdown given back by
 * `giveBack`).
 */
function jitCall(interp: Interpreter, frame: number, sp: number, base: number, nargsArg: number, q: number, ticks: number,
  p: number, giveBack: number): number {
  const rt = interp.rt;
  const i32 = rt.i32;
  const ts = interp.ts;
  const tsRef = ts.ref;
  const calleeSlot = sp - nargsArg - 2;
  let callable = i32[calleeSlot]! !== 0 ? i32[calleeSlot]! : i32[calleeSlot + 1]!;
  const bound = i32[calleeSlot] === 0 && i32[(callable + 4) >> 2] === rt.types[Kind.METHOD];
  const fn = bound ? i32[(callable + METHOD_FUNC) >> 2]! : callable;
  if (i32[(fn + 4) >> 2] !== rt.types[Kind.FUNCTION]) return handBack(interp, frame, p, sp - base, ticks + giveBack);
  const nargs = i32[calleeSlot] !== 0 || bound ? nargsArg + 1 : nargsArg;
  const code = i32[(fn + FN_CODE) >> 2]!;
  const serial = i32[(code + CO_SERIAL) >> 2]!;
  const cd = (rt.decodedCodeFront as (DecodedCode | undefined)[])[serial & DECODED_FRONT_MASK];
  if (cd === undefined || cd.ref !== code || cd.serial !== serial) return handBack(interp, frame, p, sp - base, ticks + giveBack); // the loop decodes it
  if (nargs !== cd.fastArgcount || i32[(tsRef + TS_DEPTH) >> 2]! >= interp.recursionLimit) return handBack(interp, frame, p, sp - base, ticks + giveBack);
  const fbytes = cd.frameSize;
  const chunk = i32[(tsRef + TS_CHUNK) >> 2]!;
  const f = i32[(tsRef + TS_TOP) >> 2]!;
  if (f + fbytes > i32[(chunk + CH_END) >> 2]!) return handBack(interp, frame, p, sp - base, ticks + giveBack); // a new data-stack chunk: the loop's push
  if (bound) {
    // a bound method: its function and self take its place, as the loop's CALL does
    const ms = i32[(callable + METHOD_SELF) >> 2]!;
    increfW(i32, fn);
    increfW(i32, ms);
    i32[calleeSlot] = fn;
    i32[calleeSlot + 1] = ms;
    decrefW(rt, i32, callable);
    callable = fn;
  }
  i32[(frame + FR_PC) >> 2] = q + 1;
  i32[(frame + FR_LASTI) >> 2] = q;
  i32[(frame + FR_SP) >> 2] = calleeSlot - base;
  // the loop's inline push (zeroed: the header words not written below, and the locals past the
  // arguments). Written out, as in the loop: through ts.pushFrameBlock, fib(27) took 10 ms longer as a
  // whole process (bench/jit.mjs: 131 / 138 ms against 120 / 125)
  i32[(tsRef + TS_TOP) >> 2] = f + fbytes;
  i32[(f + FR_CHUNK) >> 2] = chunk;
  i32[(f + FR_LOCALS) >> 2] = 0;
  i32[(f + FR_PC) >> 2] = 0;
  i32[(f + FR_SP) >> 2] = 0;
  i32[(f + FR_LASTI) >> 2] = 0;
  i32[(f + FR_KWNAMES) >> 2] = 0;
  i32[(f + FR_FLAGS) >> 2] = 0;
  const fl = (f + FR_LOCALSPLUS) >> 2;
  for (let k = fl + nargs, end = fl + cd.nlocalsplus; k < end; k++) i32[k] = 0;
  i32[(f + FR_PREV) >> 2] = frame;
  i32[(f + FR_CODE) >> 2] = code;
  i32[(f + FR_FUNC) >> 2] = callable;
  i32[(f + FR_GLOBALS) >> 2] = i32[(callable + FN_GLOBALS) >> 2]!;
  i32[(f + FR_BUILTINS) >> 2] = i32[(callable + FN_BUILTINS) >> 2]!;
  i32[(tsRef + TS_FRAME) >> 2] = f;
  i32[(tsRef + TS_DEPTH) >> 2]!++;
  // references move: the callable's to the frame, the arguments' to the parameters
  const args = sp - nargs;
  for (let k = 0; k < nargs; k++) i32[fl + k] = i32[args + k]!;
  // the callee's RESUME is stepped over and counted, unless the countdown ends at it
  const start = ticks > 1 ? cd.entryPc : 0;
  const jf = compiledOnCall(rt, cd);
  if (jf === null) {
    i32[(f + FR_PC) >> 2] = start;
    interp.jitTicks = ticks - start;
    return JIT_BAIL;
  }
  return jf(interp, f, start, ticks - start, 0);
}

/** A JS identifier for the compiled function (profiles show it: `jit_fib`). */
function jsName(name: string): string {
  return 'jit_' + name.replace(/[^A-Za-z0-9_$]/g, '_');
}
