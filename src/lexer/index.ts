/** Python source to the parser's token stream: chevrotain lexing, lexical checks, then the indentation pass. */
import { createTokenInstance, Lexer, type IToken } from './chevrotain.js';
import { PySyntaxError } from '../parser/errors.js';
import { layout, SourceLines, type LexFailure } from './indent.js';
import * as T from './tokens.js';

export { SourceLines, splitLines, type LexFailure } from './indent.js';
export * as tokens from './tokens.js';

const lexer = new Lexer(T.LEXER_TOKENS, {
  positionTracking: 'full',
  ensureOptimizations: true,
  skipValidations: true,
});
// The lexer has its first-character tables now: the Unicode name's hint (65,408 one-character strings)
// is not needed any more, and would otherwise stay in the start-up snapshot (docs/STARTUP.md).
delete (T.UnicodeName as { START_CHARS_HINT?: unknown }).START_CHARS_HINT;

export interface TokenizeResult {
  tokens: IToken[];
  /** The first error the tokenizer would raise, if any; see LexFailure. */
  failure: LexFailure | null;
  lines: SourceLines;
}

/** Keywords that CPython 3.11 still accepts right after a number (`1if x else y`), with a warning. */
const KEYWORDS_AFTER_NUMBER = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);

function isPrintable(cp: number): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp)) || cp === 0x20;
}

/** Tokenizes `source`. Never throws for bad input: problems come back as `failure`. */
export function tokenize(source: string, filename: string): TokenizeResult {
  const lines = new SourceLines(source);
  const result = lexer.tokenize(source);
  const raw = result.tokens;
  let failure: LexFailure | null = null;
  let failAt = Infinity;

  const fail = (type: 'SyntaxError', msg: string, line: number, offset: number, at: number, endOffset = -1,
    endLine = line): void => {
    if (at >= failAt) return;
    failAt = at;
    failure = {
      error: new PySyntaxError(type, msg, filename, line, offset, endLine, endOffset, lines.line(line)),
      kind: 'hard', bracketLine: 0,
    };
  };

  // Characters no token matches.
  const strays: IToken[] = [];
  for (const e of result.errors) {
    const cp = source.codePointAt(e.offset)!;
    const ch = String.fromCodePoint(cp);
    const line = e.line ?? 1;
    const col = e.column ?? 1;
    if (ch === '\\') {
      fail('SyntaxError', 'unexpected character after line continuation character', line, col + 1, e.offset, 0);
    } else if (ch === '$' || ch === '?' || ch === '`') {
      // CPython's tokenizer passes these on; the parser then finds them invalid.
      strays.push(createTokenInstance(T.ERRORTOKEN, ch, e.offset, e.offset, line, line, col, col));
    } else {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      fail('SyntaxError', isPrintable(cp) ? `invalid character '${ch}' (U+${hex})` : `invalid non-printable character U+${hex}`,
        line, col, e.offset, col);
    }
  }

  // Tokens that are themselves errors, and numbers glued to what follows them.
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i]!;
    const type = tok.tokenType;
    if (type === T.UnterminatedString || type === T.UnterminatedTripleString) {
      const triple = type === T.UnterminatedTripleString;
      const detected = triple ? lines.lines.length - (source.endsWith('\n') || source.endsWith('\r') ? 1 : 0)
        : (tok.endLine ?? tok.startLine ?? 1);
      fail('SyntaxError',
        `unterminated ${triple ? 'triple-quoted ' : ''}string literal (detected at line ${Math.max(detected, tok.startLine ?? 1)})`,
        tok.startLine ?? 1, tok.startColumn ?? 1, tok.startOffset, tok.startColumn ?? 1);
    } else if (type === T.NumberLiteral) {
      checkNumberEnd(tok, raw[i + 1], source, fail);
    }
  }

  // A line continuation with nothing after it.
  const dangling = DANGLING_CONTINUATION.exec(source);
  if (dangling !== null && (raw.length === 0 || raw[raw.length - 1]!.endOffset! < dangling.index)) {
    const before = source.slice(0, dangling.index);
    const line = (before.match(/\r\n?|\n/g)?.length ?? 0) + 1;
    const col0 = dangling.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
    fail('SyntaxError', 'unexpected EOF while parsing', line, col0 + 2, dangling.index);
  }

  let stream = raw;
  if (strays.length > 0) stream = [...raw, ...strays].sort((a, b) => a.startOffset - b.startOffset);
  if (failure !== null) {
    const f: LexFailure = failure;
    stream = stream.filter((t) => t.startOffset < failAt);
    stream.push(createTokenInstance(T.ERRORTOKEN, '', failAt, failAt, f.error.lineno, f.error.lineno,
      f.error.offset, f.error.offset));
  }
  const laid = layout(stream, lines, filename, failure);
  return { tokens: laid.tokens, failure: laid.failure, lines };
}

// The regular expressions the tokenizer runs on every program are made once, here: V8 keeps a module-level
// RegExp's compiled form in the start-up snapshot, but compiles a literal inside a function again in each
// process (the literal's boilerplate lives in the function's feedback, which the snapshot drops). The
// Unicode class alone cost some 0.5 ms of every program with a number in it (docs/STARTUP.md).
const ALL_ZEROS = /^0+$/;
const DIGIT = /[0-9]/;
const ID_CONTINUE = /[\p{ID_Continue}]/u;
const DANGLING_CONTINUATION = /\\(?:\r\n?|\n)?[ \t\f]*$/;

/** True if code point `cp` may continue an identifier (ID_Continue); ASCII without a regular expression. */
function isIdContinue(cp: number, ch: string): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
  return ID_CONTINUE.test(ch);
}

function checkNumberEnd(tok: IToken, next: IToken | undefined, source: string,
  fail: (type: 'SyntaxError', msg: string, line: number, offset: number, at: number, endOffset?: number) => void): void {
  const end = tok.endOffset! + 1;
  const after = source.codePointAt(end);
  if (after === undefined) return;
  const ch = String.fromCodePoint(after);
  const line = tok.startLine ?? 1;
  const col = tok.startColumn ?? 1;
  const text = tok.image;
  if (ALL_ZEROS.test(text.replaceAll('_', '')) && DIGIT.test(ch)) {
    fail('SyntaxError', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      line, col, tok.startOffset, col + 1);
    return;
  }
  if (!isIdContinue(after, ch)) return;
  if (next !== undefined && next.startOffset === end && KEYWORDS_AFTER_NUMBER.has(next.image)) return;
  const prefix = text.slice(0, 2).toLowerCase();
  let kind = 'decimal';
  if (!/[.eEjJ]/.test(text) || prefix === '0x') {
    if (prefix === '0x') kind = 'hexadecimal';
    else if (prefix === '0o') kind = 'octal';
    else if (prefix === '0b') kind = 'binary';
  }
  if ((kind === 'octal' && /[0-9]/.test(ch)) || (kind === 'binary' && /[0-9]/.test(ch))) {
    fail('SyntaxError', `invalid digit '${ch}' in ${kind} literal`, line, col + text.length, tok.startOffset, col + text.length);
    return;
  }
  // CPython reports where its tokenizer stopped: past a dangling '_', else on the number's last character.
  const at = ch === '_' ? col + text.length : col + text.length - 1;
  fail('SyntaxError', `invalid ${kind} literal`, line, at, tok.startOffset, at);
}
