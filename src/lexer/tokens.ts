/** chevrotain token types for Python 3.11's lexical grammar (cf. CPython Parser/tokenizer.c). */
import { createToken, Lexer, type TokenType } from './chevrotain.js';

// ---- layout tokens: made by the indentation pass (indent.ts), never matched by the lexer ----
export const NEWLINE = createToken({ name: 'NEWLINE', pattern: Lexer.NA });
export const INDENT = createToken({ name: 'INDENT', pattern: Lexer.NA });
export const DEDENT = createToken({ name: 'DEDENT', pattern: Lexer.NA });
/** Stands where the lexer or the indentation pass found an error; the parser never expects it,
 *  so reaching it turns into that error (a parse error before it wins, as in CPython). */
export const ERRORTOKEN = createToken({ name: 'ERRORTOKEN', pattern: Lexer.NA });

// ---- trivia: physical newlines go to the indentation pass; the rest is skipped ----
export const PhysicalNewline = createToken({ name: 'PhysicalNewline', pattern: /\r\n?|\n/, line_breaks: true });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: Lexer.SKIPPED });
export const Continuation = createToken({
  name: 'Continuation', pattern: /\\(?:\r\n?|\n)/, line_breaks: true, group: Lexer.SKIPPED,
});

// ---- names and keywords ----
/** Identifiers: ASCII fast path, with the Unicode form (XID_Start XID_Continue*) as its longer alternative. */
const UNICODE_NAME = /[\p{ID_Start}_][\p{ID_Continue}\u00B7\u0387\u1369-\u1371\u19DA]*/uy;
export const UnicodeName = createToken({
  name: 'UnicodeName',
  // A function, because chevrotain drops a RegExp's `u` flag and with it the \p{...} classes.
  pattern: (text: string, offset: number) => {
    UNICODE_NAME.lastIndex = offset;
    return UNICODE_NAME.exec(text);
  },
  line_breaks: false,
  // Every non-ASCII UTF-16 unit may start one (astral letters start with a high surrogate); listing them
  // keeps chevrotain's first-character dispatch on, which the lexer's speed depends on.
  start_chars_hint: Array.from({ length: 0x10000 - 0x80 }, (_, i) => String.fromCharCode(0x80 + i)),
});
export const Name = createToken({ name: 'Name', pattern: /[A-Za-z_][A-Za-z0-9_]*/, longer_alt: UnicodeName });
/** Either spelling of an identifier; the grammar consumes this category. */
export const Identifier = createToken({ name: 'Identifier', pattern: Lexer.NA });
Name.CATEGORIES = [Identifier];
UnicodeName.CATEGORIES = [Identifier];

/** Every keyword token, keyed by its spelling; a keyword is a Name the lexer gave a type of its own. */
export const KEYWORDS: Record<string, TokenType> = {};
const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
function keyword(word: string): TokenType {
  const t = createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Name,
    categories: [Keyword],
  });
  KEYWORDS[word] = t;
  return t;
}
export const False = keyword('False');
export const None = keyword('None');
export const True = keyword('True');
export const And = keyword('and');
export const As = keyword('as');
export const Assert = keyword('assert');
export const Async = keyword('async');
export const Await = keyword('await');
export const Break = keyword('break');
export const Class = keyword('class');
export const Continue = keyword('continue');
export const Def = keyword('def');
export const Del = keyword('del');
export const Elif = keyword('elif');
export const Else = keyword('else');
export const Except = keyword('except');
export const Finally = keyword('finally');
export const For = keyword('for');
export const From = keyword('from');
export const Global = keyword('global');
export const If = keyword('if');
export const Import = keyword('import');
export const In = keyword('in');
export const Is = keyword('is');
export const Lambda = keyword('lambda');
export const Nonlocal = keyword('nonlocal');
export const Not = keyword('not');
export const Or = keyword('or');
export const Pass = keyword('pass');
export const Raise = keyword('raise');
export const Return = keyword('return');
export const Try = keyword('try');
export const While = keyword('while');
export const With = keyword('with');
export const Yield = keyword('yield');

// ---- literals ----
const PREFIX = String.raw`(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?`;
/** A complete string literal with its prefix; f-strings stay one token and are parsed later (as in 3.11). */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: new RegExp(
    PREFIX +
      String.raw`(?:'''(?:[^'\\]|\\(?:\r\n|[\s\S])|'(?!''))*'''` +
      String.raw`|"""(?:[^"\\]|\\(?:\r\n|[\s\S])|"(?!""))*"""` +
      String.raw`|'(?!'')(?:[^'\\\r\n]|\\(?:\r\n|[\s\S]))*'` +
      String.raw`|"(?!"")(?:[^"\\\r\n]|\\(?:\r\n|[\s\S]))*")`,
  ),
  line_breaks: true,
  start_chars_hint: [..."'\"rRbBfFuU"],
});
/** Strings that never close; the lexer turns these into CPython's "unterminated ..." errors. */
export const UnterminatedTripleString = createToken({
  name: 'UnterminatedTripleString',
  pattern: new RegExp(PREFIX + String.raw`(?:'''|""")[\s\S]*`),
  line_breaks: true,
  start_chars_hint: [..."'\"rRbBfFuU"],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: new RegExp(PREFIX + String.raw`['"](?:[^\r\n\\]|\\[^\r\n]|\\(?:\r\n?|\n))*`),
  line_breaks: true,
  start_chars_hint: [..."'\"rRbBfFuU"],
});

const DIGITS = String.raw`[0-9](?:_?[0-9])*`;
const EXPONENT = String.raw`[eE][-+]?${DIGITS}`;
const POINT_FLOAT = String.raw`(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.`;
/** Numbers of every form: imaginary, float, hex, octal, binary, decimal (order matters: longest forms first). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: new RegExp(
    String.raw`(?:(?:${POINT_FLOAT})(?:${EXPONENT})?|${DIGITS}${EXPONENT}|${DIGITS})[jJ]` +
      String.raw`|(?:${POINT_FLOAT})(?:${EXPONENT})?|${DIGITS}${EXPONENT}` +
      String.raw`|0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+` +
      String.raw`|[1-9](?:_?[0-9])*|0(?:_?0)*`,
  ),
  start_chars_hint: [...'0123456789.'],
});

// ---- operators and delimiters (longest first where one is a prefix of another) ----
function op(name: string, text: string): TokenType {
  return createToken({ name, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) });
}
export const Ellipsis = op('Ellipsis', '...');
export const Dot = op('Dot', '.');
export const LParen = op('LParen', '(');
export const RParen = op('RParen', ')');
export const LBracket = op('LBracket', '[');
export const RBracket = op('RBracket', ']');
export const LBrace = op('LBrace', '{');
export const RBrace = op('RBrace', '}');
export const Comma = op('Comma', ',');
export const ColonEqual = op('ColonEqual', ':=');
export const Colon = op('Colon', ':');
export const Semicolon = op('Semicolon', ';');
export const Arrow = op('Arrow', '->');
/** Augmented assignment operators share a category, so the grammar names them once. */
export const AugAssign = createToken({ name: 'AugAssign', pattern: Lexer.NA });
function aug(name: string, text: string): TokenType {
  const t = op(name, text);
  t.CATEGORIES = [AugAssign];
  return t;
}
export const AUG_ASSIGN_OPS = [
  aug('DoubleStarEqual', '**='), aug('DoubleSlashEqual', '//='), aug('RightShiftEqual', '>>='),
  aug('LeftShiftEqual', '<<='), aug('PlusEqual', '+='), aug('MinusEqual', '-='), aug('StarEqual', '*='),
  aug('SlashEqual', '/='), aug('PercentEqual', '%='), aug('AtEqual', '@='), aug('AmperEqual', '&='),
  aug('VBarEqual', '|='), aug('CircumflexEqual', '^='),
];
export const EqEqual = op('EqEqual', '==');
export const NotEqual = op('NotEqual', '!=');
export const LessEqual = op('LessEqual', '<=');
export const GreaterEqual = op('GreaterEqual', '>=');
export const LeftShift = op('LeftShift', '<<');
export const RightShift = op('RightShift', '>>');
export const Less = op('Less', '<');
export const Greater = op('Greater', '>');
export const Equal = op('Equal', '=');
export const DoubleStar = op('DoubleStar', '**');
export const DoubleSlash = op('DoubleSlash', '//');
export const Plus = op('Plus', '+');
export const Minus = op('Minus', '-');
export const Star = op('Star', '*');
export const Slash = op('Slash', '/');
export const Percent = op('Percent', '%');
export const At = op('At', '@');
export const Amper = op('Amper', '&');
export const VBar = op('VBar', '|');
export const Circumflex = op('Circumflex', '^');
export const Tilde = op('Tilde', '~');
/** `!` alone is not a Python operator outside f-strings; lexing it lets the parser say "invalid syntax". */
export const Exclamation = op('Exclamation', '!');

/** Binary operators that the flat `binaryExpr` rule collects; precedence is resolved in to-ast.ts. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });
for (const t of [VBar, Circumflex, Amper, LeftShift, RightShift, Plus, Minus, Star, Slash, DoubleSlash, Percent, At]) {
  t.CATEGORIES = [...(t.CATEGORIES ?? []), BinaryOperator];
}
/** Comparison operators spelled with symbols (`in`, `not in`, `is`, `is not` are keywords). */
export const CompareOperator = createToken({ name: 'CompareOperator', pattern: Lexer.NA });
for (const t of [EqEqual, NotEqual, LessEqual, GreaterEqual, Less, Greater]) t.CATEGORIES = [CompareOperator];

/** The lexer's token list, in match order. */
export const LEXER_TOKENS: TokenType[] = [
  PhysicalNewline, Whitespace, Comment, Continuation,
  StringLiteral, UnterminatedTripleString, UnterminatedString,
  // longest first, so that `as` does not take the start of `assert`
  ...Object.values(KEYWORDS).sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length), Name, UnicodeName,
  NumberLiteral,
  Ellipsis, Dot, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, ColonEqual, Colon, Semicolon,
  Arrow, ...AUG_ASSIGN_OPS, EqEqual, NotEqual, LessEqual, GreaterEqual, LeftShift, RightShift, Less, Greater,
  Equal, DoubleStar, DoubleSlash, Plus, Minus, Star, Slash, Percent, At, Amper, VBar, Circumflex, Tilde,
  Exclamation,
];

/** Every token type the parser knows: the lexer's plus the layout tokens and the categories. */
export const ALL_TOKENS: TokenType[] = [
  NEWLINE, INDENT, DEDENT, ERRORTOKEN, Identifier, Keyword, AugAssign, BinaryOperator, CompareOperator, ...LEXER_TOKENS,
];
