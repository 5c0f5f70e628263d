/** Constant folding on the AST, as CPython 3.11's ast_opt.c does before code generation: `-1`, `2**10`,
 *  `'a' * 3`, tuples of constants, and `x in [1, 2]` become constants. */
import * as A from '../parser/ast.js';
import type { Const, ConstTuple } from './code.js';

/** A Constant node whose value may also be a tuple or frozenset of constants (only made here). */
export interface FoldedConstant extends A.Pos {
  _type: 'Constant';
  value: Const;
  kind: null;
}

const MAX_COLLECTION = 256;
const MAX_STR = 4096;
const MAX_INT_BITS = 128;

function isConst(e: A.Expr): e is A.Constant {
  return e._type === 'Constant';
}

function constOf(e: A.Expr): Const | undefined {
  return isConst(e) ? (e.value as Const) : undefined;
}

function make(value: Const, at: A.Pos): A.Expr {
  return { _type: 'Constant', value, kind: null, lineno: at.lineno, col_offset: at.col_offset, end_lineno: at.end_lineno, end_col_offset: at.end_col_offset } as unknown as A.Expr;
}

function isNumber(v: Const | undefined): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}

function foldUnary(e: A.UnaryOp): A.Expr {
  const v = constOf(e.operand);
  if (v === undefined) return e;
  if (e.op === 'USub') {
    if (typeof v === 'bigint') return make(-v, e);
    if (typeof v === 'number') return make(-v, e);
  } else if (e.op === 'UAdd') {
    if (typeof v === 'bigint' || typeof v === 'number') return make(v, e);
  } else if (e.op === 'Invert') {
    if (typeof v === 'bigint') return make(~v, e);
  }
  return e;
}

function bitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length;
}

function foldBinary(e: A.BinOp): A.Expr {
  const l = constOf(e.left);
  const r = constOf(e.right);
  if (l === undefined || r === undefined) return e;
  if (typeof l === 'bigint' && typeof r === 'bigint') {
    switch (e.op) {
      case 'Add': return make(l + r, e);
      case 'Sub': return make(l - r, e);
      case 'Mult': return bitLength(l) + bitLength(r) <= MAX_INT_BITS ? make(l * r, e) : e;
      case 'Pow': return r >= 0n && r <= 128n && bitLength(l) * Number(r) <= MAX_INT_BITS ? make(l ** r, e) : e;
      case 'LShift': return r >= 0n && r <= 128n && bitLength(l) + Number(r) <= MAX_INT_BITS ? make(l << r, e) : e;
      case 'RShift': return r >= 0n ? make(l >> r, e) : e;
      case 'BitAnd': return make(l & r, e);
      case 'BitOr': return make(l | r, e);
      case 'BitXor': return make(l ^ r, e);
      case 'FloorDiv':
        if (r === 0n) return e;
        return make(floorDiv(l, r), e);
      case 'Mod':
        if (r === 0n) return e;
        return make(l - floorDiv(l, r) * r, e);
      default: return e;
    }
  }
  if (typeof l === 'string' && typeof r === 'string' && e.op === 'Add' && l.length + r.length <= MAX_STR) {
    return make(l + r, e);
  }
  if (typeof l === 'string' && typeof r === 'bigint' && e.op === 'Mult' && r >= 0n && l.length * Number(r) <= MAX_STR) {
    return make(l.repeat(Number(r)), e);
  }
  if (isNumber(l) && isNumber(r) && (typeof l === 'number' || typeof r === 'number')) {
    const a = Number(l);
    const b = Number(r);
    switch (e.op) {
      case 'Add': return make(a + b, e);
      case 'Sub': return make(a - b, e);
      case 'Mult': return make(a * b, e);
      case 'Div': return b === 0 ? e : make(a / b, e);
      default: return e;
    }
  }
  return e;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Folds constants everywhere below `node`, rewriting it in place; returns the (maybe replaced) node. */
export function fold<T>(node: T): T {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = fold(node[i]);
    return node;
  }
  if (node === null || typeof node !== 'object' || !('_type' in (node as object))) return node;
  const n = node as unknown as A.Node & Record<string, unknown>;
  for (const f of A.FIELDS[n._type]) {
    const v = n[f];
    if (v !== null && typeof v === 'object') n[f] = fold(v);
  }
  switch (n._type) {
    case 'UnaryOp': return foldUnary(n) as unknown as T;
    case 'BinOp': return foldBinary(n) as unknown as T;
    case 'Tuple':
      if (n.ctx === 'Load' && n.elts.length <= MAX_COLLECTION && n.elts.every(isConst)) {
        return make({ tuple: n.elts.map((x) => (x as A.Constant).value as Const) } satisfies ConstTuple, n) as unknown as T;
      }
      return node;
    case 'Compare': {
      // `x in [1, 2]` iterates a constant: CPython makes it a tuple (or a frozenset for sets)
      const last = n.comparators[n.comparators.length - 1]!;
      const op = n.ops[n.ops.length - 1];
      if ((op === 'In' || op === 'NotIn') && (last._type === 'List' || last._type === 'Set') && last.elts.every(isConst)) {
        const values = last.elts.map((x) => (x as A.Constant).value as Const);
        n.comparators[n.comparators.length - 1] = make(last._type === 'List' ? { tuple: values } : { frozenset: values }, last);
      }
      return node;
    }
    case 'For': case 'comprehension': {
      const it = n.iter;
      if (it._type === 'List' && it.elts.every(isConst)) {
        n.iter = make({ tuple: it.elts.map((x) => (x as A.Constant).value as Const) }, it);
      }
      return node;
    }
    default:
      return node;
  }
}
