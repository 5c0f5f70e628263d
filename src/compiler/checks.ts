/** The SyntaxErrors that CPython's compiler (not its parser) raises: misplaced `return`/`break`/`continue`,
 *  starred expressions where they cannot be, repeated keywords, too deeply nested blocks (cf. compile.c). */
import * as A from '../parser/ast.js';
import { PySyntaxError } from '../parser/errors.js';

/** CPython's CO_MAXBLOCKS: loops, `try` and `with` nested deeper than this in one code object fail. */
const MAX_BLOCKS = 20;

interface Frame {
  inFunction: boolean;
  /** Loops enclosing the current statement within the current code object. */
  loops: number;
  blocks: number;
}

export function checkModule(mod: A.Module, filename: string, lines: readonly string[]): void {
  new Checker(filename, lines).module(mod);
}

class Checker {
  constructor(private readonly filename: string, private readonly lines: readonly string[]) {}

  private error(msg: string, at: A.Pos): PySyntaxError {
    return new PySyntaxError('SyntaxError', msg, this.filename, at.lineno, at.col_offset + 1, at.end_lineno,
      at.end_col_offset + 1, this.lines[at.lineno - 1] ?? '');
  }

  module(mod: A.Module): void {
    this.body(mod.body, { inFunction: false, loops: 0, blocks: 0 });
  }

  private body(stmts: A.Stmt[], f: Frame): void {
    for (const s of stmts) this.stmt(s, f);
  }

  private nested(s: A.Stmt, f: Frame, loop: boolean): Frame {
    if (f.blocks + 1 > MAX_BLOCKS) throw this.error('too many statically nested blocks', s);
    return { inFunction: f.inFunction, loops: f.loops + (loop ? 1 : 0), blocks: f.blocks + 1 };
  }

  /** Whether the expression being walked is inside a function (its frame's flag, kept for expressions). */
  private inFunction = false;

  private stmt(s: A.Stmt, f: Frame): void {
    this.inFunction = f.inFunction;
    switch (s._type) {
      case 'FunctionDef':
        s.decorator_list.forEach((d) => this.expr(d));
        this.arguments(s.args);
        if (s.returns) this.expr(s.returns);
        this.body(s.body, { inFunction: true, loops: 0, blocks: 0 });
        return;
      case 'ClassDef':
        s.decorator_list.forEach((d) => this.expr(d));
        s.bases.forEach((b) => this.expr(b, true));
        s.keywords.forEach((k) => this.expr(k.value));
        this.body(s.body, { inFunction: false, loops: 0, blocks: 0 });
        return;
      case 'Return':
        if (!f.inFunction) throw this.error("'return' outside function", s);
        if (s.value) this.expr(s.value);
        return;
      case 'Break':
        if (f.loops === 0) throw this.error("'break' outside loop", s);
        return;
      case 'Continue':
        if (f.loops === 0) throw this.error("'continue' not properly in loop", s);
        return;
      case 'For': {
        this.target(s.target);
        this.expr(s.iter);
        this.body(s.body, this.nested(s, f, true));
        this.body(s.orelse, f);
        return;
      }
      case 'While':
        this.expr(s.test);
        this.body(s.body, this.nested(s, f, true));
        this.body(s.orelse, f);
        return;
      case 'If':
        this.expr(s.test);
        this.body(s.body, f);
        this.body(s.orelse, f);
        return;
      case 'With': {
        const inner = this.nested(s, f, false);
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.target(item.optional_vars);
        }
        this.body(s.body, inner);
        return;
      }
      case 'Try': {
        const inner = this.nested(s, f, false);
        this.body(s.body, inner);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          this.body(h.body, inner);
        }
        this.body(s.orelse, f);
        this.body(s.finalbody, inner);
        return;
      }
      case 'Assign':
        s.targets.forEach((t) => this.target(t));
        this.expr(s.value);
        return;
      case 'AugAssign':
        this.expr(s.value);
        return;
      case 'AnnAssign':
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        return;
      case 'Delete':
        s.targets.forEach((t) => this.expr(t));
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Expr':
        this.expr(s.value);
        return;
      case 'Import': case 'ImportFrom': case 'Global': case 'Nonlocal': case 'Pass':
        return;
      default:
        assertNever(s);
    }
  }

  private arguments(a: A.Arguments): void {
    a.defaults.forEach((d) => this.expr(d));
    a.kw_defaults.forEach((d) => d && this.expr(d));
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg]) {
      if (arg?.annotation) this.expr(arg.annotation, arg.annotation._type === 'Starred');
    }
  }

  /** An assignment target: a starred name only inside a tuple or list, and once there. */
  private target(t: A.Expr): void {
    if (t._type === 'Starred') throw this.error('starred assignment target must be in a list or tuple', t);
    if (t._type === 'Tuple' || t._type === 'List') {
      let stars = 0;
      for (const e of t.elts) {
        if (e._type === 'Starred') {
          if (++stars > 1) throw this.error('multiple starred expressions in assignment', t);
          this.target(e.value);
        } else this.target(e);
      }
      return;
    }
    this.expr(t);
  }

  /** Walks an expression; `starAllowed` is true where a Starred element may stand (displays, calls). */
  private expr(e: A.Expr, starAllowed = false): void {
    switch (e._type) {
      case 'Starred':
        if (!starAllowed && e.ctx === 'Load') throw this.error("can't use starred expression here", e);
        this.expr(e.value);
        return;
      case 'Tuple': case 'List': case 'Set':
        e.elts.forEach((x) => this.expr(x, true));
        return;
      case 'Call': {
        this.expr(e.func);
        e.args.forEach((x) => this.expr(x, true));
        const seen = new Set<string>();
        for (const k of e.keywords) {
          if (k.arg !== null) {
            if (seen.has(k.arg)) throw this.error(`keyword argument repeated: ${k.arg}`, k);
            seen.add(k.arg);
          }
          this.expr(k.value);
        }
        return;
      }
      case 'Lambda': {
        this.arguments(e.args);
        const outer = this.inFunction;
        this.inFunction = true;
        this.expr(e.body);
        this.inFunction = outer;
        return;
      }
      case 'Yield': case 'YieldFrom':
        if (!this.inFunction) throw this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        return;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice, e.slice._type === 'Tuple');
        return;
      default:
        this.children(e);
    }
  }

  /** Visits every expression below `node` that the cases above do not name. */
  private children(node: A.Node): void {
    const record = node as unknown as Record<string, unknown>;
    for (const field of A.FIELDS[node._type]) {
      const v = record[field];
      if (Array.isArray(v)) {
        for (const x of v) if (isNode(x)) this.visitAny(x);
      } else if (isNode(v)) this.visitAny(v);
    }
  }

  private visitAny(n: A.Node): void {
    if (n._type === 'comprehension') {
      this.target(n.target);
      this.expr(n.iter);
      n.ifs.forEach((x) => this.expr(x));
    } else if (n._type === 'keyword') this.expr(n.value);
    else if (n._type === 'arguments') this.arguments(n);
    else if (isExpr(n)) this.expr(n);
    else this.children(n);
  }
}

function isNode(v: unknown): v is A.Node {
  return typeof v === 'object' && v !== null && '_type' in v;
}
function isExpr(n: A.Node): n is A.Expr {
  return 'ctx' in n || !['comprehension', 'keyword', 'arguments', 'arg', 'alias', 'withitem', 'ExceptHandler', 'Module'].includes(n._type);
}
function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify(x)}`);
}
