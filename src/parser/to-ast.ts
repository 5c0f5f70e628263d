/** CST to AST: the semantics of the grammar, producing CPython 3.11's `ast` nodes with their positions. */
import type { CstNode, IToken } from 'chevrotain';
import * as A from './ast.js';
import type * as C from './cst.gen.js';
import { PySyntaxError } from './errors.js';
import { parser } from './grammar.js';
import { decodeBytes, decodeStrEscapes, LiteralError, normalizeNewlines, numberValue, splitString } from './strings.js';
import * as T from '../lexer/tokens.js';
import type { SourceLines } from '../lexer/indent.js';

type Loc = A.Pos;
type Ctx = A.ExprContext;

const BaseVisitor = parser.getBaseCstVisitorConstructor();
/** A line without non-ASCII characters (made once: see lexer/index.ts on literals in functions). */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const BINARY_OPS: Record<string, [A.OperatorKind, number]> = {
  '|': ['BitOr', 1], '^': ['BitXor', 2], '&': ['BitAnd', 3], '<<': ['LShift', 4], '>>': ['RShift', 4],
  '+': ['Add', 5], '-': ['Sub', 5], '*': ['Mult', 6], '/': ['Div', 6], '//': ['FloorDiv', 6], '%': ['Mod', 6],
  '@': ['MatMult', 6],
};
const AUG_OPS: Record<string, A.OperatorKind> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '**=': 'Pow',
  '<<=': 'LShift', '>>=': 'RShift', '|=': 'BitOr', '^=': 'BitXor', '&=': 'BitAnd', '//=': 'FloorDiv',
};
const CMP_OPS: Record<string, A.CmpOpKind> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE', in: 'In', is: 'Is',
};

/** What CPython calls an expression in "cannot assign to ..." (cf. pegen.c `_PyPegen_get_expr_name`). */
export function exprName(e: A.Expr): string {
  switch (e._type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === null) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (v === A.ELLIPSIS) return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
    default: return 'expression';
  }
}

/** Expressions at or below `bitwise_or` in CPython's grammar (what `a = b` in an `if` would be). */
function isBitwiseOrLevel(e: A.Expr): boolean {
  return !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'NamedExpr', 'Tuple', 'Starred', 'Yield', 'YieldFrom'].includes(e._type)
    && !(e._type === 'UnaryOp' && e.op === 'Not');
}

export class ToAst extends BaseVisitor {
  constructor(
    private readonly lines: SourceLines,
    private readonly filename: string,
    /** Parses an f-string's replacement field; supplied by parser/index.ts to avoid a cycle. */
    private readonly parseFStringExpr: (text: string, line: number, col0: number) => A.Expr,
    /** The token after a given one in the stream, where CPython reports errors inside string literals. */
    private readonly tokenAfter: (tok: IToken) => IToken | undefined = () => undefined,
  ) {
    super();
    this.validateVisitor();
  }

  // ---------------- positions ----------------
  private asciiLine: (boolean | undefined)[] = [];
  /** 0-based UTF-8 byte column of 0-based UTF-16 column `col` on 1-based line `line`. */
  private byteCol(line: number, col: number): number {
    let ascii = this.asciiLine[line];
    const text = this.lines.line(line);
    if (ascii === undefined) {
      ascii = ASCII_ONLY.test(text);
      this.asciiLine[line] = ascii;
    }
    return ascii ? col : Buffer.byteLength(text.slice(0, col), 'utf8');
  }
  private tokLoc(tok: IToken): Loc {
    const line = tok.startLine!;
    const endLine = tok.endLine!;
    return {
      lineno: line, col_offset: this.byteCol(line, tok.startColumn! - 1),
      end_lineno: endLine, end_col_offset: this.byteCol(endLine, tok.endColumn!),
    };
  }
  /** Where a parenthesized expression's parentheses are: the node keeps its own position (as in CPython),
   *  but a node built around it starts or ends at the parentheses. */
  private readonly groups = new WeakMap<object, Loc>();
  private span(a: Loc, b: Loc): Loc {
    const s = this.groups.get(a) ?? a;
    const e = this.groups.get(b) ?? b;
    return { lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
  }
  private loc(x: Loc): Loc {
    return this.span(x, x);
  }

  // ---------------- errors ----------------
  /** A SyntaxError at an AST location (CPython reports columns 1-based, from the node's byte offsets). */
  error(msg: string, at: Loc, endAt: Loc = at, type: 'SyntaxError' | 'IndentationError' = 'SyntaxError'): PySyntaxError {
    return new PySyntaxError(type, msg, this.filename, at.lineno, at.col_offset + 1, endAt.end_lineno,
      endAt.end_col_offset + 1, this.lines.line(at.lineno));
  }

  // ---------------- helpers ----------------
  private name(tok: IToken): string {
    const s = tok.image;
    return tok.tokenType === T.UnicodeName ? s.normalize('NFKC') : s;
  }
  private exprs(nodes: CstNode[] | undefined): A.Expr[] {
    return nodes === undefined ? [] : nodes.map((n) => this.visit(n) as A.Expr);
  }
  private expr(node: CstNode): A.Expr {
    return this.visit(node) as A.Expr;
  }
  private stmts(nodes: CstNode[] | undefined): A.Stmt[] {
    const out: A.Stmt[] = [];
    if (nodes === undefined) return out;
    for (const n of nodes) {
      const r = this.visit(n) as A.Stmt | A.Stmt[];
      if (Array.isArray(r)) out.push(...r);
      else out.push(r);
    }
    return out;
  }
  private blockBody(node: CstNode): A.Stmt[] {
    return this.visit(node) as A.Stmt[];
  }
  private lastLoc(stmts: A.Stmt[]): Loc {
    return this.trailingSemicolon.get(stmts) ?? stmts[stmts.length - 1]!;
  }

  /** Sets Store/Del context on an assignment target, or raises CPython's error for a bad one. */
  setContext(e: A.Expr, ctx: Ctx, what: 'assign to' | 'delete' = ctx === 'Del' ? 'delete' : 'assign to'): A.Expr {
    switch (e._type) {
      case 'Name':
        if (ctx === 'Store' && ['__debug__'].includes(e.id)) throw this.error('cannot assign to __debug__', e);
        return { ...e, ctx };
      case 'Attribute': case 'Subscript':
        return { ...e, ctx };
      case 'Starred':
        if (ctx === 'Del') throw this.error(`cannot delete starred`, e);
        return { ...e, ctx, value: this.setContext(e.value, ctx, what) };
      case 'Tuple': case 'List':
        return { ...e, ctx, elts: e.elts.map((x) => this.setContext(x, ctx, what)) };
      default:
        throw this.error(`cannot ${what} ${exprName(e)}`, e);
    }
  }

  // ================= statements =================
  file(ctx: C.FileCstChildren): A.Module {
    return { _type: 'Module', body: this.stmts(ctx.statement), type_ignores: [] };
  }

  fstringExpr(ctx: C.FstringExprCstChildren): A.Expr {
    return this.expr((ctx.yieldExpr ?? ctx.starExpressions)![0]!);
  }

  statement(ctx: C.StatementCstChildren): A.Stmt | A.Stmt[] {
    if (ctx.compoundStmt) return this.visit(ctx.compoundStmt[0]!) as A.Stmt;
    return this.visit(ctx.simpleStmts![0]!) as A.Stmt[];
  }

  compoundStmt(ctx: C.CompoundStmtCstChildren): A.Stmt {
    const node = (ctx.decorated ?? ctx.funcDef ?? ctx.classDef ?? ctx.ifStmt ?? ctx.whileStmt ?? ctx.forStmt
      ?? ctx.tryStmt ?? ctx.withStmt)![0]!;
    return this.visit(node) as A.Stmt;
  }

  simpleStmts(ctx: C.SimpleStmtsCstChildren): A.Stmt[] {
    const stmts = ctx.simpleStmt.map((n) => this.visit(n) as A.Stmt);
    const semis = ctx.Semicolon ?? [];
    if (semis.length === stmts.length) this.trailingSemicolon.set(stmts, this.tokLoc(semis[semis.length - 1]!));
    return stmts;
  }

  /** A one-line block's trailing `;`: the compound statement around it ends there (as in CPython). */
  private readonly trailingSemicolon = new WeakMap<A.Stmt[], Loc>();

  simpleStmt(ctx: C.SimpleStmtCstChildren): A.Stmt {
    const sub = ctx.exprStmt ?? ctx.returnStmt ?? ctx.importName ?? ctx.importFrom ?? ctx.raiseStmt ?? ctx.delStmt
      ?? ctx.assertStmt ?? ctx.globalStmt ?? ctx.nonlocalStmt;
    if (sub) return this.visit(sub[0]!) as A.Stmt;
    if (ctx.Pass) return { _type: 'Pass', ...this.tokLoc(ctx.Pass[0]!) };
    if (ctx.Break) return { _type: 'Break', ...this.tokLoc(ctx.Break[0]!) };
    return { _type: 'Continue', ...this.tokLoc(ctx.Continue![0]!) };
  }

  exprStmt(ctx: C.ExprStmtCstChildren): A.Stmt {
    const first = this.expr(ctx.first[0]!);
    if (ctx.annotation) {
      const annotation = this.expr(ctx.annotation[0]!);
      if (first._type === 'Tuple') throw this.error('only single target (not tuple) can be annotated', first);
      if (first._type === 'List') throw this.error('only single target (not list) can be annotated', first);
      if (!['Name', 'Attribute', 'Subscript'].includes(first._type)) throw this.error('illegal target for annotation', first);
      const value = ctx.annValue ? this.expr(ctx.annValue[0]!) : null;
      const parenthesized = first._type === 'Name' && this.isParenthesized(ctx.first[0]!);
      return {
        _type: 'AnnAssign', target: this.setContext(first, 'Store'), annotation, value,
        simple: first._type === 'Name' && !parenthesized ? 1 : 0,
        ...this.span(first, value ?? annotation),
      };
    }
    if (ctx.AugAssign) {
      const opTok = ctx.AugAssign[0]!;
      if (!['Name', 'Attribute', 'Subscript'].includes(first._type)) {
        throw this.error(`'${exprName(first)}' is an illegal expression for augmented assignment`, first);
      }
      const value = this.expr(ctx.augValue![0]!);
      return {
        _type: 'AugAssign', target: this.setContext(first, 'Store'), op: AUG_OPS[opTok.image]!, value,
        ...this.span(first, value),
      };
    }
    if (ctx.rhs) {
      const values = [first, ...this.exprs(ctx.rhs)];
      const value = values.pop()!;
      const targets = values.map((t) => this.assignTarget(t, values.length === 1 ? value : null));
      return { _type: 'Assign', targets, value, type_comment: null, ...this.span(first, value) };
    }
    return { _type: 'Expr', value: first, ...this.loc(first) };
  }

  /** Checks and converts one `=` target (cf. CPython's invalid_assignment rule for the messages). */
  private assignTarget(t: A.Expr, soleValue: A.Expr | null): A.Expr {
    try {
      return this.setContext(t, 'Store');
    } catch (e) {
      const keywordConstant = t._type === 'Constant' && (t.value === true || t.value === false || t.value === null);
      if (soleValue !== null && isBitwiseOrLevel(t) && isBitwiseOrLevel(soleValue) && !keywordConstant
        && !['Name', 'Attribute', 'Subscript', 'List', 'Tuple', 'Starred', 'GeneratorExp'].includes(t._type)) {
        throw this.error(`cannot assign to ${exprName(t)} here. Maybe you meant '==' instead of '='?`, t);
      }
      if (t._type === 'Starred' ) throw this.error('starred assignment target must be in a list or tuple', t);
      throw e;
    }
  }

  private isParenthesized(node: CstNode): boolean {
    // assignValue -> starExpressions -> starExpression -> expression -> ... -> atom -> parenAtom
    let n: CstNode | undefined = node;
    for (let depth = 0; n !== undefined && depth < 16; depth++) {
      if (n.name === 'parenAtom') return true;
      const kids = Object.values(n.children);
      if (kids.length !== 1 || kids[0]!.length !== 1) return false;
      const k = kids[0]![0]!;
      if (!('children' in k)) return false;
      n = k as CstNode;
    }
    return false;
  }

  assignValue(ctx: C.AssignValueCstChildren): A.Expr {
    return this.expr((ctx.yieldExpr ?? ctx.starExpressions)![0]!);
  }

  returnStmt(ctx: C.ReturnStmtCstChildren): A.Return {
    const kw = this.tokLoc(ctx.Return[0]!);
    const value = ctx.starExpressions ? this.expr(ctx.starExpressions[0]!) : null;
    return { _type: 'Return', value, ...this.span(kw, value ?? kw) };
  }

  raiseStmt(ctx: C.RaiseStmtCstChildren): A.Raise {
    const kw = this.tokLoc(ctx.Raise[0]!);
    const exc = ctx.exc ? this.expr(ctx.exc[0]!) : null;
    const cause = ctx.cause ? this.expr(ctx.cause[0]!) : null;
    return { _type: 'Raise', exc, cause, ...this.span(kw, cause ?? exc ?? kw) };
  }

  globalStmt(ctx: C.GlobalStmtCstChildren): A.Global {
    const names = ctx.Identifier.map((t) => this.name(t));
    return { _type: 'Global', names, ...this.span(this.tokLoc(ctx.Global[0]!), this.tokLoc(ctx.Identifier.at(-1)!)) };
  }

  nonlocalStmt(ctx: C.NonlocalStmtCstChildren): A.Nonlocal {
    const names = ctx.Identifier.map((t) => this.name(t));
    return { _type: 'Nonlocal', names, ...this.span(this.tokLoc(ctx.Nonlocal[0]!), this.tokLoc(ctx.Identifier.at(-1)!)) };
  }

  delStmt(ctx: C.DelStmtCstChildren): A.Delete {
    const list = ctx.targetList[0]!.children as C.TargetListCstChildren;
    const elems = this.exprs(list.targetElem);
    const targets = elems.map((e) => this.setContext(e, 'Del'));
    const last = list.trailingComma ? this.tokLoc(list.trailingComma[0]!) : elems[elems.length - 1]!;
    return { _type: 'Delete', targets, ...this.span(this.tokLoc(ctx.Del[0]!), last) };
  }

  assertStmt(ctx: C.AssertStmtCstChildren): A.Assert {
    const test = this.expr(ctx.test[0]!);
    const msg = ctx.msg ? this.expr(ctx.msg[0]!) : null;
    return { _type: 'Assert', test, msg, ...this.span(this.tokLoc(ctx.Assert[0]!), msg ?? test) };
  }

  importName(ctx: C.ImportNameCstChildren): A.Import {
    const names = ctx.dottedAsName.map((n) => this.visit(n) as A.Alias);
    return { _type: 'Import', names, ...this.span(this.tokLoc(ctx.Import[0]!), names[names.length - 1]!) };
  }

  dottedAsName(ctx: C.DottedAsNameCstChildren): A.Alias {
    const [name, loc] = this.visit(ctx.dottedName[0]!) as [string, Loc];
    const as = ctx.asname ? ctx.asname[0]! : null;
    return {
      _type: 'alias', name, asname: as ? this.name(as) : null, ...(as ? this.span(loc, this.tokLoc(as)) : loc),
    };
  }

  dottedName(ctx: C.DottedNameCstChildren): [string, Loc] {
    const ids = ctx.Identifier;
    return [ids.map((t) => this.name(t)).join('.'), this.span(this.tokLoc(ids[0]!), this.tokLoc(ids[ids.length - 1]!))];
  }

  importFrom(ctx: C.ImportFromCstChildren): A.ImportFrom {
    const level = (ctx.Dot?.length ?? 0) + 3 * (ctx.Ellipsis?.length ?? 0);
    const module = ctx.dottedName ? (this.visit(ctx.dottedName[0]!) as [string, Loc])[0] : null;
    const start = this.tokLoc(ctx.From[0]!);
    if (ctx.Star) {
      const star = this.tokLoc(ctx.Star[0]!);
      return {
        _type: 'ImportFrom', module, names: [{ _type: 'alias', name: '*', asname: null, ...star }], level,
        ...this.span(start, star),
      };
    }
    const names = this.visit(ctx.importAsNames![0]!) as A.Alias[];
    if (!ctx.RParen && (ctx.importAsNames![0]!.children as C.ImportAsNamesCstChildren).Comma === undefined) {
      // fine: a single name
    }
    const end = ctx.RParen ? this.tokLoc(ctx.RParen[0]!) : names[names.length - 1]!;
    return { _type: 'ImportFrom', module, names, level, ...this.span(start, end) };
  }

  importAsNames(ctx: C.ImportAsNamesCstChildren): A.Alias[] {
    return ctx.importAsName.map((n) => this.visit(n) as A.Alias);
  }

  importAsName(ctx: C.ImportAsNameCstChildren): A.Alias {
    const nameTok = ctx.name[0]!;
    const as = ctx.asname ? ctx.asname[0]! : null;
    const loc = this.tokLoc(nameTok);
    return {
      _type: 'alias', name: this.name(nameTok), asname: as ? this.name(as) : null,
      ...(as ? this.span(loc, this.tokLoc(as)) : loc),
    };
  }

  block(ctx: C.BlockCstChildren): A.Stmt[] {
    if (ctx.statement) return this.stmts(ctx.statement);
    return this.visit(ctx.simpleStmts![0]!) as A.Stmt[];
  }

  decorated(ctx: C.DecoratedCstChildren): A.Stmt {
    const decorators = this.exprs(ctx.namedExpression);
    const def = this.visit((ctx.funcDef ?? ctx.classDef)![0]!) as A.FunctionDef | A.ClassDef;
    def.decorator_list = decorators;
    return def;
  }

  funcDef(ctx: C.FuncDefCstChildren): A.FunctionDef {
    const args = ctx.params ? (this.visit(ctx.params[0]!) as A.Arguments) : emptyArguments();
    const returns = ctx.returns ? this.expr(ctx.returns[0]!) : null;
    const body = this.blockBody(ctx.block[0]!);
    return {
      _type: 'FunctionDef', name: this.name(ctx.Identifier[0]!), args, body, decorator_list: [], returns,
      type_comment: null, ...this.span(this.tokLoc(ctx.Def[0]!), this.lastLoc(body)),
    };
  }

  params(ctx: C.ParamsCstChildren): A.Arguments {
    return this.buildArguments(ctx.param.map((p) => this.visit(p) as ParamInfo), false);
  }

  param(ctx: C.ParamCstChildren): ParamInfo {
    if (ctx.Slash) return { kind: 'slash', loc: this.tokLoc(ctx.Slash[0]!) };
    const annotation = ctx.annotation ? this.expr(ctx.annotation[0]!) : null;
    if (ctx.Star) {
      const loc = this.tokLoc(ctx.Star[0]!);
      if (!ctx.Identifier) return { kind: 'star', loc };
      return { kind: 'vararg', loc, arg: this.makeArg(ctx.Identifier[0]!, annotation) };
    }
    if (ctx.DoubleStar) {
      return { kind: 'kwarg', loc: this.tokLoc(ctx.DoubleStar[0]!), arg: this.makeArg(ctx.Identifier![0]!, annotation) };
    }
    const arg = this.makeArg(ctx.Identifier![0]!, annotation);
    const dflt = ctx.default ? this.expr(ctx.default[0]!) : null;
    return { kind: 'plain', loc: arg, arg, default: dflt };
  }

  private makeArg(tok: IToken, annotation: A.Expr | null): A.Arg {
    const loc = this.tokLoc(tok);
    return { _type: 'arg', arg: this.name(tok), annotation, type_comment: null, ...(annotation ? this.span(loc, annotation) : loc) };
  }

  /** Orders parameters into `arguments`, with CPython's errors for bad orders. */
  private buildArguments(params: ParamInfo[], isLambda: boolean): A.Arguments {
    const out = emptyArguments();
    let plain: A.Arg[] = [];
    let defaults: A.Expr[] = [];
    let sawSlash = false;
    let sawStar = false;
    let sawKwarg = false;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      if (sawKwarg) throw this.error('arguments cannot follow var-keyword argument', p.loc);
      switch (p.kind) {
        case 'slash':
          if (sawSlash) throw this.error('/ may appear only once', p.loc);
          if (sawStar) throw this.error('/ must be ahead of *', p.loc);
          if (plain.length === 0) throw this.error('at least one argument must precede /', p.loc);
          sawSlash = true;
          out.posonlyargs = plain;
          plain = [];
          break;
        case 'star':
        case 'vararg':
          if (sawStar) throw this.error('* argument may appear only once', p.loc);
          sawStar = true;
          if (p.kind === 'vararg') out.vararg = p.arg!;
          else {
            const next = params[i + 1];
            if (next === undefined || next.kind === 'kwarg') {
              throw this.error('named arguments must follow bare *', isLambda && next !== undefined ? next.loc : p.loc);
            }
          }
          break;
        case 'kwarg':
          sawKwarg = true;
          out.kwarg = p.arg!;
          break;
        case 'plain':
          if (sawStar) {
            out.kwonlyargs.push(p.arg!);
            out.kw_defaults.push(p.default ?? null);
          } else {
            if (p.default) defaults.push(p.default);
            else if (defaults.length > 0) {
              throw this.error(isLambda ? 'non-default argument follows default argument' : 'non-default argument follows default argument', p.loc);
            }
            plain.push(p.arg!);
          }
          break;
      }
    }
    out.args = plain;
    out.defaults = defaults;
    return out;
  }

  classDef(ctx: C.ClassDefCstChildren): A.ClassDef {
    if (ctx.RParen) this.argsEnd = this.tokLoc(ctx.RParen[0]!);
    const [bases, keywords] = ctx.args ? (this.visit(ctx.args[0]!) as [A.Expr[], A.Keyword[]]) : [[], []];
    const body = this.blockBody(ctx.block[0]!);
    return {
      _type: 'ClassDef', name: this.name(ctx.Identifier[0]!), bases, keywords, body, decorator_list: [],
      ...this.span(this.tokLoc(ctx.Class[0]!), this.lastLoc(body)),
    };
  }

  ifStmt(ctx: C.IfStmtCstChildren): A.If {
    const tests = this.exprs(ctx.namedExpression);
    const blocks = ctx.block.map((b) => this.blockBody(b));
    let orelse = ctx.orelse ? this.blockBody(ctx.orelse[0]!) : [];
    for (let i = tests.length - 1; i >= 1; i--) {
      const start = this.tokLoc(ctx.Elif![i - 1]!);
      const body = blocks[i]!;
      const end = orelse.length > 0 ? this.lastLoc(orelse) : this.lastLoc(body);
      orelse = [{ _type: 'If', test: tests[i]!, body, orelse, ...this.span(start, end) }];
    }
    const body = blocks[0]!;
    const end = orelse.length > 0 ? this.lastLoc(orelse) : this.lastLoc(body);
    return { _type: 'If', test: tests[0]!, body, orelse, ...this.span(this.tokLoc(ctx.If[0]!), end) };
  }

  whileStmt(ctx: C.WhileStmtCstChildren): A.While {
    const test = this.expr(ctx.namedExpression[0]!);
    const body = this.blockBody(ctx.block[0]!);
    const orelse = ctx.orelse ? this.blockBody(ctx.orelse[0]!) : [];
    return {
      _type: 'While', test, body, orelse,
      ...this.span(this.tokLoc(ctx.While[0]!), this.lastLoc(orelse.length ? orelse : body)),
    };
  }

  forStmt(ctx: C.ForStmtCstChildren): A.For {
    const target = this.setContext(this.expr(ctx.targetList[0]!), 'Store');
    const iter = this.expr(ctx.starExpressions[0]!);
    const body = this.blockBody(ctx.block[0]!);
    const orelse = ctx.orelse ? this.blockBody(ctx.orelse[0]!) : [];
    return {
      _type: 'For', target, iter, body, orelse, type_comment: null,
      ...this.span(this.tokLoc(ctx.For[0]!), this.lastLoc(orelse.length ? orelse : body)),
    };
  }

  tryStmt(ctx: C.TryStmtCstChildren): A.Try {
    const body = this.blockBody(ctx.block[0]!);
    const handlers = (ctx.exceptClause ?? []).map((h) => this.visit(h) as A.ExceptHandler);
    for (let i = 0; i < handlers.length - 1; i++) {
      if (handlers[i]!.type === null) throw this.error("default 'except:' must be last", handlers[i]!);
    }
    const orelse = ctx.orelse ? this.blockBody(ctx.orelse[0]!) : [];
    const finalbody = ctx.finallyClause ? (this.visit(ctx.finallyClause[0]!) as A.Stmt[]) : [];
    const last = finalbody.length ? this.lastLoc(finalbody) : orelse.length ? this.lastLoc(orelse) : handlers[handlers.length - 1]!;
    return { _type: 'Try', body, handlers, orelse, finalbody, ...this.span(this.tokLoc(ctx.Try[0]!), last) };
  }

  exceptClause(ctx: C.ExceptClauseCstChildren): A.ExceptHandler {
    const type = ctx.expression ? this.expr(ctx.expression[0]!) : null;
    const body = this.blockBody(ctx.block[0]!);
    return {
      _type: 'ExceptHandler', type, name: ctx.Identifier ? this.name(ctx.Identifier[0]!) : null, body,
      ...this.span(this.tokLoc(ctx.Except[0]!), this.lastLoc(body)),
    };
  }

  finallyClause(ctx: C.FinallyClauseCstChildren): A.Stmt[] {
    return this.blockBody(ctx.block[0]!);
  }

  withStmt(ctx: C.WithStmtCstChildren): A.With {
    const items = ctx.parenWithItems
      ? (this.visit(ctx.parenWithItems[0]!) as A.WithItem[])
      : ctx.withItem!.map((w) => this.visit(w) as A.WithItem);
    const body = this.blockBody(ctx.block[0]!);
    return {
      _type: 'With', items, body, type_comment: null, ...this.span(this.tokLoc(ctx.With[0]!), this.lastLoc(body)),
    };
  }

  parenWithItems(ctx: C.ParenWithItemsCstChildren): A.WithItem[] {
    return ctx.withItem.map((w) => this.visit(w) as A.WithItem);
  }

  withItem(ctx: C.WithItemCstChildren): A.WithItem {
    const context_expr = this.expr(ctx.expression[0]!);
    const vars = ctx.targetElem ? this.setContext(this.expr(ctx.targetElem[0]!), 'Store') : null;
    return { _type: 'withitem', context_expr, optional_vars: vars };
  }

  // ================= expressions =================
  /** A comma-separated list: one element alone, or a Tuple spanning from the first to the last comma. */
  private tupleOrSingle(elems: A.Expr[], commas: number, lastTok: IToken | undefined): A.Expr {
    if (commas === 0) return elems[0]!;
    const end = lastTok !== undefined ? this.tokLoc(lastTok) : elems[elems.length - 1]!;
    return { _type: 'Tuple', elts: elems, ctx: 'Load', ...this.span(elems[0]!, end) };
  }

  starExpressions(ctx: C.StarExpressionsCstChildren): A.Expr {
    const elems = this.exprs(ctx.starExpression);
    const commas = (ctx.Comma?.length ?? 0) + (ctx.trailingComma?.length ?? 0);
    return this.tupleOrSingle(elems, commas, ctx.trailingComma?.[0]);
  }

  starExpression(ctx: C.StarExpressionCstChildren): A.Expr {
    if (ctx.Star) {
      const value = this.expr(ctx.binaryExpr![0]!);
      return { _type: 'Starred', value, ctx: 'Load', ...this.span(this.tokLoc(ctx.Star[0]!), value) };
    }
    return this.expr(ctx.expression![0]!);
  }

  starNamedExpression(ctx: C.StarNamedExpressionCstChildren): A.Expr {
    if (ctx.Star) {
      const value = this.expr(ctx.binaryExpr![0]!);
      return { _type: 'Starred', value, ctx: 'Load', ...this.span(this.tokLoc(ctx.Star[0]!), value) };
    }
    return this.expr(ctx.namedExpression![0]!);
  }

  targetList(ctx: C.TargetListCstChildren): A.Expr {
    const elems = this.exprs(ctx.targetElem);
    const commas = (ctx.Comma?.length ?? 0) + (ctx.trailingComma?.length ?? 0);
    return this.tupleOrSingle(elems, commas, ctx.trailingComma?.[0]);
  }

  targetElem(ctx: C.TargetElemCstChildren): A.Expr {
    const value = this.expr(ctx.binaryExpr[0]!);
    if (ctx.Star) return { _type: 'Starred', value, ctx: 'Load', ...this.span(this.tokLoc(ctx.Star[0]!), value) };
    return value;
  }

  namedExpression(ctx: C.NamedExpressionCstChildren): A.Expr {
    const target = this.expr(ctx.expression[0]!);
    if (!ctx.value) return target;
    const value = this.expr(ctx.value[0]!);
    if (target._type !== 'Name') {
      throw this.error(`cannot use assignment expressions with ${exprName(target)}`, target);
    }
    return { _type: 'NamedExpr', target: { ...target, ctx: 'Store' }, value, ...this.span(target, value) };
  }

  expression(ctx: C.ExpressionCstChildren): A.Expr {
    if (ctx.lambdef) return this.expr(ctx.lambdef[0]!);
    const body = this.expr(ctx.disjunction![0]!);
    if (!ctx.test) return body;
    const test = this.expr(ctx.test[0]!);
    if (!ctx.orelse) throw this.error("expected 'else' after 'if' expression", body, test);
    const orelse = this.expr(ctx.orelse[0]!);
    return { _type: 'IfExp', test, body, orelse, ...this.span(body, orelse) };
  }

  lambdef(ctx: C.LambdefCstChildren): A.Lambda {
    const args = ctx.lambdaParams ? (this.visit(ctx.lambdaParams[0]!) as A.Arguments) : emptyArguments();
    const body = this.expr(ctx.expression[0]!);
    return { _type: 'Lambda', args, body, ...this.span(this.tokLoc(ctx.Lambda[0]!), body) };
  }

  lambdaParams(ctx: C.LambdaParamsCstChildren): A.Arguments {
    return this.buildArguments(ctx.lambdaParam.map((p) => this.visit(p) as ParamInfo), true);
  }

  lambdaParam(ctx: C.LambdaParamCstChildren): ParamInfo {
    if (ctx.Slash) return { kind: 'slash', loc: this.tokLoc(ctx.Slash[0]!) };
    if (ctx.Star) {
      const loc = this.tokLoc(ctx.Star[0]!);
      return ctx.Identifier ? { kind: 'vararg', loc, arg: this.makeArg(ctx.Identifier[0]!, null) } : { kind: 'star', loc };
    }
    if (ctx.DoubleStar) return { kind: 'kwarg', loc: this.tokLoc(ctx.DoubleStar[0]!), arg: this.makeArg(ctx.Identifier![0]!, null) };
    const arg = this.makeArg(ctx.Identifier![0]!, null);
    return { kind: 'plain', loc: arg, arg, default: ctx.default ? this.expr(ctx.default[0]!) : null };
  }

  disjunction(ctx: C.DisjunctionCstChildren): A.Expr {
    if (ctx.unary.length === 1) return new Climber(this, ctx.unary, []).parse(0);
    // Operators sit under one key per token type; their source order puts them back in sequence.
    const ops: InfixOp[] = [];
    const symbol = (t: IToken, img: string): InfixOp => {
      if (img === 'and') return { kind: 'bool', bool: 'And', prec: PREC_AND, start: t.startOffset };
      if (img === 'or') return { kind: 'bool', bool: 'Or', prec: PREC_OR, start: t.startOffset };
      const cmp = CMP_OPS[img];
      if (cmp !== undefined) return { kind: 'cmp', cmp, prec: PREC_COMPARE, start: t.startOffset };
      const [op, prec] = BINARY_OPS[img]!;
      return { kind: 'bin', op, prec: prec + PREC_BITOR - 1, start: t.startOffset };
    };
    for (const key of ['BinaryOperator', 'CompareOperator', 'And', 'Or', 'In'] as const) {
      for (const t of ctx[key] ?? []) ops.push(symbol(t, t.image));
    }
    for (const w of ctx.wordComparison ?? []) {
      const c = w.children as C.WordComparisonCstChildren;
      if (c.In) ops.push({ kind: 'cmp', cmp: 'NotIn', prec: PREC_COMPARE, start: c.Not![0]!.startOffset });
      else ops.push({ kind: 'cmp', cmp: c.Not ? 'IsNot' : 'Is', prec: PREC_COMPARE, start: c.Is![0]!.startOffset });
    }
    ops.sort((x, y) => x.start - y.start);
    return new Climber(this, ctx.unary, ops).parse(0);
  }

  wordComparison(): never {
    throw new Error('wordComparison is handled by disjunction');
  }

  binaryExpr(ctx: C.BinaryExprCstChildren): A.Expr {
    if (ctx.unary.length === 1) return this.operand(ctx.unary[0]!, PREC_BITOR);
    const ops: InfixOp[] = ctx.BinaryOperator!.map((t) => {
      const [op, prec] = BINARY_OPS[t.image]!;
      return { kind: 'bin', op, prec: prec + PREC_BITOR - 1, start: t.startOffset };
    });
    return new Climber(this, ctx.unary, ops).parse(PREC_BITOR);
  }

  unary(): never {
    throw new Error('unary is handled by operand');
  }

  /**
   * One operand with its prefix operators, in a context that binds at `minPrec`. A `not` prefix takes a
   * whole comparison after it (the Climber handles that), so here one is valid only where `not` may stand
   * and only as the first remaining prefix; `-not x` and `a == not b` are CPython's `invalid syntax`.
   */
  operand(node: CstNode, minPrec: number, fromPrefix = 0): A.Expr {
    const c = node.children as C.UnaryCstChildren;
    const prefixes = this.prefixTokens(c);
    for (let k = fromPrefix; k < prefixes.length; k++) {
      if (prefixes[k]!.image === 'not') throw this.error('invalid syntax', this.tokLoc(prefixes[k]!));
    }
    let e = this.primaryOf(c);
    if (c.exponent) {
      const right = this.operand(c.exponent[0]!, PREC_UNARY);
      e = { _type: 'BinOp', left: e, op: 'Pow', right, ...this.span(e, right) };
    }
    for (let k = prefixes.length - 1; k >= fromPrefix; k--) {
      const t = prefixes[k]!;
      const op: A.UnaryOpKind = t.image === '+' ? 'UAdd' : t.image === '-' ? 'USub' : 'Invert';
      e = { _type: 'UnaryOp', op, operand: e, ...this.span(this.tokLoc(t), e) };
    }
    return e;
  }

  /** The prefix operators of a `unary` node, in source order. */
  prefixTokens(c: C.UnaryCstChildren): IToken[] {
    if (!c.Not && !c.Plus && !c.Minus && !c.Tilde) return [];
    return [...(c.Not ?? []), ...(c.Plus ?? []), ...(c.Minus ?? []), ...(c.Tilde ?? [])]
      .sort((x, y) => x.startOffset - y.startOffset);
  }

  /** A `not` prefix as a node: `not` applied to what the climber parsed after it. */
  notOf(tok: IToken, operand: A.Expr): A.Expr {
    return { _type: 'UnaryOp', op: 'Not', operand, ...this.span(this.tokLoc(tok), operand) };
  }

  spanOf(a: Loc, b: Loc): Loc {
    return this.span(a, b);
  }

  private primaryOf(c: C.UnaryCstChildren): A.Expr {
    let e = this.expr(c.atom[0]!);
    if (!c.trailer) return e;
    for (const t of c.trailer) {
      const c = t.children as C.TrailerCstChildren;
      if (c.Dot) {
        e = { _type: 'Attribute', value: e, attr: this.name(c.Identifier![0]!), ctx: 'Load', ...this.span(e, this.tokLoc(c.Identifier![0]!)) };
      } else if (c.LParen) {
        this.argsEnd = this.tokLoc(c.RParen![0]!);
        const [args, keywords] = c.args ? (this.visit(c.args[0]!) as [A.Expr[], A.Keyword[]]) : [[], []];
        if (args.length === 1 && keywords.length === 0 && args[0]!._type === 'GeneratorExp') {
          // `f(x for x in y)`: the generator expression's parentheses are the call's
          Object.assign(args[0]!, this.span(this.tokLoc(c.LParen[0]!), this.tokLoc(c.RParen![0]!)));
        }
        e = { _type: 'Call', func: e, args, keywords, ...this.span(e, this.tokLoc(c.RParen![0]!)) };
      } else {
        this.subscriptEnd = this.tokLoc(c.RBracket![0]!);
        const slice = this.visit(c.slices![0]!) as A.Expr;
        e = { _type: 'Subscript', value: e, slice, ctx: 'Load', ...this.span(e, this.tokLoc(c.RBracket![0]!)) };
      }
    }
    return e;
  }

  trailer(): never {
    throw new Error('trailer is handled by primary');
  }

  /** Call arguments: positional (incl. `*x`) then keywords (incl. `**x`), with CPython's order errors. */
  /** Where the argument list being built ends: CPython reports argument-order errors there. */
  private argsEnd: Loc | null = null;

  args(ctx: C.ArgsCstChildren): [A.Expr[], A.Keyword[]] {
    const end = this.argsEnd!;
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    const all = ctx.arg.map((a) => this.visit(a) as A.Expr | A.Keyword);
    let sawKeyword = false;
    let sawDoubleStar = false;
    for (const a of all) {
      if (a._type === 'keyword') {
        if (a.arg === null) sawDoubleStar = true;
        else sawKeyword = true;
        keywords.push(a);
      } else {
        if (a._type === 'GeneratorExp' && all.length > 1 && (a as GenExpFlag).bare) {
          throw this.error('Generator expression must be parenthesized', a);
        }
        if (a._type === 'Starred') {
          if (sawDoubleStar) throw this.error('iterable argument unpacking follows keyword argument unpacking', a);
        } else if (sawDoubleStar) {
          throw this.error('positional argument follows keyword argument unpacking', end);
        } else if (sawKeyword) {
          throw this.error('positional argument follows keyword argument', end);
        }
        args.push(a);
      }
    }
    for (const a of all) if (a._type === 'GeneratorExp') delete (a as GenExpFlag).bare;
    return [args, keywords];
  }

  arg(ctx: C.ArgCstChildren): A.Expr | A.Keyword {
    if (ctx.starred) {
      const value = this.expr(ctx.starred[0]!);
      return { _type: 'Starred', value, ctx: 'Load', ...this.span(this.tokLoc(ctx.Star![0]!), value) };
    }
    if (ctx.doubleStarred) {
      const value = this.expr(ctx.doubleStarred[0]!);
      return { _type: 'keyword', arg: null, value, ...this.span(this.tokLoc(ctx.DoubleStar![0]!), value) };
    }
    if (ctx.kwValue) {
      const value = this.expr(ctx.kwValue[0]!);
      const tok = ctx.Identifier![0]!;
      return { _type: 'keyword', arg: this.name(tok), value, ...this.span(this.tokLoc(tok), value) };
    }
    const e = this.expr(ctx.namedExpression![0]!);
    if (ctx.badKwValue) {
      const value = this.expr(ctx.badKwValue[0]!);
      throw this.error('expression cannot contain assignment, perhaps you meant "=="?', e, value);
    }
    if (!ctx.compFor) return e;
    const generators = this.visit(ctx.compFor[0]!) as A.Comprehension[];
    const last = generators[generators.length - 1]!;
    const end = last.ifs.length ? last.ifs[last.ifs.length - 1]! : last.iter;
    const g: A.GeneratorExp & GenExpFlag = { _type: 'GeneratorExp', elt: e, generators, bare: true, ...this.span(e, end) };
    return g;
  }

  /** The `]` of the subscript being built: `a[]` is reported there. */
  private subscriptEnd: Loc | null = null;

  slices(ctx: C.SlicesCstChildren): A.Expr {
    const elems = this.exprs(ctx.slice);
    // a starred element makes a tuple even alone: `a[*b]` is `a[(*b,)]`
    const commas = (ctx.Comma?.length ?? 0) + (ctx.trailingComma?.length ?? 0) + (elems[0]!._type === 'Starred' ? 1 : 0);
    return this.tupleOrSingle(elems, commas, ctx.trailingComma?.[0]);
  }

  slice(ctx: C.SliceCstChildren): A.Expr {
    if (ctx.starred) {
      const value = this.expr(ctx.starred[0]!);
      return { _type: 'Starred', value, ctx: 'Load', ...this.span(this.tokLoc(ctx.Star![0]!), value) };
    }
    const lower = ctx.lower ? this.expr(ctx.lower[0]!) : null;
    if (!ctx.Colon) {
      if (lower === null) throw this.error('invalid syntax', this.subscriptEnd!); // `a[]`
      return lower;
    }
    const upper = ctx.upper ? this.expr(ctx.upper[0]!) : null;
    const step = ctx.step ? this.expr(ctx.step[0]!) : null;
    const startLoc = lower ?? this.tokLoc(ctx.Colon[0]!);
    const endLoc = step ?? (ctx.Colon.length > 1 ? this.tokLoc(ctx.Colon[1]!) : upper ?? this.tokLoc(ctx.Colon[0]!));
    return { _type: 'Slice', lower, upper, step, ...this.span(startLoc, endLoc) };
  }

  atom(ctx: C.AtomCstChildren): A.Expr {
    if (ctx.Identifier) {
      const t = ctx.Identifier[0]!;
      return { _type: 'Name', id: this.name(t), ctx: 'Load', ...this.tokLoc(t) };
    }
    if (ctx.NumberLiteral) {
      const t = ctx.NumberLiteral[0]!;
      return { _type: 'Constant', value: numberValue(t.image), kind: null, ...this.tokLoc(t) };
    }
    if (ctx.StringLiteral) return this.strings(ctx.StringLiteral);
    if (ctx.True) return { _type: 'Constant', value: true, kind: null, ...this.tokLoc(ctx.True[0]!) };
    if (ctx.False) return { _type: 'Constant', value: false, kind: null, ...this.tokLoc(ctx.False[0]!) };
    if (ctx.None) return { _type: 'Constant', value: null, kind: null, ...this.tokLoc(ctx.None[0]!) };
    if (ctx.Ellipsis) return { _type: 'Constant', value: A.ELLIPSIS, kind: null, ...this.tokLoc(ctx.Ellipsis[0]!) };
    return this.expr((ctx.parenAtom ?? ctx.listAtom ?? ctx.braceAtom)![0]!);
  }

  parenAtom(ctx: C.ParenAtomCstChildren): A.Expr {
    const loc = this.span(this.tokLoc(ctx.LParen[0]!), this.tokLoc(ctx.RParen[0]!));
    if (ctx.yieldExpr) {
      const y = this.expr(ctx.yieldExpr[0]!);
      this.groups.set(y, loc);
      return y;
    }
    if (!ctx.elements) return { _type: 'Tuple', elts: [], ctx: 'Load', ...loc };
    const el = this.visit(ctx.elements[0]!) as Elements;
    if (el.generators) return { _type: 'GeneratorExp', elt: this.noStar(el.elts[0]!), generators: el.generators, ...loc };
    if (!el.comma) {
      const only = el.elts[0]!;
      if (only._type === 'Starred') throw this.error("can't use starred expression here", only);
      this.groups.set(only, loc);
      return only;
    }
    return { _type: 'Tuple', elts: el.elts, ctx: 'Load', ...loc };
  }

  private noStar(e: A.Expr): A.Expr {
    if (e._type === 'Starred') throw this.error('iterable unpacking cannot be used in comprehension', e);
    return e;
  }

  listAtom(ctx: C.ListAtomCstChildren): A.Expr {
    const loc = this.span(this.tokLoc(ctx.LBracket[0]!), this.tokLoc(ctx.RBracket[0]!));
    if (!ctx.elements) return { _type: 'List', elts: [], ctx: 'Load', ...loc };
    const el = this.visit(ctx.elements[0]!) as Elements;
    if (el.generators) return { _type: 'ListComp', elt: this.noStar(el.elts[0]!), generators: el.generators, ...loc };
    return { _type: 'List', elts: el.elts, ctx: 'Load', ...loc };
  }

  elements(ctx: C.ElementsCstChildren): Elements {
    const elts = this.exprs(ctx.starNamedExpression);
    const generators = ctx.compFor ? (this.visit(ctx.compFor[0]!) as A.Comprehension[]) : null;
    return { elts, generators, comma: (ctx.Comma?.length ?? 0) + (ctx.trailingComma?.length ?? 0) > 0 };
  }

  braceAtom(ctx: C.BraceAtomCstChildren): A.Expr {
    const loc = this.span(this.tokLoc(ctx.LBrace[0]!), this.tokLoc(ctx.RBrace[0]!));
    if (!ctx.dictSetItem) return { _type: 'Dict', keys: [], values: [], ...loc };
    const items = ctx.dictSetItem.map((d) => this.visit(d) as DictSetItem);
    const isDict = items[0]!.kind !== 'elem';
    if (ctx.compFor) {
      const generators = this.visit(ctx.compFor[0]!) as A.Comprehension[];
      const it = items[0]!;
      if (it.kind === 'pair') return { _type: 'DictComp', key: it.key, value: it.value!, generators, ...loc };
      if (it.kind === 'splat') throw this.error('dict unpacking cannot be used in dict comprehension', it.loc);
      return { _type: 'SetComp', elt: this.noStar(it.key), generators, ...loc };
    }
    if (isDict) {
      const keys: (A.Expr | null)[] = [];
      const values: A.Expr[] = [];
      for (const it of items) {
        if (it.kind === 'elem') throw this.error("':' expected after dictionary key", it.key);
        if (it.kind === 'splat') { keys.push(null); values.push(it.key); }
        else { keys.push(it.key); values.push(it.value!); }
      }
      return { _type: 'Dict', keys, values, ...loc };
    }
    for (const it of items) if (it.kind !== 'elem') throw this.error('invalid syntax', it.key);
    return { _type: 'Set', elts: items.map((i) => i.key), ...loc };
  }

  dictSetItem(ctx: C.DictSetItemCstChildren): DictSetItem {
    if (ctx.DoubleStar) {
      const key = this.expr(ctx.binaryExpr![0]!);
      return { kind: 'splat', key, value: null, loc: this.span(this.tokLoc(ctx.DoubleStar[0]!), key) };
    }
    const key = this.expr(ctx.key![0]!);
    if (ctx.value) return { kind: 'pair', key, value: this.expr(ctx.value[0]!), loc: key };
    return { kind: 'elem', key, value: null, loc: key };
  }

  compFor(ctx: C.CompForCstChildren): A.Comprehension[] {
    return ctx.compClause.map((c) => this.visit(c) as A.Comprehension);
  }

  compClause(ctx: C.CompClauseCstChildren): A.Comprehension {
    const target = this.setContext(this.expr(ctx.targetList[0]!), 'Store');
    return {
      _type: 'comprehension', target, iter: this.expr(ctx.iter[0]!), ifs: this.exprs(ctx.ifs), is_async: 0,
    };
  }

  yieldExpr(ctx: C.YieldExprCstChildren): A.Expr {
    const kw = this.tokLoc(ctx.Yield[0]!);
    if (ctx.From) {
      const value = this.expr(ctx.expression![0]!);
      return { _type: 'YieldFrom', value, ...this.span(kw, value) };
    }
    const value = ctx.starExpressions ? this.expr(ctx.starExpressions[0]!) : null;
    return { _type: 'Yield', value, ...this.span(kw, value ?? kw) };
  }

  // ================= string literals =================
  /** Adjacent string tokens: one Constant, or a JoinedStr when any of them is an f-string. */
  private strings(toks: IToken[]): A.Expr {
    const loc = this.span(this.tokLoc(toks[0]!), this.tokLoc(toks[toks.length - 1]!));
    const parts = toks.map((t) => splitString(t.image));
    const bytesCount = parts.filter((p) => p.isBytes).length;
    if (bytesCount !== 0 && bytesCount !== parts.length) throw this.error('cannot mix bytes and nonbytes literals', loc);
    try {
      if (bytesCount > 0) {
        const chunks = parts.map((p) => decodeBytes(p.body, p.isRaw));
        const total = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let o = 0;
        for (const c of chunks) { total.set(c, o); o += c.length; }
        return { _type: 'Constant', value: total, kind: null, ...loc };
      }
      if (!parts.some((p) => p.isFormat)) {
        const value = parts.map((p) => (p.isRaw ? normalizeNewlines(p.body) : decodeStrEscapes(p.body))).join('');
        return { _type: 'Constant', value, kind: parts[0]!.isUnicodeMarked ? 'u' : null, ...loc };
      }
    } catch (e) {
      if (e instanceof LiteralError) throw this.literalError(e, toks, loc);
      throw e;
    }
    // f-strings: a sequence of literal pieces and replacement fields.
    const values: A.Expr[] = [];
    let pending = '';
    const flush = (): void => {
      if (pending !== '') values.push({ _type: 'Constant', value: pending, kind: null, ...loc });
      pending = '';
    };
    for (let k = 0; k < toks.length; k++) {
      const p = parts[k]!;
      const tok = toks[k]!;
      if (!p.isFormat) {
        try {
          pending += p.isRaw ? normalizeNewlines(p.body) : decodeStrEscapes(p.body);
        } catch (e) {
          if (e instanceof LiteralError) throw this.literalError(e, toks, loc);
          throw e;
        }
        continue;
      }
      const bodyStart = tok.image.length - p.body.length - p.quoteLen;
      const pieces = new FStringScanner(p.body, p.isRaw, this, tok, bodyStart, loc, toks[toks.length - 1]!).scan(0);
      for (const piece of pieces) {
        if (typeof piece === 'string') pending += piece;
        else {
          if (piece.debugText !== undefined) pending += piece.debugText;
          flush();
          values.push(piece.node);
        }
      }
    }
    flush();
    return { _type: 'JoinedStr', values, ...loc };
  }

  private literalError(e: LiteralError, toks: IToken[], loc: Loc): PySyntaxError {
    if (e.message.startsWith('bytes can only')) return this.error(e.message, loc);
    return this.stringError(e.message, toks[toks.length - 1]!, loc);
  }

  /** CPython decodes string literals after reading one token further, and reports their errors there. */
  stringError(msg: string, lastString: IToken, fallback: Loc): PySyntaxError {
    const next = this.tokenAfter(lastString);
    if (next === undefined || next.startLine === undefined || Number.isNaN(next.startLine)) return this.error(msg, fallback);
    const loc = this.tokLoc(next);
    return this.error(msg, loc, { ...loc, end_col_offset: loc.col_offset });
  }

  /** Positions an f-string expression's text within the file, then parses it (see FStringScanner). */
  parseFieldExpr(text: string, tok: IToken, bodyOffset: number): A.Expr {
    // Line and 0-based column of the field's text inside the token.
    const before = tok.image.slice(0, bodyOffset);
    const nl = before.lastIndexOf('\n');
    const line = tok.startLine! + (nl < 0 ? 0 : before.split('\n').length - 1);
    const col0 = nl < 0 ? tok.startColumn! - 1 + bodyOffset : bodyOffset - nl - 1;
    return this.parseFStringExpr(text, line, col0);
  }
}

interface GenExpFlag { bare?: boolean }

// Binding strength of operators, loosest first (cf. the Python language reference, 6.17).
const PREC_OR = 1;
const PREC_AND = 2;
const PREC_NOT = 3;
const PREC_COMPARE = 4;
/** `|`; BINARY_OPS ranks `|` 1 .. `*` 6, shifted to start here. */
const PREC_BITOR = 5;
const PREC_UNARY = 11;

type InfixOp =
  | { kind: 'bool'; bool: A.BoolOpKind; prec: number; start: number }
  | { kind: 'cmp'; cmp: A.CmpOpKind; prec: number; start: number }
  | { kind: 'bin'; op: A.OperatorKind; prec: number; start: number };

/**
 * Precedence climbing over a flat operand/operator sequence. And/Or chains become one BoolOp and
 * comparison chains one Compare, as in CPython; `not` prefixes bind looser than comparisons.
 */
class Climber {
  private i = 0;
  /** How many prefixes of the current operand have been turned into `not` nodes already. */
  private consumedPrefixes = 0;
  constructor(private readonly b: ToAst, private readonly operands: CstNode[], private readonly ops: InfixOp[]) {}

  parse(minPrec: number): A.Expr {
    let left = this.unaryLevel(minPrec);
    for (;;) {
      const op = this.ops[this.i - 1];
      if (op === undefined || op.prec < minPrec) break;
      if (op.kind === 'bool') {
        const values = [left];
        while (this.ops[this.i - 1]?.kind === 'bool' && (this.ops[this.i - 1] as { bool: string }).bool === op.bool) {
          values.push(this.parse(op.prec + 1));
        }
        left = { _type: 'BoolOp', op: op.bool, values, ...this.b.spanOf(values[0]!, values[values.length - 1]!) };
      } else if (op.kind === 'cmp') {
        const ops: A.CmpOpKind[] = [];
        const comparators: A.Expr[] = [];
        while (this.ops[this.i - 1]?.kind === 'cmp') {
          ops.push((this.ops[this.i - 1] as { cmp: A.CmpOpKind }).cmp);
          comparators.push(this.parse(PREC_COMPARE + 1));
        }
        left = { _type: 'Compare', left, ops, comparators, ...this.b.spanOf(left, comparators[comparators.length - 1]!) };
      } else {
        const right = this.parse(op.prec + 1);
        left = { _type: 'BinOp', left, op: op.op, right, ...this.b.spanOf(left, right) };
      }
    }
    return left;
  }

  /** The next operand; `this.i` then points past it, so `ops[this.i - 1]` is the operator after it. */
  private unaryLevel(minPrec: number): A.Expr {
    const node = this.operands[this.i]!;
    const prefixes = this.b.prefixTokens(node.children as C.UnaryCstChildren);
    const k = this.consumedPrefixes;
    if (k < prefixes.length && prefixes[k]!.image === 'not') {
      if (minPrec > PREC_NOT) throw this.b.error('invalid syntax', { ...locOfToken(prefixes[k]!) });
      this.consumedPrefixes++;
      const inner = this.parse(PREC_NOT);
      return this.b.notOf(prefixes[k]!, inner);
    }
    this.consumedPrefixes = 0;
    this.i++;
    return this.b.operand(node, minPrec, k);
  }
}

function locOfToken(t: IToken): Loc {
  return { lineno: t.startLine!, col_offset: t.startColumn! - 1, end_lineno: t.endLine!, end_col_offset: t.endColumn! };
}
interface Elements { elts: A.Expr[]; generators: A.Comprehension[] | null; comma: boolean }
interface DictSetItem { kind: 'splat' | 'pair' | 'elem'; key: A.Expr; value: A.Expr | null; loc: Loc }
interface ParamInfo {
  kind: 'slash' | 'star' | 'vararg' | 'kwarg' | 'plain';
  loc: Loc;
  arg?: A.Arg;
  default?: A.Expr | null;
}

function emptyArguments(): A.Arguments {
  return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

type FPiece = string | { node: A.FormattedValue; debugText?: string };

/**
 * Splits an f-string body into literal text and replacement fields (cf. CPython 3.11 string_parser.c
 * `fstring_find_literal` / `fstring_find_expr`); a field's expression is parsed as `(expr)`.
 */
class FStringScanner {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly raw: boolean,
    private readonly owner: ToAst,
    private readonly tok: IToken,
    private readonly bodyStart: number,
    private readonly loc: Loc,
    private readonly lastString: IToken,
  ) {}

  private fail(msg: string): PySyntaxError {
    return this.owner.stringError(msg, this.lastString, this.loc);
  }

  /** Scans pieces until the end, or (at `depth` > 0, inside a format spec) until the closing `}`. */
  scan(depth: number): FPiece[] {
    const out: FPiece[] = [];
    let lit = '';
    const s = this.s;
    const pushLit = (): void => {
      if (lit === '') return;
      try {
        out.push(this.raw ? normalizeNewlines(lit) : decodeStrEscapes(lit));
      } catch (e) {
        if (e instanceof LiteralError) throw this.fail(e.message);
        throw e;
      }
      lit = '';
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '\\' && !this.raw && s[this.i + 1] !== undefined) {
        // keep escapes intact for decoding; `\{` is not an escape of the brace
        if (s[this.i + 1] === 'N' && s[this.i + 2] === '{') {
          const close = s.indexOf('}', this.i);
          lit += s.slice(this.i, close + 1);
          this.i = close + 1;
          continue;
        }
        lit += c + s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (c === '{') {
        if (depth === 0 && s[this.i + 1] === '{') {
          lit += '{';
          this.i += 2;
          continue;
        }
        pushLit();
        out.push(this.field(depth));
        continue;
      }
      if (c === '}') {
        if (depth > 0) break;
        if (s[this.i + 1] === '}') {
          lit += '}';
          this.i += 2;
          continue;
        }
        throw this.fail("f-string: single '}' is not allowed");
      }
      lit += c;
      this.i++;
    }
    pushLit();
    return out;
  }

  /** One `{expr[=][!c][:spec]}` field; `this.i` is at the `{`. */
  private field(depth: number): { node: A.FormattedValue; debugText?: string } {
    if (depth >= 2) throw this.fail('f-string: expressions nested too deeply');
    const s = this.s;
    const start = ++this.i;
    const stack: string[] = [];
    let quote: string | null = null;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i]!;
      if (c === '\\') throw this.fail('f-string expression part cannot include a backslash');
      if (quote !== null) {
        if (s.startsWith(quote, this.i)) {
          this.i += quote.length - 1;
          quote = null;
        }
        continue;
      }
      if (c === "'" || c === '"') {
        quote = s.startsWith(c.repeat(3), this.i) ? c.repeat(3) : c;
        this.i += quote.length - 1;
        continue;
      }
      if (c === '[' || c === '(' || c === '{') { stack.push(c); continue; }
      if (c === ']' || c === ')' || c === '}') {
        if (stack.length === 0) break;
        const open = stack.pop()!;
        if ((open === '(' && c !== ')') || (open === '[' && c !== ']') || (open === '{' && c !== '}')) {
          throw this.fail(`f-string: closing parenthesis '${c}' does not match opening parenthesis '${open}'`);
        }
        continue;
      }
      if (c === '#') throw this.fail("f-string expression part cannot include '#'");
      if (stack.length > 0) continue;
      const next = s[this.i + 1];
      if ((c === '=' || c === '!' || c === '<' || c === '>') && next === '=') { this.i++; continue; }
      if (c === '=' || c === '!' || c === ':') break;
    }
    if (quote !== null) throw this.fail('f-string: unterminated string');
    if (this.i >= s.length) {
      if (stack.length > 0) throw this.fail(`f-string: unmatched '${stack[stack.length - 1]}'`);
      throw this.fail("f-string: expecting '}'");
    }
    const exprText = s.slice(start, this.i);
    if (exprText.trim() === '') throw this.fail('f-string: empty expression not allowed');
    const value = this.owner.parseFieldExpr(exprText, this.tok, this.bodyStart + start);
    let debugText: string | undefined;
    if (s[this.i] === '=') {
      this.i++;
      debugText = s.slice(start, this.i);
      // whitespace after '=' belongs to the debug text too
      const ws = /^\s*/.exec(s.slice(this.i))![0];
      debugText += ws;
      this.i += ws.length;
    }
    let conversion = -1;
    if (s[this.i] === '!') {
      const conv = s[this.i + 1];
      if (conv === undefined) throw this.fail("f-string: expecting '}'");
      if (conv !== 's' && conv !== 'r' && conv !== 'a') {
        throw this.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = conv.charCodeAt(0);
      this.i += 2;
    }
    let format_spec: A.JoinedStr | null = null;
    if (this.i < s.length && s[this.i] === ':') {
      this.i++;
      const pieces = this.scan(depth + 1);
      const values: A.Expr[] = [];
      let pending = '';
      for (const p of pieces) {
        if (typeof p === 'string') pending += p;
        else {
          if (pending !== '') values.push({ _type: 'Constant', value: pending, kind: null, ...this.loc });
          pending = '';
          values.push(p.node);
        }
      }
      if (pending !== '') values.push({ _type: 'Constant', value: pending, kind: null, ...this.loc });
      format_spec = { _type: 'JoinedStr', values, ...this.loc };
    }
    if (this.i >= s.length || s[this.i] !== '}') throw this.fail("f-string: expecting '}'");
    this.i++;
    if (debugText !== undefined && conversion === -1 && format_spec === null) conversion = 'r'.charCodeAt(0);
    return { node: { _type: 'FormattedValue', value, conversion, format_spec, ...this.loc }, debugText };
  }
}
