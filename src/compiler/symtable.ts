/** The symbol-table pass: the scope (local, global, free, cell) of every name in every block, as CPython 3.11's symtable.c computes it. */

import type * as ast from '../parser/ast.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';
import { splitLines } from '../lexer/indent.js';

export { CompileRecursionError } from '../parser/errors.js';

// ---- flags and scopes (cf. CPython Include/internal/pycore_symtable.h) ----

/** Definition flags, as CPython's DEF_* / USE bits. */
export const DEF_GLOBAL = 1; // `global` statement
export const DEF_LOCAL = 2; // assignment in this block
export const DEF_PARAM = 4; // formal parameter
export const DEF_NONLOCAL = 8; // `nonlocal` statement
export const USE = 16; // name is loaded
export const DEF_FREE = 32; // name used but not defined in this block (never set in 3.11)
export const DEF_FREE_CLASS = 64; // free variable of a method that the class also binds
export const DEF_IMPORT = 128; // bound by an import
export const DEF_ANNOT = 256; // annotated (`x: int`)
export const DEF_COMP_ITER = 512; // iteration variable of a comprehension
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** The resolved scope is stored in the symbol's value above the flags, as CPython does. */
export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/** Resolved scopes (CPython's LOCAL .. CELL, same numbers). */
export const Scope = { LOCAL: 1, GLOBAL_EXPLICIT: 2, GLOBAL_IMPLICIT: 3, FREE: 4, CELL: 5 } as const;
export type Scope = (typeof Scope)[keyof typeof Scope];
export const SCOPE_NAMES: { readonly [S in Scope]: keyof typeof Scope } = {
  1: 'LOCAL', 2: 'GLOBAL_EXPLICIT', 3: 'GLOBAL_IMPLICIT', 4: 'FREE', 5: 'CELL',
};

/** Flag names in bit order, as `--dump-symtable` and scripts/frontend_oracle.py print them. */
const FLAG_NAMES: readonly (readonly [number, string])[] = [
  [DEF_GLOBAL, 'global'], [DEF_LOCAL, 'local'], [DEF_PARAM, 'param'], [DEF_NONLOCAL, 'nonlocal'],
  [USE, 'use'], [DEF_FREE, 'free'], [DEF_FREE_CLASS, 'free_class'], [DEF_IMPORT, 'import'],
  [DEF_ANNOT, 'annot'], [DEF_COMP_ITER, 'comp_iter'],
];

/**
 * `annotation` blocks exist only under `from __future__ import annotations`: they swallow the names
 * of annotations (which are then compiled to strings) and are never linked into the tree.
 */
export type BlockType = 'module' | 'function' | 'class' | 'annotation';
export type ComprehensionKind = 'listcomp' | 'setcomp' | 'dictcomp' | 'genexpr';

/** The AST nodes that open a block; a block is found again from its node with `lookup`. */
export type BlockNode =
  | ast.Module | ast.FunctionDef | ast.ClassDef | ast.Lambda
  | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp;

/** A `global` / `nonlocal` statement (or the implicit one of a walrus in a comprehension), kept for
 *  the position of errors found in the analysis pass (cf. symtable_record_directive). */
export interface Directive extends ast.Pos { name: string }

export function assertNever(x: never): never {
  throw new Error(`gilpy bug: unexpected value ${JSON.stringify(x)}`);
}

/**
 * One block (CPython's PySTEntryObject): a module, class, function, lambda or comprehension.
 * `symbols` maps each (mangled) name, in first-seen order, to its DEF_* flags with the resolved scope
 * in the bits from SCOPE_OFFSET up, exactly like `ste_symbols`; use `scope()` / `flags()` to read them.
 */
export class SymbolTable {
  readonly symbols = new Map<string, number>();
  /** Blocks directly inside this one, in the order CPython enters them. */
  readonly children: SymbolTable[] = [];
  /** Parameter names in order: positional-only, positional, keyword-only, *args, **kwargs (or `.0`). */
  readonly varnames: string[] = [];
  readonly directives: Directive[] = [];
  /** True inside a function (at any depth): free variables are possible (ste_nested). */
  readonly nested: boolean;
  /** Contains `yield` / `yield from`, or is a generator expression (ste_generator). */
  generator = false;
  /** Contains `await` or an async comprehension (ste_coroutine). */
  coroutine = false;
  /** Non-null for a comprehension's block (ste_comprehension). */
  comprehension: ComprehensionKind | null = null;
  /** Has a `return` with a value (ste_returns_value). */
  returnsValue = false;
  varargs = false;
  varkeywords = false;
  /** This block has free variables, or is nested and uses globals (ste_free, as CPython sets it). */
  hasFree = false;
  /** Some block inside this one has free variables (ste_child_free). */
  childFree = false;
  /** A class whose methods use `__class__` or `super`: the class body must create a `__class__` cell. */
  needsClassClosure = false;
  /** Build-time state: visiting a comprehension target (ste_comp_iter_target). */
  compIterTarget = false;
  /** Build-time state: depth inside a comprehension's iterable expression (ste_comp_iter_expr). */
  compIterExpr = 0;

  constructor(
    readonly type: BlockType,
    readonly name: string,
    readonly node: BlockNode | ast.Expr,
    /** The `def` / `class` line (not a decorator's), the expression's line, or 0 for the module. */
    readonly lineno: number,
    readonly col_offset: number,
    nested: boolean,
    private readonly blocks: Map<ast.Module | ast.Stmt | ast.Expr, SymbolTable>,
  ) {
    this.nested = nested;
  }

  /** The block opened by `node` anywhere in this table's tree (cf. PySymtable_Lookup). */
  lookup(node: BlockNode): SymbolTable {
    const ste = this.blocks.get(node);
    if (ste === undefined) throw new Error(`gilpy bug: no symbol table for ${node._type} node`);
    return ste;
  }

  /** The resolved scope of `name` (already mangled), or undefined if the block never saw it
   *  (cf. _PyST_GetScope, which answers 0). */
  scope(name: string): Scope | undefined {
    const v = this.symbols.get(name);
    return v === undefined ? undefined : (((v >> SCOPE_OFFSET) & SCOPE_MASK) as Scope);
  }

  /** The DEF_* / USE flags of `name` without its scope, 0 if absent (cf. _PyST_GetSymbol). */
  flags(name: string): number {
    return (this.symbols.get(name) ?? 0) & ((1 << SCOPE_OFFSET) - 1);
  }

  /** Names with the given scope, in symbol-table order (the compiler's cellvars / freevars). */
  namesWithScope(scope: Scope): string[] {
    return [...this.symbols.keys()].filter((n) => this.scope(n) === scope);
  }
}

/**
 * Private name mangling: in class `_Foo`, `__x` becomes `_Foo__x`, but not `__x__` nor dotted names,
 * and not at all if the class name is only underscores (cf. CPython compile.c _Py_Mangle).
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

/** Whether the module starts with `from __future__ import annotations` (cf. future.c future_parse:
 *  after an optional docstring, only `from __future__` imports may precede it). */
function hasFutureAnnotations(mod: ast.Module): boolean {
  let i = 0;
  const first = mod.body[0];
  if (first?._type === 'Expr' && first.value._type === 'Constant' && typeof first.value.value === 'string') i++;
  for (; i < mod.body.length; i++) {
    const s = mod.body[i]!;
    if (s._type !== 'ImportFrom' || s.module !== '__future__') return false;
    if (s.names.some((a) => a.name === 'annotations')) return true;
  }
  return false;
}

/**
 * Build the symbol tables of a module and resolve every name's scope: the two passes of
 * CPython's _PySymtable_Build. Returns the module's block; `lookup` finds any other.
 * `source`, if given, supplies the `text` of the SyntaxErrors raised here. `recursionDepth` is where
 * nesting starts counting: 0 for a script; CPython starts at 3 x the Python frame depth of the
 * caller when `compile()` / `exec()` is called from Python code.
 * @throws PySyntaxError for the errors CPython's symbol table reports.
 * @throws CompileRecursionError for code nested too deeply.
 */
export function buildSymtable(mod: ast.Module, filename: string, source?: string, recursionDepth = 0): SymbolTable {
  const b = new Builder(filename, hasFutureAnnotations(mod), source, recursionDepth);
  const top = b.build(mod);
  analyzeBlock(top, null, new Set(), new Set(), b);
  return top;
}

type PosLike = Pick<ast.Pos, 'lineno' | 'col_offset' | 'end_lineno' | 'end_col_offset'>;

/**
 * How deep statements and expressions may nest: CPython's recursion limit (1000) times
 * COMPILER_STACK_FRAME_SCALE (3), cf. _PySymtable_Build.
 */
const RECURSION_LIMIT = 3000;

/**
 * CPython's `RecursionError: maximum recursion depth exceeded during compilation`, raised (instead of
 * a SyntaxError) for source nested deeper than RECURSION_LIMIT, such as a 3000-term sum. CPython
 * prints just that line, with no traceback, and exits 1.
 */

/** The first pass (cf. symtable.c symtable_visit_*): collect each block's names and flags. */
class Builder {
  private readonly stack: SymbolTable[] = [];
  private cur!: SymbolTable;
  /** The module block's symbols, which every `global` declaration also marks (st_global). */
  private global!: Map<string, number>;
  /** The class name used for mangling (st_private): the innermost enclosing class. */
  private privateName: string | null = null;
  private readonly blocks = new Map<ast.Module | ast.Stmt | ast.Expr, SymbolTable>();
  private readonly lines: string[] | null;

  constructor(
    private readonly filename: string,
    private readonly futureAnnotations: boolean,
    source: string | undefined,
    /** Nesting depth of the statement or expression being visited (st->recursion_depth). */
    private depth: number,
  ) {
    this.lines = source === undefined ? null : splitLines(source);
  }

  build(mod: ast.Module): SymbolTable {
    const top = this.enterBlock('top', 'module', mod, { lineno: 0, col_offset: 0 });
    for (const s of mod.body) this.visitStmt(s);
    this.exitBlock();
    return top;
  }

  /** A SyntaxError at `pos`; symtable.c reports byte columns + 1 (no conversion to characters). */
  error(msg: string, pos: PosLike): PySyntaxError {
    const text = this.lines?.[pos.lineno - 1] ?? '';
    return new PySyntaxError('SyntaxError', msg, this.filename, pos.lineno, pos.col_offset + 1,
      pos.end_lineno, pos.end_col_offset + 1, text);
  }

  // cf. symtable_enter_block / ste_new
  private enterBlock(name: string, type: BlockType, node: BlockNode | ast.Expr,
    pos: { lineno: number; col_offset: number }): SymbolTable {
    const prev = this.stack.length > 0 ? this.cur : null;
    const nested = prev !== null && (prev.nested || prev.type === 'function');
    const ste = new SymbolTable(type, name, node, pos.lineno, pos.col_offset, nested, this.blocks);
    this.stack.push(ste);
    // bpo-37757: every walrus in a comprehension's outermost iterable is an error, even nested ones.
    if (prev !== null) ste.compIterExpr = prev.compIterExpr;
    this.cur = ste;
    // Annotation blocks are keyed on nodes that a real block reuses later; CPython's later entry wins.
    if (type === 'annotation') return ste;
    this.blocks.set(node, ste);
    if (type === 'module') this.global = ste.symbols;
    if (prev !== null) prev.children.push(ste);
    return ste;
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1]!;
  }

  // cf. symtable_add_def_helper
  private addDef(name: string, flag: number, pos: PosLike, ste: SymbolTable = this.cur): void {
    const mangled = mangle(this.privateName, name);
    let val = ste.symbols.get(mangled);
    if (val !== undefined) {
      if (flag & DEF_PARAM && val & DEF_PARAM) {
        throw this.error(`duplicate argument '${name}' in function definition`, pos);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      // An iteration variable: it may not be a walrus target bound earlier in the comprehension.
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, pos);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  // cf. symtable_lookup
  private lookupFlags(name: string): number {
    return this.cur.symbols.get(mangle(this.privateName, name)) ?? 0;
  }

  // cf. symtable_record_directive
  private recordDirective(name: string, pos: PosLike): void {
    this.cur.directives.push({
      name: mangle(this.privateName, name), lineno: pos.lineno, col_offset: pos.col_offset,
      end_lineno: pos.end_lineno, end_col_offset: pos.end_col_offset,
    });
  }

  private visitStmts(body: readonly ast.Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  private visitExprs(exprs: readonly (ast.Expr | null)[]): void {
    for (const e of exprs) if (e !== null) this.visitExpr(e);
  }

  // cf. symtable_visit_stmt
  private visitStmt(s: ast.Stmt): void {
    if (++this.depth > RECURSION_LIMIT) throw new CompileRecursionError();
    this.visitStmtKind(s);
    this.depth--;
  }

  private visitStmtKind(s: ast.Stmt): void {
    switch (s._type) {
      case 'FunctionDef':
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitExprs(s.args.kw_defaults);
        this.visitAnnotations(s, s.args, s.returns);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'function', s, s);
        this.visitArguments(s.args);
        this.visitStmts(s.body);
        this.exitBlock();
        break;
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'class', s, s);
        const saved = this.privateName;
        this.privateName = s.name;
        this.visitStmts(s.body);
        this.privateName = saved;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign':
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case 'AnnAssign':
        if (s.target._type === 'Name') {
          const target = s.target;
          const cur = this.lookupFlags(target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            const kind = cur & DEF_GLOBAL ? 'global' : 'nonlocal';
            throw this.error(`annotated name '${target.id}' can't be ${kind}`, s);
          }
          // A parenthesized name `(x): int` is not "simple": bound only if a value is assigned.
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          else if (s.value !== null) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value !== null) this.visitExpr(s.value);
        break;
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'While':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'With':
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      case 'Raise':
        // As in CPython, a cause is only visited along with an exception.
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
        // CPython's order: the else block comes before the handlers.
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type !== null) this.visitExpr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.visitAlias(a);
        break;
      case 'Global':
      case 'Nonlocal':
        this.visitDeclaration(s);
        break;
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      default:
        assertNever(s);
    }
  }

  /** `global` / `nonlocal`: reject names already used, bound or annotated in this block. */
  private visitDeclaration(s: ast.Global | ast.Nonlocal): void {
    const kind = s._type === 'Global' ? 'global' : 'nonlocal';
    for (const name of s.names) {
      const cur = this.lookupFlags(name);
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${kind}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${kind} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${kind}`;
        else msg = `name '${name}' is assigned to before ${kind} declaration`;
        throw this.error(msg, s);
      }
      this.addDef(name, s._type === 'Global' ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.recordDirective(name, s);
    }
  }

  // cf. symtable_visit_alias: `import a.b` binds `a`; `*` binds nothing and only at module level.
  private visitAlias(a: ast.Alias): void {
    const name = a.asname ?? a.name;
    if (name === '*') {
      if (this.cur.type !== 'module') throw this.error('import * only allowed at module level', a);
      return;
    }
    const dot = name.indexOf('.');
    this.addDef(dot === -1 ? name : name.slice(0, dot), DEF_IMPORT, a);
  }

  // cf. symtable_visit_annotations: parameter annotations in the order
  // positional-only, positional, *args, **kwargs, keyword-only; then the return annotation.
  private visitAnnotations(s: ast.FunctionDef, a: ast.Arguments, returns: ast.Expr | null): void {
    if (this.futureAnnotations) this.enterBlock('_annotation', 'annotation', s, s);
    for (const arg of a.posonlyargs) if (arg.annotation !== null) this.visitExpr(arg.annotation);
    for (const arg of a.args) if (arg.annotation !== null) this.visitExpr(arg.annotation);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    for (const arg of a.kwonlyargs) if (arg.annotation !== null) this.visitExpr(arg.annotation);
    if (this.futureAnnotations) this.exitBlock();
    if (returns !== null) this.visitAnnotation(returns);
  }

  // cf. symtable_visit_annotation: annotations are visited in the current scope (even in a
  // function, where they are never evaluated) unless `from __future__ import annotations`.
  private visitAnnotation(annotation: ast.Expr): void {
    if (this.futureAnnotations) this.enterBlock('_annotation', 'annotation', annotation, annotation);
    this.visitExpr(annotation);
    if (this.futureAnnotations) this.exitBlock();
  }

  // cf. symtable_visit_arguments: default values were visited in the enclosing block.
  private visitArguments(a: ast.Arguments): void {
    for (const arg of a.posonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.args) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.kwonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  /** Under `from __future__ import annotations`, these expressions cannot be in an annotation. */
  private checkNotInAnnotation(what: string, e: ast.Expr): void {
    if (this.cur.type === 'annotation') throw this.error(`'${what}' can not be used within an annotation`, e);
  }

  // cf. symtable_visit_expr
  private visitExpr(e: ast.Expr): void {
    if (++this.depth > RECURSION_LIMIT) throw new CompileRecursionError();
    this.visitExprKind(e);
    this.depth--;
  }

  private visitExprKind(e: ast.Expr): void {
    switch (e._type) {
      case 'NamedExpr':
        this.checkNotInAnnotation('named expression', e);
        this.visitNamedExpr(e);
        break;
      case 'BoolOp':
        this.visitExprs(e.values);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        break;
      case 'Lambda':
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock('lambda', 'function', e, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Dict':
        // All keys, then all values.
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'GeneratorExp':
        this.visitComprehension(e, 'genexpr', e.elt, null);
        break;
      case 'ListComp':
        this.visitComprehension(e, 'listcomp', e.elt, null);
        break;
      case 'SetComp':
        this.visitComprehension(e, 'setcomp', e.elt, null);
        break;
      case 'DictComp':
        this.visitComprehension(e, 'dictcomp', e.key, e.value);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.checkNotInAnnotation('yield expression', e);
        if (e.value !== null) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== null) {
          const where = {
            listcomp: 'list comprehension', setcomp: 'set comprehension',
            dictcomp: 'dict comprehension', genexpr: 'generator expression',
          }[this.cur.comprehension];
          throw this.error(`'yield' inside ${where}`, e);
        }
        break;
      case 'Await':
        this.checkNotInAnnotation('await expression', e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpr(e.value);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Starred':
        this.visitExpr(e.value);
        break;
      case 'Slice':
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        // Loading `super` in a function is an implicit use of `__class__`, so that the
        // zero-argument form can find the class (compiled as a free variable).
        if (e.ctx === 'Load' && this.cur.type === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        break;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        break;
      default:
        assertNever(e);
    }
  }

  // cf. symtable_handle_namedexpr
  private visitNamedExpr(e: ast.NamedExpr): void {
    if (this.cur.compIterExpr > 0) {
      throw this.error('assignment expression cannot be used in a comprehension iterable expression', e);
    }
    if (this.cur.comprehension !== null) this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /**
   * A walrus inside a comprehension binds in the nearest enclosing function or module: declare it
   * nonlocal (or global) in the comprehension and local there (cf. symtable_extend_namedexpr_scope).
   */
  private extendNamedExprScope(target: ast.Name): void {
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i]!;
      // Like CPython, these lookups use the unmangled name (_PyST_GetSymbol).
      const inScope = ste.symbols.get(name) ?? 0;
      if (ste.comprehension !== null) {
        if (inScope & DEF_COMP_ITER) {
          throw this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      switch (ste.type) {
        case 'function':
          this.addDef(name, inScope & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
          this.recordDirective(name, target);
          this.addDef(name, DEF_LOCAL, target, ste);
          return;
        case 'module':
          this.addDef(name, DEF_GLOBAL, target);
          this.recordDirective(name, target);
          this.addDef(name, DEF_GLOBAL, target, ste);
          return;
        case 'class':
          throw this.error('assignment expression within a comprehension cannot be used in a class body', target);
        case 'annotation':
          // CPython walks past annotation blocks here; reaching one needs a walrus in an
          // annotation, which checkNotInAnnotation has already rejected.
          continue;
        default:
          assertNever(ste.type);
      }
    }
    throw new Error('gilpy bug: no block for an assignment expression target');
  }

  // cf. symtable_handle_comprehension
  private visitComprehension(
    e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, kind: ComprehensionKind,
    elt: ast.Expr, value: ast.Expr | null,
  ): void {
    const [outermost, ...rest] = e.generators;
    if (outermost === undefined) throw new Error('gilpy bug: comprehension without generators');
    // The outermost iterable is evaluated in the enclosing block and passed in as `.0`.
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    const ste = this.enterBlock(kind, 'function', e, e);
    ste.comprehension = kind;
    if (outermost.is_async) ste.coroutine = true;
    this.addDef('.0', DEF_PARAM, e);
    ste.compIterTarget = true;
    this.visitExpr(outermost.target);
    ste.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (const gen of rest) {
      ste.compIterTarget = true;
      this.visitExpr(gen.target);
      ste.compIterTarget = false;
      ste.compIterExpr++;
      this.visitExpr(gen.iter);
      ste.compIterExpr--;
      this.visitExprs(gen.ifs);
      if (gen.is_async) ste.coroutine = true;
    }
    // A dict comprehension's value is visited before its key, as in CPython.
    if (value !== null) this.visitExpr(value);
    this.visitExpr(elt);
    ste.generator = kind === 'genexpr';
    const isAsync = ste.coroutine && kind !== 'genexpr';
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }
}

// ---- the second pass (cf. symtable.c analyze_block and friends) ----

/**
 * Decide the scope of one name in one block (cf. analyze_name). `bound` holds the names bound in
 * enclosing function blocks (null at module level), `global` the names declared global above.
 */
function analyzeName(ste: SymbolTable, scopes: Map<string, Scope>, name: string, flags: number,
  bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>, b: Builder): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) throw errorAtDirective(ste, name, `name '${name}' is nonlocal and global`, b);
    scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (bound === null) {
      throw errorAtDirective(ste, name, 'nonlocal declaration not allowed at module level', b);
    }
    if (!bound.has(name)) throw errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`, b);
    scopes.set(name, Scope.FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  // Bound in an enclosing function: free here. (A non-null bound implies the block is nested.)
  if (bound !== null && bound.has(name)) {
    scopes.set(name, Scope.FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, Scope.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.hasFree = true;
  scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

/** The error for a declaration found bad in the analysis, at the first directive naming it. */
function errorAtDirective(ste: SymbolTable, name: string, msg: string, b: Builder): PySyntaxError {
  const d = ste.directives.find((x) => x.name === name);
  if (d === undefined) throw new Error('gilpy bug: internal directive bookkeeping broken');
  return b.error(msg, d);
}

function addAll(to: Set<string>, from: Iterable<string>): void {
  for (const x of from) to.add(x);
}

// cf. analyze_block
function analyzeBlock(ste: SymbolTable, bound: Set<string> | null, free: Set<string>,
  global: Set<string>, b: Builder): void {
  const local = new Set<string>(); // names bound in this block
  const scopes = new Map<string, Scope>();
  // What nested blocks see: for a class, its own bindings are invisible to its methods, so these
  // are taken before its names are analyzed; for other blocks, after.
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  if (ste.type === 'class') {
    addAll(newGlobal, global);
    if (bound !== null) addAll(newBound, bound);
  }
  for (const [name, flags] of ste.symbols) {
    analyzeName(ste, scopes, name, flags, bound, local, free, global, b);
  }
  if (ste.type !== 'class') {
    if (ste.type === 'function') addAll(newBound, local);
    if (bound !== null) addAll(newBound, bound);
    addAll(newGlobal, global);
  } else {
    // Methods see the implicit `__class__` cell of their class.
    newBound.add('__class__');
  }
  const allFree = new Set<string>();
  for (const child of ste.children) {
    // cf. analyze_child_block: each child works on copies of the sets.
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), b);
    addAll(allFree, childFree);
    if (child.hasFree || child.childFree) ste.childFree = true;
  }
  addAll(newFree, allFree);
  if (ste.type === 'function') {
    analyzeCells(scopes, newFree);
  } else if (ste.type === 'class') {
    // cf. drop_class_free
    if (newFree.delete('__class__')) ste.needsClassClosure = true;
  }
  updateSymbols(ste.symbols, scopes, bound, newFree, ste.type === 'class');
  addAll(free, newFree);
}

/** A local that a nested block uses freely becomes a cell, and stops being free (cf. analyze_cells). */
function analyzeCells(scopes: Map<string, Scope>, free: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== Scope.LOCAL || !free.has(name)) continue;
    scopes.set(name, Scope.CELL);
    free.delete(name);
  }
}

/**
 * Store the scopes into the symbols, then add the names free in nested blocks that pass through this
 * one (FREE with no flags) unless they are globals; a class that binds a name one of its methods
 * uses freely marks it DEF_FREE_CLASS (cf. update_symbols).
 */
function updateSymbols(symbols: Map<string, number>, scopes: Map<string, Scope>,
  bound: Set<string> | null, free: Set<string>, isClass: boolean): void {
  for (const [name, flags] of symbols) {
    const scope = scopes.get(name);
    if (scope === undefined) throw new Error(`gilpy bug: no scope for '${name}'`);
    symbols.set(name, flags | (scope << SCOPE_OFFSET));
  }
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      if (isClass && v & (DEF_BOUND | DEF_GLOBAL)) symbols.set(name, v | DEF_FREE_CLASS);
      continue; // a cell, or already free here
    }
    if (bound !== null && !bound.has(name)) continue; // a global
    symbols.set(name, Scope.FREE << SCOPE_OFFSET);
  }
}

// ---- printing ----

/** Compare by Unicode code points, as Python sorts strings (JS's default compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** Render the flags of a symbol as `local,use`, or `-` when none is set. */
export function formatFlags(v: number): string {
  return FLAG_NAMES.filter(([bit]) => v & bit).map(([, n]) => n).join(',') || '-';
}

/**
 * The tables as `gilpy --dump-symtable` prints them (the format of scripts/frontend_oracle.py's
 * `symtable` mode): one header per block, depth-first; symbols sorted by name with scope and flags.
 */
export function formatSymtable(top: SymbolTable): string {
  const out: string[] = [];
  const walk = (t: SymbolTable, depth: number): void => {
    const pad = '  '.repeat(depth);
    out.push(`${pad}${t.type} ${t.name} line ${t.lineno}`);
    for (const name of [...t.symbols.keys()].sort(compareCodePoints)) {
      const v = t.symbols.get(name)!;
      const scope = (v >> SCOPE_OFFSET) & SCOPE_MASK;
      out.push(`${pad}  ${name}: ${SCOPE_NAMES[scope as Scope] ?? String(scope)} ${formatFlags(v)}`);
    }
    for (const child of t.children) walk(child, depth + 1);
  };
  walk(top, 0);
  return out.join('\n') + '\n';
}
