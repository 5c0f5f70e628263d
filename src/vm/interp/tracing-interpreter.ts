/** The interpreter of a traced run: the hooks the traced loop (loop-traced.gen.ts, generated from
 *  loop.ts) calls at each instruction, at returns and yields and where an exception passes, and the
 *  bookkeeping behind `calls` events. Only VMs made with a trace that needs the loop use it, so an
 *  untraced run never reaches any of this. */
import type { Ref } from '../heap/layout.js';
import { argRepr, offsetOf, type CodeView } from '../isa/dis.js';
import { INT_VALUE, STR_LENGTH } from '../runtime.js';
import { FLAG_BIG_INT, OB_META } from '../heap/layout.js';
import { Kind } from '../objects/kinds.js';
import { strRepr } from '../objects/str-repr.js';
import { repr as floatRepr } from '../objects/float-ops.js';
import { TUPLE_ITEMS } from '../objects/tuple.js';
import { OP_NAMES, OPCODE, OPS, baseOpcode, spec } from '../isa/opcodes.js';
import type { DecodedCode } from '../objects/code.js';
import type { Runtime } from '../runtime.js';
import type { Tracer } from '../trace/tracer.js';
import type { InstructionEvent } from '../trace/events.js';
import { BlockSignal, RUN_SWITCHED, SwitchSignal } from '../sched/signals.js';
import { FR_LASTI, FR_PREV } from './frame.js';
import { Interpreter } from './loop.js';

/** For each quickened opcode, the instruction the compiler emitted (the traced loop runs that). */
export const BASE_OP = new Uint8Array(256);
/** For each superinstruction, how many words it stands for; 0 for every other opcode. */
export const FUSED_WIDTH = new Uint8Array(256);
for (let op = 0; op < OP_NAMES.length; op++) {
  BASE_OP[op] = baseOpcode(op);
  FUSED_WIDTH[op] = spec(op).base !== undefined ? (spec(op).width ?? 1) : 0;
}
// PRECALL__CALL's CALL word keeps its own tick: the fast loop runs it apart when the countdown ends at it
// (a GIL switch may fall between the two words, as unfused), so the traced loop runs it as a plain word
FUSED_WIDTH[OPCODE.PRECALL__CALL] = 1;
// FOR_ITER__STORE_FAST's likewise (and it runs the STORE_FAST apart when the item comes from a generator or
// a collection is due; exhausted, it jumps past it)
FUSED_WIDTH[OPCODE.FOR_ITER__STORE_FAST] = 1;

/** Opcodes whose argument means nothing (reported as null). */
const NO_ARG = new Uint8Array(256);
for (const name of Object.keys(OPS) as (keyof typeof OPS)[]) NO_ARG[OPCODE[name]] = OPS[name].arg === 'none' ? 1 : 0;

/** The loop's inline reference counts, in the traced loop: through the runtime, which a refcount
 *  trace has hooked (so each change is reported once, in order). */
export function tracedIncref(rt: Runtime, r: number): void {
  rt.incref(r as Ref);
}
export function tracedDecref(rt: Runtime, r: number): void {
  rt.decref(r as Ref);
}

export abstract class TracingInterpreterBase extends Interpreter {
  /** Frames this thread has entered and not yet left, as `calls` events told them (innermost last). */
  private readonly entered: number[] = [];
  private readonly enteredCode: DecodedCode[] = [];

  /** The traced loop itself (loop-traced.gen.ts). */
  protected abstract tracedRunLoop(entry: Ref, markEntry: boolean): Ref;

  protected override runLoop(entry: Ref, markEntry: boolean): Ref {
    let suspended = false;
    try {
      const r = this.tracedRunLoop(entry, markEntry);
      suspended = r === RUN_SWITCHED; // a tick ended the thread's turn: it keeps its frames
      return r;
    } catch (e) {
      // a thread switched out or blocked keeps its frames; anything else has left them
      suspended = e instanceof SwitchSignal || e instanceof BlockSignal;
      throw e;
    } finally {
      if (!suspended) this.leaveDeadFrames();
    }
  }

  /** The run's tracer; null once the trace has ended (code run after it, such as a __del__ at a leak
   *  check, is not reported). */
  private get tracer(): Tracer | null {
    return this.rt.tracer;
  }

  /** Before each instruction: where the frame is (for filters), calls, and the instruction itself. */
  protected traceStep(frame: Ref, d: DecodedCode, index: number, word: number, depth: number): void {
    const rt = this.rt;
    rt.i32[(frame + FR_LASTI) >> 2] = index;
    const tr = this.tracer;
    if (tr === null) return;
    if (tr.calls && this.entered[this.entered.length - 1] !== frame) this.enterFrame(frame, d, index);
    if (tr.instructions) {
      const op = word & 0xff;
      const e: InstructionEvent = {
        t: tr.now(), thread: tr.thread, kind: 'instructions', code: d.qualname, file: d.filename,
        offset: offsetOf(index), line: lineAt(d, index), op: OP_NAMES[op]!,
        arg: NO_ARG[op] === 1 ? null : word >>> 8, depth,
      };
      const shown = this.argReprOf(d, index, op, word >>> 8);
      if (shown !== '') e.argrepr = shown;
      tr.emit(e);
    }
  }

  /** Instruction arguments as dis shows them, per code object (computed once per instruction). */
  private readonly argReprs = new WeakMap<DecodedCode, (string | undefined)[]>();

  /** The argument of instruction `index` as dis shows it, read from the heap without allocating (a
   *  trace must not change what it watches): names and simple constants; others by their type. */
  private argReprOf(d: DecodedCode, index: number, op: number, arg: number): string {
    let cache = this.argReprs.get(d);
    if (cache === undefined) this.argReprs.set(d, (cache = []));
    let s = cache[index];
    if (s === undefined) cache[index] = s = argRepr(this.codeView(d), op, arg);
    return s;
  }

  private codeView(d: DecodedCode): CodeView {
    const rt = this.rt;
    const i32 = rt.i32;
    return {
      words: new Int32Array(0), lines: d.lines, title: d.qualname, children: () => [],
      name: (i) => rt.strValue(i32[d.namesBase + i]! as Ref),
      localName: (i) => rt.strValue(i32[((d.localsplusNames + TUPLE_ITEMS) >> 2) + i]! as Ref),
      constRepr: (i) => safeRepr(rt, i32[d.constsBase + i]! as Ref),
    };
  }

  /** RETURN_VALUE or YIELD_VALUE is about to leave `frame`. */
  protected traceLeave(frame: Ref, d: DecodedCode, index: number): void {
    const tr = this.tracer;
    if (tr === null || !tr.calls) return;
    if (this.entered[this.entered.length - 1] !== frame) return;
    this.entered.pop();
    this.enteredCode.pop();
    tr.emit({ t: tr.now(), thread: tr.thread, kind: 'calls', event: 'return', code: d.qualname, file: d.filename,
      line: lineAt(d, index) });
  }

  /** An exception is raised in, or passes through, `frame` at instruction `index`. */
  protected traceException(frame: Ref, d: DecodedCode, index: number): void {
    const tr = this.tracer;
    if (tr === null || !tr.calls) return;
    if (this.entered[this.entered.length - 1] !== frame) this.enterFrame(frame, d, index);
    tr.emit({ t: tr.now(), thread: tr.thread, kind: 'calls', event: 'exception', code: d.qualname,
      file: d.filename, line: lineAt(d, index) });
  }

  /** The loop runs `frame`, which is not the innermost frame entered: frames left without a return
   *  (an exception took them) are reported left, then `frame` entered unless it is already there. */
  private enterFrame(frame: Ref, d: DecodedCode, index: number): void {
    this.leaveDeadFrames();
    if (this.entered[this.entered.length - 1] === frame) return;
    this.entered.push(frame);
    this.enteredCode.push(d);
    const tr = this.tracer!;
    tr.emit({ t: tr.now(), thread: tr.thread, kind: 'calls', event: 'call', code: d.qualname, file: d.filename,
      line: lineAt(d, index) });
  }

  /** An __init__ run by enterInit was left by an exception: it is reported left before its instance is
   *  released, where the end of a nested run reported it. */
  protected override initRaised(): void {
    this.leaveDeadFrames();
    super.initRaised();
  }

  /** Reports `return` for entered frames no longer on the thread's stack (left by an exception). */
  private leaveDeadFrames(): void {
    if (this.entered.length === 0) return;
    const live = new Set<number>();
    const i32 = this.rt.i32;
    for (let f = this.ts.frame as number; f !== 0; f = i32[(f + FR_PREV) >> 2]!) live.add(f);
    const tr = this.tracer;
    while (this.entered.length > 0 && !live.has(this.entered[this.entered.length - 1]!)) {
      const f = this.entered.pop()!;
      const d = this.enteredCode.pop()!;
      if (tr === null || !tr.calls) continue;
      tr.emit({ t: tr.now(), thread: tr.thread, kind: 'calls', event: 'return', code: d.qualname, file: d.filename,
        line: lineAt(d, i32[(f + FR_LASTI) >> 2]!) });
    }
  }
}

/** repr of a constant for the trace, computed in JS only: ints, floats, strs, None, True, False, ...;
 *  any other object as `<type>`. */
function safeRepr(rt: Runtime, r: Ref): string {
  if (r === rt.None) return 'None';
  if (r === rt.True) return 'True';
  if (r === rt.False) return 'False';
  if (r === rt.Ellipsis) return 'Ellipsis';
  switch (rt.kindOf(r)) {
    case Kind.INT:
      if ((rt.i32[(r + OB_META) >> 2]! & FLAG_BIG_INT) === 0) return String(rt.f64[(r + INT_VALUE) >> 3]!);
      return String(rt.intValue(r));
    case Kind.FLOAT:
      return floatRepr(rt.floatValue(r));
    case Kind.STR:
      return rt.i32[(r + STR_LENGTH) >> 2]! > 60 ? `<str of length ${rt.strLength(r)}>` : strRepr(rt.strValue(r));
    default:
      return `<${rt.typeNameOf(r)}>`;
  }
}

/** The line of instruction `index` (an instruction the compiler gave no line, such as a module's
 *  implicit `return None`, has the line of the one before it). */
export function lineAt(d: DecodedCode, index: number): number {
  for (let i = Math.min(index, d.lines.length - 1); i >= 0; i--) if (d.lines[i]! > 0) return d.lines[i]!;
  return d.firstlineno;
}
