/** Instruction emission and assembly: labels, the pseudo-instructions that mark exception-handling
 *  regions, stack-depth analysis and the exception table (cf. CPython 3.11 compile.c's assembler). */
import { OPCODE, OPS, OP_NAMES, ARG_SHIFT, MAX_ARG, hasFlag, spec } from '../vm/isa/opcodes.js';
import type { ExceptionEntry } from './code.js';

export interface Label {
  readonly id: number;
}

/** Pseudo-instructions: they open and close handler regions and vanish at assembly. */
export const enum Pseudo {
  /** Handler gets the exception (stack cut to here, then the exception pushed). */
  SETUP_FINALLY = 1000,
  /** Handler gets the offset of the failing instruction, then the exception. */
  SETUP_CLEANUP,
  /** Like SETUP_CLEANUP but the stack is cut below the value `__enter__` returned. */
  SETUP_WITH,
  POP_BLOCK,
}

interface Instr {
  op: number;
  arg: number;
  target: Label | null;
  line: number;
}

export interface Assembled {
  code: Int32Array;
  lines: Int32Array;
  exceptionTable: ExceptionEntry[];
  stacksize: number;
}

interface Handler {
  label: Label;
  depth: number;
  lasti: boolean;
}

export class Emitter {
  private readonly instrs: Instr[] = [];
  /** Where each label is placed: an index into instrs. */
  private readonly placed: number[] = [];
  line = 0;

  newLabel(): Label {
    this.placed.push(-1);
    return { id: this.placed.length - 1 };
  }

  place(label: Label): void {
    if (this.placed[label.id] !== -1) throw new Error('gilpy bug: label placed twice');
    this.placed[label.id] = this.instrs.length;
    this.labelAtEnd = this.instrs.length;
  }
  /** Where the last label was placed: code that follows it is reachable by a jump. */
  private labelAtEnd = -1;

  emit(op: number, arg = 0): void {
    if (arg < 0 || arg > MAX_ARG) throw new Error(`gilpy bug: argument ${arg} out of range for ${OP_NAMES[op]}`);
    this.instrs.push({ op, arg, target: null, line: this.line });
  }

  emitJump(op: number, target: Label): void {
    this.instrs.push({ op, arg: 0, target, line: this.line });
  }

  /** Opens a handler region (pseudo-instruction). */
  setup(kind: Pseudo.SETUP_FINALLY | Pseudo.SETUP_CLEANUP | Pseudo.SETUP_WITH, handler: Label): void {
    this.instrs.push({ op: kind, arg: 0, target: handler, line: this.line });
  }

  popBlock(): void {
    this.instrs.push({ op: Pseudo.POP_BLOCK, arg: 0, target: null, line: this.line });
  }

  /** True if the last emitted instruction never falls through (so a following jump would be dead). */
  lastIsTerminal(): boolean {
    if (this.labelAtEnd === this.instrs.length) return false;
    const last = this.instrs[this.instrs.length - 1];
    return last !== undefined && last.op < 1000 && hasFlag(last.op, 'terminal');
  }

  assemble(): Assembled {
    const n = this.instrs.length;
    const depthAt = new Int32Array(n).fill(-1);
    const handlerAt: (Handler | null)[] = new Array(n).fill(null);
    const stacks: (readonly Handler[])[] = new Array(n);
    let maxDepth = 0;
    const work: number[] = [];
    const visit = (i: number, depth: number, stack: readonly Handler[]): void => {
      if (i >= n) throw new Error('gilpy bug: a path runs off the end of the code');
      if (depthAt[i] === -1) {
        depthAt[i] = depth;
        stacks[i] = stack;
        if (depth > maxDepth) maxDepth = depth;
        work.push(i);
      }
    };
    const labelIndex = (l: Label): number => {
      const at = this.placed[l.id]!;
      if (at < 0) throw new Error('gilpy bug: jump to a label never placed');
      return at;
    };
    visit(0, 0, []);
    while (work.length > 0) {
      const i = work.pop()!;
      const ins = this.instrs[i]!;
      const depth = depthAt[i]!;
      const stack = stacks[i]!;
      if (ins.op >= 1000) {
        switch (ins.op as Pseudo) {
          case Pseudo.SETUP_FINALLY:
          case Pseudo.SETUP_CLEANUP:
          case Pseudo.SETUP_WITH: {
            const lasti = ins.op !== Pseudo.SETUP_FINALLY;
            const hdepth = ins.op === Pseudo.SETUP_WITH ? depth - 1 : depth;
            const h: Handler = { label: ins.target!, depth: hdepth, lasti };
            visit(labelIndex(ins.target!), hdepth + (lasti ? 2 : 1), stack);
            visit(i + 1, depth, [...stack, h]);
            break;
          }
          case Pseudo.POP_BLOCK:
            visit(i + 1, depth, stack.slice(0, -1));
            break;
        }
        continue;
      }
      handlerAt[i] = stack.length > 0 ? stack[stack.length - 1]! : null;
      if (i === n - 1 && !spec(ins.op).flags?.includes('terminal')) {
        throw new Error(`gilpy bug: code falls off its end after ${OP_NAMES[ins.op]}`);
      }
      const s = spec(ins.op);
      if (ins.target !== null) {
        const jd = depth + s.effect(ins.arg, true);
        if (jd > maxDepth) maxDepth = jd;
        visit(labelIndex(ins.target), jd, stack);
      }
      if (!s.flags?.includes('terminal')) {
        const nd = depth + s.effect(ins.arg, false);
        if (nd < 0) throw new Error(`gilpy bug: stack underflow at ${OP_NAMES[ins.op]} (instruction ${i})`);
        if (nd > maxDepth) maxDepth = nd;
        visit(i + 1, nd, stack);
      }
    }

    // Drop pseudo-instructions and unreachable code; map old indices to new.
    const newIndex = new Int32Array(n + 1);
    let m = 0;
    for (let i = 0; i < n; i++) {
      newIndex[i] = m;
      const ins = this.instrs[i]!;
      if (ins.op < 1000 && depthAt[i] !== -1) m++;
    }
    newIndex[n] = m;
    const code = new Int32Array(m);
    const lines = new Int32Array(m);
    const handlers: (Handler | null)[] = [];
    for (let i = 0; i < n; i++) {
      const ins = this.instrs[i]!;
      if (ins.op >= 1000 || depthAt[i] === -1) continue;
      const k = newIndex[i]!;
      const arg = ins.target !== null ? newIndex[labelIndex(ins.target)]! : ins.arg;
      code[k] = ins.op | (arg << ARG_SHIFT);
      lines[k] = ins.line;
      handlers[k] = handlerAt[i]!;
    }
    // Runs of instructions with the same handler become table entries.
    const table: ExceptionEntry[] = [];
    for (let k = 0; k < m;) {
      const h = handlers[k];
      let end = k + 1;
      while (end < m && handlers[end] === h) end++;
      if (h !== null && h !== undefined) {
        table.push({ start: k, end, target: newIndex[labelIndex(h.label)]!, depth: h.depth, lasti: h.lasti });
      }
      k = end;
    }
    return { code, lines, exceptionTable: table, stacksize: maxDepth };
  }
}

export { OPCODE, OPS };
