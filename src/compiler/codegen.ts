/** Code generation: AST + symbol tables to code objects (plain data), following CPython 3.11's
 *  compile.c closely enough that `dis` listings read alike. */
import * as A from '../parser/ast.js';
import { PySyntaxError } from '../parser/errors.js';
import { BINOPS, INPLACE_OFFSET, OPCODE as O, OPS, OP_NAMES, ARG_SHIFT, OP_MASK } from '../vm/isa/opcodes.js';
import {
  CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_NOFREE, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS,
  type CodeData, type Const,
} from './code.js';
import { Emitter, Pseudo, type Label } from './emitter.js';
import { fold } from './optimize.js';
import { DEF_FREE_CLASS, mangle, Scope, type SymbolTable } from './symtable.js';

const BINOP_ARG: Record<A.OperatorKind, number> = {
  Add: 0, BitAnd: 1, FloorDiv: 2, LShift: 3, MatMult: 4, Mult: 5, Mod: 6, BitOr: 7, Pow: 8, RShift: 9, Sub: 10,
  Div: 11, BitXor: 12,
};
const CMP_ARG: Partial<Record<A.CmpOpKind, number>> = { Lt: 0, LtE: 1, Eq: 2, NotEq: 3, Gt: 4, GtE: 5 };

type FBlockKind = 'WHILE_LOOP' | 'FOR_LOOP' | 'TRY_EXCEPT' | 'FINALLY_TRY' | 'FINALLY_END' | 'WITH'
  | 'HANDLER_CLEANUP' | 'EXCEPTION_HANDLER' | 'POP_VALUE';

interface FBlock {
  kind: FBlockKind;
  block: Label | null;
  exit: Label | null;
  /** FINALLY_TRY: the finally body; HANDLER_CLEANUP: the `as` name. */
  datum: A.Stmt[] | string | null;
}

/** The state of one code object being compiled (cf. CPython's struct compiler_unit). */
class Unit {
  readonly em = new Emitter();
  readonly consts: Const[] = [];
  private readonly constKeys = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIdx = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varIdx = new Map<string, number>();
  readonly cellvars: string[];
  readonly freevars: string[];
  readonly fblocks: FBlock[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;

  constructor(
    readonly ste: SymbolTable,
    readonly name: string,
    readonly qualname: string,
    readonly firstlineno: number,
    /** The class whose body this is inside, for private-name mangling. */
    readonly privateName: string | null,
  ) {
    for (const v of ste.varnames) this.varIndex(v);
    this.cellvars = ste.namesWithScope(Scope.CELL).sort();
    if (ste.type === 'class' && ste.needsClassClosure) this.cellvars.push('__class__');
    // FREE names, plus names a class binds that its methods use freely (DEF_FREE_CLASS), sorted (cf. dictbytype)
    this.freevars = [...ste.symbols.keys()]
      .filter((n) => ste.scope(n) === Scope.FREE || (ste.flags(n) & DEF_FREE_CLASS) !== 0)
      .sort();
  }

  constIndex(c: Const): number {
    const key = constKey(c);
    if (key === null) {
      this.consts.push(c);
      return this.consts.length - 1;
    }
    let i = this.constKeys.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(c);
      this.constKeys.set(key, i);
    }
    return i;
  }
  nameIndex(n: string): number {
    let i = this.nameIdx.get(n);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(n);
      this.nameIdx.set(n, i);
    }
    return i;
  }
  varIndex(n: string): number {
    let i = this.varIdx.get(n);
    if (i === undefined) {
      i = this.varnames.length;
      this.varnames.push(n);
      this.varIdx.set(n, i);
    }
    return i;
  }
  /** Index into cellvars ++ freevars; fixed up to a localsplus slot at assembly. */
  derefIndex(n: string): number {
    const c = this.cellvars.indexOf(n);
    if (c >= 0) return c;
    const f = this.freevars.indexOf(n);
    if (f >= 0) return this.cellvars.length + f;
    throw new Error(`gilpy bug: ${n} is neither a cell nor a free variable of ${this.name}`);
  }
}

/** A key under which equal constants share one slot (cf. _PyCode_ConstantKey): 1, 1.0 and True differ. */
function constKey(c: Const): string | null {
  if (c === null) return 'N';
  if (c === A.ELLIPSIS) return 'E';
  switch (typeof c) {
    case 'boolean': return c ? 'T' : 'F';
    case 'bigint': return `i${c}`;
    case 'number': return Object.is(c, -0) ? 'f-0' : `f${c}`;
    case 'string': return `s${c}`;
    default: break;
  }
  if (c instanceof Uint8Array) return `b${Array.from(c).join(',')}`;
  if ('imag' in c) return `j${Object.is(c.imag, -0) ? '-0' : c.imag}`;
  if ('tuple' in c) {
    const keys = c.tuple.map(constKey);
    return keys.includes(null) ? null : `(${keys.join(';')})`;
  }
  if ('frozenset' in c) {
    const keys = c.frozenset.map(constKey);
    return keys.includes(null) ? null : `{${keys.join(';')}}`;
  }
  return null; // code objects are never shared
}

export interface CompileOptions {
  filename: string;
  /** Source lines, for SyntaxErrors raised here. */
  lines?: readonly string[];
  /** CPython's 'single' mode (the REPL): a module-level expression statement shows its value through
   *  sys.displayhook (PRINT_EXPR) instead of dropping it. */
  interactive?: boolean;
}

/** Compiles a checked module (see front-end.ts) to its code object. */
export function compileModule(mod: A.Module, top: SymbolTable, opts: CompileOptions): CodeData {
  fold(mod);
  return new Compiler(top, opts).module(mod);
}

class Compiler {
  private u!: Unit;
  private readonly stack: Unit[] = [];

  constructor(private readonly top: SymbolTable, private readonly opts: CompileOptions) {}

  private error(msg: string, at: A.Pos): PySyntaxError {
    return new PySyntaxError('SyntaxError', msg, this.opts.filename, at.lineno, at.col_offset + 1, at.end_lineno,
      at.end_col_offset + 1, this.opts.lines?.[at.lineno - 1] ?? '');
  }

  // ================= units =================
  private enter(ste: SymbolTable, name: string, firstlineno: number, privateName: string | null): void {
    if (this.stack.length > 0 || this.u !== undefined) this.stack.push(this.u);
    const qualname = this.qualnameFor(ste, name);
    this.u = new Unit(ste, name, qualname, firstlineno, privateName);
    // cells for parameters and the class cell are made first thing (cf. insert_prefix_instructions),
    // on no line: CPython 3.11's dis shows them before the first line number
    this.u.em.line = 0;
    for (const c of this.u.cellvars) this.u.em.emit(O.MAKE_CELL, this.u.derefIndex(c));
    if (this.u.freevars.length > 0) this.u.em.emit(O.COPY_FREE_VARS, this.u.freevars.length);
    this.u.em.line = firstlineno;
    if (ste.generator) {
      this.u.em.emit(O.RETURN_GENERATOR);
      this.u.em.emit(O.POP_TOP);
    }
    this.u.em.emit(O.RESUME, 0);
  }

  private qualnameFor(ste: SymbolTable, name: string): string {
    if (this.stack.length === 0 && this.u === undefined) return name;
    const parent = this.u;
    if (parent === undefined || parent.ste.type === 'module') return name;
    if ((ste.type === 'function' || ste.type === 'class') && parent.ste.scope(mangle(parent.privateName, name)) === Scope.GLOBAL_EXPLICIT) {
      return name;
    }
    if (parent.ste.type === 'function') return `${parent.qualname}.<locals>.${name}`;
    return `${parent.qualname}.${name}`;
  }

  private leave(): CodeData {
    const u = this.u;
    const asm = u.em.assemble();
    // localsplus: varnames, then cells that are not parameters, then free variables
    const localsplus = [...u.varnames];
    for (const c of u.cellvars) if (!u.varnames.includes(c)) localsplus.push(c);
    localsplus.push(...u.freevars);
    const derefSlot = [...u.cellvars, ...u.freevars].map((n, i) =>
      i < u.cellvars.length ? localsplus.indexOf(n) : localsplus.lastIndexOf(n));
    for (let k = 0; k < asm.code.length; k++) {
      const w = asm.code[k]!;
      const op = w & OP_MASK;
      if (OPS[OP_NAMES[op]!].arg === 'deref') asm.code[k] = op | (derefSlot[w >>> ARG_SHIFT]! << ARG_SHIFT);
    }
    let flags = 0;
    const ste = u.ste;
    if (ste.type === 'function') {
      flags |= CO_OPTIMIZED | CO_NEWLOCALS;
      if (ste.nested) flags |= CO_NESTED;
      if (ste.generator) flags |= CO_GENERATOR;
      if (ste.varargs) flags |= CO_VARARGS;
      if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    }
    if (u.freevars.length === 0 && u.cellvars.length === 0) flags |= CO_NOFREE;
    const code: CodeData = {
      kind: 'code', name: u.name, qualname: u.qualname, filename: this.opts.filename, firstlineno: u.firstlineno,
      argcount: u.argcount, posonlyargcount: u.posonlyargcount, kwonlyargcount: u.kwonlyargcount, flags,
      code: asm.code, lines: asm.lines, consts: u.consts, names: u.names, varnames: u.varnames,
      cellvars: u.cellvars, freevars: u.freevars, localsplus, exceptionTable: asm.exceptionTable,
      stacksize: asm.stacksize,
    };
    this.u = this.stack.pop()!;
    return code;
  }

  private emit(op: number, arg = 0): void {
    this.u.em.emit(op, arg);
  }
  private jump(op: number, l: Label): void {
    this.u.em.emitJump(op, l);
  }
  private label(): Label {
    return this.u.em.newLabel();
  }
  private place(l: Label): void {
    this.u.em.place(l);
  }
  private loadConst(c: Const): void {
    this.emit(O.LOAD_CONST, this.u.constIndex(c));
  }
  private setLine(n: A.Pos): number {
    const old = this.u.em.line;
    this.u.em.line = n.lineno;
    return old;
  }

  // ================= module =================
  module(mod: A.Module): CodeData {
    this.enter(this.top, '<module>', 1, null);
    this.u.em.line = 1;
    if (mod.body.length > 0) this.u.em.line = mod.body[0]!.lineno;
    let body = mod.body;
    const doc = docstring(body);
    if (doc !== null) {
      this.setLine(body[0]!);
      this.loadConst(doc);
      this.storeName('__doc__');
      body = body.slice(1);
    }
    if (findAnnotations(mod.body)) this.emit(O.SETUP_ANNOTATIONS);
    this.stmts(body);
    this.u.em.line = 0;
    if (!this.u.em.lastIsTerminal() || body.length === 0) {
      this.loadConst(null);
      this.emit(O.RETURN_VALUE);
    }
    return this.leave();
  }

  // ================= statements =================
  private stmts(ss: A.Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  private stmt(s: A.Stmt): void {
    this.setLine(s);
    switch (s._type) {
      case 'FunctionDef': return this.functionDef(s);
      case 'ClassDef': return this.classDef(s);
      case 'Return': return this.returnStmt(s);
      case 'Delete':
        for (const t of s.targets) this.delete(t);
        return;
      case 'Assign': {
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(O.COPY, 1);
          this.store(t);
        });
        return;
      }
      case 'AugAssign': return this.augAssign(s);
      case 'AnnAssign': return this.annAssign(s);
      case 'For': return this.forStmt(s);
      case 'While': return this.whileStmt(s);
      case 'If': return this.ifStmt(s);
      case 'With': return this.withStmt(s, 0);
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n = 1;
          if (s.cause) {
            this.expr(s.cause);
            n = 2;
          }
        }
        this.emit(O.RAISE_VARARGS, n);
        return;
      }
      case 'Try': return s.finalbody.length > 0 ? this.tryFinally(s) : this.tryExcept(s);
      case 'Assert': {
        const end = this.label();
        this.jumpIf(s.test, end, true);
        this.emit(O.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          this.emit(O.PRECALL, 0);
          this.emit(O.CALL, 0);
        }
        this.emit(O.RAISE_VARARGS, 1);
        this.place(end);
        return;
      }
      case 'Import': return this.importStmt(s);
      case 'ImportFrom': return this.importFrom(s);
      case 'Global': case 'Nonlocal': case 'Pass':
        this.emit(O.NOP);
        return;
      case 'Expr':
        if (s.value._type === 'Constant' && this.u.ste.type !== 'module') {
          this.emit(O.NOP); // a docstring-like constant statement does nothing
          return;
        }
        this.expr(s.value);
        this.emit(this.opts.interactive === true && this.u.ste.type === 'module' ? O.PRINT_EXPR : O.POP_TOP);
        return;
      case 'Break': return this.breakStmt(s);
      case 'Continue': return this.continueStmt(s);
      default: {
        const never: never = s;
        throw new Error(`gilpy bug: statement ${(never as A.Stmt)._type}`);
      }
    }
  }

  // ---- names ----
  private nameOp(rawName: string, ctx: A.ExprContext | 'Call'): void {
    const u = this.u;
    const name = mangle(u.privateName, rawName);
    const scope = u.ste.scope(name);
    const isFunction = u.ste.type === 'function';
    let kind: 'fast' | 'global' | 'deref' | 'name' = 'name';
    switch (scope) {
      case Scope.FREE: case Scope.CELL: kind = 'deref'; break;
      case Scope.LOCAL: if (isFunction) kind = 'fast'; break;
      case Scope.GLOBAL_IMPLICIT: if (isFunction) kind = 'global'; break;
      case Scope.GLOBAL_EXPLICIT: kind = 'global'; break;
      default: break;
    }
    switch (kind) {
      case 'fast': {
        const i = u.varIndex(name);
        this.emit(ctx === 'Store' ? O.STORE_FAST : ctx === 'Del' ? O.DELETE_FAST : O.LOAD_FAST, i);
        if (ctx === 'Call') throw new Error('unreachable');
        return;
      }
      case 'deref': {
        const i = u.derefIndex(name);
        if (ctx === 'Store') this.emit(O.STORE_DEREF, i);
        else if (ctx === 'Del') this.emit(O.DELETE_DEREF, i);
        else this.emit(u.ste.type === 'class' ? O.LOAD_CLASSDEREF : O.LOAD_DEREF, i);
        return;
      }
      case 'global': {
        const i = u.nameIndex(name);
        if (ctx === 'Store') this.emit(O.STORE_GLOBAL, i);
        else if (ctx === 'Del') this.emit(O.DELETE_GLOBAL, i);
        else this.emit(O.LOAD_GLOBAL, (i << 1) | (ctx === 'Call' ? 1 : 0));
        return;
      }
      case 'name': {
        const i = u.nameIndex(name);
        if (ctx === 'Store') this.emit(O.STORE_NAME, i);
        else if (ctx === 'Del') this.emit(O.DELETE_NAME, i);
        else this.emit(O.LOAD_NAME, i);
        return;
      }
    }
  }
  private storeName(n: string): void {
    this.nameOp(n, 'Store');
  }
  private loadName(n: string): void {
    this.nameOp(n, 'Load');
  }

  // ---- functions and classes ----
  private functionDef(s: A.FunctionDef): void {
    for (const d of s.decorator_list) this.expr(d);
    const ste = this.u.ste.lookup(s);
    const flags = this.functionPrologue(s.args, s.returns, ste);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    this.enter(ste, s.name, firstlineno, this.u.privateName);
    const doc = docstring(s.body);
    this.loadConstFirst(doc);
    this.setArgCounts(s.args);
    this.stmts(doc !== null ? s.body.slice(1) : s.body);
    if (!this.u.em.lastIsTerminal()) {
      this.loadConst(null);
      this.emit(O.RETURN_VALUE);
    }
    const code = this.leave();
    this.makeClosure(code, flags, ste);
    this.setLine(s);
    for (let i = 0; i < s.decorator_list.length; i++) {
      this.emit(O.PRECALL, 0);
      this.emit(O.CALL, 0);
    }
    this.storeName(s.name);
  }

  /** The docstring (or None) goes first in co_consts, as CPython's functions expect. */
  private loadConstFirst(doc: string | null): void {
    this.u.constIndex(doc);
  }

  private setArgCounts(a: A.Arguments): void {
    this.u.argcount = a.posonlyargs.length + a.args.length;
    this.u.posonlyargcount = a.posonlyargs.length;
    this.u.kwonlyargcount = a.kwonlyargs.length;
  }

  /** Evaluates defaults, keyword defaults and annotations in the enclosing scope; returns MAKE_FUNCTION flags. */
  private functionPrologue(a: A.Arguments, returns: A.Expr | null, ste: SymbolTable): number {
    let flags = 0;
    if (a.defaults.length > 0) {
      for (const d of a.defaults) this.expr(d);
      this.emit(O.BUILD_TUPLE, a.defaults.length);
      flags |= 1;
    }
    const kw = a.kwonlyargs.map((arg, i) => [arg, a.kw_defaults[i]] as const).filter(([, d]) => d !== null);
    if (kw.length > 0) {
      for (const [arg, d] of kw) {
        this.loadConst(mangle(this.u.privateName, arg.arg));
        this.expr(d!);
      }
      this.emit(O.BUILD_MAP, kw.length);
      flags |= 2;
    }
    const annotated: [string, A.Expr][] = [];
    for (const arg of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
      if (arg.annotation) annotated.push([mangle(this.u.privateName, arg.arg), arg.annotation]);
    }
    if (returns) annotated.push(['return', returns]);
    if (annotated.length > 0) {
      for (const [name, e] of annotated) {
        this.loadConst(name);
        this.expr(e);
      }
      this.emit(O.BUILD_TUPLE, annotated.length * 2);
      flags |= 4;
    }
    void ste;
    return flags;
  }

  /** Pushes the new function: its closure cells (if any) and code, then MAKE_FUNCTION. */
  private makeClosure(code: CodeData, flags: number, ste: SymbolTable): void {
    void ste;
    if (code.freevars.length > 0) {
      for (const name of code.freevars) {
        // a class's __class__ cell is the class body's own; everything else comes from this scope
        this.emit(O.LOAD_CLOSURE, this.u.derefIndex(name));
      }
      this.emit(O.BUILD_TUPLE, code.freevars.length);
      flags |= 8;
    }
    this.loadConst(code);
    this.emit(O.MAKE_FUNCTION, flags);
  }

  private classDef(s: A.ClassDef): void {
    for (const d of s.decorator_list) this.expr(d);
    const ste = this.u.ste.lookup(s);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    this.enter(ste, s.name, firstlineno, s.name);
    this.u.em.line = firstlineno;
    this.loadName('__name__');
    this.storeName('__module__');
    this.loadConst(this.u.qualname);
    this.storeName('__qualname__');
    let body = s.body;
    const doc = docstring(body);
    if (doc !== null) {
      this.setLine(body[0]!);
      this.loadConst(doc);
      this.storeName('__doc__');
      body = body.slice(1);
    }
    if (findAnnotations(s.body)) this.emit(O.SETUP_ANNOTATIONS);
    this.stmts(body);
    this.u.em.line = 0;
    if (ste.needsClassClosure) {
      this.emit(O.LOAD_CLOSURE, this.u.derefIndex('__class__'));
      this.emit(O.COPY, 1);
      this.storeName('__classcell__');
    } else {
      this.loadConst(null);
    }
    this.emit(O.RETURN_VALUE);
    const code = this.leave();
    this.setLine(s);
    this.emit(O.PUSH_NULL);
    this.emit(O.LOAD_BUILD_CLASS);
    this.makeClosure(code, 0, ste);
    this.loadConst(s.name);
    this.callHelper(2, s.bases, s.keywords);
    for (let i = 0; i < s.decorator_list.length; i++) {
      this.emit(O.PRECALL, 0);
      this.emit(O.CALL, 0);
    }
    this.storeName(s.name);
  }

  private returnStmt(s: A.Return): void {
    if (this.u.ste.type !== 'function') throw this.error("'return' outside function", s);
    const preserve = s.value !== null && s.value._type !== 'Constant';
    if (preserve) this.expr(s.value!);
    this.unwindAll(preserve);
    if (s.value === null) this.loadConst(null);
    else if (!preserve) this.expr(s.value);
    this.setLine(s);
    this.emit(O.RETURN_VALUE);
  }

  // ---- assignment ----
  private store(t: A.Expr): void {
    const old = this.setLine(t);
    switch (t._type) {
      case 'Name': this.storeName(t.id); break;
      case 'Attribute':
        this.expr(t.value);
        this.emit(O.STORE_ATTR, this.u.nameIndex(mangle(this.u.privateName, t.attr)));
        break;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptKey(t.slice);
        this.emit(O.STORE_SUBSCR);
        break;
      case 'Tuple': case 'List': this.unpack(t.elts, t); break;
      case 'Starred': throw this.error('starred assignment target must be in a list or tuple', t);
      default: throw this.error(`cannot assign to ${t._type}`, t);
    }
    this.u.em.line = old;
  }

  private unpack(elts: A.Expr[], at: A.Pos): void {
    const star = elts.findIndex((e) => e._type === 'Starred');
    if (star < 0) {
      this.emit(O.UNPACK_SEQUENCE, elts.length);
    } else {
      const after = elts.length - star - 1;
      if (star >= 256 || after >= (1 << 16)) throw this.error('too many expressions in star-unpacking assignment', at);
      this.emit(O.UNPACK_EX, star | (after << 8));
    }
    for (const e of elts) this.store(e._type === 'Starred' ? e.value : e);
  }

  private delete(t: A.Expr): void {
    this.setLine(t);
    switch (t._type) {
      case 'Name': this.nameOp(t.id, 'Del'); return;
      case 'Attribute':
        this.expr(t.value);
        this.emit(O.DELETE_ATTR, this.u.nameIndex(mangle(this.u.privateName, t.attr)));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptKey(t.slice);
        this.emit(O.DELETE_SUBSCR);
        return;
      case 'Tuple': case 'List':
        for (const e of t.elts) this.delete(e);
        return;
      default: throw this.error('cannot delete expression', t);
    }
  }

  private augAssign(s: A.AugAssign): void {
    const op = BINOP_ARG[s.op] + INPLACE_OFFSET;
    const t = s.target;
    switch (t._type) {
      case 'Name':
        this.nameOp(t.id, 'Load');
        this.expr(s.value);
        this.setLine(s);
        this.emit(O.BINARY_OP, op);
        this.storeName(t.id);
        return;
      case 'Attribute': {
        const attr = this.u.nameIndex(mangle(this.u.privateName, t.attr));
        this.expr(t.value);
        this.emit(O.COPY, 1);
        this.emit(O.LOAD_ATTR, attr);
        this.expr(s.value);
        this.setLine(s);
        this.emit(O.BINARY_OP, op);
        this.emit(O.SWAP, 2);
        this.emit(O.STORE_ATTR, attr);
        return;
      }
      case 'Subscript':
        this.expr(t.value);
        this.subscriptKey(t.slice);
        this.emit(O.COPY, 2);
        this.emit(O.COPY, 2);
        this.emit(O.BINARY_SUBSCR);
        this.expr(s.value);
        this.setLine(s);
        this.emit(O.BINARY_OP, op);
        this.emit(O.SWAP, 3);
        this.emit(O.SWAP, 2);
        this.emit(O.STORE_SUBSCR);
        return;
      default:
        throw this.error(`'${t._type}' is an illegal expression for augmented assignment`, t);
    }
  }

  private annAssign(s: A.AnnAssign): void {
    if (s.value) {
      this.expr(s.value);
      this.store(s.target);
    }
    const t = s.target;
    if (t._type === 'Name') {
      if (s.simple && this.u.ste.type !== 'function') {
        // __annotations__[name] = annotation
        this.expr(s.annotation);
        this.loadName('__annotations__');
        this.loadConst(mangle(this.u.privateName, t.id));
        this.emit(O.STORE_SUBSCR);
      }
    } else if (this.u.ste.type !== 'function') {
      // the target's parts are still evaluated (cf. check_ann_expr)
      if (t._type === 'Attribute' && !s.value) {
        this.expr(t.value);
        this.emit(O.POP_TOP);
      } else if (t._type === 'Subscript' && !s.value) {
        this.expr(t.value);
        this.emit(O.POP_TOP);
        this.subscriptKey(t.slice);
        this.emit(O.POP_TOP);
      }
      this.expr(s.annotation);
      this.emit(O.POP_TOP);
    }
  }

  // ---- control flow ----
  private ifStmt(s: A.If): void {
    const end = this.label();
    const orelse = s.orelse.length > 0 ? this.label() : end;
    this.jumpIf(s.test, orelse, false);
    this.stmts(s.body);
    if (s.orelse.length > 0) {
      if (!this.u.em.lastIsTerminal()) this.jump(O.JUMP_FORWARD, end);
      this.place(orelse);
      this.stmts(s.orelse);
    }
    this.place(end);
  }

  private whileStmt(s: A.While): void {
    const loop = this.label();
    const body = this.label();
    const anchor = this.label();
    const exit = this.label();
    this.place(loop);
    this.pushFBlock('WHILE_LOOP', loop, exit);
    this.jumpIf(s.test, anchor, false);
    this.place(body);
    this.stmts(s.body);
    this.setLine(s);
    this.jump(O.JUMP_BACKWARD, loop);
    this.popFBlock();
    this.place(anchor);
    this.stmts(s.orelse);
    this.place(exit);
  }

  private forStmt(s: A.For): void {
    const start = this.label();
    const cleanup = this.label();
    const end = this.label();
    this.expr(s.iter);
    this.setLine(s);
    this.emit(O.GET_ITER);
    this.place(start);
    this.pushFBlock('FOR_LOOP', start, end);
    this.jump(O.FOR_ITER, cleanup);
    this.store(s.target);
    this.stmts(s.body);
    this.setLine(s);
    this.jump(O.JUMP_BACKWARD, start);
    this.place(cleanup);
    this.popFBlock();
    this.stmts(s.orelse);
    this.place(end);
  }

  private breakStmt(s: A.Break): void {
    const loop = this.unwindToLoop(s, false);
    this.setLine(s);
    this.jump(O.JUMP_FORWARD, loop.exit!);
  }

  private continueStmt(s: A.Continue): void {
    const loop = this.unwindToLoop(s, true);
    this.setLine(s);
    this.jump(O.JUMP_BACKWARD, loop.block!);
  }

  /** Unwinds the blocks inside the innermost loop (and, for break, the loop's iterator). */
  private unwindToLoop(s: A.Stmt, isContinue: boolean): FBlock {
    const saved: FBlock[] = [];
    const fb = this.u.fblocks;
    let loop: FBlock | null = null;
    while (fb.length > 0) {
      const top = fb[fb.length - 1]!;
      if (top.kind === 'WHILE_LOOP' || top.kind === 'FOR_LOOP') {
        loop = top;
        break;
      }
      fb.pop();
      saved.push(top);
      this.unwindFBlock(top, false);
    }
    if (loop === null) throw this.error(isContinue ? "'continue' not properly in loop" : "'break' outside loop", s);
    if (!isContinue) this.unwindFBlock(loop, false);
    while (saved.length > 0) fb.push(saved.pop()!);
    return loop;
  }

  /** For `return`: unwinds every block (cf. compiler_unwind_fblock_stack). */
  private unwindAll(preserveTos: boolean): void {
    const fb = this.u.fblocks;
    const saved: FBlock[] = [];
    while (fb.length > 0) {
      const top = fb.pop()!;
      saved.push(top);
      this.unwindFBlock(top, preserveTos);
    }
    while (saved.length > 0) fb.push(saved.pop()!);
  }

  private unwindFBlock(b: FBlock, preserveTos: boolean): void {
    switch (b.kind) {
      case 'WHILE_LOOP': case 'EXCEPTION_HANDLER':
        return;
      case 'FOR_LOOP':
        if (preserveTos) this.emit(O.SWAP, 2);
        this.emit(O.POP_TOP);
        return;
      case 'TRY_EXCEPT':
        this.u.em.popBlock();
        return;
      case 'FINALLY_TRY': {
        this.u.em.popBlock();
        if (preserveTos) this.pushFBlock('POP_VALUE', null, null);
        // the finally body runs here, outside its own block
        const fb = this.u.fblocks;
        const idx = fb.indexOf(b);
        const removed = idx >= 0 ? fb.splice(idx, 1) : [];
        this.stmts(b.datum as A.Stmt[]);
        if (removed.length > 0) fb.splice(idx, 0, b);
        if (preserveTos) this.popFBlock();
        return;
      }
      case 'FINALLY_END':
        if (preserveTos) this.emit(O.SWAP, 2);
        this.emit(O.POP_TOP); // the exception
        if (preserveTos) this.emit(O.SWAP, 2);
        this.u.em.popBlock();
        this.emit(O.POP_EXCEPT);
        return;
      case 'WITH':
        this.u.em.popBlock();
        if (preserveTos) this.emit(O.SWAP, 2);
        this.callExitWithNones();
        this.emit(O.POP_TOP);
        return;
      case 'HANDLER_CLEANUP':
        if (b.datum !== null) this.u.em.popBlock();
        if (preserveTos) this.emit(O.SWAP, 2);
        this.u.em.popBlock();
        this.emit(O.POP_EXCEPT);
        if (b.datum !== null) {
          this.loadConst(null);
          this.storeName(b.datum as string);
          this.nameOp(b.datum as string, 'Del');
        }
        return;
      case 'POP_VALUE':
        if (preserveTos) this.emit(O.SWAP, 2);
        this.emit(O.POP_TOP);
        return;
    }
  }

  private pushFBlock(kind: FBlockKind, block: Label | null, exit: Label | null, datum: FBlock['datum'] = null): void {
    if (this.u.fblocks.length >= 20) throw this.error('too many statically nested blocks', { lineno: this.u.em.line, col_offset: 0, end_lineno: this.u.em.line, end_col_offset: 0 });
    this.u.fblocks.push({ kind, block, exit, datum });
  }
  private popFBlock(): void {
    this.u.fblocks.pop();
  }

  /** Jumps to `target` when `e` is truthy (`cond` true) or falsy (`cond` false), short-circuiting. */
  private jumpIf(e: A.Expr, target: Label, cond: boolean): void {
    if (e._type === 'UnaryOp' && e.op === 'Not') return this.jumpIf(e.operand, target, !cond);
    if (e._type === 'BoolOp') {
      const isOr = e.op === 'Or';
      if (isOr === cond) {
        for (const v of e.values) this.jumpIf(v, target, cond);
      } else {
        const skip = this.label();
        for (let i = 0; i < e.values.length - 1; i++) this.jumpIf(e.values[i]!, skip, !cond);
        this.jumpIf(e.values[e.values.length - 1]!, target, cond);
        this.place(skip);
      }
      return;
    }
    if (e._type === 'Compare' && e.ops.length === 1 && (e.ops[0] === 'Is' || e.ops[0] === 'IsNot')
      && e.comparators[0]!._type === 'Constant' && (e.comparators[0] as A.Constant).value === null) {
      this.expr(e.left);
      this.setLine(e);
      const isNone = (e.ops[0] === 'Is') === cond;
      this.jump(isNone ? O.POP_JUMP_IF_NONE : O.POP_JUMP_IF_NOT_NONE, target);
      return;
    }
    this.expr(e);
    this.setLine(e);
    this.jump(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, target);
  }

  // ---- exceptions ----
  private tryExcept(s: A.Try): void {
    const body = this.label();
    const except = this.label();
    const orelse = this.label();
    const end = this.label();
    const cleanup = this.label();
    this.u.em.setup(Pseudo.SETUP_FINALLY, except);
    this.place(body);
    this.pushFBlock('TRY_EXCEPT', body, null);
    this.stmts(s.body);
    this.popFBlock();
    this.u.em.popBlock();
    this.place(orelse);
    this.stmts(s.orelse);
    if (!this.u.em.lastIsTerminal()) this.jump(O.JUMP_FORWARD, end);
    this.place(except);
    this.u.em.line = s.handlers[0]?.lineno ?? this.u.em.line;
    this.u.em.setup(Pseudo.SETUP_CLEANUP, cleanup);
    this.emit(O.PUSH_EXC_INFO);
    this.pushFBlock('EXCEPTION_HANDLER', null, null);
    for (const h of s.handlers) {
      this.setLine(h);
      const next = this.label();
      if (h.type) {
        this.expr(h.type);
        this.emit(O.CHECK_EXC_MATCH);
        this.jump(O.POP_JUMP_IF_FALSE, next);
      }
      if (h.name) {
        const cleanupEnd = this.label();
        const cleanupBody = this.label();
        this.storeName(h.name);
        this.u.em.setup(Pseudo.SETUP_CLEANUP, cleanupEnd);
        this.place(cleanupBody);
        this.pushFBlock('HANDLER_CLEANUP', cleanupBody, null, h.name);
        this.stmts(h.body);
        this.popFBlock();
        this.u.em.popBlock();
        this.u.em.popBlock();
        this.emit(O.POP_EXCEPT);
        this.loadConst(null);
        this.storeName(h.name);
        this.nameOp(h.name, 'Del');
        this.jump(O.JUMP_FORWARD, end);
        this.place(cleanupEnd);
        this.loadConst(null);
        this.storeName(h.name);
        this.nameOp(h.name, 'Del');
        this.emit(O.RERAISE, 1);
      } else {
        const cleanupBody = this.label();
        this.emit(O.POP_TOP);
        this.place(cleanupBody);
        this.pushFBlock('HANDLER_CLEANUP', cleanupBody, null, null);
        this.stmts(h.body);
        this.popFBlock();
        this.u.em.popBlock();
        this.emit(O.POP_EXCEPT);
        this.jump(O.JUMP_FORWARD, end);
      }
      this.place(next);
    }
    this.popFBlock();
    this.emit(O.RERAISE, 0);
    this.place(cleanup);
    this.emit(O.COPY, 3);
    this.emit(O.POP_EXCEPT);
    this.emit(O.RERAISE, 1);
    this.place(end);
  }

  private tryFinally(s: A.Try): void {
    const body = this.label();
    const handler = this.label();
    const cleanup = this.label();
    const exit = this.label();
    this.u.em.setup(Pseudo.SETUP_FINALLY, handler);
    this.place(body);
    this.pushFBlock('FINALLY_TRY', body, handler, s.finalbody);
    if (s.handlers.length > 0) this.tryExcept({ ...s, finalbody: [] });
    else this.stmts(s.body);
    this.u.em.popBlock();
    this.popFBlock();
    this.stmts(s.finalbody);
    if (!this.u.em.lastIsTerminal()) this.jump(O.JUMP_FORWARD, exit);
    // the exceptional path: run the finally body, then re-raise
    this.place(handler);
    this.u.em.setup(Pseudo.SETUP_CLEANUP, cleanup);
    this.emit(O.PUSH_EXC_INFO);
    this.pushFBlock('FINALLY_END', null, null);
    this.stmts(s.finalbody);
    this.popFBlock();
    this.emit(O.RERAISE, 0);
    this.place(cleanup);
    this.emit(O.COPY, 3);
    this.emit(O.POP_EXCEPT);
    this.emit(O.RERAISE, 1);
    this.place(exit);
  }

  private withStmt(s: A.With, pos: number): void {
    const item = s.items[pos]!;
    const block = this.label();
    const final = this.label();
    const exit = this.label();
    const cleanup = this.label();
    this.expr(item.context_expr);
    this.setLine(s);
    this.emit(O.BEFORE_WITH);
    this.u.em.setup(Pseudo.SETUP_WITH, final);
    this.place(block);
    this.pushFBlock('WITH', block, final);
    if (item.optional_vars) this.store(item.optional_vars);
    else this.emit(O.POP_TOP);
    if (pos + 1 < s.items.length) this.withStmt(s, pos + 1);
    else this.stmts(s.body);
    this.popFBlock();
    this.u.em.popBlock();
    this.setLine(s);
    this.callExitWithNones();
    this.emit(O.POP_TOP);
    this.jump(O.JUMP_FORWARD, exit);
    // exceptional exit: __exit__(type, value, tb); a true result suppresses the exception
    this.place(final);
    this.u.em.setup(Pseudo.SETUP_CLEANUP, cleanup);
    this.emit(O.PUSH_EXC_INFO);
    this.emit(O.WITH_EXCEPT_START);
    const suppress = this.label();
    this.jump(O.POP_JUMP_IF_TRUE, suppress);
    this.emit(O.RERAISE, 2);
    this.place(suppress);
    this.emit(O.POP_TOP);
    this.u.em.popBlock();
    this.emit(O.POP_EXCEPT);
    this.emit(O.POP_TOP);
    this.emit(O.POP_TOP);
    this.jump(O.JUMP_FORWARD, exit);
    this.place(cleanup);
    this.emit(O.COPY, 3);
    this.emit(O.POP_EXCEPT);
    this.emit(O.RERAISE, 1);
    this.place(exit);
  }

  private callExitWithNones(): void {
    this.loadConst(null);
    this.loadConst(null);
    this.loadConst(null);
    this.emit(O.PRECALL, 2);
    this.emit(O.CALL, 2);
  }

  // ---- imports ----
  private importStmt(s: A.Import): void {
    for (const alias of s.names) {
      this.loadConst(0n);
      this.loadConst(null);
      this.emit(O.IMPORT_NAME, this.u.nameIndex(alias.name));
      if (alias.asname) {
        const parts = alias.name.split('.');
        for (let i = 1; i < parts.length; i++) {
          this.emit(O.IMPORT_FROM, this.u.nameIndex(parts[i]!));
          this.emit(O.SWAP, 2);
          this.emit(O.POP_TOP);
        }
        this.storeName(alias.asname);
      } else {
        this.storeName(alias.name.split('.')[0]!);
      }
    }
  }

  private importFrom(s: A.ImportFrom): void {
    this.loadConst(BigInt(s.level));
    this.loadConst({ tuple: s.names.map((a) => a.name) });
    this.emit(O.IMPORT_NAME, this.u.nameIndex(s.module ?? ''));
    if (s.names.length === 1 && s.names[0]!.name === '*') {
      this.emit(O.IMPORT_STAR);
      return;
    }
    for (const alias of s.names) {
      this.emit(O.IMPORT_FROM, this.u.nameIndex(alias.name));
      this.storeName(alias.asname ?? alias.name);
    }
    this.emit(O.POP_TOP);
  }

  // ================= expressions =================
  private expr(e: A.Expr): void {
    const old = this.setLine(e);
    this.exprKind(e);
    this.u.em.line = old;
  }

  private exprKind(e: A.Expr): void {
    switch (e._type) {
      case 'Constant': this.loadConst(e.value as Const); return;
      case 'Name': this.nameOp(e.id, 'Load'); return;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.emit(O.BINARY_OP, BINOP_ARG[e.op]);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        this.emit(e.op === 'USub' ? O.UNARY_NEGATIVE : e.op === 'UAdd' ? O.UNARY_POSITIVE : e.op === 'Not' ? O.UNARY_NOT : O.UNARY_INVERT);
        return;
      case 'BoolOp': {
        const end = this.label();
        const op = e.op === 'And' ? O.JUMP_IF_FALSE_OR_POP : O.JUMP_IF_TRUE_OR_POP;
        for (let i = 0; i < e.values.length - 1; i++) {
          this.expr(e.values[i]!);
          this.jump(op, end);
        }
        this.expr(e.values[e.values.length - 1]!);
        this.place(end);
        return;
      }
      case 'Compare': return this.compare(e);
      case 'Call': return this.call(e);
      case 'Attribute':
        this.expr(e.value);
        this.emit(O.LOAD_ATTR, this.u.nameIndex(mangle(this.u.privateName, e.attr)));
        return;
      case 'Subscript':
        this.expr(e.value);
        this.subscriptKey(e.slice);
        this.emit(O.BINARY_SUBSCR);
        return;
      case 'Tuple': return this.sequence(e.elts, 'tuple');
      case 'List': return this.sequence(e.elts, 'list');
      case 'Set': return this.sequence(e.elts, 'set');
      case 'Dict': return this.dict(e);
      case 'IfExp': {
        const orelse = this.label();
        const end = this.label();
        this.jumpIf(e.test, orelse, false);
        this.expr(e.body);
        this.jump(O.JUMP_FORWARD, end);
        this.place(orelse);
        this.expr(e.orelse);
        this.place(end);
        return;
      }
      case 'NamedExpr':
        this.expr(e.value);
        this.emit(O.COPY, 1);
        this.store(e.target);
        return;
      case 'Lambda': return this.lambda(e);
      case 'JoinedStr': {
        if (e.values.length === 0) {
          this.loadConst('');
          return;
        }
        for (const v of e.values) this.expr(v);
        if (e.values.length > 1) this.emit(O.BUILD_STRING, e.values.length);
        else if (e.values[0]!._type === 'Constant') {
          // a lone literal is already a str
        }
        return;
      }
      case 'FormattedValue': {
        this.expr(e.value);
        let arg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec) {
          this.expr(e.format_spec);
          arg |= 4;
        }
        this.emit(O.FORMAT_VALUE, arg);
        return;
      }
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp':
        return this.comprehension(e);
      case 'Yield':
        if (this.u.ste.type !== 'function') throw this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConst(null);
        this.emit(O.YIELD_VALUE);
        this.emit(O.RESUME, 1);
        return;
      case 'YieldFrom': {
        if (this.u.ste.type !== 'function') throw this.error("'yield' outside function", e);
        this.expr(e.value);
        this.emit(O.GET_YIELD_FROM_ITER);
        this.loadConst(null);
        this.yieldFromLoop();
        return;
      }
      case 'Starred':
        throw this.error("can't use starred expression here", e);
      case 'Slice':
        this.slice(e);
        return;
      case 'Await':
        throw this.error("'await' outside async function", e);
      default: {
        const never: never = e;
        throw new Error(`gilpy bug: expression ${(never as A.Expr)._type}`);
      }
    }
  }

  /** `yield from`: SEND until the sub-iterator is exhausted (its return value stays on the stack). */
  private yieldFromLoop(): void {
    const send = this.label();
    const exit = this.label();
    this.place(send);
    this.jump(O.SEND, exit);
    this.emit(O.YIELD_VALUE);
    this.emit(O.RESUME, 2);
    this.jump(O.JUMP_BACKWARD, send);
    this.place(exit);
  }

  private subscriptKey(s: A.Expr): void {
    if (s._type === 'Slice') {
      this.slice(s);
      return;
    }
    this.expr(s);
  }

  private slice(s: A.Slice): void {
    if (s.lower) this.expr(s.lower);
    else this.loadConst(null);
    if (s.upper) this.expr(s.upper);
    else this.loadConst(null);
    if (s.step) {
      this.expr(s.step);
      this.emit(O.BUILD_SLICE, 3);
    } else {
      this.emit(O.BUILD_SLICE, 2);
    }
  }

  private compare(e: A.Compare): void {
    this.expr(e.left);
    if (e.ops.length === 1) {
      this.expr(e.comparators[0]!);
      this.setLine(e);
      this.compareOp(e.ops[0]!);
      return;
    }
    const cleanup = this.label();
    const end = this.label();
    for (let i = 0; i < e.ops.length - 1; i++) {
      this.expr(e.comparators[i]!);
      this.setLine(e);
      this.emit(O.SWAP, 2);
      this.emit(O.COPY, 2);
      this.compareOp(e.ops[i]!);
      this.jump(O.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.expr(e.comparators[e.ops.length - 1]!);
    this.setLine(e);
    this.compareOp(e.ops[e.ops.length - 1]!);
    this.jump(O.JUMP_FORWARD, end);
    this.place(cleanup);
    this.emit(O.SWAP, 2);
    this.emit(O.POP_TOP);
    this.place(end);
  }

  private compareOp(op: A.CmpOpKind): void {
    switch (op) {
      case 'Is': this.emit(O.IS_OP, 0); return;
      case 'IsNot': this.emit(O.IS_OP, 1); return;
      case 'In': this.emit(O.CONTAINS_OP, 0); return;
      case 'NotIn': this.emit(O.CONTAINS_OP, 1); return;
      default: this.emit(O.COMPARE_OP, CMP_ARG[op]!);
    }
  }

  private call(e: A.Call): void {
    const f = e.func;
    const simpleArgs = !e.args.some((a) => a._type === 'Starred') && !e.keywords.some((k) => k.arg === null);
    if (f._type === 'Attribute' && simpleArgs) {
      this.expr(f.value);
      const old = this.setLine(f);
      this.emit(O.LOAD_METHOD, this.u.nameIndex(mangle(this.u.privateName, f.attr)));
      this.u.em.line = old;
      this.callArgs(0, e.args, e.keywords, e);
      return;
    }
    if (f._type === 'Name') {
      const scope = this.u.ste.scope(mangle(this.u.privateName, f.id));
      const isGlobal = scope === Scope.GLOBAL_EXPLICIT || (scope === Scope.GLOBAL_IMPLICIT && this.u.ste.type === 'function');
      if (isGlobal) {
        this.setLine(f);
        this.nameOp(f.id, 'Call');
        this.setLine(e);
      } else {
        this.emit(O.PUSH_NULL);
        this.expr(f);
      }
    } else {
      this.emit(O.PUSH_NULL);
      this.expr(f);
    }
    this.callHelper(0, e.args, e.keywords, e);
  }

  /** Arguments after the callable (and `n` arguments already pushed), then CALL or CALL_FUNCTION_EX. */
  private callHelper(n: number, args: A.Expr[], keywords: A.Keyword[], at?: A.Pos): void {
    const starred = args.some((a) => a._type === 'Starred') || keywords.some((k) => k.arg === null);
    if (!starred) {
      this.callArgs(n, args, keywords, at);
      return;
    }
    // positional: one tuple
    this.emit(O.BUILD_LIST, n);
    // n arguments already pushed: they were collected into the list above
    for (const a of args) {
      if (a._type === 'Starred') {
        this.expr(a.value);
        this.emit(O.LIST_EXTEND, 1);
      } else {
        this.expr(a);
        this.emit(O.LIST_APPEND, 1);
      }
    }
    this.emit(O.LIST_TO_TUPLE);
    let flag = 0;
    if (keywords.length > 0) {
      flag = 1;
      let haveDict = false;
      let pending = 0;
      const flushPending = (): void => {
        if (pending > 0) {
          this.emit(O.BUILD_MAP, pending);
          if (haveDict) this.emit(O.DICT_MERGE, 1);
          haveDict = true;
          pending = 0;
        }
      };
      for (const k of keywords) {
        if (k.arg === null) {
          flushPending();
          if (!haveDict) {
            this.emit(O.BUILD_MAP, 0);
            haveDict = true;
          }
          this.expr(k.value);
          this.emit(O.DICT_MERGE, 1);
        } else {
          this.loadConst(k.arg);
          this.expr(k.value);
          pending++;
        }
      }
      flushPending();
    }
    if (at) this.setLine(at);
    this.emit(O.CALL_FUNCTION_EX, flag);
  }

  private callArgs(n: number, args: A.Expr[], keywords: A.Keyword[], at?: A.Pos): void {
    for (const a of args) this.expr(a);
    for (const k of keywords) this.expr(k.value);
    const total = n + args.length + keywords.length;
    if (at) this.setLine(at);
    if (keywords.length > 0) this.emit(O.KW_NAMES, this.u.constIndex({ tuple: keywords.map((k) => k.arg!) }));
    this.emit(O.PRECALL, total);
    this.emit(O.CALL, total);
  }

  /** Tuple/list/set displays, with `*x` unpacking where present. */
  private sequence(elts: A.Expr[], kind: 'tuple' | 'list' | 'set'): void {
    const starred = elts.some((x) => x._type === 'Starred');
    if (!starred) {
      if (kind !== 'tuple' && elts.length > 2 && elts.every((x) => x._type === 'Constant')) {
        // a list or set of constants: built from a constant tuple or frozenset (cf. starunpack_helper)
        this.emit(kind === 'list' ? O.BUILD_LIST : O.BUILD_SET, 0);
        const values = elts.map((x) => (x as A.Constant).value as Const);
        this.loadConst(kind === 'set' ? { frozenset: values } : { tuple: values });
        this.emit(kind === 'list' ? O.LIST_EXTEND : O.SET_UPDATE, 1);
        return;
      }
      for (const x of elts) this.expr(x);
      this.emit(kind === 'tuple' ? O.BUILD_TUPLE : kind === 'list' ? O.BUILD_LIST : O.BUILD_SET, elts.length);
      return;
    }
    this.emit(kind === 'set' ? O.BUILD_SET : O.BUILD_LIST, 0);
    for (const x of elts) {
      if (x._type === 'Starred') {
        this.expr(x.value);
        this.emit(kind === 'set' ? O.SET_UPDATE : O.LIST_EXTEND, 1);
      } else {
        this.expr(x);
        this.emit(kind === 'set' ? O.SET_ADD : O.LIST_APPEND, 1);
      }
    }
    if (kind === 'tuple') this.emit(O.LIST_TO_TUPLE);
  }

  private dict(e: A.Dict): void {
    let pending = 0;
    let built = false;
    const flush = (): void => {
      if (pending > 0 || !built) {
        this.emit(O.BUILD_MAP, pending);
        if (built) this.emit(O.DICT_UPDATE, 1);
        built = true;
        pending = 0;
      }
    };
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k === null) {
        flush();
        this.expr(e.values[i]!);
        this.emit(O.DICT_UPDATE, 1);
      } else {
        this.expr(k);
        this.expr(e.values[i]!);
        pending++;
      }
    }
    if (pending > 0 || !built) flush();
  }

  private lambda(e: A.Lambda): void {
    const ste = this.u.ste.lookup(e as unknown as A.FunctionDef);
    const flags = this.functionPrologue(e.args, null, ste);
    this.enter(ste, '<lambda>', e.lineno, this.u.privateName);
    this.u.constIndex(null); // no docstring
    this.setArgCounts(e.args);
    this.expr(e.body);
    if (!ste.generator) this.emit(O.RETURN_VALUE);
    else {
      this.emit(O.POP_TOP);
      this.loadConst(null);
      this.emit(O.RETURN_VALUE);
    }
    const code = this.leave();
    this.makeClosure(code, flags, ste);
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const ste = this.u.ste.lookup(e as unknown as A.FunctionDef);
    const name = e._type === 'ListComp' ? '<listcomp>' : e._type === 'SetComp' ? '<setcomp>' : e._type === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    const outermost = e.generators[0]!;
    this.enter(ste, name, e.lineno, this.u.privateName);
    this.u.argcount = 1;
    if (e._type !== 'GeneratorExp') {
      this.emit(e._type === 'ListComp' ? O.BUILD_LIST : e._type === 'SetComp' ? O.BUILD_SET : O.BUILD_MAP, 0);
    }
    this.comprehensionLoop(e, 0, 1);
    if (e._type === 'GeneratorExp') this.loadConst(null);
    this.emit(O.RETURN_VALUE);
    const code = this.leave();
    this.makeClosure(code, 0, ste);
    this.expr(outermost.iter);
    this.emit(O.GET_ITER);
    this.emit(O.PRECALL, 0);
    this.emit(O.CALL, 0);
  }

  /** One `for` clause; `depth` counts iterators on the stack below the collection (for LIST_APPEND). */
  private comprehensionLoop(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, gen: number, depth: number): void {
    const g = e.generators[gen]!;
    const start = this.label();
    const ifCleanup = this.label();
    const anchor = this.label();
    if (gen === 0) {
      this.emit(O.LOAD_FAST, this.u.varIndex('.0'));
    } else {
      this.expr(g.iter);
      this.emit(O.GET_ITER);
    }
    this.place(start);
    this.jump(O.FOR_ITER, anchor);
    this.store(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, ifCleanup, false);
    if (gen + 1 < e.generators.length) {
      this.comprehensionLoop(e, gen + 1, depth + 1);
    } else {
      switch (e._type) {
        case 'GeneratorExp':
          this.expr(e.elt);
          this.emit(O.YIELD_VALUE);
          this.emit(O.RESUME, 1);
          this.emit(O.POP_TOP);
          break;
        case 'ListComp':
          this.expr(e.elt);
          this.emit(O.LIST_APPEND, depth + 1);
          break;
        case 'SetComp':
          this.expr(e.elt);
          this.emit(O.SET_ADD, depth + 1);
          break;
        case 'DictComp':
          this.expr(e.key);
          this.expr(e.value);
          this.emit(O.MAP_ADD, depth + 1);
          break;
      }
    }
    this.place(ifCleanup);
    this.jump(O.JUMP_BACKWARD, start);
    this.place(anchor);
  }
}

function docstring(body: A.Stmt[]): string | null {
  const first = body[0];
  if (first?._type === 'Expr' && first.value._type === 'Constant' && typeof first.value.value === 'string') {
    return first.value.value;
  }
  return null;
}

/** Whether a module or class body has annotations that need `__annotations__` (cf. find_ann). */
function findAnnotations(stmts: A.Stmt[]): boolean {
  for (const s of stmts) {
    switch (s._type) {
      case 'AnnAssign': return true;
      case 'For': case 'While': case 'If':
        if (findAnnotations(s.body) || findAnnotations(s.orelse)) return true;
        break;
      case 'With':
        if (findAnnotations(s.body)) return true;
        break;
      case 'Try':
        if (findAnnotations(s.body) || findAnnotations(s.orelse) || findAnnotations(s.finalbody)
          || s.handlers.some((h) => findAnnotations(h.body))) return true;
        break;
      default: break;
    }
  }
  return false;
}

export { BINOPS };
