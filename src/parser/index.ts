/** The front end's entry: Python source to a CPython-shaped AST, or a PySyntaxError. */
import type { IRecognitionException, IToken } from 'chevrotain';
import { tokenize, type LexFailure } from '../lexer/index.js';
import * as T from '../lexer/tokens.js';
import type { SourceLines } from '../lexer/indent.js';
import type * as A from './ast.js';
import { CompileRecursionError, PySyntaxError } from './errors.js';
import { parser } from './grammar.js';
import { ToAst } from './to-ast.js';

export { CompileRecursionError, PySyntaxError } from './errors.js';
export { dumpAst } from './dump.js';
export type * as ast from './ast.js';

const HEADER_KEYWORDS: Record<string, string> = {
  if: "'if' statement", elif: "'elif' statement", else: "'else' statement", while: "'while' statement",
  for: "'for' statement", try: "'try' statement", except: "'except' statement", finally: "'finally' statement",
  with: "'with' statement", def: 'function definition', class: 'class definition',
};

/** Parses a module. Throws PySyntaxError, or CompileRecursionError for absurd nesting (never anything else). */
export function parse(source: string, filename = '<unknown>'): A.Module {
  return withRecursionGuard(() => parseModule(source, filename));
}

/** Turns a host stack overflow in deeply nested source into CPython's RecursionError. */
export function withRecursionGuard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && e.message.includes('call stack')) throw new CompileRecursionError();
    throw e;
  }
}

function parseModule(source: string, filename: string): A.Module {
  const lexed = tokenize(source, filename);
  const tokens = lexed.tokens;
  parser.input = tokens;
  let cst;
  try {
    cst = parser.file();
  } catch (e) {
    // Nesting too deep for the host stack; a tokenizer error (say, too many parentheses) comes first.
    if (lexed.failure?.kind === 'hard' && e instanceof RangeError) throw lexed.failure.error;
    throw e;
  }
  if (parser.errors.length > 0) {
    const bad = parser.errors[0]!.token;
    // Reaching the token that stands for a tokenizer error means that error is the one to report.
    if (lexed.failure !== null && bad.tokenType === T.ERRORTOKEN && bad.image === '') throw lexed.failure.error;
    throw chooseError(syntaxErrorFor(parser.errors[0]!, tokens, lexed.lines, filename), lexed.failure);
  }
  if (lexed.failure !== null) throw lexed.failure.error;
  let positions: Map<IToken, number> | null = null;
  const tokenAfter = (t: IToken): IToken | undefined => {
    positions ??= new Map(tokens.map((x, i) => [x, i]));
    const i = positions.get(t);
    return i === undefined ? undefined : tokens[i + 1];
  };
  const builder = new ToAst(lexed.lines, filename,
    (text, line, col0) => parseFieldExpression(text, line, col0, lexed.lines, filename), tokenAfter);
  try {
    return builder.visit(cst) as A.Module;
  } catch (e) {
    if (e instanceof PySyntaxError) throw chooseError(e, lexed.failure);
    throw e;
  }
}

/** CPython lets tokenizer errors win over parser errors, and an unclosed bracket win over an error after it. */
function chooseError(parseError: PySyntaxError, failure: LexFailure | null): PySyntaxError {
  if (failure === null) return parseError;
  if (failure.kind === 'hard') return failure.error;
  if (parseError.lineno > failure.bracketLine || parseError === failure.error) return failure.error;
  return parseError;
}

/** Parses the expression of an f-string field, as CPython 3.11 does: `(text)`, placed where the text is. */
function parseFieldExpression(text: string, line: number, col0: number, lines: SourceLines, filename: string): A.Expr {
  const lexed = tokenize(`(${text})`, filename);
  for (const t of lexed.tokens) {
    const onFirst = t.startLine === 1;
    const endOnFirst = t.endLine === 1;
    t.startLine = (t.startLine ?? 1) + line - 1;
    t.endLine = (t.endLine ?? 1) + line - 1;
    if (onFirst) t.startColumn = (t.startColumn ?? 1) + col0 - 1;
    if (endOnFirst) t.endColumn = (t.endColumn ?? 1) + col0 - 1;
  }
  const err = (): PySyntaxError => new PySyntaxError('SyntaxError', 'f-string: invalid syntax', filename, line, col0 + 1,
    line, -1, lines.line(line));
  if (lexed.failure !== null) throw err();
  parser.input = lexed.tokens.filter((t) => t.tokenType !== T.NEWLINE && t.tokenType !== T.INDENT && t.tokenType !== T.DEDENT);
  const cst = parser.fstringExpr();
  if (parser.errors.length > 0) throw err();
  const builder = new ToAst(lines, filename, (t2, l2, c2) => parseFieldExpression(t2, l2, c2, lines, filename));
  return builder.visit(cst) as A.Expr;
}

function previousReal(tokens: IToken[], idx: number): IToken | undefined {
  for (let i = idx - 1; i >= 0; i--) {
    const t = tokens[i]!.tokenType;
    if (t !== T.INDENT && t !== T.DEDENT && t !== T.NEWLINE) return tokens[i];
  }
  return undefined;
}

/** Byte-based 1-based column, as CPython reports parser errors (see tests/frontend/README.md). */
function byteOffset(lines: SourceLines, line: number, col1: number): number {
  const text = lines.line(line);
  return Buffer.byteLength(text.slice(0, col1 - 1), 'utf8') + 1;
}

/** Tokens that can end an expression: an expression directly after one of these is a missing comma. */
const EXPRESSION_END = new Set([T.Name, T.UnicodeName, T.NumberLiteral, T.StringLiteral, T.RParen, T.RBracket, T.RBrace,
  T.True, T.False, T.None, T.Ellipsis]);
/** Tokens that can start an expression (after a missing comma, or after a legacy `print`). */
const EXPRESSION_START = new Set([T.Name, T.UnicodeName, T.NumberLiteral, T.StringLiteral, T.LParen, T.LBracket,
  T.LBrace, T.Minus, T.Plus, T.Tilde, T.Not, T.Lambda, T.True, T.False, T.None, T.Ellipsis]);
/** Tokens at which a backward scan for the start of an operand stops. */
const OPERAND_STOP = new Set([T.Comma, T.Colon, T.Equal, T.ColonEqual, T.Semicolon, T.NEWLINE, T.INDENT, T.DEDENT,
  T.For, T.In, T.If, T.Else, T.Return, T.Lambda, T.Yield, T.Assert, T.Del, T.While, T.Elif, T.With, T.As, T.Import,
  T.From, T.Raise, T.Not, T.And, T.Or, T.Is, T.CompareOperator, T.Arrow, T.At, ...T.AUG_ASSIGN_OPS, T.Less, T.Greater,
  T.EqEqual, T.NotEqual, T.LessEqual, T.GreaterEqual]);

/** Index of the first token of the operand (a `disjunction`-ish run) that ends at token `end`. */
function operandStart(tokens: IToken[], end: number): number {
  let i = end;
  let depth = 0;
  for (; i >= 0; i--) {
    const t = tokens[i]!.tokenType;
    if (t === T.RParen || t === T.RBracket || t === T.RBrace) depth++;
    else if (t === T.LParen || t === T.LBracket || t === T.LBrace) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && OPERAND_STOP.has(t)) return i + 1;
  }
  return 0;
}

/** Bracket depth just before token `idx` (the layout pass already rejected mismatches). */
function bracketDepth(tokens: IToken[], idx: number): number {
  let depth = 0;
  for (let i = 0; i < idx; i++) {
    const t = tokens[i]!.tokenType;
    if (t === T.LParen || t === T.LBracket || t === T.LBrace) depth++;
    else if (t === T.RParen || t === T.RBracket || t === T.RBrace) depth--;
    else if (t === T.NEWLINE) depth = 0;
  }
  return depth;
}

/**
 * Turns chevrotain's first parse error into CPython's SyntaxError: the generic `invalid syntax` at the
 * offending token, or one of the messages of CPython's `invalid_*` grammar rules where the tokens show
 * which one applies (cf. Grammar/python.gram and Parser/pegen_errors.c).
 */
function syntaxErrorFor(e: IRecognitionException, tokens: IToken[], lines: SourceLines, filename: string): PySyntaxError {
  const tok = e.token;
  let idx = tokens.indexOf(tok);
  if (idx < 0) idx = tokens.length;
  const make = (type: 'SyntaxError' | 'IndentationError', msg: string, line: number, offset: number, endLine: number,
    endOffset: number): PySyntaxError => new PySyntaxError(type, msg, filename, line, offset, endLine, endOffset, lines.line(line));
  const startOf = (t: IToken): number => byteOffset(lines, t.startLine!, t.startColumn!);
  const endOf = (t: IToken): number => byteOffset(lines, t.endLine!, t.endColumn! + 1);
  const at = (msg: string, t: IToken, to: IToken = t): PySyntaxError =>
    make('SyntaxError', msg, t.startLine!, startOf(t), to.endLine!, to.tokenType === T.NEWLINE ? startOf(to) : endOf(to));
  const atEndOfInput = Number.isNaN(tok.startOffset) || tok.tokenType.name === 'EOF';
  const prev = previousReal(tokens, idx);
  const prevTok = idx > 0 ? tokens[idx - 1] : undefined;
  const lastLine = (): [number, number] => {
    const n = lines.lines.length - (lines.source.endsWith('\n') || lines.source.endsWith('\r') ? 1 : 0);
    const l = Math.max(1, n, prev?.endLine ?? 1);
    return [l, lines.line(l).length + 1];
  };

  if (tok.tokenType === T.INDENT) {
    return make('IndentationError', 'unexpected indent', tok.startLine!, tok.startColumn!, tok.startLine!, -1);
  }
  if (e.message.includes('--> INDENT <--')) {
    // The header is the logical line just before; name it as CPython does.
    let j = idx - 1;
    while (j > 0 && tokens[j]!.tokenType === T.NEWLINE) j--;
    let startOfLine = j;
    while (startOfLine > 0 && ![T.NEWLINE, T.INDENT, T.DEDENT].includes(tokens[startOfLine - 1]!.tokenType)) startOfLine--;
    const first = tokens[startOfLine]!;
    const header = first.tokenType === T.At
      ? tokens.slice(startOfLine).find((t) => t.tokenType === T.Def || t.tokenType === T.Class) ?? first : first;
    const label = HEADER_KEYWORDS[header.image] ?? 'statement';
    const msg = `expected an indented block after ${label} on line ${header.startLine}`;
    if (atEndOfInput) {
      const [l, off] = lastLine();
      return make('IndentationError', msg, l, off, l, -1);
    }
    return make('IndentationError', msg, tok.startLine!, startOf(tok), tok.startLine!, endOf(tok));
  }
// if x = 1:
if (tok.tokenType === T.Equal && prevTok !== undefined) {
    const s = operandStart(tokens, idx - 1);
    if (s === idx - 1 && (prevTok.tokenType === T.Name || prevTok.tokenType === T.UnicodeName)) {
      return at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", prevTok, tokens[idx + 1] ?? tok);
    }
  }
  if (e.message === "expected ':'" && !atEndOfInput) {
    const off = startOf(tok);
    return make('SyntaxError', "expected ':'", tok.startLine!, off, tok.startLine!, tok.tokenType === T.NEWLINE ? off : endOf(tok));
  }
  if (e.message.includes("expected 'except' or 'finally' block") && !atEndOfInput) {
    return at("expected 'except' or 'finally' block", tok);
  }
  if (!atEndOfInput && prevTok !== undefined) {
    // print "x" / exec "x"
    if (prevTok.tokenType === T.Name && (prevTok.image === 'print' || prevTok.image === 'exec')
      && EXPRESSION_START.has(tok.tokenType) && tok.tokenType !== T.LParen) {
      let end = idx;
      while (end + 1 < tokens.length && tokens[end + 1]!.tokenType !== T.NEWLINE) end++;
      return at(`Missing parentheses in call to '${prevTok.image}'. Did you mean ${prevTok.image}(...)?`, prevTok, tokens[end]!);
    }
    // lambda (x): ...
    if (prevTok.tokenType === T.Lambda && tok.tokenType === T.LParen) {
      return at('Lambda expression parameters cannot be parenthesized', tok);
    }
    // from m import a, b,
    if (tok.tokenType === T.Comma && tokens[idx + 1]?.tokenType === T.NEWLINE) {
      let k = idx;
      while (k > 0 && ![T.NEWLINE, T.INDENT, T.DEDENT, T.Semicolon].includes(tokens[k - 1]!.tokenType)) k--;
      if (tokens[k]?.tokenType === T.From) {
        return at('trailing comma not allowed without surrounding parentheses', tokens[idx + 1]!);
      }
    }
    // [a b] — two expressions side by side inside brackets
    if (EXPRESSION_START.has(tok.tokenType) && EXPRESSION_END.has(prevTok.tokenType) && bracketDepth(tokens, idx) > 0) {
      const s = operandStart(tokens, idx - 1);
      const first = tokens[s]!;
      if (!(tok.tokenType === T.StringLiteral && s === idx - 1 && prevTok.tokenType === T.Name)) {
        return at('invalid syntax. Perhaps you forgot a comma?', first, tok);
      }
    }
  }
  if (atEndOfInput) {
    if (prev !== undefined) {
      const off = endOf(prev);
      return make('SyntaxError', 'invalid syntax', prev.endLine!, off, prev.endLine!, off);
    }
    const [l, off] = lastLine();
    return make('SyntaxError', 'invalid syntax', l, off, l, off);
  }
  return at('invalid syntax', tok);
}
