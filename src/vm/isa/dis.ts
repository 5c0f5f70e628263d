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
  /** The exception table: instructions [start, end) are covered by the handler at `target`
   *  (instruction indices), which runs with the stack cut to `depth`, after pushing the offset if `lasti`.
   *  Absent: none (a view made only to print arguments). */
  readonly exceptionTable?: readonly ExceptionTableEntry[];
}

export interface ExceptionTableEntry { start: number; end: number; target: number; depth: number; lasti: boolean }

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const FORMAT_KINDS = ['', 'str', 'repr', 'ascii'];
/** MAKE_FUNCTION's flag bits, low bit first (cf. CPython 3.11 dis.MAKE_FUNCTION_FLAGS). */
const MAKE_FUNCTION_FLAGS = ['defaults', 'kwdefaults', 'annotations', 'closure'];

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
      if (OP_NAMES[op] === 'MAKE_FUNCTION') return MAKE_FUNCTION_FLAGS.filter((_, bit) => (arg & (1 << bit)) !== 0).join(', ');
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
  // as CPython 3.11's dis, exception handlers are jump targets too
  const exceptionTable = view.exceptionTable ?? [];
  for (const e of exceptionTable) targets.add(e.target);
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
      fields.push(String(arg).padStart(OPARG_WIDTH));
      const r = argRepr(view, op, arg);
      if (r !== '') fields.push(`(${r})`);
    }
    out.push(fields.join(' ').trimEnd());
  }
  if (exceptionTable.length > 0) {
    // cf. CPython 3.11 dis._disassemble_bytes: byte offsets, the end inclusive (its last instruction)
    out.push('ExceptionTable:');
    for (const e of exceptionTable) {
      out.push(`  ${offsetOf(e.start)} to ${offsetOf(e.end - 1)} -> ${offsetOf(e.target)} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The listing of a code object and, after it, of every code object nested in it, depth first, each
 *  under a `Disassembly of <code object ...>:` header (cf. CPython 3.11 dis._disassemble_recursive).
 *  `depth` limits the nesting shown, as dis.dis(depth=N); undefined shows all. */
export function disassemble(view: CodeView, depth?: number): string {
  let out = disassembleOne(view);
  if (depth !== undefined && depth <= 0) return out;
  for (const child of view.children()) {
    out += `\nDisassembly of ${child.title}:\n`;
    out += disassemble(child, depth === undefined ? undefined : depth - 1);
  }
  return out;
}
