/** The disassembler: instruction listings in CPython 3.11's `dis` layout, derived from the table.
 *  It reads code through the CodeView interface, so it needs nothing else from the VM. */
import { BINOPS, CMPOPS, INPLACE_OFFSET, OPS, OP_NAMES, ARG_SHIFT, OP_MASK, baseOpcode } from './opcodes.js';

/** What the disassembler needs of a code object. */
export interface CodeView {
  readonly words: Int32Array;
  readonly lines: Int32Array;
  /** `<code object f at 0x..., file "x.py", line 2>` */
  readonly title: string;
  constRepr(i: number): string;
  name(i: number): string;
  /** Name of localsplus slot i (fast locals, cells, free variables). */
  localName(i: number): string;
  /** Nested code objects among the constants, in order. */
  children(): CodeView[];
}

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const FORMAT_KINDS = ['', 'str', 'repr', 'ascii'];

/** Byte offset of instruction `i`, as CPython counts them (two bytes an instruction). */
export function offsetOf(i: number): number {
  return i * 2;
}

export function argRepr(view: CodeView, op: number, arg: number): string {
  const spec = OPS[OP_NAMES[op]!];
  switch (spec.arg) {
    case 'const': return view.constRepr(arg);
    case 'local': case 'deref': return view.localName(arg);
    case 'name': case 'method': return view.name(arg);
    case 'global': return (arg & 1) !== 0 ? `NULL + ${view.name(arg >> 1)}` : view.name(arg >> 1);
    case 'jump': return `to ${offsetOf(arg)}`;
    case 'binop': return arg >= INPLACE_OFFSET ? `${BINOPS[arg - INPLACE_OFFSET]}=` : BINOPS[arg] ?? String(arg);
    case 'cmp': return CMPOPS[arg] ?? String(arg);
    case 'flag':
      if (OP_NAMES[op] === 'FORMAT_VALUE') {
        const kind = FORMAT_KINDS[arg & 3]!;
        return (arg & 4) !== 0 ? (kind ? `${kind}, with format` : 'with format') : kind;
      }
      return '';
    default: return '';
  }
}

/** The listing of one code object (without its nested ones). */
export function disassembleOne(view: CodeView): string {
  const { words, lines } = view;
  const targets = new Set<number>();
  for (const w of words) {
    const op = baseOpcode(w & OP_MASK);
    if (OPS[OP_NAMES[op]!].arg === 'jump') targets.add(w >>> ARG_SHIFT);
  }
  const maxLine = Math.max(0, ...lines);
  const linenoWidth = Math.max(3, String(maxLine).length);
  const offsetWidth = Math.max(4, String(offsetOf(words.length - 1)).length);
  const out: string[] = [];
  let lastLine = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const op = baseOpcode(w & OP_MASK);
    const arg = w >>> ARG_SHIFT;
    const line = lines[i]!;
    const startsLine = line > 0 && line !== lastLine;
    if (startsLine) {
      if (i > 0) out.push('');
      lastLine = line;
    }
    const fields = [startsLine ? String(line).padStart(linenoWidth) : ' '.repeat(linenoWidth), '   ',
      targets.has(i) ? '>>' : '  ', String(offsetOf(i)).padStart(offsetWidth), OP_NAMES[op]!.padEnd(OPNAME_WIDTH)];
    if (OPS[OP_NAMES[op]!].arg !== 'none') {
      const shown = OPS[OP_NAMES[op]!].arg === 'jump' ? arg : arg;
      fields.push(String(shown).padStart(OPARG_WIDTH));
      const r = argRepr(view, op, arg);
      if (r !== '') fields.push(`(${r})`);
    }
    out.push(fields.join(' ').trimEnd());
  }
  return out.join('\n') + '\n';
}

/** The listing of a code object and, after it, of every code object nested in it (as `dis.dis`). */
export function disassemble(view: CodeView): string {
  let out = disassembleOne(view);
  for (const child of view.children()) {
    out += `\nDisassembly of ${child.title}:\n`;
    out += disassembleRecursive(child);
  }
  return out;
}

function disassembleRecursive(view: CodeView): string {
  return disassemble(view);
}
