/** The abstract syntax tree: node classes and fields exactly as CPython 3.11's `ast` module names them. */

/** Source position carried by statements, expressions, arguments, keywords, aliases and handlers.
 *  Lines are 1-based; columns are 0-based UTF-8 byte offsets, as in CPython. */
export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export type ExprContext = 'Load' | 'Store' | 'Del';
export type BoolOpKind = 'And' | 'Or';
export type OperatorKind =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOpKind = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpKind = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/** Python's `...`. */
export const ELLIPSIS: unique symbol = Symbol('Ellipsis');
/** A complex literal `3j`: only the imaginary part can be written in source. */
export interface ImagValue { imag: number }
/** The value of a `Constant`: int as bigint, float as number, str as JS string, bytes as Uint8Array. */
export type ConstantValue =
  | bigint | number | string | boolean | null | Uint8Array | ImagValue | typeof ELLIPSIS;

// ---- module ----
export interface Module { _type: 'Module'; body: Stmt[]; type_ignores: never[] }

// ---- statements ----
export interface FunctionDef extends Pos {
  _type: 'FunctionDef'; name: string; args: Arguments; body: Stmt[];
  decorator_list: Expr[]; returns: Expr | null; type_comment: null;
}
export interface ClassDef extends Pos {
  _type: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorator_list: Expr[];
}
export interface Return extends Pos { _type: 'Return'; value: Expr | null }
export interface Delete extends Pos { _type: 'Delete'; targets: Expr[] }
export interface Assign extends Pos { _type: 'Assign'; targets: Expr[]; value: Expr; type_comment: null }
export interface AugAssign extends Pos { _type: 'AugAssign'; target: Expr; op: OperatorKind; value: Expr }
export interface AnnAssign extends Pos {
  _type: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null; simple: number;
}
export interface For extends Pos {
  _type: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; type_comment: null;
}
export interface While extends Pos { _type: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Pos { _type: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface With extends Pos { _type: 'With'; items: WithItem[]; body: Stmt[]; type_comment: null }
export interface Raise extends Pos { _type: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface Try extends Pos {
  _type: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[];
}
export interface Assert extends Pos { _type: 'Assert'; test: Expr; msg: Expr | null }
export interface Import extends Pos { _type: 'Import'; names: Alias[] }
export interface ImportFrom extends Pos { _type: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
export interface Global extends Pos { _type: 'Global'; names: string[] }
export interface Nonlocal extends Pos { _type: 'Nonlocal'; names: string[] }
export interface ExprStmt extends Pos { _type: 'Expr'; value: Expr }
export interface Pass extends Pos { _type: 'Pass' }
export interface Break extends Pos { _type: 'Break' }
export interface Continue extends Pos { _type: 'Continue' }

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | While | If
  | With | Raise | Try | Assert | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

// ---- expressions ----
export interface BoolOp extends Pos { _type: 'BoolOp'; op: BoolOpKind; values: Expr[] }
export interface NamedExpr extends Pos { _type: 'NamedExpr'; target: Name; value: Expr }
export interface BinOp extends Pos { _type: 'BinOp'; left: Expr; op: OperatorKind; right: Expr }
export interface UnaryOp extends Pos { _type: 'UnaryOp'; op: UnaryOpKind; operand: Expr }
export interface Lambda extends Pos { _type: 'Lambda'; args: Arguments; body: Expr }
export interface IfExp extends Pos { _type: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
/** `keys[i]` is null for a `**mapping` entry. */
export interface Dict extends Pos { _type: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
export interface SetExpr extends Pos { _type: 'Set'; elts: Expr[] }
export interface ListComp extends Pos { _type: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Pos { _type: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Pos { _type: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Pos { _type: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface Await extends Pos { _type: 'Await'; value: Expr }
export interface Yield extends Pos { _type: 'Yield'; value: Expr | null }
export interface YieldFrom extends Pos { _type: 'YieldFrom'; value: Expr }
export interface Compare extends Pos { _type: 'Compare'; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
export interface Call extends Pos { _type: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
/** `conversion` is -1 (none) or the code point of 's', 'r' or 'a'. */
export interface FormattedValue extends Pos {
  _type: 'FormattedValue'; value: Expr; conversion: number; format_spec: JoinedStr | null;
}
export interface JoinedStr extends Pos { _type: 'JoinedStr'; values: Expr[] }
/** `kind` is 'u' for a `u"..."` literal, otherwise null. */
export interface Constant extends Pos { _type: 'Constant'; value: ConstantValue; kind: string | null }
export interface Attribute extends Pos { _type: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
export interface Subscript extends Pos { _type: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Pos { _type: 'Starred'; value: Expr; ctx: ExprContext }
export interface Name extends Pos { _type: 'Name'; id: string; ctx: ExprContext }
export interface List extends Pos { _type: 'List'; elts: Expr[]; ctx: ExprContext }
export interface Tuple extends Pos { _type: 'Tuple'; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Pos { _type: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp
  | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr
  | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// ---- helpers ----
export interface Comprehension {
  _type: 'comprehension'; target: Expr; iter: Expr; ifs: Expr[]; is_async: number;
}
export interface ExceptHandler extends Pos {
  _type: 'ExceptHandler'; type: Expr | null; name: string | null; body: Stmt[];
}
export interface Arguments {
  _type: 'arguments'; posonlyargs: Arg[]; args: Arg[]; vararg: Arg | null; kwonlyargs: Arg[];
  /** One per keyword-only argument; null where it has no default. */
  kw_defaults: (Expr | null)[]; kwarg: Arg | null; defaults: Expr[];
}
export interface Arg extends Pos { _type: 'arg'; arg: string; annotation: Expr | null; type_comment: null }
/** `arg` is null for `**mapping` in a call. */
export interface Keyword extends Pos { _type: 'keyword'; arg: string | null; value: Expr }
export interface Alias extends Pos { _type: 'alias'; name: string; asname: string | null }
export interface WithItem { _type: 'withitem'; context_expr: Expr; optional_vars: Expr | null }

export type Node =
  | Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem;
export type NodeType = Node['_type'];

/** Field order of every node class, as `ast.X._fields` gives it (the order `ast.dump` prints). */
export const FIELDS: { readonly [K in NodeType]: readonly string[] } = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list'],
  Return: ['value'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment'],
  Raise: ['exc', 'cause'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg'],
  Import: ['names'],
  ImportFrom: ['module', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower', 'upper', 'step'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type', 'name', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'],
  arg: ['arg', 'annotation', 'type_comment'],
  keyword: ['arg', 'value'],
  alias: ['name', 'asname'],
  withitem: ['context_expr', 'optional_vars'],
};

/** Node classes whose instances carry `lineno`/`col_offset`/`end_lineno`/`end_col_offset`. */
export const HAS_POSITION: ReadonlySet<NodeType> = new Set<NodeType>(
  (Object.keys(FIELDS) as NodeType[]).filter(
    (t) => !['Module', 'comprehension', 'arguments', 'withitem'].includes(t),
  ),
);

/** Fields declared optional (`?`) in Python.asdl: `ast.dump` leaves them out when they are None. */
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set([
  'FunctionDef.returns', 'FunctionDef.type_comment', 'Return.value', 'Assign.type_comment', 'AnnAssign.value',
  'For.type_comment', 'With.type_comment', 'Raise.exc', 'Raise.cause', 'Assert.msg', 'ImportFrom.module',
  'ImportFrom.level', 'Yield.value', 'FormattedValue.format_spec', 'Constant.kind', 'Slice.lower', 'Slice.upper',
  'Slice.step', 'ExceptHandler.type', 'ExceptHandler.name', 'arguments.vararg', 'arguments.kwarg',
  'arg.annotation', 'arg.type_comment', 'keyword.arg', 'alias.asname', 'withitem.optional_vars',
]);
