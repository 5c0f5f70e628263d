/** The evaluation loop: one `switch` over instruction words read straight from the heap. Calls from
 *  Python to Python push a frame and stay in this loop (no JS recursion); natives that call back into
 *  Python start a nested run, which is the only re-entry.
 *  A traced run uses a copy of runLoop (and of the methods that count references inline) with trace
 *  hooks, generated from this file: after editing it, run `node scripts/gen-traced-loop.mjs`. */
import { CO_GENERATOR } from '../../compiler/code.js';
import { FLAG_BIG_INT, IMMORTAL_REFCNT, OB_META, type Ref } from '../heap/layout.js';
import { HeapExhausted } from '../heap/heap.js';
import { ARG_SHIFT, OP_MASK, OP_NAMES } from '../isa/opcodes.js';
import { Op } from '../isa/generated/opcodes.gen.js';
import { delAttr, getAttr, loadMethod, setAttr } from '../objects/attrs.js';
import { decodeCode, type DecodedCode, CO_CODE, CO_NAME, CO_QUALNAME, CO_SERIAL, DECODED_FRONT_MASK } from '../objects/code.js';
import {
  DICT_VERSION, dictDel, dictGet, dictGetWithHash, dictLen, dictSet, dictNextPos, dictEntryKey, dictEntryValue, dictSnapshot, dropSnapshot, newDict,
} from '../objects/dict.js';
import {
  EXC_CAUSE, EXC_CONTEXT, EXC_SUPPRESS_CONTEXT, EXC_TRACEBACK, addTraceback, excType, isException,
  isExceptionType, newException, setExcAttr, setExcField,
} from '../objects/exceptions.js';
import {
  METHOD_FUNC, METHOD_SELF, CELL_REF, FN_ANNOTATIONS, FN_BUILTINS, FN_CLOSURE, FN_CODE, FN_DEFAULTS, FN_GLOBALS, FN_KWDEFAULTS, FN_NAME, FN_QUALNAME,
  newCell, newFunction,
} from '../objects/function.js';
import { RangeIterLayout, SeqFlavor, SeqIterLayout } from '../objects/iter-layout.js';
import { Kind } from '../objects/kinds.js';
import {
  clearGeneratorFrame, GEN_CODE, GEN_COMPLETED, GEN_CREATED, GEN_EXC, GEN_FRAME, GEN_NAME, GEN_OUTER_EXC,
  GEN_QUALNAME, GEN_RUNNING, GEN_STATE, GEN_SUSPENDED, generatorBytes, stopIterationValue,
} from '../objects/generator.js';
import { itemsBase, LIST_SIZE, listAppend, listFrom, listItems, listSize, newList } from '../objects/list.js';
import {
  binaryOp, contains, delItem, getItem, getIter, hash as hashOf, iterNext, richCompare, setItem, truthy, unaryOp,
  iterateToArray, isHeapInstance,
} from '../objects/protocols.js';
import { setAdd } from '../objects/set.js';
import { setUpdate } from '../objects/set-type.js';
import { newTuple, TUPLE_ITEMS, TUPLE_SIZE, tupleItems, tupleSize } from '../objects/tuple.js';
import { intern } from '../objects/type.js';
import { PyRaise, Root, type Runtime } from '../runtime.js';
import { bindArguments, callObject, plainClassCall } from './call.js';
import { BlockSignal, RUN_SWITCHED, SwitchSignal } from '../sched/signals.js';
import {
  FR_BUILTINS, FR_CODE, FR_FLAGS, FR_FUNC, FR_GLOBALS, FR_KWNAMES, FR_LASTI, FR_LOCALS, FR_LOCALSPLUS, FR_PC,
  FR_PREV, FR_SP, FRF_ENTRY, TS_DEPTH, TS_FRAME, type ThreadState, CH_END, FR_CHUNK, TS_CHUNK, TS_TOP,
  FRF_OWNED_BY_GENERATOR, frameBytes, TS_EXC_INFO, CH_DATA, FRF_INIT,
} from './frame.js';
import { formatValue, newSlice, buildString, importName, importFrom, importStar, printExpr, buildClass, unpackIterable,
  strIsStr } from './support.js';
import { newSeqIter } from '../objects/iterators.js';
import { compiledOnCall, JIT_BAIL, JIT_SWITCH } from './jit.js';

/** Raised inside the loop to re-raise an exception without touching its context (RERAISE). */
/** Takes a reference (immortals are not counted). */
export function increfW(i32: Int32Array, r: number): void {
  const c = i32[r >> 2]!;
  if (c < 0x40000000) i32[r >> 2] = c + 1; // IMMORTAL_REFCNT
}
/** Drops a reference, deallocating at zero. */
export function decrefW(rt: Runtime, i32: Int32Array, r: number): void {
  const c = i32[r >> 2]!;
  if (c < 0x40000000) { // IMMORTAL_REFCNT
    if (c <= 1) rt.dealloc(r as Ref);
    else i32[r >> 2] = c - 1;
  }
}

/**
 * A call's keyword arguments as callObject takes them: the last `nkw` of the `nargs` values at
 * stack[base..] (borrowed: they stay on the stack), by the names in the tuple `kwnames`; null for none.
 */
export function keywordsFromStack(rt: Runtime, base: number, nargs: number, nkw: number, kwnames: Ref): Map<string, Ref> | null {
  if (nkw === 0) return null;
  const i32 = rt.i32;
  const kw = new Map<string, Ref>();
  for (let k = 0; k < nkw; k++) {
    kw.set(rt.strValue(i32[((kwnames + TUPLE_ITEMS) >> 2) + k]! as Ref), i32[base + nargs - nkw + k]! as Ref);
  }
  return kw;
}

/** `x OP y` for COMPARE_OP's argument (CPython's Py_LT .. Py_GE) on two numbers. */
export function compareNumbers(op: number, x: number, y: number): boolean {
  switch (op) {
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x === y;
    case 3: return x !== y;
    case 4: return x > y;
    default: return x >= y;
  }
}

/** Nested runs of the loop allowed on the JS stack (see Interpreter.evalFrame). */
export const MAX_NESTED_RUNS = 160;

export class Reraise {
  /** `lasti`: the instruction to report, when the handler saved it (RERAISE with an argument), else -1. */
  constructor(readonly exc: Ref, readonly lasti = -1) {}
}

export const MAX_COMPACT = 2 ** 53 - 1;

export interface LoopHooks {
  /** Called every `tickInterval` instructions (GIL switch requests, limits, signals). */
  tick(interp: Interpreter): void;
}

export class Interpreter {
  recursionLimit = 1000;
  /** Instructions until the next `tick` (the eval breaker's countdown), and what it counted down from. */
  ticks = 1 << 30;
  ticksStart = 1 << 30;
  tickInterval = 1 << 30;
  hooks: LoopHooks | null = null;
  /** Instructions run by this thread, as of the last tick (see instructionCount). */
  instructions = 0;
  /** Whether calls run compiled functions (jit.ts): GIL mode's untraced loop, not in heap-checking mode, not
   *  with `-X jit=0` (Runtime.jit). */
  readonly jitEnabled: boolean;
  /** Compiled functions on the JS stack now (at most MAX_JIT_DEPTH). */
  jitDepth = 0;
  /** Set by compiled code that saw a JS exception pass: the loop's handler reloads its registers first. */
  jitFault = false;
  /** The countdown compiled code hands back as it returns (result, bail or exception); `ticks` itself is
   *  left as the loop leaves it (a nested run starts from it). */
  jitTicks = 0;
  /** Where a careful build hands its frame back to the block build (jit.ts): the word, and the stack's depth. */
  jitResumePc = 0;
  jitResumeDepth = 0;
  /** The frame whose block build jitExit runs between runs of its careful build (jit.ts), or 0. */
  jitTrampolineFrame = 0;
  /** After resumeGenerator: true if the generator returned (finished), false if it yielded. */
  generatorReturned = false;
  /** An exception for runLoop to raise in its entry frame before running it (gen.throw); owned, or 0. */
  protected pendingThrow: Ref | 0 = 0;
  /**
   * When not 0, the next run of the loop calls tick() after this many instructions, a tick that only hands
   * the rest of the countdown back (see tick): GIL switches, limits and collections stay where they were.
   * So that the loop's call of tick() has V8 feedback before V8 optimises the loop: the first real tick
   * (10,000 instructions in) came after that, and deoptimised the loop (see docs/STARTUP.md). The VM sets
   * it for the main thread; the run consumes it.
   */
  primeTickAfter = 0;

  constructor(readonly rt: Runtime, readonly ts: ThreadState) {
    this.jitEnabled = rt.jit && !rt.heap.debug;
  }

  // ================= entry points =================
  /** Runs a module or class body `code` with the given namespaces; returns its result (new reference). */
  runCode(code: Ref, globals: Ref, locals: Ref | 0): Ref {
    const d = decodeCode(this.rt, code);
    const builtins = this.builtinsFor(globals);
    const f = this.pushFrame(code, d, 0, globals, builtins, locals === 0 ? globals : locals);
    return this.evalFrame(f);
  }

  /** Pushes the frame for a module body `code` (run it with evalFrame); cf. runCode. */
  startCode(code: Ref, globals: Ref, locals: Ref | 0): Ref {
    const d = decodeCode(this.rt, code);
    return this.pushFrame(code, d, 0, globals, this.builtinsFor(globals), locals === 0 ? globals : locals);
  }

  /** Releases every frame of this thread (a thread dropped at exit): generators' frames are unlinked
   *  (their generator keeps them), the others popped. */
  discardFrames(): void {
    const rt = this.rt;
    const i32 = rt.i32;
    for (let f = this.ts.frame; f !== 0; f = this.ts.frame) {
      if ((i32[(f + FR_FLAGS) >> 2]! & FRF_OWNED_BY_GENERATOR) !== 0) this.unlinkGenerator((f - GEN_FRAME) as Ref, false);
      else this.popFrame(f, decodeCode(rt, i32[(f + FR_CODE) >> 2]! as Ref));
    }
    if (this.ts.excInfo !== 0) {
      rt.decref(this.ts.excInfo);
      this.ts.excInfo = 0 as Ref;
    }
  }

  /** Runs a class body (the function `__build_class__` gets) with `ns` as its namespace; returns what
   *  the body returns: its `__class__` cell, or None (new reference). */
  runClassBody(func: Ref, ns: Ref): Ref {
    const rt = this.rt;
    const code = rt.i32[(func + FN_CODE) >> 2]! as Ref;
    const d = decodeCode(rt, code);
    const f = this.pushFrame(code, d, func, rt.i32[(func + FN_GLOBALS) >> 2]! as Ref,
      rt.i32[(func + FN_BUILTINS) >> 2]! as Ref, ns);
    return this.evalFrame(f);
  }

  /** `func(*args, **kwargs)` for a Python function (args borrowed); a nested run of the loop. */
  callFunction(func: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
    return this.evalFrame(this.pushCall(func, args, kwargs) as Ref);
  }

  /**
   * Runs generator `gen` until it yields or returns, resumed with `sent` (borrowed) or with exception
   * `exc` (stolen) raised where it is suspended; a nested run of the loop (cf. gen_send_ex). Returns the
   * value yielded or returned (new reference) and sets `generatorReturned`; throws what the generator
   * raises (a StopIteration it raises turned into RuntimeError, as PEP 479 says).
   */
  resumeGenerator(gen: Ref, sent: Ref, exc: Ref | 0): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const state = i32[(gen + GEN_STATE) >> 2]!;
    const refuse = (type: string, message: string): never => {
      if (exc !== 0) rt.decref(exc);
      return rt.raise(type, message);
    };
    if (state === GEN_RUNNING) refuse('ValueError', 'generator already executing');
    if (state === GEN_COMPLETED) {
      if (exc !== 0) throw new PyRaise(exc);
      this.generatorReturned = true;
      return rt.None;
    }
    if (state === GEN_CREATED && exc === 0 && sent !== rt.None) {
      refuse('TypeError', "can't send non-None value to a just-started generator");
    }
    if (this.nestedRuns >= MAX_NESTED_RUNS || i32[(this.ts.ref + TS_DEPTH) >> 2]! >= this.recursionLimit) {
      refuse('RecursionError', 'maximum recursion depth exceeded');
    }
    this.linkGenerator(gen, exc === 0 ? sent : 0);
    this.pendingThrow = exc;
    try {
      return this.evalFrame((gen + GEN_FRAME) as Ref);
    } catch (e) {
      // a limit or a deadlock stopped the program inside the generator: it stops being the running frame
      // before whoever called it (and may free it) unwinds; a Python exception has unlinked it already
      if (!(e instanceof PyRaise) && this.ts.frame === gen + GEN_FRAME) this.unlinkGenerator(gen, false);
      throw e;
    }
  }

  /**
   * Makes a generator's frame the thread's current frame, pushing `sent` (borrowed; 0 for none) onto its
   * stack, and swaps in the generator's handled exception (the caller's is kept in GEN_OUTER_EXC; cf.
   * CPython's gi_exc_state chain: where the generator handles none, the caller's stays visible).
   */
  protected linkGenerator(gen: Ref, sent: Ref | 0): void {
    const rt = this.rt;
    const i32 = rt.i32;
    const tsr = this.ts.ref;
    const f = gen + GEN_FRAME;
    i32[(f + FR_PREV) >> 2] = i32[(tsr + TS_FRAME) >> 2]!;
    i32[(tsr + TS_FRAME) >> 2] = f;
    i32[(tsr + TS_DEPTH) >> 2]!++;
    if (sent !== 0) {
      const d = decodeCode(rt, i32[(gen + GEN_CODE) >> 2]! as Ref);
      const depth = i32[(f + FR_SP) >> 2]!;
      increfW(i32, sent);
      i32[((f + FR_LOCALSPLUS) >> 2) + d.nlocalsplus + depth] = sent;
      i32[(f + FR_SP) >> 2] = depth + 1;
    }
    const outer = i32[(tsr + TS_EXC_INFO) >> 2]!;
    const own = i32[(gen + GEN_EXC) >> 2]!;
    i32[(gen + GEN_OUTER_EXC) >> 2] = outer;
    if (own !== 0) {
      i32[(tsr + TS_EXC_INFO) >> 2] = own;
      i32[(gen + GEN_EXC) >> 2] = 0;
    } else if (outer !== 0) {
      increfW(i32, outer); // held by both the thread and GEN_OUTER_EXC
    }
    i32[(gen + GEN_STATE) >> 2] = GEN_RUNNING;
  }

  /** Undoes linkGenerator when the generator yields (`finished` false) or ends; an ended generator's
   *  frame is released. */
  protected unlinkGenerator(gen: Ref, finished: boolean): void {
    const rt = this.rt;
    const i32 = rt.i32;
    const tsr = this.ts.ref;
    const f = gen + GEN_FRAME;
    i32[(tsr + TS_FRAME) >> 2] = i32[(f + FR_PREV) >> 2]!;
    i32[(tsr + TS_DEPTH) >> 2]!--;
    i32[(f + FR_PREV) >> 2] = 0;
    i32[(f + FR_FLAGS) >> 2]! &= ~FRF_ENTRY;
    const cur = i32[(tsr + TS_EXC_INFO) >> 2]!;
    const outer = i32[(gen + GEN_OUTER_EXC) >> 2]!;
    i32[(gen + GEN_OUTER_EXC) >> 2] = 0;
    if (cur === outer) {
      if (cur !== 0) decrefW(rt, i32, cur);
    } else {
      i32[(gen + GEN_EXC) >> 2] = cur;
    }
    i32[(tsr + TS_EXC_INFO) >> 2] = outer;
    if (finished) {
      i32[(gen + GEN_STATE) >> 2] = GEN_COMPLETED;
      const own = i32[(gen + GEN_EXC) >> 2]!;
      i32[(gen + GEN_EXC) >> 2] = 0;
      if (own !== 0) decrefW(rt, i32, own);
      clearGeneratorFrame(rt, gen);
    } else {
      i32[(gen + GEN_STATE) >> 2] = GEN_SUSPENDED;
    }
  }

  /** RETURN_GENERATOR: moves the running frame (a generator function's, just entered) into a new
   *  generator object; the frame's references move with it. Returns the generator (new reference). */
  protected makeGenerator(frame: Ref, d: DecodedCode): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const gen = rt.allocKind(Kind.GENERATOR, generatorBytes(frameBytes(d.nlocalsplus, d.stacksize)));
    const f = gen + GEN_FRAME;
    const used = FR_LOCALSPLUS + (d.nlocalsplus + i32[(frame + FR_SP) >> 2]!) * 4;
    i32.copyWithin(f >> 2, frame >> 2, (frame + used) >> 2);
    i32[(f + FR_PREV) >> 2] = 0;
    i32[(f + FR_FLAGS) >> 2] = FRF_OWNED_BY_GENERATOR;
    i32[(f + FR_CHUNK) >> 2] = 0;
    const func = i32[(frame + FR_FUNC) >> 2]! as Ref;
    const fields: [number, Ref][] = [[GEN_CODE, i32[(frame + FR_CODE) >> 2]! as Ref],
      [GEN_NAME, i32[(func + FN_NAME) >> 2]! as Ref], [GEN_QUALNAME, i32[(func + FN_QUALNAME) >> 2]! as Ref]];
    for (const [off, v] of fields) {
      rt.incref(v);
      i32[(gen + off) >> 2] = v;
    }
    i32[(gen + GEN_STATE) >> 2] = GEN_CREATED;
    rt.gcTrack(gen);
    return gen;
  }

  /** A generator's frame is left by an exception: the generator ends, and a StopIteration it raised
   *  becomes RuntimeError (PEP 479). Takes `exc`; returns the exception to propagate (owned). */
  protected generatorRaised(gen: Ref, exc: Ref): Ref {
    const rt = this.rt;
    this.unlinkGenerator(gen, true);
    if (!rt.isSubtype(rt.typeOf(exc), excType(rt, 'StopIteration'))) return exc;
    const e = newException(rt, excType(rt, 'RuntimeError'), 'generator raised StopIteration');
    setExcField(rt, e, EXC_CAUSE, exc);
    setExcField(rt, e, EXC_CONTEXT, exc);
    rt.decref(exc);
    return e;
  }

  /** SEND's general case: one step of `yield from` over any iterator; [done, value (new reference)]. */
  protected sendTo(it: Ref, v: Ref): [boolean, Ref] {
    const rt = this.rt;
    if (rt.kindOf(it) === Kind.GENERATOR) {
      const r = this.resumeGenerator(it, v, 0);
      return [this.generatorReturned, r];
    }
    if (v === rt.None && !isHeapInstance(rt, it)) {
      const x = iterNext(rt, it);
      return x === 0 ? [true, rt.None] : [false, x];
    }
    // a user-defined iterator: __next__ or send, whose StopIteration carries the value
    const meth = getAttr(rt, it, intern(rt, v === rt.None ? '__next__' : 'send'));
    try {
      return [false, callObject(rt, meth, v === rt.None ? [] : [v])];
    } catch (e) {
      if (e instanceof PyRaise && rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'StopIteration'))) {
        const value = stopIterationValue(rt, e.exc);
        rt.decref(e.exc);
        return [true, value];
      }
      throw e;
    } finally {
      rt.decref(meth);
    }
  }

  /**
   * Pushes the frame for `func(*args, **kwargs)` (args borrowed) without running it, and returns it; 0 when
   * `func` is not a Python function or a bound method of one (the caller calls it some other way).
   */
  pushCall(func: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref | 0 {
    const rt = this.rt;
    if (rt.kindOf(func) === Kind.METHOD) {
      const f = rt.i32[(func + METHOD_FUNC) >> 2]! as Ref;
      if (rt.kindOf(f) !== Kind.FUNCTION) return 0;
      return this.pushCall(f, [rt.i32[(func + METHOD_SELF) >> 2]! as Ref, ...args], kwargs);
    }
    if (rt.kindOf(func) !== Kind.FUNCTION) return 0;
    const code = rt.i32[(func + FN_CODE) >> 2]! as Ref;
    const d = decodeCode(rt, code);
    const f = this.pushFrame(code, d, func, rt.i32[(func + FN_GLOBALS) >> 2]! as Ref,
      rt.i32[(func + FN_BUILTINS) >> 2]! as Ref, 0);
    try {
      const kwnames = kwargs === null ? [] : [...kwargs.keys()];
      const kwvalues = kwargs === null ? [] : [...kwargs.values()];
      bindArguments(rt, func, d, (f + FR_LOCALSPLUS) >> 2, args, kwnames, kwvalues);
    } catch (e) {
      this.popFrame(f, d);
      throw e;
    }
    return f;
  }

  protected builtinsFor(globals: Ref): Ref {
    const rt = this.rt;
    const key = intern(rt, '__builtins__');
    const b = dictGet(rt, globals, key);
    rt.decref(key);
    if (b !== 0) {
      if (rt.kindOf(b) === Kind.DICT) return b;
      if (rt.kindOf(b) === Kind.MODULE) return rt.i32[(b + 24) >> 2]! as Ref;
    }
    return rt.root(Root.BUILTINS);
  }

  /**
   * A new frame for `code` on this thread's data stack. A function's frame owns a reference to the
   * function and borrows its code, globals and builtins (the function keeps them alive, as in CPython
   * 3.11); a module or class body's frame (func 0) owns references to all of them.
   */
  pushFrame(code: Ref, d: DecodedCode, func: Ref | 0, globals: Ref, builtins: Ref, locals: Ref | 0): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const tsr = this.ts.ref;
    const depth = i32[(tsr + TS_DEPTH) >> 2]!;
    if (depth >= this.recursionLimit) {
      rt.raise('RecursionError', 'maximum recursion depth exceeded');
    }
    const f = this.ts.pushFrameBlock(FR_LOCALSPLUS + (d.nlocalsplus + d.stacksize) * 4);
    i32[(f + FR_PREV) >> 2] = i32[(tsr + TS_FRAME) >> 2]!;
    i32[(f + FR_CODE) >> 2] = code;
    i32[(f + FR_FUNC) >> 2] = func;
    i32[(f + FR_GLOBALS) >> 2] = globals;
    i32[(f + FR_BUILTINS) >> 2] = builtins;
    i32[(f + FR_LOCALS) >> 2] = locals;
    if (func !== 0) {
      increfW(i32, func);
    } else {
      rt.incref(code);
      rt.incref(globals);
      rt.incref(builtins);
    }
    if (locals !== 0) rt.incref(locals);
    i32[(tsr + TS_FRAME) >> 2] = f;
    i32[(tsr + TS_DEPTH) >> 2] = depth + 1;
    return f;
  }

  /** Releases everything a frame holds (locals and its saved stack values) and pops it. */
  popFrame(f: Ref, d: DecodedCode): void {
    const rt = this.rt;
    const i32 = rt.i32;
    const lp = (f + FR_LOCALSPLUS) >> 2;
    const n = d.nlocalsplus + i32[(f + FR_SP) >> 2]!;
    for (let i = 0; i < n; i++) {
      const v = i32[lp + i]!;
      if (v !== 0) {
        i32[lp + i] = 0;
        decrefW(rt, i32, v);
      }
    }
    const func = i32[(f + FR_FUNC) >> 2]!;
    if (func !== 0) {
      decrefW(rt, i32, func);
    } else {
      rt.decref(i32[(f + FR_CODE) >> 2]! as Ref);
      rt.decref(i32[(f + FR_GLOBALS) >> 2]! as Ref);
      rt.decref(i32[(f + FR_BUILTINS) >> 2]! as Ref);
    }
    const locals = i32[(f + FR_LOCALS) >> 2]!;
    if (locals !== 0) rt.decref(locals as Ref);
    const tsr = this.ts.ref;
    i32[(tsr + TS_FRAME) >> 2] = i32[(f + FR_PREV) >> 2]!;
    i32[(tsr + TS_DEPTH) >> 2]!--;
    this.ts.popFrameBlock(f);
  }

  /** Line of the instruction a frame is at (for tracebacks). */
  frameLine(f: Ref): number {
    const d = decodeCode(this.rt, this.rt.i32[(f + FR_CODE) >> 2]! as Ref);
    return d.lines[this.rt.i32[(f + FR_LASTI) >> 2]!] ?? d.firstlineno;
  }

  /** Sets __context__ on a newly raised exception to the exception being handled (cf. _PyErr_SetObject). */
  protected chainContext(exc: Ref): void {
    const rt = this.rt;
    const handled = this.ts.excInfo;
    if (handled === 0 || handled === exc || handled === rt.None) return;
    // break a cycle the new context would create
    let o = handled;
    while (o !== 0) {
      const ctx = rt.i32[(o + EXC_CONTEXT) >> 2]! as Ref;
      if (ctx === exc) {
        setExcField(rt, o, EXC_CONTEXT, 0);
        break;
      }
      o = ctx;
    }
    setExcField(rt, exc, EXC_CONTEXT, handled);
  }

  /** Turns whatever a JS `throw` carried into a Python exception (new reference). */
  protected toException(e: unknown): Ref {
    const rt = this.rt;
    if (e instanceof PyRaise) return e.exc;
    if (e instanceof HeapExhausted) return newException(rt, excType(rt, 'MemoryError'), null);
    // (no regular expression here: at the edge of the stack, the regex engine fails with a SyntaxError)
    if (e instanceof RangeError && e.message.includes('call stack')) {
      return newException(rt, excType(rt, 'RecursionError'), 'maximum recursion depth exceeded');
    }
    throw e;
  }

  // ================= the loop =================
  /** How many runs of the loop are nested on the JS stack (Python called back from native code). */
  protected nestedRuns = 0;
  /**
   * The loop's countdown (ticks, primedRest) where enterInit's __init__ frames were entered, two numbers
   * each. Such a frame counts down as a nested run did: from `this.ticks`, while the run that made the call
   * keeps its own countdown, which goes on when __init__ returns (a nested run's instructions never brought
   * its caller's tick sooner): so the GIL switches where it did.
   */
  protected initCountdowns: number[] = [];
  /** 1 while only the thread's base run of the loop is on the JS stack: the thread can be suspended. */
  get nesting(): number {
    return this.nestedRuns;
  }

  /** Instructions run by this thread (exact while the loop is not running). */
  instructionCount(): number {
    return this.instructions + this.ticksStart - this.ticks;
  }

  /** Makes the next tick come after `n` instructions (the hook calls this to look again sooner). */
  setTicks(n: number): void {
    this.instructions += this.ticksStart - this.ticks;
    this.ticks = this.ticksStart = n;
  }

  /**
   * Goes on running this thread from where it was suspended (SwitchSignal, BlockSignal) until its bottom
   * frame returns; the result is a new reference. The bottom frame kept the entry mark of the run that
   * started it.
   */
  resumeThread(): Ref {
    const nesting = this.nestedRuns;
    const inits = this.initCountdowns.length;
    this.nestedRuns++;
    try {
      const r = this.runLoop(this.ts.frame, false);
      if (r === RUN_SWITCHED) throw SwitchSignal.it; // a tick ended the thread's turn (see RUN_SWITCHED)
      return r;
    } finally {
      // (also when the run stopped inside an __init__ of enterInit's)
      this.nestedRuns = nesting;
      this.initCountdowns.length = inits;
    }
  }

  /**
   * Runs from frame `entry` (which it consumes) until it returns; the result is a new reference. Throws
   * PyRaise. Python code called back from native code (dunder methods, key functions, __init__ through a
   * class call other than enterInit's) nests a run of the loop on the JS stack, which holds about 220 of
   * them: past MAX_NESTED_RUNS the call raises RecursionError cleanly, instead of a JS stack overflow that could
   * strike in the middle of a reference update.
   */
  evalFrame(entry: Ref): Ref {
    if (this.nestedRuns >= MAX_NESTED_RUNS) {
      this.popFrame(entry, decodeCode(this.rt, this.rt.i32[(entry + FR_CODE) >> 2]! as Ref));
      this.rt.raise('RecursionError', 'maximum recursion depth exceeded');
    }
    const nesting = this.nestedRuns;
    const inits = this.initCountdowns.length;
    this.nestedRuns++;
    try {
      const r = nesting !== 0 ? this.runNestedLoop(entry, true) : this.runLoop(entry, true);
      if (r === RUN_SWITCHED) throw SwitchSignal.it; // a tick ended the thread's turn (see RUN_SWITCHED)
      return r;
    } finally {
      // (also when the run stopped inside an __init__ of enterInit's)
      this.nestedRuns = nesting;
      this.initCountdowns.length = inits;
    }
  }

  /**
   * Runs a nested run of the loop (evalFrame's, when a run is on the JS stack already). GIL mode's
   * interpreter (GilInterpreter, loop-nested.gen.ts) runs it on a copy of runLoop, so that runLoop itself
   * only runs threads' base runs: a call of runLoop while its long-running base run is still unoptimised
   * made V8 compile it twice, first for calls, then on-stack for the base run (docs/STARTUP.md).
   */
  protected runNestedLoop(entry: Ref, markEntry: boolean): Ref {
    return this.runLoop(entry, markEntry);
  }

  protected runLoop(entry: Ref, markEntry: boolean): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const f64 = rt.f64;
    const ts = this.ts;
    if (markEntry) i32[(entry + FR_FLAGS) >> 2]! |= FRF_ENTRY;

    let frame = entry;
    let d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref);
    let cb = d.codeBase;
    let lp = (frame + FR_LOCALSPLUS) >> 2;
    let sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!;
    let pc = i32[(frame + FR_PC) >> 2]!;
    let lasti = pc;
    let consts = d.constsBase;
    let names = d.namesBase;
    let ticks = this.ticks;
    /** The countdown the primed tick hands back (see primeTickAfter); 0 once it came, or without one. */
    let primedRest = 0;
    if (this.primeTickAfter !== 0) {
      if (ticks > this.primeTickAfter) {
        primedRest = ticks - this.primeTickAfter;
        ticks = this.primeTickAfter;
      }
      this.primeTickAfter = 0;
    }

    const debug = rt.heap.debug;
    const True = rt.True;
    const False = rt.False;
    const None = rt.None;
    const intType = rt.intType;
    const functionType = rt.types[Kind.FUNCTION]!;
    const generatorType = rt.types[Kind.GENERATOR]!;
    const rangeIterType = rt.types[Kind.RANGE_ITER]!;
    const seqIterType = rt.types[Kind.SEQ_ITER]!;
    const listType = rt.types[Kind.LIST]!;
    const tupleType = rt.types[Kind.TUPLE]!;
    const floatType = rt.floatType;
    const methodType = rt.types[Kind.METHOD]!;
    const typeType = rt.types[Kind.TYPE]!;
    const tsRef = ts.ref;
    // decodeCode's front cache, probed inline on calls and returns (decodeCode fills it on a miss)
    const codeFront = rt.decodedCodeFront as (DecodedCode | undefined)[];
    // layout constants as locals: an imported binding is a load on every use
    const META = OB_META;
    const BIG = FLAG_BIG_INT;

    for (;;) {
      try {
        if (this.pendingThrow !== 0) {
          const e = this.pendingThrow;
          this.pendingThrow = 0;
          throw new PyRaise(e);
        }
        for (;;) {
          if (--ticks <= 0) {
            ticks = this.tick(frame, pc, sp - lp - d.nlocalsplus, ticks, primedRest);
            primedRest = 0;
            if (ticks < 0) return RUN_SWITCHED as Ref; // the thread's turn ended (see RUN_SWITCHED)
          }
          const word = i32[cb + pc++]!;
          const arg = word >>> 8; // ARG_SHIFT, as a literal: imported bindings cost a load each time
          switch (word & 0xff) { // OP_MASK
            case Op.NOP: case Op.PRECALL: case Op.RESUME: case Op.EXTENDED_ARG:
              break;
            case Op.POP_TOP:
              decrefW(rt, i32, i32[--sp]!);
              break;
            case Op.PUSH_NULL:
              i32[sp++] = 0;
              break;
            case Op.COPY: {
              const v = i32[sp - arg]!;
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.SWAP: {
              const t = i32[sp - 1]!;
              i32[sp - 1] = i32[sp - arg]!;
              i32[sp - arg] = t;
              break;
            }
            case Op.LOAD_CONST: {
              const v = i32[consts + arg]!;
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.LOAD_FAST: {
              const v = i32[lp + arg]!;
              if (v === 0) this.unbound(d, arg);
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.LOAD_FAST__LOAD_CONST: {
              const v = i32[lp + arg]!;
              if (v === 0) this.unbound(d, arg);
              increfW(i32, v);
              i32[sp++] = v;
              const c = i32[consts + (i32[cb + pc++]! >>> 8)]!;
              increfW(i32, c);
              i32[sp++] = c;
              ticks--;
              break;
            }
            case Op.LOAD_FAST__LOAD_FAST: {
              const v = i32[lp + arg]!;
              if (v === 0) this.unbound(d, arg);
              const arg2 = i32[cb + pc++]! >>> 8;
              const v2 = i32[lp + arg2]!;
              if (v2 === 0) this.unbound(d, arg2);
              increfW(i32, v);
              increfW(i32, v2);
              i32[sp++] = v;
              i32[sp++] = v2;
              ticks--;
              break;
            }
            case Op.STORE_FAST__LOAD_FAST: {
              const old = i32[lp + arg]!;
              i32[lp + arg] = i32[--sp]!;
              if (old !== 0) decrefW(rt, i32, old);
              const arg2 = i32[cb + pc++]! >>> 8;
              const v = i32[lp + arg2]!;
              if (v === 0) this.unbound(d, arg2);
              increfW(i32, v);
              i32[sp++] = v;
              ticks--;
              break;
            }
            case Op.COMPARE_OP__POP_JUMP: {
              const b = i32[sp - 1]! as Ref;
              const a = i32[sp - 2]! as Ref;
              const jump = i32[cb + pc++]!;
              let t: boolean;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                t = compareNumbers(arg, x, y);
                sp -= 2;
                decrefW(rt, i32, a);
                decrefW(rt, i32, b);
              } else {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 2);
                const r = richCompare(rt, a, b, arg);
                sp -= 2;
                decrefW(rt, i32, a);
                decrefW(rt, i32, b);
                try {
                  t = r === True ? true : r === False ? false : truthy(rt, r);
                } finally {
                  decrefW(rt, i32, r);
                }
              }
              if (t === ((jump & 0xff) === Op.POP_JUMP_IF_TRUE)) pc = jump >>> 8;
              ticks--;
              break;
            }
            case Op.STORE_FAST: {
              const old = i32[lp + arg]!;
              i32[lp + arg] = i32[--sp]!;
              if (old !== 0) decrefW(rt, i32, old);
              break;
            }
            case Op.DELETE_FAST: {
              const old = i32[lp + arg]!;
              if (old === 0) this.unbound(d, arg);
              i32[lp + arg] = 0;
              decrefW(rt, i32, old);
              break;
            }
            case Op.LOAD_GLOBAL: {
              // inline cache: valid while neither namespace has changed since the value was found
              const gc = d.globalCache;
              const ci = (pc - 1) * 4;
              const globals = i32[(frame + FR_GLOBALS) >> 2]!;
              const builtins = i32[(frame + FR_BUILTINS) >> 2]!;
              let v: number;
              if (gc[ci] === globals && gc[ci + 1] === i32[(globals + DICT_VERSION) >> 2]
                && gc[ci + 2] === i32[(builtins + DICT_VERSION) >> 2] && gc[ci + 3] !== 0) {
                v = gc[ci + 3]!;
              } else {
                // the versions are read BEFORE the lookups: without the GIL another worker may change
                // a namespace in between, and an entry pairing the old value with the new version would
                // stay valid (its value freed once the delayed drops let it go: nogil/qsbr.ts)
                const gv = i32[(globals + DICT_VERSION) >> 2]!;
                const bv = i32[(builtins + DICT_VERSION) >> 2]!;
                const name = (i32[names + (arg >> 1)]! as Ref);
                const h = hashOf(rt, name);
                v = dictGetWithHash(rt, globals as Ref, name, h);
                if (v === 0) v = dictGetWithHash(rt, builtins as Ref, name, h);
                if (v === 0) this.raiseName(name);
                gc[ci] = globals;
                gc[ci + 1] = gv;
                gc[ci + 2] = bv;
                gc[ci + 3] = v;
              }
              if ((arg & 1) !== 0) i32[sp++] = 0;
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.STORE_GLOBAL: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[--sp]! as Ref;
              dictSet(rt, i32[(frame + FR_GLOBALS) >> 2]! as Ref, (i32[names + arg]! as Ref), v);
              decrefW(rt, i32, v);
              break;
            }
            case Op.DELETE_GLOBAL:
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              if (!dictDel(rt, i32[(frame + FR_GLOBALS) >> 2]! as Ref, (i32[names + arg]! as Ref))) this.raiseName((i32[names + arg]! as Ref));
              break;
            case Op.LOAD_NAME: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const name = (i32[names + arg]! as Ref);
              const locals = i32[(frame + FR_LOCALS) >> 2]! as Ref;
              let v: Ref | 0 = 0;
              if (locals !== 0) {
                if (rt.kindOf(locals) === Kind.DICT) v = dictGet(rt, locals, name);
                else {
                  try {
                    const got = getItem(rt, locals, name);
                    i32[sp++] = got;
                    break;
                  } catch (e) {
                    if (!(e instanceof PyRaise) || !rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'KeyError'))) throw e;
                    rt.decref(e.exc);
                  }
                }
              }
              if (v === 0) v = dictGet(rt, i32[(frame + FR_GLOBALS) >> 2]! as Ref, name);
              if (v === 0) v = dictGet(rt, i32[(frame + FR_BUILTINS) >> 2]! as Ref, name);
              if (v === 0) this.raiseName(name);
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.STORE_NAME: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[--sp]! as Ref;
              const locals = i32[(frame + FR_LOCALS) >> 2]! as Ref;
              try {
                if (rt.kindOf(locals) === Kind.DICT) dictSet(rt, locals, (i32[names + arg]! as Ref), v);
                else setItem(rt, locals, (i32[names + arg]! as Ref), v);
              } finally {
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.DELETE_NAME: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const locals = i32[(frame + FR_LOCALS) >> 2]! as Ref;
              if (rt.kindOf(locals) === Kind.DICT) {
                if (!dictDel(rt, locals, (i32[names + arg]! as Ref))) this.raiseName((i32[names + arg]! as Ref));
              } else delItem(rt, locals, (i32[names + arg]! as Ref));
              break;
            }
            case Op.MAKE_CELL: {
              const v = i32[lp + arg]! as Ref;
              const c = newCell(rt, v);
              if (v !== 0) decrefW(rt, i32, v);
              i32[lp + arg] = c;
              break;
            }
            case Op.COPY_FREE_VARS: {
              const func = i32[(frame + FR_FUNC) >> 2]! as Ref;
              const closure = i32[(func + FN_CLOSURE) >> 2]! as Ref;
              const first = d.nlocalsplus - arg;
              for (let k = 0; k < arg; k++) {
                const c = i32[((closure + TUPLE_ITEMS) >> 2) + k]!;
                increfW(i32, c);
                i32[lp + first + k] = c;
              }
              break;
            }
            case Op.LOAD_CLOSURE: {
              const c = i32[lp + arg]!;
              increfW(i32, c);
              i32[sp++] = c;
              break;
            }
            case Op.LOAD_DEREF: {
              const v = i32[(i32[lp + arg]! + CELL_REF) >> 2]!;
              if (v === 0) this.raiseFreeUnbound(d, arg, this.localName(d, arg));
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.LOAD_CLASSDEREF: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const locals = i32[(frame + FR_LOCALS) >> 2]! as Ref;
              const nm = rt.newStr(this.localName(d, arg));
              const v0 = dictGet(rt, locals, nm);
              rt.decref(nm);
              let v = v0;
              if (v === 0) v = i32[(i32[lp + arg]! + CELL_REF) >> 2]! as Ref;
              if (v === 0) this.raiseFreeUnbound(d, arg, this.localName(d, arg));
              increfW(i32, v);
              i32[sp++] = v;
              break;
            }
            case Op.STORE_DEREF: {
              const cell = i32[lp + arg]!;
              const old = i32[(cell + CELL_REF) >> 2]!;
              i32[(cell + CELL_REF) >> 2] = i32[--sp]!;
              if (old !== 0) decrefW(rt, i32, old);
              break;
            }
            case Op.DELETE_DEREF: {
              const cell = i32[lp + arg]!;
              const old = i32[(cell + CELL_REF) >> 2]!;
              if (old === 0) this.raiseFreeUnbound(d, arg, this.localName(d, arg));
              i32[(cell + CELL_REF) >> 2] = 0;
              decrefW(rt, i32, old);
              break;
            }

            case Op.LOAD_ATTR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const owner = i32[sp - 1]! as Ref;
              const v = getAttr(rt, owner, (i32[names + arg]! as Ref));
              i32[sp - 1] = v;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              decrefW(rt, i32, owner);
              break;
            }
            case Op.STORE_ATTR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const owner = i32[sp - 1]! as Ref;
              const v = i32[sp - 2]! as Ref;
              sp -= 2;
              try {
                setAttr(rt, owner, (i32[names + arg]! as Ref), v);
              } finally {
                decrefW(rt, i32, owner);
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.DELETE_ATTR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const owner = i32[--sp]! as Ref;
              try {
                delAttr(rt, owner, (i32[names + arg]! as Ref));
              } finally {
                decrefW(rt, i32, owner);
              }
              break;
            }
            case Op.LOAD_METHOD: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const owner = i32[sp - 1]! as Ref;
              const [meth, v] = loadMethod(rt, owner, (i32[names + arg]! as Ref));
              if (meth !== 0) {
                increfW(i32, meth);
                i32[sp - 1] = meth;
                i32[sp++] = owner; // the owner's reference moves to the self slot
              } else {
                i32[sp - 1] = 0;
                i32[sp++] = v;
                decrefW(rt, i32, owner);
              }
              break;
            }

            case Op.UNARY_NEGATIVE: case Op.UNARY_POSITIVE: case Op.UNARY_INVERT: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[sp - 1]! as Ref;
              const op = word & OP_MASK;
              const r = unaryOp(rt, op === Op.UNARY_NEGATIVE ? 'neg' : op === Op.UNARY_POSITIVE ? 'pos' : 'invert', v);
              i32[sp - 1] = r;
              decrefW(rt, i32, v);
              break;
            }
            case Op.UNARY_NOT: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[sp - 1]! as Ref;
              const t = truthy(rt, v);
              i32[sp - 1] = t ? rt.False : rt.True;
              decrefW(rt, i32, v);
              break;
            }
            case Op.LOAD_FAST_CONST__COMPARE_JUMP: {
              const a = i32[lp + arg]!;
              if (a === 0) this.unbound(d, arg);
              const b = i32[consts + (i32[cb + pc]! >>> 8)]!;
              const cmp = i32[cb + pc + 1]! >>> 8;
              const jump = i32[cb + pc + 2]!;
              pc += 3;
              ticks -= 3;
              let t: boolean;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                t = compareNumbers(cmp, x, y);
              } else {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 2);
                const r = richCompare(rt, a as Ref, b as Ref, cmp);
                try {
                  t = r === True ? true : r === False ? false : truthy(rt, r);
                } finally {
                  decrefW(rt, i32, r);
                }
              }
              if (t === ((jump & 0xff) === Op.POP_JUMP_IF_TRUE)) pc = jump >>> 8;
              break;
            }
            case Op.LOAD_FAST_CONST__BINARY_OP_STORE: {
              const a = i32[lp + arg]!;
              if (a === 0) this.unbound(d, arg);
              const b = i32[consts + (i32[cb + pc]! >>> 8)]!;
              const op = i32[cb + pc + 1]! >>> 8;
              const slot = lp + (i32[cb + pc + 2]! >>> 8);
              pc += 3;
              ticks -= 3;
              let r = 0;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                const v = op === 10 || op === 23 ? x - y : op === 0 || op === 13 ? x + y : NaN;
                if (v === v && v >= -0x1f_ffff_ffff_ffff && v <= 0x1f_ffff_ffff_ffff) r = rt.newCompactInt(v);
                else r = this.intFastPath(op, x, y);
              } else if (i32[(a + 4) >> 2] === floatType || i32[(b + 4) >> 2] === floatType) {
                r = this.floatFastPath(op, a as Ref, b as Ref);
              }
              if (r === 0) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 2);
                r = binaryOp(rt, op, a as Ref, b as Ref);
              }
              const old = i32[slot]!;
              i32[slot] = r;
              if (old !== 0) decrefW(rt, i32, old);
              break;
            }
            case Op.BINARY_OP__STORE_FAST: {
              const b = i32[sp - 1]! as Ref;
              const a = i32[sp - 2]! as Ref;
              let r = 0;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                // `+` and `-` inline; the rest through intFastPath
                const v = arg === 10 || arg === 23 ? x - y : arg === 0 || arg === 13 ? x + y : NaN;
                if (v === v && v >= -0x1f_ffff_ffff_ffff && v <= 0x1f_ffff_ffff_ffff) r = rt.newCompactInt(v);
                else r = this.intFastPath(arg, x, y);
              } else if (i32[(a + 4) >> 2] === floatType || i32[(b + 4) >> 2] === floatType) {
                r = this.floatFastPath(arg, a, b);
              }
              if (r === 0) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                r = binaryOp(rt, arg, a, b);
              }
              sp -= 2;
              decrefW(rt, i32, a);
              decrefW(rt, i32, b);
              const slot = lp + (i32[cb + pc++]! >>> 8);
              const old = i32[slot]!;
              i32[slot] = r;
              if (old !== 0) decrefW(rt, i32, old);
              ticks--;
              break;
            }
            case Op.BINARY_OP: {
              // the compact-int arithmetic is written out here and in the two superinstructions on purpose:
              // moved into a method the countdown took 12% longer (V8 did not inline it into this loop)
              const b = i32[sp - 1]! as Ref;
              const a = i32[sp - 2]! as Ref;
              let r = 0;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                const v = arg === 0 || arg === 13 ? x + y : arg === 10 || arg === 23 ? x - y : NaN;
                if (v === v && v >= -0x1f_ffff_ffff_ffff && v <= 0x1f_ffff_ffff_ffff) r = rt.newCompactInt(v);
                else r = this.intFastPath(arg, x, y);
              } else if (i32[(a + 4) >> 2] === floatType || i32[(b + 4) >> 2] === floatType) {
                r = this.floatFastPath(arg, a, b);
              }
              if (r === 0) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                r = binaryOp(rt, arg, a, b);
              }
              sp--;
              i32[sp - 1] = r;
              decrefW(rt, i32, a);
              decrefW(rt, i32, b);
              break;
            }
            case Op.COMPARE_OP: {
              const b = i32[sp - 1]! as Ref;
              const a = i32[sp - 2]! as Ref;
              let r: number;
              if (i32[(a + 4) >> 2] === intType && i32[(b + 4) >> 2] === intType
                && ((i32[(a + META) >> 2]! | i32[(b + META) >> 2]!) & BIG) === 0) {
                const x = f64[(a + 16) >> 3]!;
                const y = f64[(b + 16) >> 3]!;
                const t = compareNumbers(arg, x, y);
                r = t ? True : False;
              } else {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                r = richCompare(rt, a, b, arg);
              }
              sp--;
              i32[sp - 1] = r;
              decrefW(rt, i32, a);
              decrefW(rt, i32, b);
              break;
            }
            case Op.IS_OP: {
              const b = i32[--sp]!;
              const a = i32[sp - 1]!;
              i32[sp - 1] = (a === b) !== (arg === 1) ? rt.True : rt.False;
              decrefW(rt, i32, a);
              decrefW(rt, i32, b);
              break;
            }
            case Op.CONTAINS_OP: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const b = i32[sp - 1]! as Ref;
              const a = i32[sp - 2]! as Ref;
              const t = contains(rt, b, a);
              sp--;
              i32[sp - 1] = t !== (arg === 1) ? rt.True : rt.False;
              decrefW(rt, i32, a);
              decrefW(rt, i32, b);
              break;
            }
            case Op.BINARY_SUBSCR: {
              const key = i32[sp - 1]! as Ref;
              const container = i32[sp - 2]! as Ref;
              let r = 0;
              if (i32[(container + 4) >> 2] === rt.types[Kind.LIST] && i32[(key + 4) >> 2] === rt.types[Kind.INT]
                && (i32[(key + META) >> 2]! & BIG) === 0) {
                let idx = f64[(key + 16) >> 3]!;
                const n = i32[(container + LIST_SIZE) >> 2]!;
                if (idx < 0) idx += n;
                if (idx >= 0 && idx < n) {
                  r = i32[itemsBase(rt, container) + idx]!;
                  increfW(i32, r);
                }
              }
              if (r === 0) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                r = getItem(rt, container, key);
              }
              sp--;
              i32[sp - 1] = r;
              decrefW(rt, i32, container);
              decrefW(rt, i32, key);
              break;
            }
            case Op.STORE_SUBSCR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const key = i32[sp - 1]! as Ref;
              const container = i32[sp - 2]! as Ref;
              const v = i32[sp - 3]! as Ref;
              sp -= 3;
              try {
                setItem(rt, container, key, v);
              } finally {
                decrefW(rt, i32, key);
                decrefW(rt, i32, container);
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.DELETE_SUBSCR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const key = i32[sp - 1]! as Ref;
              const container = i32[sp - 2]! as Ref;
              sp -= 2;
              try {
                delItem(rt, container, key);
              } finally {
                decrefW(rt, i32, key);
                decrefW(rt, i32, container);
              }
              break;
            }

            case Op.BUILD_TUPLE: {
              const t = newTuple(rt, arg);
              sp -= arg;
              if (arg > 0) i32.copyWithin((t + TUPLE_ITEMS) >> 2, sp, sp + arg);
              i32[sp++] = t;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              break;
            }
            case Op.BUILD_LIST: {
              const l = newList(rt, arg);
              sp -= arg;
              if (arg > 0) i32.copyWithin(itemsBase(rt, l), sp, sp + arg);
              i32[sp++] = l;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              break;
            }
            case Op.BUILD_SET: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const set = this.newSetFromStack(sp - arg, arg);
              for (let k = 0; k < arg; k++) decrefW(rt, i32, i32[sp - arg + k]!);
              sp -= arg;
              i32[sp++] = set;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              break;
            }
            case Op.BUILD_MAP: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const dct = newDict(rt, arg);
              const base = sp - 2 * arg;
              try {
                for (let k = 0; k < arg; k++) dictSet(rt, dct, i32[base + 2 * k]! as Ref, i32[base + 2 * k + 1]! as Ref);
              } catch (e) {
                rt.decref(dct);
                throw e;
              }
              for (let k = 0; k < 2 * arg; k++) decrefW(rt, i32, i32[base + k]!);
              sp = base;
              i32[sp++] = dct;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              break;
            }
            case Op.BUILD_CONST_KEY_MAP: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const keys = i32[sp - 1]! as Ref;
              const base = sp - 1 - arg;
              const dct = newDict(rt, arg);
              for (let k = 0; k < arg; k++) dictSet(rt, dct, i32[((keys + TUPLE_ITEMS) >> 2) + k]! as Ref, i32[base + k]! as Ref);
              for (let k = 0; k < arg; k++) decrefW(rt, i32, i32[base + k]!);
              decrefW(rt, i32, keys);
              sp = base;
              i32[sp++] = dct;
              break;
            }
            case Op.BUILD_STRING: {
              const base = sp - arg;
              const s = buildString(rt, i32.subarray(base, sp));
              for (let k = 0; k < arg; k++) decrefW(rt, i32, i32[base + k]!);
              sp = base;
              i32[sp++] = s;
              break;
            }
            case Op.BUILD_SLICE: {
              const step = arg === 3 ? i32[--sp]! as Ref : rt.None;
              const stop = i32[--sp]! as Ref;
              const start = i32[--sp]! as Ref;
              i32[sp++] = newSlice(rt, start, stop, step);
              decrefW(rt, i32, start);
              decrefW(rt, i32, stop);
              if (arg === 3) decrefW(rt, i32, step);
              break;
            }
            case Op.LIST_APPEND: {
              const v = i32[--sp]! as Ref;
              listAppend(rt, i32[sp - arg]! as Ref, v);
              decrefW(rt, i32, v);
              break;
            }
            case Op.SET_ADD: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[--sp]! as Ref;
              try {
                setAdd(rt, i32[sp - arg]! as Ref, v);
              } finally {
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.MAP_ADD: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[--sp]! as Ref;
              const k = i32[--sp]! as Ref;
              try {
                dictSet(rt, i32[sp - arg]! as Ref, k, v);
              } finally {
                decrefW(rt, i32, k);
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.LIST_EXTEND: case Op.SET_UPDATE: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const it = i32[--sp]! as Ref;
              const target = i32[sp - arg]! as Ref;
              if ((word & 0xff) === Op.SET_UPDATE) {
                // set.update's own algorithm: its table layout (and so the iteration order) is CPython's
                try {
                  setUpdate(rt, target, it);
                } finally {
                  decrefW(rt, i32, it);
                }
                break;
              }
              try {
                const items = rt.kindOf(it) === Kind.TUPLE ? tupleItems(rt, it) : rt.kindOf(it) === Kind.LIST ? listItems(rt, it) : null;
                if (items !== null) {
                  for (const x of items) {
                    if ((word & 0xff) === Op.LIST_EXTEND) listAppend(rt, target, x);
                    else setAdd(rt, target, x);
                  }
                } else {
                  let all: Ref[];
                  try {
                    all = iterateToArray(rt, it);
                  } catch (e) {
                    if (e instanceof PyRaise && rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'TypeError'))
                      && (word & 0xff) === Op.LIST_EXTEND && !this.isIterable(it)) {
                      rt.decref(e.exc);
                      rt.raise('TypeError', `Value after * must be an iterable, not ${rt.typeNameOf(it)}`);
                    }
                    throw e;
                  }
                  for (const x of all) {
                    if ((word & 0xff) === Op.LIST_EXTEND) listAppend(rt, target, x);
                    else setAdd(rt, target, x);
                    rt.decref(x);
                  }
                }
              } finally {
                decrefW(rt, i32, it);
              }
              break;
            }
            case Op.DICT_UPDATE: case Op.DICT_MERGE: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const m = i32[--sp]! as Ref;
              const target = i32[sp - arg]! as Ref;
              try {
                this.dictMerge(target, m, (word & 0xff) === Op.DICT_MERGE, i32[sp - arg - 2]! as Ref);
              } finally {
                decrefW(rt, i32, m);
              }
              break;
            }
            case Op.LIST_TO_TUPLE: {
              const l = i32[sp - 1]! as Ref;
              const items = listItems(rt, l);
              const t = newTuple(rt, items.length);
              for (let k = 0; k < items.length; k++) {
                increfW(i32, items[k]!);
                i32[((t + TUPLE_ITEMS) >> 2) + k] = items[k]!;
              }
              i32[sp - 1] = t;
              decrefW(rt, i32, l);
              break;
            }
            case Op.UNPACK_SEQUENCE: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const seq = i32[sp - 1]! as Ref;
              const kind = rt.kindOf(seq);
              let items: Ref[];
              let owned = false;
              if (kind === Kind.TUPLE) items = tupleItems(rt, seq);
              else if (kind === Kind.LIST) items = listItems(rt, seq);
              else {
                items = unpackIterable(rt, seq, arg, -1);
                owned = true;
              }
              if (!owned && items.length !== arg) {
                if (items.length < arg) rt.raise('ValueError', `not enough values to unpack (expected ${arg}, got ${items.length})`);
                rt.raise('ValueError', `too many values to unpack (expected ${arg})`);
              }
              sp--;
              for (let k = items.length - 1; k >= 0; k--) {
                if (!owned) increfW(i32, items[k]!);
                i32[sp++] = items[k]!;
              }
              decrefW(rt, i32, seq);
              break;
            }
            case Op.UNPACK_EX: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const before = arg & 0xff;
              const after = arg >> 8;
              const seq = i32[sp - 1]! as Ref;
              const items = unpackIterable(rt, seq, before, after);
              sp--;
              decrefW(rt, i32, seq);
              // items: before..., rest list, after... ; pushed so that the first is on top
              for (let k = items.length - 1; k >= 0; k--) i32[sp++] = items[k]!;
              break;
            }

            case Op.GET_ITER: {
              const v = i32[sp - 1]! as Ref;
              const vType = i32[(v + 4) >> 2];
              let it: Ref;
              // an exact list or tuple: its iterator straight away (what its `iter` slot makes; no code runs)
              if (vType === listType) it = newSeqIter(rt, v, SeqFlavor.LIST);
              else if (vType === tupleType) it = newSeqIter(rt, v, SeqFlavor.TUPLE);
              else {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                it = getIter(rt, v);
              }
              i32[sp - 1] = it;
              decrefW(rt, i32, v);
              break;
            }
            case Op.JUMP_BACKWARD__FOR_ITER: case Op.FOR_ITER: case Op.FOR_ITER__STORE_FAST: {
              /** The FOR_ITER word to run: this one, or the one a JUMP_BACKWARD__FOR_ITER goes back to. */
              let forIter = word;
              if ((word & 0xff) === Op.JUMP_BACKWARD__FOR_ITER) {
                // a loop's jump back to its FOR_ITER runs that word too, counted as the instruction it is,
                // unless the countdown ends at it: then it runs as a word of its own, after the tick
                pc = arg;
                if (ticks <= 1) break;
                forIter = i32[cb + pc++]!;
                ticks--;
              }
              const it = i32[sp - 1]! as Ref;
              const itType = i32[(it + 4) >> 2];
              /** The next item (a new reference), or 0 for none yet. */
              let x = 0;
              // the exact range, list and tuple iterators, stepped here while they have an item (cf. CPython
              // 3.12's FOR_ITER_RANGE / _LIST / _TUPLE): what their `next` slot does, without the slot
              // lookup and the call; the registers stay unsaved, as STORE_FAST leaves them (the fused store's
              // decref may run a __del__, which then sees the frame's line as of its last saved instruction;
              // a running generator's locals and stack are not traversed: traverseGenerator).
              // Exhausted (or a range of int objects), they take the generic path, which drops the
              // sequence as `next` does
              if (itType === rangeIterType) {
                if (i32[(it + RangeIterLayout.MODE) >> 2] === 0) {
                  const left = f64[(it + RangeIterLayout.LEFT) >> 3]!;
                  if (left > 0) {
                    const v = f64[(it + RangeIterLayout.NEXT) >> 3]!;
                    f64[(it + RangeIterLayout.NEXT) >> 3] = v + f64[(it + RangeIterLayout.STEP) >> 3]!;
                    f64[(it + RangeIterLayout.LEFT) >> 3] = left - 1;
                    x = rt.newCompactInt(v); // (|v| < 2**52 in mode 0)
                  }
                }
              } else if (itType === seqIterType) {
                const seq = i32[(it + SeqIterLayout.SEQ) >> 2]! as Ref;
                const flavor = i32[(it + SeqIterLayout.FLAVOR) >> 2]!;
                if (seq !== 0 && flavor <= SeqFlavor.TUPLE) {
                  const idx = f64[(it + SeqIterLayout.INDEX) >> 3]!;
                  if (flavor === SeqFlavor.LIST) {
                    // (the list's current size and items: appends made in the loop are seen, a shrink ends it)
                    if (idx < i32[(seq + LIST_SIZE) >> 2]!) {
                      x = i32[itemsBase(rt, seq) + idx]!;
                      increfW(i32, x);
                    }
                  } else if (idx < i32[(seq + TUPLE_SIZE) >> 2]!) {
                    x = i32[((seq + TUPLE_ITEMS) >> 2) + idx]!;
                    increfW(i32, x);
                  }
                  if (x !== 0) f64[(it + SeqIterLayout.INDEX) >> 3] = idx + 1;
                }
              }
              if (x === 0) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                if (itType === generatorType) {
                  const st = i32[(it + GEN_STATE) >> 2]!;
                  if ((st === GEN_SUSPENDED || st === GEN_CREATED) && i32[(tsRef + TS_DEPTH) >> 2]! < this.recursionLimit) {
                    // resume the generator in this loop; its yield comes back here (to the STORE_FAST word
                    // of a FOR_ITER__STORE_FAST, which runs as a word of its own), its end jumps to arg
                    this.linkGenerator(it, None);
                    frame = (it + GEN_FRAME) as Ref; d = decodeCode(rt, i32[(it + GEN_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; consts = d.constsBase; names = d.namesBase;
                    break;
                  }
                }
                x = iterNext(rt, it);
                if (x === 0) {
                  sp--;
                  decrefW(rt, i32, it);
                  pc = forIter >>> 8;
                  break;
                }
              }
              if ((forIter & 0xff) === Op.FOR_ITER__STORE_FAST && ticks > 1 && !rt.gcPending && (i32[cb + pc]! & 0xff) === Op.STORE_FAST) {
                // the STORE_FAST word that follows runs here, counted as the instruction it is, unless the
                // countdown ends at it or a collection is due: then it runs as a word of its own, after the
                // tick, so that a GIL switch or a collection falls where it would (a STORE_FAST__LOAD_FAST
                // word runs as a word of its own too)
                const slot = lp + (i32[cb + pc++]! >>> 8);
                ticks--;
                const old = i32[slot]!;
                i32[slot] = x;
                if (old !== 0) decrefW(rt, i32, old);
              } else {
                i32[sp++] = x;
                if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              }
              break;
            }
            case Op.JUMP_FORWARD:
              pc = arg;
              break;
            case Op.JUMP_BACKWARD:
              pc = arg;
              // jit: begin (a loop that runs many times goes on as compiled code, from its head: entered there
              // like a frame the loop returns into, with the loop's countdown; a function whose loop runs
              // once is compiled too, as a function called many times is)
              if (this.jitEnabled && primedRest === 0 && i32[(frame + FR_LOCALS) >> 2] === 0) {
                const jf = compiledOnCall(rt, d);
                if (jf !== null) {
                  const r = jf(this, frame, pc, ticks, sp - lp - d.nlocalsplus);
                  if (r === JIT_SWITCH) return RUN_SWITCHED as Ref;
                  ticks = this.jitTicks;
                  // handed back (JIT_BAIL): go on from the thread's top frame, as the compiled code left it;
                  // returned (its frame popped): into the frame below, as RETURN_VALUE does
                  frame = i32[(tsRef + TS_FRAME) >> 2]! as Ref; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
                  if (r !== JIT_BAIL) i32[sp++] = r;
                }
              }
              // jit: end
              break;
            case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: {
              const v = i32[--sp]! as Ref;
              let t: boolean;
              if (v === True) t = true;
              else if (v === False) t = false;
              else {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                try {
                  t = truthy(rt, v);
                } finally {
                  decrefW(rt, i32, v);
                }
              }
              if (t === ((word & 0xff) === Op.POP_JUMP_IF_TRUE)) pc = arg;
              break;
            }
            case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE: {
              const v = i32[--sp]!;
              if ((v === None) === ((word & 0xff) === Op.POP_JUMP_IF_NONE)) pc = arg;
              decrefW(rt, i32, v);
              break;
            }
            case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP: {
              const v = i32[sp - 1]! as Ref;
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const t = v === rt.True ? true : v === rt.False ? false : truthy(rt, v);
              if (t === ((word & 0xff) === Op.JUMP_IF_TRUE_OR_POP)) pc = arg;
              else {
                sp--;
                decrefW(rt, i32, v);
              }
              break;
            }

            case Op.MAKE_FUNCTION: {
              const code = i32[--sp]! as Ref;
              const closure = (arg & 8) !== 0 ? i32[--sp]! as Ref : 0 as Ref;
              const annotations = (arg & 4) !== 0 ? i32[--sp]! as Ref : 0 as Ref;
              const kwdefaults = (arg & 2) !== 0 ? i32[--sp]! as Ref : 0 as Ref;
              const defaults = (arg & 1) !== 0 ? i32[--sp]! as Ref : 0 as Ref;
              i32[sp++] = this.makeFunction(frame, code, defaults, kwdefaults, annotations, closure);
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              decrefW(rt, i32, code);
              if (closure !== 0) decrefW(rt, i32, closure);
              if (annotations !== 0) decrefW(rt, i32, annotations);
              if (kwdefaults !== 0) decrefW(rt, i32, kwdefaults);
              if (defaults !== 0) decrefW(rt, i32, defaults);
              break;
            }
            case Op.KW_NAMES:
              i32[(frame + FR_KWNAMES) >> 2] = i32[consts + arg]!;
              break;
            case Op.PRECALL__CALL:
            case Op.CALL: {
              if ((word & 0xff) === Op.PRECALL__CALL) {
                // the PRECALL has run (a no-op); the CALL word that follows (same argument) runs here,
                // counted as the instruction it is, unless the countdown ends at it: then it runs as a
                // word of its own, after the tick, so that a GIL switch falls where it would unfused
                if (ticks <= 1) break;
                pc++;
                ticks--;
              }
              const kwnames = i32[(frame + FR_KWNAMES) >> 2]! as Ref;
              if (kwnames !== 0) i32[(frame + FR_KWNAMES) >> 2] = 0;
              let isMethod = i32[sp - arg - 2] !== 0;
              if (!isMethod && i32[(i32[sp - arg - 1]! + 4) >> 2] === methodType) {
                // a bound method: its function and self take its place, as CPython's CALL does
                const m = i32[sp - arg - 1]! as Ref;
                const mf = i32[(m + METHOD_FUNC) >> 2]!;
                const ms = i32[(m + METHOD_SELF) >> 2]!;
                increfW(i32, mf);
                increfW(i32, ms);
                i32[sp - arg - 2] = mf;
                i32[sp - arg - 1] = ms;
                decrefW(rt, i32, m);
                isMethod = true;
              }
              const callable = (isMethod ? i32[sp - arg - 2]! : i32[sp - arg - 1]!) as Ref;
              const nargs = isMethod ? arg + 1 : arg;
              const base = sp - nargs;
              if (i32[(callable + 4) >> 2] === functionType) {
                // A Python function: push its frame and stay in this loop. The caller's saved stack
                // ends below the callable; the arguments' references move into the callee.
                const calleeSlot = sp - arg - 2;
                const stackBase = lp + d.nlocalsplus;
                const code = i32[(callable + FN_CODE) >> 2]! as Ref;
                let cd = d; // (a recursive call: the caller's code, decoded already)
                if (code !== d.ref) {
                  const serial = i32[(code + CO_SERIAL) >> 2]!;
                  const hit = codeFront[serial & DECODED_FRONT_MASK];
                  cd = hit !== undefined && hit.ref === code && hit.serial === serial ? hit : decodeCode(rt, code);
                }
                if (kwnames === 0 && nargs === cd.fastArgcount && i32[(tsRef + TS_DEPTH) >> 2]! < this.recursionLimit) {
                  // the common case, inline: exact positional arguments, no cells to bind
                  i32[(frame + FR_PC) >> 2] = pc;
                  i32[(frame + FR_LASTI) >> 2] = pc - 1;
                  i32[(frame + FR_SP) >> 2] = calleeSlot - stackBase;
                  // ts.pushFrameBlock, inlined when the current data-stack chunk has room (compiled code,
                  // jit.ts, makes the same push twice: keep the three in step)
                  const fbytes = cd.frameSize;
                  const chunk = i32[(tsRef + TS_CHUNK) >> 2]!;
                  let f = i32[(tsRef + TS_TOP) >> 2]! as Ref;
                  if (f + fbytes > i32[(chunk + CH_END) >> 2]!) {
                    f = ts.pushFrameBlock(fbytes, FR_LOCALSPLUS + cd.nlocalsplus * 4);
                  } else {
                    // zeroed: the header words not written below, and the locals past the arguments
                    i32[(tsRef + TS_TOP) >> 2] = f + fbytes;
                    i32[(f + FR_CHUNK) >> 2] = chunk;
                    i32[(f + FR_LOCALS) >> 2] = 0;
                    i32[(f + FR_PC) >> 2] = 0;
                    i32[(f + FR_SP) >> 2] = 0;
                    i32[(f + FR_LASTI) >> 2] = 0;
                    i32[(f + FR_KWNAMES) >> 2] = 0;
                    i32[(f + FR_FLAGS) >> 2] = 0;
                    for (let k = ((f + FR_LOCALSPLUS) >> 2) + nargs, end = ((f + FR_LOCALSPLUS) >> 2) + cd.nlocalsplus; k < end; k++) i32[k] = 0;
                  }
                  i32[(f + FR_PREV) >> 2] = frame;
                  i32[(f + FR_CODE) >> 2] = code;
                  i32[(f + FR_FUNC) >> 2] = callable;
                  i32[(f + FR_GLOBALS) >> 2] = i32[(callable + FN_GLOBALS) >> 2]!;
                  i32[(f + FR_BUILTINS) >> 2] = i32[(callable + FN_BUILTINS) >> 2]!;
                  i32[(tsRef + TS_FRAME) >> 2] = f;
                  i32[(tsRef + TS_DEPTH) >> 2]!++;
                  // references move: the callable's to the frame (FR_FUNC), the arguments' (self
                  // included, for a method) to the parameters; the NULL slot held none. (The slots they
                  // leave are above the caller's saved stack depth: nothing reads them.)
                  const fl = (f + FR_LOCALSPLUS) >> 2;
                  for (let k = 0; k < nargs; k++) i32[fl + k] = i32[base + k]!;
                  // jit: begin (a hot function runs as JS of its own, jit.ts; the traced and no-GIL builds of the
                  // loop have no such part: scripts/gen-traced-loop.mjs takes it out. Not before the primed
                  // tick: compiled code's ticks are real ones)
                  if (this.jitEnabled && primedRest === 0) {
                    const jf = compiledOnCall(rt, cd);
                    if (jf !== null) {
                      const start = ticks > 1 ? cd.entryPc : 0;
                      const r = jf(this, f, start, ticks - start, 0);
                      if (r === JIT_SWITCH) return RUN_SWITCHED as Ref;
                      ticks = this.jitTicks;
                      if (r !== JIT_BAIL) {
                        // returned, its frame popped: the result takes the callable's place
                        sp = calleeSlot;
                        i32[sp++] = r;
                        break;
                      }
                      // handed back: go on from the thread's top frame, as the compiled code left it
                      frame = i32[(tsRef + TS_FRAME) >> 2]! as Ref; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
                      break;
                    }
                  }
                  // jit: end
                  frame = f; d = cd; cb = d.codeBase; lp = fl; sp = lp + d.nlocalsplus; consts = d.constsBase; names = d.namesBase;
                  // the callee's RESUME (a no-op) is stepped over and counted, unless the countdown ends
                  // at it (then the tick comes first, where it would without the step)
                  pc = ticks > 1 ? d.entryPc : 0; ticks -= pc;
                  break;
                }
                i32[(frame + FR_PC) >> 2] = pc;
                i32[(frame + FR_LASTI) >> 2] = pc - 1;
                i32[(frame + FR_SP) >> 2] = sp - stackBase;
                const callee = this.enterFunction(callable, base, nargs, kwnames);
                if (callee !== 0) {
                  i32[(frame + FR_SP) >> 2] = calleeSlot - stackBase;
                  const x = i32[calleeSlot]!;
                  const y = i32[calleeSlot + 1]!;
                  i32[calleeSlot] = 0;
                  i32[calleeSlot + 1] = 0;
                  if (x !== 0) decrefW(rt, i32, x);
                  if (y !== 0) decrefW(rt, i32, y);
                  frame = callee; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus; pc = 0; consts = d.constsBase; names = d.namesBase;
                  break;
                }
              }
              if (i32[(callable + 4) >> 2] === typeType) {
                // a class whose __init__ is a Python function: that frame runs in this loop (enterInit)
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                const init = this.enterInit(callable, base, nargs, kwnames, sp - arg - 2);
                if (init !== 0) {
                  // the countdown goes on as a nested run's would (see initCountdowns)
                  this.initCountdowns.push(ticks, primedRest);
                  ticks = this.ticks;
                  primedRest = 0;
                  frame = init; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus; pc = 0; consts = d.constsBase; names = d.namesBase;
                  break;
                }
              }
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              if (this.nestedRuns === 1) rt.restartableCall = callable; // a blocking builtin may rewind to here
              const r = this.callFromStack(callable, base, nargs, kwnames);
              for (let k = sp - arg - 2; k < sp; k++) {
                const v = i32[k]!;
                if (v !== 0) decrefW(rt, i32, v);
              }
              sp = sp - arg - 2;
              i32[sp++] = r;
              if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // a collection is due: tick now
              break;
            }
            case Op.CALL_FUNCTION_EX: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              // the operands stay on the stack until the call is made: an exception leaves them to the
              // unwinder, and a blocking builtin can rewind to this instruction with them in place
              const hasKw = (arg & 1) !== 0;
              const kwargs = hasKw ? i32[sp - 1]! as Ref : 0 as Ref;
              const args = i32[sp - (hasKw ? 2 : 1)]! as Ref;
              const callable = i32[sp - (hasKw ? 3 : 2)]! as Ref;
              const base = sp - (hasKw ? 4 : 3);
              const pos = rt.kindOf(args) === Kind.TUPLE ? tupleItems(rt, args) : null;
              const posOwned: Ref[] = pos === null ? iterateToArray(rt, args) : [];
              let callee: Ref | 0 = 0;
              let r: Ref | 0 = 0;
              try {
                let kw: Map<string, Ref> | null = null;
                if (kwargs !== 0) {
                  kw = new Map();
                  for (let p = dictNextPos(rt, kwargs, -1); p >= 0; p = dictNextPos(rt, kwargs, p)) {
                    const k = dictEntryKey(rt, kwargs, p);
                    if (!strIsStr(rt, k)) rt.raise('TypeError', 'keywords must be strings');
                    kw.set(rt.strValue(k), dictEntryValue(rt, kwargs, p));
                  }
                }
                // a Python function runs in this loop (its frame is pushed, its result comes back here)
                callee = this.pushCall(callable, pos ?? posOwned, kw);
                if (callee === 0) {
                  if (this.nestedRuns === 1) rt.restartableCall = callable;
                  r = callObject(rt, callable, pos ?? posOwned, kw);
                }
              } finally {
                for (const x of posOwned) rt.decref(x);
              }
              for (let k = sp - 1; k >= base; k--) {
                const v = i32[k]!;
                i32[k] = 0;
                if (v !== 0) decrefW(rt, i32, v);
              }
              sp = base;
              if (callee !== 0) {
                i32[(frame + FR_SP) >> 2] = sp - lp - d.nlocalsplus;
                frame = callee; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus; pc = 0; consts = d.constsBase; names = d.namesBase;
                break;
              }
              i32[sp++] = r;
              break;
            }
            case Op.RETURN_VALUE: {
              const r = i32[--sp]!;
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const done = frame;
              const flags = i32[(done + FR_FLAGS) >> 2]!;
              const wasEntry = (flags & FRF_ENTRY) !== 0;
              if ((flags & FRF_OWNED_BY_GENERATOR) !== 0) {
                // a generator returns: to resumeGenerator, or to the FOR_ITER or SEND that resumed it
                this.unlinkGenerator((done - GEN_FRAME) as Ref, true);
                if (wasEntry) {
                  this.ticks = ticks + primedRest;
                  this.generatorReturned = true;
                  return r as Ref;
                }
                frame = ts.frame; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
                const resumer = i32[cb + pc - 1]!;
                const it = i32[sp - 1]!;
                if ((resumer & 0xff) === Op.FOR_ITER || (resumer & 0xff) === Op.FOR_ITER__STORE_FAST) {
                  decrefW(rt, i32, r);
                  sp--;
                } else {
                  i32[sp - 1] = r; // SEND: the value of the yield from
                }
                decrefW(rt, i32, it);
                pc = resumer >>> 8;
                break;
              }
              if ((flags & FRF_INIT) !== 0) {
                // the __init__ of a class call made by enterInit returns: the instance is the call's result
                this.popFrame(done, d);
                frame = ts.frame; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
                this.ticks = ticks;
                primedRest = this.initCountdowns.pop()!;
                ticks = this.initCountdowns.pop()!;
                this.leaveInit(frame, d, r as Ref);
                sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!;
                if (rt.gcPending) { this.instructions -= ticks; ticks = 0; } // as after any call
                break;
              }
              if (wasEntry || i32[(done + FR_FUNC) >> 2] === 0 || i32[(done + FR_LOCALS) >> 2] !== 0) {
                this.popFrame(done, d);
                if (wasEntry) {
                  this.ticks = ticks + primedRest;
                  return r as Ref;
                }
              } else {
                // popFrame, inline for a function's frame: its locals and what its stack holds, then its
                // reference to the function, in popFrame's order
                for (let k = lp; k < sp; k++) {
                  const v = i32[k]!;
                  if (v !== 0) {
                    i32[k] = 0;
                    decrefW(rt, i32, v);
                  }
                }
                decrefW(rt, i32, i32[(done + FR_FUNC) >> 2]!);
                i32[(tsRef + TS_FRAME) >> 2] = i32[(done + FR_PREV) >> 2]!;
                i32[(tsRef + TS_DEPTH) >> 2]!--;
                // ts.popFrameBlock, inline unless the frame is the first of its data-stack chunk
                if (done !== i32[(done + FR_CHUNK) >> 2]! + CH_DATA) i32[(tsRef + TS_TOP) >> 2] = done;
                else ts.popFrameBlock(done);
              }
              frame = i32[(tsRef + TS_FRAME) >> 2]! as Ref;
              {
                // the caller's decoded code: the same as the callee's after a recursive call (the caller
                // holds that code, so it is the live object at that address), else from decodeCode's cache
                const code = i32[(frame + FR_CODE) >> 2]! as Ref;
                if (code !== d.ref) {
                  const serial = i32[(code + CO_SERIAL) >> 2]!;
                  const hit = codeFront[serial & DECODED_FRONT_MASK];
                  d = hit !== undefined && hit.ref === code && hit.serial === serial ? hit : decodeCode(rt, code);
                }
              }
              cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
              i32[sp++] = r;
              // jit: begin (returning into a frame of compiled code, which handed it to the loop when a callee
              // bailed: it goes on compiled, from the word after its call, which starts a block)
              while (d.jit !== null && this.jitEnabled && primedRest === 0) {
                const r2 = d.jit(this, frame, pc, ticks, sp - lp - d.nlocalsplus);
                if (r2 === JIT_SWITCH) return RUN_SWITCHED as Ref;
                ticks = this.jitTicks;
                frame = i32[(tsRef + TS_FRAME) >> 2]! as Ref; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
                if (r2 === JIT_BAIL) break;
                i32[sp++] = r2; // it returned, its frame popped: into the frame below, as here
              }
              // jit: end
              break;
            }

            case Op.IMPORT_NAME: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const fromlist = i32[--sp]! as Ref;
              const level = i32[--sp]! as Ref;
              try {
                const m = importName(rt, this, (i32[names + arg]! as Ref), fromlist, level, i32[(frame + FR_GLOBALS) >> 2]! as Ref);
                i32[sp++] = m;
              } finally {
                decrefW(rt, i32, fromlist);
                decrefW(rt, i32, level);
              }
              break;
            }
            case Op.IMPORT_FROM: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              // (not `i32[sp++] = f(i32[sp - 1])`: JS increments sp before the right side reads it)
              const v = importFrom(rt, i32[sp - 1]! as Ref, (i32[names + arg]! as Ref));
              i32[sp++] = v;
              break;
            }
            case Op.IMPORT_STAR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const m = i32[--sp]! as Ref;
              try {
                importStar(rt, m, i32[(frame + FR_LOCALS) >> 2]! as Ref);
              } finally {
                decrefW(rt, i32, m);
              }
              break;
            }
            case Op.PRINT_EXPR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const v = i32[--sp]! as Ref;
              try {
                printExpr(rt, v);
              } finally {
                decrefW(rt, i32, v);
              }
              break;
            }
            case Op.FORMAT_VALUE: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const spec = (arg & 4) !== 0 ? i32[--sp]! as Ref : 0 as Ref;
              const v = i32[sp - 1]! as Ref;
              try {
                i32[sp - 1] = formatValue(rt, v, arg & 3, spec);
              } catch (e) {
                i32[sp - 1] = rt.None;
                decrefW(rt, i32, v);
                if (spec !== 0) decrefW(rt, i32, spec);
                throw e;
              }
              decrefW(rt, i32, v);
              if (spec !== 0) decrefW(rt, i32, spec);
              break;
            }

            case Op.RAISE_VARARGS: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              if (arg === 0) {
                const cur = ts.excInfo;
                if (cur === 0 || cur === rt.None) rt.raise('RuntimeError', 'No active exception to reraise');
                rt.incref(cur);
                throw new Reraise(cur);
              }
              const cause = arg === 2 ? i32[--sp]! as Ref : 0 as Ref;
              const excArg = i32[--sp]! as Ref;
              const exc = this.makeRaisable(excArg);
              decrefW(rt, i32, excArg);
              if (arg === 2) {
                let c: Ref | 0 = 0;
                try {
                  if (cause !== rt.None) c = this.makeRaisable(cause);
                } finally {
                  decrefW(rt, i32, cause);
                }
                setExcField(rt, exc, EXC_CAUSE, c);
                if (c !== 0) rt.decref(c);
                i32[(exc + EXC_SUPPRESS_CONTEXT) >> 2] = 1;
              }
              throw new PyRaise(exc);
            }
            case Op.LOAD_ASSERTION_ERROR: {
              const t = excType(rt, 'AssertionError');
              i32[sp++] = t;
              break;
            }
            case Op.PUSH_EXC_INFO: {
              const exc = i32[sp - 1]!;
              const prev = ts.excInfo;
              i32[sp - 1] = prev === 0 ? rt.None : prev;
              increfW(i32, exc);
              ts.excInfo = exc as Ref;
              i32[sp++] = exc;
              break;
            }
            case Op.POP_EXCEPT: {
              const prev = i32[--sp]!;
              const cur = ts.excInfo;
              let restored = prev === rt.None ? 0 : prev;
              if (restored === 0 && (i32[(frame + FR_FLAGS) >> 2]! & FRF_OWNED_BY_GENERATOR) !== 0) {
                // a generator's handler saved the state of an earlier resumption: the code that resumed
                // it this time has its own handled exception, visible again (cf. the gi_exc_state chain)
                restored = i32[(frame - GEN_FRAME + GEN_OUTER_EXC) >> 2]!;
                if (restored !== 0) increfW(i32, restored);
              }
              ts.excInfo = restored as Ref;
              if (cur !== 0) decrefW(rt, i32, cur);
              break;
            }
            case Op.CHECK_EXC_MATCH: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const t = i32[--sp]! as Ref;
              const exc = i32[sp - 1]! as Ref;
              try {
                const matched = this.exceptionMatches(exc, t);
                i32[sp++] = matched ? rt.True : rt.False;
              } finally {
                decrefW(rt, i32, t);
              }
              break;
            }
            case Op.RERAISE: {
              const exc = i32[--sp]! as Ref;
              // with an argument, the handler saved the failing instruction's offset: report that line
              const at = arg !== 0 ? Number(rt.intValue(i32[sp - arg]! as Ref)) : -1;
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              throw new Reraise(exc, at);
            }
            case Op.LOAD_BUILD_CLASS: {
              i32[sp++] = this.buildClassFunction();
              break;
            }
            case Op.BEFORE_WITH: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const mgr = i32[sp - 1]! as Ref;
              const [exit, enter] = this.withMethods(mgr);
              let callee: Ref | 0 = 0;
              let enterResult: Ref | 0 = 0;
              try {
                // a Python __enter__ runs in this loop; a builtin one (a lock's) may block and rewind here
                callee = this.pushCall(enter, [], null);
                if (callee === 0) {
                  if (this.nestedRuns === 1) rt.restartableCall = enter;
                  enterResult = callObject(rt, enter, []);
                }
              } catch (e) {
                decrefW(rt, i32, exit);
                throw e;
              } finally {
                decrefW(rt, i32, enter);
              }
              i32[sp - 1] = exit;
              decrefW(rt, i32, mgr);
              if (callee !== 0) {
                i32[(frame + FR_SP) >> 2] = sp - lp - d.nlocalsplus;
                frame = callee; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus; pc = 0; consts = d.constsBase; names = d.namesBase;
                break;
              }
              i32[sp++] = enterResult;
              break;
            }
            case Op.WITH_EXCEPT_START: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              // stack: exit, lasti, prev_exc, exc
              const exc = i32[sp - 1]! as Ref;
              const exit = i32[sp - 4]! as Ref;
              const tb = i32[(exc + EXC_TRACEBACK) >> 2]! as Ref;
              // (not `i32[sp++] = callObject(...)`: if __exit__ raised, the unwinding would release the slot)
              const res = callObject(rt, exit, [rt.typeOf(exc), exc, tb === 0 ? rt.None : tb]);
              i32[sp++] = res;
              break;
            }
            case Op.SETUP_ANNOTATIONS: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const locals = i32[(frame + FR_LOCALS) >> 2]! as Ref;
              const key = intern(rt, '__annotations__');
              if (dictGet(rt, locals, key) === 0) {
                const ann = newDict(rt);
                dictSet(rt, locals, key, ann);
                rt.decref(ann);
              }
              rt.decref(key);
              break;
            }
            case Op.RETURN_GENERATOR: {
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const gen = this.makeGenerator(frame, d);
              // the frame's references moved into the generator: drop its block without releasing them
              const wasEntry = (i32[(frame + FR_FLAGS) >> 2]! & FRF_ENTRY) !== 0;
              i32[(tsRef + TS_FRAME) >> 2] = i32[(frame + FR_PREV) >> 2]!;
              i32[(tsRef + TS_DEPTH) >> 2]!--;
              ts.popFrameBlock(frame);
              if (wasEntry) {
                this.ticks = ticks + primedRest;
                return gen;
              }
              frame = ts.frame; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
              i32[sp++] = gen;
              break;
            }
            case Op.YIELD_VALUE: {
              const v = i32[--sp]!;
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const wasEntry = (i32[(frame + FR_FLAGS) >> 2]! & FRF_ENTRY) !== 0;
              this.unlinkGenerator((frame - GEN_FRAME) as Ref, false);
              if (wasEntry) {
                this.ticks = ticks + primedRest;
                this.generatorReturned = false;
                return v as Ref;
              }
              frame = ts.frame; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
              i32[sp++] = v;
              break;
            }
            case Op.SEND: {
              const v = i32[sp - 1]! as Ref;
              const it = i32[sp - 2]! as Ref;
              const st = i32[(it + GEN_STATE) >> 2];
              if (i32[(it + 4) >> 2] === generatorType && (st === GEN_SUSPENDED || (st === GEN_CREATED && v === None))
                && i32[(tsRef + TS_DEPTH) >> 2]! < this.recursionLimit) {
                // resume the sub-generator in this loop; its yield comes back after this SEND
                sp--;
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                this.linkGenerator(it, v);
                decrefW(rt, i32, v);
                frame = (it + GEN_FRAME) as Ref; d = decodeCode(rt, i32[(it + GEN_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; consts = d.constsBase; names = d.namesBase;
                break;
              }
              this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
              const [finished, r] = this.sendTo(it, v);
              decrefW(rt, i32, v);
              if (finished) {
                i32[sp - 2] = r;
                sp--;
                decrefW(rt, i32, it);
                pc = arg;
              } else {
                i32[sp - 1] = r;
              }
              break;
            }
            case Op.GET_YIELD_FROM_ITER: {
              const v = i32[sp - 1]! as Ref;
              if (i32[(v + 4) >> 2] !== generatorType) {
                this.saveRegs(frame, pc, sp - lp - d.nlocalsplus, pc - 1);
                i32[sp - 1] = getIter(rt, v);
                decrefW(rt, i32, v);
              }
              break;
            }
            default:
              throw new Error(`gilpy bug: unknown opcode ${word & OP_MASK} (${OP_NAMES[word & OP_MASK] ?? '?'})`);
          }
          if (debug) this.checkStack(lp + d.nlocalsplus, sp, d);
        }
      } catch (thrown) {
        // jit: begin
        if (this.jitFault) {
          // thrown inside compiled code: the innermost compiled frame saved its registers (jit.ts)
          this.jitFault = false;
          ticks = this.jitTicks;
          frame = i32[(tsRef + TS_FRAME) >> 2]! as Ref; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
        }
        // jit: end
        if (thrown instanceof SwitchSignal) throw thrown; // registers saved at the tick
        if (thrown instanceof BlockSignal) {
          // a blocking call waits: rewind to the start of the call (KW_NAMES and PRECALL included), with
          // its operands still on the stack as saved, so that it runs again when the thread wakes
          let start = pc - 1;
          if ((i32[cb + start]! & 0xff) === Op.CALL) {
            const before = i32[cb + start - 1]! & 0xff;
            if (before === Op.PRECALL || before === Op.PRECALL__CALL) start--;
            if ((i32[cb + start - 1]! & 0xff) === Op.KW_NAMES) start--;
          }
          i32[(frame + FR_PC) >> 2] = start;
          this.ticks = ticks + primedRest;
          throw thrown;
        }
        // ---- an exception: find a handler in this frame or the callers ----
        let exc: Ref;
        // the handler is looked up from the instruction that raised (for RERAISE too: its saved offset
        // only says which line the frame was on, cf. CPython's INSTR_OFFSET in exception_unwind)
        lasti = pc - 1;
        if (thrown instanceof Reraise) exc = thrown.exc;
        else {
          try {
            exc = this.toException(thrown);
          } catch (fatal) {
            // not a Python exception (a limit, a deadlock, a bug): the frame keeps what its stack holds now,
            // for whoever releases the frames afterwards (operands an instruction popped were released)
            i32[(frame + FR_SP) >> 2] = sp - (lp + d.nlocalsplus);
            this.ticks = ticks + primedRest;
            throw fatal;
          }
          if (!(thrown instanceof PyRaise) || (thrown as PyRaise).exc !== exc || true) this.chainContext(exc);
        }
        for (;;) {
          i32[(frame + FR_LASTI) >> 2] = lasti;
          if (!(thrown instanceof Reraise)) {
            addTraceback(rt, exc, i32[(frame + FR_CODE) >> 2]! as Ref, d.lines[lasti] ?? d.firstlineno, lasti,
              i32[(frame + FR_GLOBALS) >> 2]! as Ref);
          }
          const h = this.findHandler(d, lasti);
          if (h >= 0) {
            const et = d.exceptionTable;
            const depth = et[h + 3]!;
            const stackBase = lp + d.nlocalsplus;
            while (sp > stackBase + depth) {
              const v = i32[--sp]!;
              if (v !== 0) decrefW(rt, i32, v);
            }
            if (et[h + 4] !== 0) i32[sp++] = rt.newInt(lasti);
            i32[sp++] = exc;
            pc = et[h + 2]!;
            break;
          }
          // no handler here: leave the frame
          i32[(frame + FR_SP) >> 2] = sp - (lp + d.nlocalsplus);
          const done = frame;
          const flags = i32[(done + FR_FLAGS) >> 2]!;
          const wasEntry = (flags & FRF_ENTRY) !== 0;
          if ((flags & FRF_OWNED_BY_GENERATOR) !== 0) exc = this.generatorRaised((done - GEN_FRAME) as Ref, exc);
          else this.popFrame(done, d);
          if ((flags & FRF_INIT) !== 0) {
            this.ticks = ticks;
            primedRest = this.initCountdowns.pop()!;
            ticks = this.initCountdowns.pop()!;
            this.initRaised();
          }
          if (wasEntry) {
            this.ticks = ticks + primedRest;
            throw new PyRaise(exc);
          }
          frame = ts.frame; d = decodeCode(rt, i32[(frame + FR_CODE) >> 2]! as Ref); cb = d.codeBase; lp = (frame + FR_LOCALSPLUS) >> 2; sp = lp + d.nlocalsplus + i32[(frame + FR_SP) >> 2]!; pc = i32[(frame + FR_PC) >> 2]!; lasti = i32[(frame + FR_LASTI) >> 2]!; consts = d.constsBase; names = d.namesBase;
          thrown = null; // later frames add their own traceback entries
        }
      }
    }
  }

  /**
   * The eval breaker, every `tickInterval` instructions: saves the registers and calls the hook, which
   * may ask to be called again sooner (setTicks) or end this thread's turn (throws SwitchSignal, caught
   * here). Returns the loop's new countdown, or -1 when the turn ended (the registers saved: the loop's run
   * returns RUN_SWITCHED, compiled code JIT_SWITCH). Kept out of runLoop so that the loop's optimised code
   * stays small. (Compiled code's careful builds call it too: hence public.)
   */
  tick(frame: Ref, pc: number, depth: number, ticks: number, primedRest: number): number {
    if (primedRest !== 0) {
      // the primed tick (see primeTickAfter): the countdown goes on from where it was, unless it ran out
      // too; a collection that fell due is run (a forced tick, `ticks = 0` at a call, comes here too)
      ticks += primedRest;
      if (ticks > 0) {
        if (this.rt.gcPending) {
          this.saveRegs(frame, pc, depth, pc - 1);
          this.rt.gcRunPending();
        }
        return ticks;
      }
    }
    this.saveRegs(frame, pc, depth, pc - 1);
    this.instructions += this.ticksStart - ticks;
    this.ticks = this.ticksStart = this.tickInterval;
    if (this.rt.gcPending) this.rt.gcRunPending(); // an automatic collection, between two instructions
    if (this.hooks !== null) {
      try {
        this.hooks.tick(this);
      } catch (e) {
        // a switch: when this thread runs again, its first check counts the instruction it stopped
        // before, so it runs `tickInterval - 1` instructions in that turn; with an interval of 1 that
        // would be none, and two threads would hand the GIL back and forth for ever: it runs one
        if (!(e instanceof SwitchSignal)) throw e;
        if (this.tickInterval === 1) this.ticks = this.ticksStart = 2;
        return -1;
      }
    }
    return this.ticks;
  }

  /** Saves the loop's registers into a frame (before anything that may inspect it or leave it). */
  protected saveRegs(frame: Ref, pc: number, depth: number, lasti: number): void {
    const i32 = this.rt.i32;
    i32[(frame + FR_PC) >> 2] = pc;
    i32[(frame + FR_SP) >> 2] = depth;
    i32[(frame + FR_LASTI) >> 2] = lasti;
  }

  protected localName(d: DecodedCode, i: number): string {
    return this.rt.strValue(this.rt.i32[((d.localsplusNames + TUPLE_ITEMS) >> 2) + i]! as Ref);
  }

  /** Raises UnboundLocalError for local `i` (also called by compiled code: jit.ts). */
  protected unbound(d: DecodedCode, i: number): never {
    const rt = this.rt;
    const name = this.localName(d, i);
    const e = newException(rt, excType(rt, 'UnboundLocalError'),
      `cannot access local variable '${name}' where it is not associated with a value`);
    const n = rt.newStr(name);
    setExcAttr(rt, e, 'name', n);
    rt.decref(n);
    throw new PyRaise(e);
  }

  protected raiseName(name: Ref): never {
    const rt = this.rt;
    const e = newException(rt, excType(rt, 'NameError'), `name '${rt.strValue(name)}' is not defined`);
    setExcAttr(rt, e, 'name', name);
    throw new PyRaise(e);
  }

  /**
   * Sets up the frame for Python function `func` whose `nargs` arguments sit at stack[base..] of the
   * (already saved) calling frame; their references move into the new frame. Returns the new frame,
   * or 0 when the function must be called another way (a generator function).
   */
  protected enterFunction(func: Ref, base: number, nargs: number, kwnames: Ref): Ref | 0 {
    const rt = this.rt;
    const i32 = rt.i32;
    const code = i32[(func + FN_CODE) >> 2]! as Ref;
    const cd = decodeCode(rt, code);
    const f = this.pushFrame(code, cd, func, i32[(func + FN_GLOBALS) >> 2]! as Ref, i32[(func + FN_BUILTINS) >> 2]! as Ref, 0);
    const slots = (f + FR_LOCALSPLUS) >> 2;
    const nkw = kwnames === 0 ? 0 : tupleSize(rt, kwnames);
    if (nkw === 0 && nargs === cd.argcount && cd.kwonlyargcount === 0 && (cd.flags & 0xc) === 0) {
      // fast path: move the stack's references straight into the parameters
      for (let k = 0; k < nargs; k++) {
        i32[slots + k] = i32[base + k]!;
        i32[base + k] = 0;
      }
      return f;
    }
    const pos: Ref[] = [];
    for (let k = 0; k < nargs - nkw; k++) pos.push(i32[base + k]! as Ref);
    const kwn: string[] = [];
    const kwv: Ref[] = [];
    for (let k = 0; k < nkw; k++) {
      kwn.push(rt.strValue(i32[((kwnames + TUPLE_ITEMS) >> 2) + k]! as Ref));
      kwv.push(i32[base + nargs - nkw + k]! as Ref);
    }
    try {
      bindArguments(rt, func, cd, slots, pos, kwn, kwv);
    } catch (e) {
      this.popFrame(f, cd);
      throw e;
    }
    for (let k = 0; k < nargs; k++) {
      rt.decref(i32[base + k]! as Ref);
      i32[base + k] = 0;
    }
    return f;
  }

  /**
   * `+ - * /` on two floats, or a float and a compact int, without leaving the loop (IEEE arithmetic, as
   * CPython's float_add..float_div); 0 when the slow path must decide (other operators, division by zero).
   * Compiled code uses it too (jit.ts).
   */
  floatFastPath(op: number, a: Ref, b: Ref): Ref | 0 {
    const rt = this.rt;
    const i32 = rt.i32;
    const ta = i32[(a + 4) >> 2];
    const tb = i32[(b + 4) >> 2];
    const ok = (t: number | undefined, r: Ref): boolean =>
      t === rt.floatType || (t === rt.intType && (i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) === 0);
    if (!ok(ta, a) || !ok(tb, b)) return 0;
    const x = rt.f64[(a + 16) >> 3]!; // FLOAT_VALUE and INT_VALUE are both at 16
    const y = rt.f64[(b + 16) >> 3]!;
    switch (op) {
      case 0: case 13: return rt.newFloat(x + y);
      case 10: case 23: return rt.newFloat(x - y);
      case 5: case 18: return rt.newFloat(x * y);
      case 11: case 24: return y === 0 ? 0 : rt.newFloat(x / y);
      default: return 0;
    }
  }

  /** Arithmetic on two compact ints without leaving the loop; 0 when the slow path must decide. Compiled
   *  code uses it too (jit.ts). */
  intFastPath(op: number, x: number, y: number): Ref | 0 {
    const rt = this.rt;
    let r: number;
    switch (op) {
      case 0: case 13: r = x + y; break;
      case 10: case 23: r = x - y; break;
      case 5: case 18:
        r = x * y;
        if (!Number.isSafeInteger(r)) return 0;
        break;
      case 2: case 15:
        if (y === 0) return 0;
        r = Math.floor(x / y);
        if (Math.abs(x) > 2 ** 52 || Math.abs(y) > 2 ** 52) return 0;
        break;
      case 6: case 19: {
        if (y === 0) return 0;
        r = x % y;
        if (r !== 0 && (r < 0) !== (y < 0)) r += y;
        break;
      }
      case 1: case 14:
        if (x < -0x80000000 || x > 0x7fffffff || y < -0x80000000 || y > 0x7fffffff) return 0;
        r = x & y;
        break;
      case 7: case 20:
        if (x < -0x80000000 || x > 0x7fffffff || y < -0x80000000 || y > 0x7fffffff) return 0;
        r = x | y;
        break;
      case 12: case 25:
        if (x < -0x80000000 || x > 0x7fffffff || y < -0x80000000 || y > 0x7fffffff) return 0;
        r = x ^ y;
        break;
      default:
        return 0;
    }
    if (r > MAX_COMPACT || r < -MAX_COMPACT) return 0;
    return rt.newInt(r);
  }

  protected checkStack(base: number, sp: number, d: DecodedCode): void {
    if (sp < base || sp > base + d.stacksize) {
      throw new Error(`gilpy bug: stack pointer out of bounds in ${d.qualname} (${sp - base} of ${d.stacksize})`);
    }
  }

  protected raiseFreeUnbound(d: DecodedCode, slot: number, name: string): never {
    const rt = this.rt;
    const isFree = slot >= d.nlocalsplus - d.nfree;
    if (isFree) {
      const e = newException(rt, excType(rt, 'NameError'),
        `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
      throw new PyRaise(e);
    }
    const e = newException(rt, excType(rt, 'UnboundLocalError'),
      `cannot access local variable '${name}' where it is not associated with a value`);
    throw new PyRaise(e);
  }

  /** The exception-table entry covering instruction `lasti` (its index in the flat table), or -1. */
  protected findHandler(d: DecodedCode, lasti: number): number {
    const et = d.exceptionTable;
    for (let h = 0; h < et.length; h += 5) {
      if (lasti >= et[h]! && lasti < et[h + 1]!) return h;
    }
    return -1;
  }

  /**
   * A class call `type(...)` whose __init__ is a Python function (plainClassCall.init: type_call's plain
   * case): makes the instance and pushes __init__'s frame, flagged FRF_INIT, so that it runs in this run of
   * the loop instead of a nested one (cf. CPython 3.12's CALL_ALLOC_AND_ENTER_INIT). The call's operands
   * (the class, the `nargs` arguments at stack[base..], their keyword names `kwnames`) stay on the caller's
   * stack, as they do while a nested __init__ runs; the instance (owned) goes into the caller's NULL slot
   * `slot`. The frame counts as a nested run, so everything that depends on the nesting is as it was:
   * a GIL switch or a blocking call's rewind waits until __init__ has returned, and MAX_NESTED_RUNS holds.
   * Returns the frame, or 0 when the call must go the general way. The caller's registers are saved.
   */
  protected enterInit(type: Ref, base: number, nargs: number, kwnames: Ref, slot: number): Ref | 0 {
    const rt = this.rt;
    const i32 = rt.i32;
    if (this.nestedRuns >= MAX_NESTED_RUNS || i32[slot] !== 0) return 0;
    const init = plainClassCall.init(rt, type);
    if (init === 0) return 0;
    const nkw = kwnames === 0 ? 0 : tupleSize(rt, kwnames);
    const obj = plainClassCall.instance(rt, type);
    const args: Ref[] = [obj];
    for (let k = 0; k < nargs - nkw; k++) args.push(i32[base + k]! as Ref);
    const kw = keywordsFromStack(rt, base, nargs, nkw, kwnames);
    let f: Ref | 0;
    try {
      f = this.pushCall(init, args, kw);
    } catch (e) {
      rt.decref(obj);
      throw e;
    }
    i32[slot] = obj;
    i32[(f + FR_FLAGS) >> 2]! |= FRF_INIT;
    this.nestedRuns++;
    return f;
  }

  /**
   * __init__ pushed by enterInit has returned `r` (stolen) to `caller`, now the running frame, whose saved
   * stack ends with the call's operands: they are released, and the instance becomes the call's result
   * (the caller's saved stack depth is updated), in the order of a nested __init__'s call. Raises
   * CPython's TypeError when `r` is not None (the operands are then left to the unwinder).
   */
  protected leaveInit(caller: Ref, d: DecodedCode, r: Ref): void {
    const rt = this.rt;
    const i32 = rt.i32;
    this.nestedRuns--;
    const top = ((caller + FR_LOCALSPLUS) >> 2) + d.nlocalsplus + i32[(caller + FR_SP) >> 2]!;
    const slot = this.initSlot(caller, d, top);
    const obj = i32[slot]! as Ref;
    if (r !== rt.None) {
      const tn = rt.typeNameOf(r);
      rt.decref(r);
      i32[slot] = 0;
      rt.decref(obj);
      rt.raise('TypeError', `__init__() should return None, not '${tn}'`);
    }
    for (let k = slot + 1; k < top; k++) {
      const v = i32[k]!;
      if (v !== 0) decrefW(rt, i32, v);
    }
    i32[(caller + FR_SP) >> 2] = slot + 1 - (((caller + FR_LOCALSPLUS) >> 2) + d.nlocalsplus);
  }

  /** __init__ pushed by enterInit was left by an exception: the instance is released (before the call's
   *  operands, which the caller's unwinding releases, as after a nested __init__ raised). */
  protected initRaised(): void {
    const rt = this.rt;
    const i32 = rt.i32;
    this.nestedRuns--;
    const caller = this.ts.frame;
    const d = decodeCode(rt, i32[(caller + FR_CODE) >> 2]! as Ref);
    const top = ((caller + FR_LOCALSPLUS) >> 2) + d.nlocalsplus + i32[(caller + FR_SP) >> 2]!;
    const slot = this.initSlot(caller, d, top);
    const obj = i32[slot]! as Ref;
    i32[slot] = 0;
    rt.decref(obj);
  }

  /** Where enterInit put the instance in `caller`'s stack (a word index), whose saved stack ends at `top`
   *  with the call's operands: the CALL the caller is at (FR_LASTI) says how many. */
  protected initSlot(caller: Ref, d: DecodedCode, top: number): number {
    const i32 = this.rt.i32;
    return top - (i32[d.codeBase + i32[(caller + FR_LASTI) >> 2]!]! >>> 8) - 2;
  }

  /** Calls a non-Python-function callable (or a generator function) with arguments on the stack. */
  protected callFromStack(callable: Ref, base: number, nargs: number, kwnames: Ref): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const nkw = kwnames === 0 ? 0 : tupleSize(rt, kwnames);
    const pos: Ref[] = [];
    for (let k = 0; k < nargs - nkw; k++) pos.push(i32[base + k]! as Ref);
    const kw = keywordsFromStack(rt, base, nargs, nkw, kwnames);
    return callObject(rt, callable, pos, kw);
  }

  protected newSetFromStack(base: number, n: number): Ref {
    const rt = this.rt;
    const s = setFromItems(rt);
    try {
      for (let k = 0; k < n; k++) setAdd(rt, s, rt.i32[base + k]! as Ref);
    } catch (e) {
      rt.decref(s); // an unhashable item: the items stay on the stack for the unwinder
      throw e;
    }
    return s;
  }

  protected isIterable(r: Ref): boolean {
    try {
      const it = getIter(this.rt, r);
      this.rt.decref(it);
      return true;
    } catch (e) {
      if (e instanceof PyRaise) {
        this.rt.decref(e.exc);
        return false;
      }
      throw e;
    }
  }

  /** No-GIL mode's {**d} / f(**d) of a dict: its items read as a snapshot under its lock (each counted:
   *  another thread may replace or remove them), then merged. */
  private lockedDictMerge(target: Ref, m: Ref, forCall: boolean, callable: Ref): void {
    const rt = this.rt;
    const snap = dictSnapshot(rt, m);
    try {
      for (let i = 0; i < snap.keys.length; i++) {
        const k = snap.keys[i]!;
        if (forCall) {
          if (!strIsStr(rt, k)) rt.raise('TypeError', 'keywords must be strings');
          if (dictGet(rt, target, k) !== 0) {
            rt.raise('TypeError', `${this.callableName(callable)} got multiple values for keyword argument '${rt.strValue(k)}'`);
          }
        }
        dictSet(rt, target, k, snap.values[i]!);
      }
    } finally {
      dropSnapshot(rt, snap);
    }
  }

  /** {**m} / f(**m): merges a mapping; for calls, a repeated key is an error naming the function. */
  protected dictMerge(target: Ref, m: Ref, forCall: boolean, callable: Ref): void {
    const rt = this.rt;
    if (rt.kindOf(m) === Kind.DICT) {
      if (rt.containerLocks !== null) return this.lockedDictMerge(target, m, forCall, callable);
      for (let p = dictNextPos(rt, m, -1); p >= 0; p = dictNextPos(rt, m, p)) {
        const k = dictEntryKey(rt, m, p);
        if (forCall) {
          if (!strIsStr(rt, k)) rt.raise('TypeError', 'keywords must be strings');
          if (dictGet(rt, target, k) !== 0) {
            rt.raise('TypeError', `${this.callableName(callable)} got multiple values for keyword argument '${rt.strValue(k)}'`);
          }
        }
        dictSet(rt, target, k, dictEntryValue(rt, m, p));
      }
      return;
    }
    const keysFn = (() => {
      try {
        return getAttr(rt, m, intern(rt, 'keys'));
      } catch (e) {
        if (e instanceof PyRaise) {
          rt.decref(e.exc);
          if (forCall) rt.raise('TypeError', `${this.callableName(callable)} argument after ** must be a mapping, not ${rt.typeNameOf(m)}`);
          rt.raise('TypeError', `'${rt.typeNameOf(m)}' object is not a mapping`);
        }
        throw e;
      }
    })();
    const keys = callObject(rt, keysFn, []);
    rt.decref(keysFn);
    const ks = iterateToArray(rt, keys);
    rt.decref(keys);
    for (const k of ks) {
      const v = getItem(rt, m, k);
      dictSet(rt, target, k, v);
      rt.decref(v);
      rt.decref(k);
    }
  }

  protected callableName(r: Ref): string {
    const rt = this.rt;
    if (r === 0) return 'function';
    if (rt.kindOf(r) === Kind.FUNCTION) return `${decodeCode(rt, rt.i32[(r + FN_CODE) >> 2]! as Ref).qualname}()`;
    return `${rt.typeNameOf(r)} object`;
  }

  protected makeFunction(frame: Ref, code: Ref, defaults: Ref, kwdefaults: Ref, annotations: Ref, closure: Ref): Ref {
    const rt = this.rt;
    const i32 = rt.i32;
    const globals = i32[(frame + FR_GLOBALS) >> 2]! as Ref;
    const modKey = intern(rt, '__name__');
    const module = dictGet(rt, globals, modKey);
    rt.decref(modKey);
    const consts = i32[(code + 48) >> 2]! as Ref;
    const first = tupleSize(rt, consts) > 0 ? i32[(consts + TUPLE_ITEMS) >> 2]! as Ref : rt.None;
    const doc = strIsStr(rt, first) ? first : rt.None;
    // (borrowed: the code's own name and qualname, which the function shares, as CPython's does)
    const name = i32[(code + CO_NAME) >> 2]! as Ref;
    const qualname = i32[(code + CO_QUALNAME) >> 2]! as Ref;
    let ann: Ref = 0 as Ref;
    if (annotations !== 0) {
      ann = newDict(rt);
      const items = tupleItems(rt, annotations);
      for (let k = 0; k + 1 < items.length; k += 2) dictSet(rt, ann, items[k]!, items[k + 1]!);
    }
    const f = newFunction(rt, {
      code, globals, builtins: i32[(frame + FR_BUILTINS) >> 2]! as Ref, name, qualname,
      defaults: defaults || undefined, kwdefaults: kwdefaults || undefined, closure: closure || undefined, doc,
      module: module === 0 ? rt.None : module, annotations: ann || undefined,
    });
    if (ann !== 0) rt.decref(ann);
    void FN_DEFAULTS; void FN_KWDEFAULTS; void FN_ANNOTATIONS; void FN_NAME; void CO_CODE; void dictLen; void listFrom;
    void listSize; void hashOf;
    return f;
  }

  /** An exception instance to raise from `raise x` (x a class or an instance); a new reference. */
  protected makeRaisable(x: Ref): Ref {
    const rt = this.rt;
    if (isException(rt, x)) {
      rt.incref(x);
      return x;
    }
    if (isExceptionType(rt, x)) {
      const e = callObject(rt, x, []);
      if (!isException(rt, e)) {
        rt.decref(e);
        rt.raise('TypeError', 'calling exception class did not return an exception instance');
      }
      return e;
    }
    return rt.raise('TypeError', 'exceptions must derive from BaseException');
  }

  protected exceptionMatches(exc: Ref, t: Ref): boolean {
    const rt = this.rt;
    if (rt.kindOf(t) === Kind.TUPLE) {
      for (const x of tupleItems(rt, t)) if (this.exceptionMatches(exc, x)) return true;
      return false;
    }
    if (!isExceptionType(rt, t)) {
      rt.raise('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    }
    return rt.isSubtype(rt.typeOf(exc), t);
  }

  protected buildClassFunction(): Ref {
    const rt = this.rt;
    const key = intern(rt, '__build_class__');
    const f = dictGet(rt, rt.root(Root.BUILTINS), key);
    rt.decref(key);
    if (f === 0) return rt.raise('NameError', '__build_class__ not found');
    rt.incref(f);
    void buildClass;
    return f;
  }

  /** A context manager's bound __exit__ and __enter__ (new references), with CPython's TypeErrors. */
  protected withMethods(mgr: Ref): [Ref, Ref] {
    const rt = this.rt;
    const lookup = (name: string, missing: string): Ref => {
      try {
        return getAttr(rt, mgr, intern(rt, name));
      } catch (e) {
        if (e instanceof PyRaise && rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'AttributeError'))) {
          rt.decref(e.exc);
          rt.raise('TypeError', `'${rt.typeNameOf(mgr)}' object does not support the context manager protocol${missing}`);
        }
        throw e;
      }
    };
    const enter = lookup('__enter__', '');
    try {
      return [lookup('__exit__', ' (missed __exit__ method)'), enter];
    } catch (e) {
      rt.decref(enter);
      throw e;
    }
  }


}

function setFromItems(rt: Runtime): Ref {
  return newSetObject(rt);
}
import { newSet as newSetObject } from '../objects/set.js';
export { listFrom };
