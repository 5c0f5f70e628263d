/** Generator objects: a suspended frame embedded in the object (cf. CPython genobject.c, whose
 *  gi_iframe is embedded the same way), and the generator's methods. Running the frame is the
 *  interpreter's job (Interpreter.resumeGenerator, and FOR_ITER / SEND inline); this file holds the
 *  object's layout and the protocol around resumption: send, throw, close, finalization. */
import { GC_HEADER_END, type Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { FR_FUNC, FR_LOCALS, FR_LOCALSPLUS, FR_PC, FR_SP } from '../interp/frame.js';
import { interpOf } from '../builtins/host-access.js';
import { checkArity } from '../builtins/args.js';
import { OP_MASK, OPCODE } from '../isa/opcodes.js';
import { decodeCode } from './code.js';
import {
  EXC_ARGS, excMatches, excType, isException, isExceptionType, newException, newExceptionArgs,
} from './exceptions.js';
import { Kind } from './kinds.js';
import { callObject } from '../interp/call.js';
import { getAttrOrNull } from './attrs.js';
import { idOf } from './protocols.js';
import { tupleItems } from './tuple.js';
import { defineSlots } from './slots.js';
import { defineGetter, defineMethod, intern, refFieldGetter } from './type.js';

// ---- layout ----
/** GEN_CREATED .. GEN_COMPLETED (cf. CPython's gi_frame_state). */
export const GEN_STATE = GC_HEADER_END;
/** The code object (owned; kept after the frame is cleared, for gi_code and the repr). */
export const GEN_CODE = GEN_STATE + 4;
export const GEN_NAME = GEN_STATE + 8;
export const GEN_QUALNAME = GEN_STATE + 12;
/** The generator's own handled exception while it is suspended (owned, or 0; cf. gi_exc_state). */
export const GEN_EXC = GEN_STATE + 16;
/** While it runs: the handled exception of the code that resumed it (owned, or 0). */
export const GEN_OUTER_EXC = GEN_STATE + 20;
/** The embedded frame starts here (FR_* offsets are relative to it). */
export const GEN_FRAME = GEN_STATE + 24;

export const GEN_CREATED = 0;
export const GEN_SUSPENDED = 1;
export const GEN_RUNNING = 2;
export const GEN_COMPLETED = 3;

/** Bytes of a generator whose frame needs `frameBytes`. */
export function generatorBytes(frameBytes: number): number {
  return GEN_FRAME + frameBytes;
}

export function genState(rt: Runtime, gen: Ref): number {
  return rt.i32[(gen + GEN_STATE) >> 2]!;
}

/** Releases everything the generator's frame holds (its function, locals and saved stack). */
export function clearGeneratorFrame(rt: Runtime, gen: Ref): void {
  const i32 = rt.i32;
  const f = gen + GEN_FRAME;
  const d = decodeCode(rt, i32[(gen + GEN_CODE) >> 2]! as Ref);
  const lp = (f + FR_LOCALSPLUS) >> 2;
  const n = d.nlocalsplus + i32[(f + FR_SP) >> 2]!;
  i32[(f + FR_SP) >> 2] = 0;
  for (let k = 0; k < n; k++) {
    const v = i32[lp + k]! as Ref;
    if (v !== 0) {
      i32[lp + k] = 0;
      rt.decref(v);
    }
  }
  for (const off of [FR_FUNC, FR_LOCALS]) {
    const v = i32[(f + off) >> 2]! as Ref;
    if (v !== 0) {
      i32[(f + off) >> 2] = 0;
      rt.decref(v);
    }
  }
}

/** Calls `visit` on every reference a generator holds (for the cycle collector). */
export function traverseGenerator(rt: Runtime, gen: Ref, visit: (r: Ref) => void): void {
  const i32 = rt.i32;
  for (const off of [GEN_CODE, GEN_NAME, GEN_QUALNAME, GEN_EXC, GEN_OUTER_EXC]) {
    const v = i32[(gen + off) >> 2]!;
    if (v !== 0) visit(v as Ref);
  }
  if (genState(rt, gen) === GEN_COMPLETED) return;
  const f = gen + GEN_FRAME;
  for (const off of [FR_FUNC, FR_LOCALS]) {
    const v = i32[(f + off) >> 2]!;
    if (v !== 0) visit(v as Ref);
  }
  // A running generator's frame is the loop's: its saved stack depth is whatever the last saved instruction
  // left (a `__del__` run in the middle of an instruction may find slots past it freed). CPython visits none
  // of an executing frame's locals and stack either (3.11's _PyFrame_GetStackPointer sets stacktop to -1);
  // what they hold counts as referenced from outside, so the collector keeps it.
  if (genState(rt, gen) === GEN_RUNNING) return;
  const d = decodeCode(rt, i32[(gen + GEN_CODE) >> 2]! as Ref);
  const lp = (f + FR_LOCALSPLUS) >> 2;
  const n = d.nlocalsplus + i32[(f + FR_SP) >> 2]!;
  for (let k = 0; k < n; k++) {
    const v = i32[lp + k]!;
    if (v !== 0) visit(v as Ref);
  }
}

/** Marks a generator completed and releases its frame (the cycle collector's tp_clear). */
export function clearGenerator(rt: Runtime, gen: Ref): void {
  if (genState(rt, gen) === GEN_RUNNING) return;
  rt.i32[(gen + GEN_STATE) >> 2] = GEN_COMPLETED;
  clearGeneratorFrame(rt, gen);
}

// ---- resumption ----
/** The result of running a generator until it yields or returns. `value` is a new reference. */
export interface GenStep {
  done: boolean;
  value: Ref;
}

/** Resumes `gen` with `sent` (borrowed), or with exception `exc` (stolen) raised at its yield. */
function resume(rt: Runtime, gen: Ref, sent: Ref, exc: Ref | 0): GenStep {
  const interp = interpOf(rt);
  const value = interp.resumeGenerator(gen, sent, exc);
  return { done: interp.generatorReturned, value };
}

/** The iterator a generator suspended in `yield from` delegates to (borrowed), or 0 (cf. _PyGen_yf). */
export function yieldFromTarget(rt: Runtime, gen: Ref): Ref | 0 {
  if (genState(rt, gen) !== GEN_SUSPENDED) return 0;
  const i32 = rt.i32;
  const f = gen + GEN_FRAME;
  const d = decodeCode(rt, i32[(gen + GEN_CODE) >> 2]! as Ref);
  const next = i32[d.codeBase + i32[(f + FR_PC) >> 2]!]!;
  // after the YIELD_VALUE of a yield-from loop comes RESUME 2, and the sub-iterator is the stack's top
  if ((next & OP_MASK) !== OPCODE.RESUME || next >>> 8 < 2) return 0;
  const sp = i32[(f + FR_SP) >> 2]!;
  return i32[((f + FR_LOCALSPLUS) >> 2) + d.nlocalsplus + sp - 1]! as Ref;
}

/** Leaves a yield-from loop early (its sub-iterator has finished): pops the sub-iterator and moves the
 *  frame to the end of the loop, so that resuming it with the result goes on after the `yield from`. */
function abandonYieldFrom(rt: Runtime, gen: Ref): void {
  const i32 = rt.i32;
  const f = gen + GEN_FRAME;
  const d = decodeCode(rt, i32[(gen + GEN_CODE) >> 2]! as Ref);
  const pc = i32[(f + FR_PC) >> 2]!;
  const sp = i32[(f + FR_SP) >> 2]!;
  const slot = ((f + FR_LOCALSPLUS) >> 2) + d.nlocalsplus + sp - 1;
  const sub = i32[slot]! as Ref;
  i32[slot] = 0;
  i32[(f + FR_SP) >> 2] = sp - 1;
  // the loop is SEND exit; YIELD_VALUE; RESUME 2; JUMP_BACKWARD: the frame waits at the RESUME
  i32[(f + FR_PC) >> 2] = i32[d.codeBase + pc - 2]! >>> 8;
  rt.decref(sub);
}

/** The value a StopIteration carries (new reference). */
export function stopIterationValue(rt: Runtime, exc: Ref): Ref {
  const args = rt.i32[(exc + EXC_ARGS) >> 2]! as Ref;
  const v = args !== 0 ? tupleItems(rt, args)[0] ?? rt.None : rt.None;
  rt.incref(v);
  return v;
}

/** Runs a PyRaise-throwing step, turning the exception into [exception] (new reference) or null. */
function catchPy<T>(f: () => T): { ok: T } | { exc: Ref } {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof PyRaise) return { exc: e.exc };
    throw e;
  }
}

/** gen.send(value) / next(gen): one step (cf. gen_send_ex). */
export function genSend(rt: Runtime, gen: Ref, value: Ref): GenStep {
  return resume(rt, gen, value, 0);
}

/** Closes whatever a generator delegates to in `yield from` (cf. gen_close_iter). */
function closeIter(rt: Runtime, sub: Ref): void {
  if (rt.kindOf(sub) === Kind.GENERATOR) {
    genClose(rt, sub);
    return;
  }
  const close = getAttrOrNull(rt, sub, intern(rt, 'close'));
  if (close === 0) return;
  try {
    rt.decref(callObject(rt, close, []));
  } finally {
    rt.decref(close);
  }
}

/** gen.throw(exc): raises `exc` (stolen) where the generator is suspended (cf. _gen_throw). `given`: the
 *  arguments throw() was called with (borrowed), which a delegated-to iterator's own throw() receives as
 *  they are, as CPython passes them; absent, it receives `exc`. */
export function genThrow(rt: Runtime, gen: Ref, exc: Ref, given?: Ref[]): GenStep {
  const sub = yieldFromTarget(rt, gen);
  if (sub !== 0) {
    rt.incref(sub);
    const state = gen + GEN_STATE;
    try {
      if (excMatches(rt, exc, 'GeneratorExit')) {
        // close the sub-iterator, then raise GeneratorExit (or what closing it raised) here
        rt.i32[state >> 2] = GEN_RUNNING;
        const closed = catchPy(() => closeIter(rt, sub));
        rt.i32[state >> 2] = GEN_SUSPENDED;
        if ('exc' in closed) {
          rt.decref(exc);
          return resume(rt, gen, rt.None, closed.exc);
        }
        return resume(rt, gen, rt.None, exc);
      }
      let step: { ok: GenStep } | { exc: Ref };
      rt.i32[state >> 2] = GEN_RUNNING;
      try {
        if (rt.kindOf(sub) === Kind.GENERATOR) {
          step = catchPy(() => genThrow(rt, sub, exc, given));
        } else {
          const meth = getAttrOrNull(rt, sub, intern(rt, 'throw'));
          if (meth === 0) {
            rt.i32[state >> 2] = GEN_SUSPENDED;
            return resume(rt, gen, rt.None, exc);
          }
          step = catchPy(() => ({ done: false, value: callObject(rt, meth, given ?? [exc]) }));
          rt.decref(meth);
          rt.decref(exc);
        }
      } finally {
        if (rt.i32[state >> 2] === GEN_RUNNING) rt.i32[state >> 2] = GEN_SUSPENDED;
      }
      if ('ok' in step && !step.ok.done) return step.ok;
      // the sub-iterator finished: the yield from is over, with its value or its exception
      abandonYieldFrom(rt, gen);
      if ('ok' in step) {
        try {
          return resume(rt, gen, step.ok.value, 0);
        } finally {
          rt.decref(step.ok.value);
        }
      }
      if (excMatches(rt, step.exc, 'StopIteration')) {
        const v = stopIterationValue(rt, step.exc);
        rt.decref(step.exc);
        try {
          return resume(rt, gen, v, 0);
        } finally {
          rt.decref(v);
        }
      }
      return resume(rt, gen, rt.None, step.exc);
    } finally {
      rt.decref(sub);
    }
  }
  return resume(rt, gen, rt.None, exc);
}

/** gen.close() (cf. gen_close): GeneratorExit at the yield; a generator that yields again is an error. */
export function genClose(rt: Runtime, gen: Ref): void {
  if (genState(rt, gen) === GEN_CREATED) {
    rt.i32[(gen + GEN_STATE) >> 2] = GEN_COMPLETED;
    clearGeneratorFrame(rt, gen);
    return;
  }
  const r = catchPy(() => genThrow(rt, gen, newException(rt, excType(rt, 'GeneratorExit'), null)));
  if ('ok' in r) {
    rt.decref(r.ok.value);
    if (!r.ok.done) rt.raise('RuntimeError', 'generator ignored GeneratorExit');
    return;
  }
  if (excMatches(rt, r.exc, 'GeneratorExit') || excMatches(rt, r.exc, 'StopIteration')) {
    rt.decref(r.exc);
    return;
  }
  throw new PyRaise(r.exc);
}

/** next(gen) as a value or StopIteration carrying the return value (new reference). */
export function genNextOrStop(rt: Runtime, gen: Ref): Ref {
  const step = genSend(rt, gen, rt.None);
  if (!step.done) return step.value;
  throw stopIteration(rt, step.value);
}

/** StopIteration(value) to throw (value stolen; None gives a StopIteration without arguments). */
function stopIteration(rt: Runtime, value: Ref): PyRaise {
  if (value === rt.None) return new PyRaise(newException(rt, excType(rt, 'StopIteration'), null));
  const e = newExceptionArgs(rt, excType(rt, 'StopIteration'), [value]);
  rt.decref(value);
  return new PyRaise(e);
}

/** The exception `throw(typ, val)` raises (new reference), as CPython 3.11 normalizes its arguments. */
function throwArgument(rt: Runtime, typ: Ref, val: Ref | undefined): Ref {
  if (isException(rt, typ)) {
    if (val !== undefined && val !== rt.None) rt.raise('TypeError', 'instance exception may not have a separate value');
    rt.incref(typ);
    return typ;
  }
  if (!isExceptionType(rt, typ)) {
    rt.raise('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${rt.typeNameOf(typ)}`);
  }
  if (val !== undefined && isException(rt, val) && rt.isSubtype(rt.typeOf(val), typ)) {
    rt.incref(val);
    return val;
  }
  const args = val === undefined || val === rt.None ? [] : rt.kindOf(val) === Kind.TUPLE ? tupleItems(rt, val) : [val];
  const e = callObject(rt, typ, args);
  if (!isException(rt, e)) {
    rt.decref(e);
    rt.raise('TypeError', `calling ${rt.typeName(typ)} should have returned an instance of BaseException, not ${rt.typeNameOf(e)}`);
  }
  return e;
}

/** Closes a suspended generator that is being freed (its tp_finalize). An error is only reported. */
export function finalizeGenerator(rt: Runtime, gen: Ref, report: (exc: Ref) => void): void {
  const s = genState(rt, gen);
  if (s !== GEN_SUSPENDED) return;
  const r = catchPy(() => genClose(rt, gen));
  if ('exc' in r) report(r.exc);
}

// ---- the type ----
defineSlots(Kind.GENERATOR, {
  dealloc(rt, gen) {
    if (genState(rt, gen) !== GEN_COMPLETED) clearGeneratorFrame(rt, gen);
    for (const off of [GEN_CODE, GEN_NAME, GEN_QUALNAME, GEN_EXC, GEN_OUTER_EXC]) rt.xdecref(rt.i32[(gen + off) >> 2]! as Ref);
  },
  repr(rt, gen) {
    return `<generator object ${rt.strValue(rt.i32[(gen + GEN_QUALNAME) >> 2]! as Ref)} at 0x${idOf(gen).toString(16)}>`;
  },
  iter(rt, gen) {
    rt.incref(gen);
    return gen;
  },
  next(rt, gen) {
    const step = genSend(rt, gen, rt.None);
    if (!step.done) return step.value;
    // a for loop ends quietly; a value returned is dropped (cf. gen_iternext)
    rt.decref(step.value);
    return 0;
  },
});

defineMethod(Kind.GENERATOR, 'generator', '__iter__', (rt, args, kwargs, self) => {
  checkArity(rt, 'generator.__iter__', args, kwargs, 0, 0);
  rt.incref(self);
  return self;
});
defineMethod(Kind.GENERATOR, 'generator', '__next__', (rt, args, kwargs, self) => {
  checkArity(rt, 'generator.__next__', args, kwargs, 0, 0);
  return genNextOrStop(rt, self);
});
defineMethod(Kind.GENERATOR, 'generator', 'send', (rt, args, kwargs, self) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'generator.send() takes no keyword arguments');
  if (args.length !== 1) rt.raise('TypeError', `generator.send() takes exactly one argument (${args.length} given)`);
  const step = genSend(rt, self, args[0]!);
  if (!step.done) return step.value;
  throw stopIteration(rt, step.value);
});
defineMethod(Kind.GENERATOR, 'generator', 'throw', (rt, args, kwargs, self) => {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', 'generator.throw() takes no keyword arguments');
  if (args.length < 1 || args.length > 3) {
    rt.raise('TypeError', `throw expected at least 1 argument, got ${args.length}`);
  }
  const exc = throwArgument(rt, args[0]!, args[1]);
  const step = genThrow(rt, self, exc, args);
  if (!step.done) return step.value;
  throw stopIteration(rt, step.value);
});
defineMethod(Kind.GENERATOR, 'generator', 'close', (rt, args, kwargs, self) => {
  checkArity(rt, 'generator.close', args, kwargs, 0, 0);
  genClose(rt, self);
  return rt.None;
});

defineGetter(Kind.GENERATOR, 'generator', '__name__', refFieldGetter(GEN_NAME));
defineGetter(Kind.GENERATOR, 'generator', '__qualname__', refFieldGetter(GEN_QUALNAME));
defineGetter(Kind.GENERATOR, 'generator', 'gi_code', refFieldGetter(GEN_CODE));
defineGetter(Kind.GENERATOR, 'generator', 'gi_running', (rt, _a, _k, self) =>
  genState(rt, self) === GEN_RUNNING ? rt.True : rt.False);
defineGetter(Kind.GENERATOR, 'generator', 'gi_suspended', (rt, _a, _k, self) =>
  genState(rt, self) === GEN_SUSPENDED ? rt.True : rt.False);
defineGetter(Kind.GENERATOR, 'generator', 'gi_yieldfrom', (rt, _a, _k, self) => {
  const sub = yieldFromTarget(rt, self);
  const r = sub === 0 ? rt.None : sub;
  rt.incref(r);
  return r;
});
