/** The indentation pass: physical lines to logical lines, with NEWLINE / INDENT / DEDENT (cf. tokenizer.c). */
import { createTokenInstance, type IToken, type TokenType } from './chevrotain.js';
import { PySyntaxError } from '../parser/errors.js';
import * as T from './tokens.js';

const TAB_SIZE = 8;
/** CPython's tokenizer limits (tokenizer.h MAXINDENT, MAXLEVEL). */
const MAX_INDENT = 100;
const MAX_LEVEL = 200;

const OPENERS = new Map<TokenType, string>([[T.LParen, '('], [T.LBracket, '['], [T.LBrace, '{']]);
const CLOSERS = new Map<TokenType, string>([[T.RParen, ')'], [T.RBracket, ']'], [T.RBrace, '}']]);
const MATCHING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** What the pass found wrong. A `hard` error is one CPython's tokenizer raises: it wins over any parser
 *  error. An `unclosed` bracket at the end of input wins only where CPython lets it (see parser/index.ts). */
export interface LexFailure {
  error: PySyntaxError;
  kind: 'hard' | 'unclosed';
  /** Line of the unclosed bracket, for `unclosed`. */
  bracketLine: number;
}

export interface LayoutResult {
  tokens: IToken[];
  failure: LexFailure | null;
}

/** A line break, as Python's tokenizer sees one. Made once, not a literal in splitLines: V8 keeps a
 *  module-level RegExp's compiled form in the start-up snapshot, and compiles a literal in a function
 *  again in each process (docs/STARTUP.md). */
const LINE_BREAK = /\r\n|\r|\n/;

/** `source`'s lines, without their line breaks. */
export function splitLines(source: string): string[] {
  return source.split(LINE_BREAK);
}

/** Source lines, for error texts and column arithmetic. */
export class SourceLines {
  readonly lines: string[];
  constructor(readonly source: string) {
    this.lines = splitLines(source);
  }
  /** The text of 1-based line `n`, without its line break ('' past the end). */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }
}

function synth(type: TokenType, image: string, at: IToken | null, fallbackLine: number, fallbackCol: number): IToken {
  const line = at?.startLine ?? fallbackLine;
  const col = at?.startColumn ?? fallbackCol;
  const off = at?.startOffset ?? NaN;
  return createTokenInstance(type, image, off, off, line, line, col, col);
}

/**
 * Turns the lexer's raw tokens (with physical newlines) into the parser's stream: NEWLINE at the end of
 * each logical line, INDENT / DEDENT where indentation changes, brackets suspending both. Stops at the
 * first error, which is put in the stream as an ERRORTOKEN so that the parser meets it in order.
 */
export function layout(raw: IToken[], src: SourceLines, filename: string, lexError: LexFailure | null): LayoutResult {
  const out: IToken[] = [];
  const indents: number[] = [0];
  const altIndents: number[] = [0];
  const brackets: IToken[] = [];
  let lineHasContent = false;
  let lastContent: IToken | null = null;
  let failure: LexFailure | null = null;

  const fail = (f: LexFailure, at: IToken | null): LayoutResult => {
    out.push(synth(T.ERRORTOKEN, '', at, f.error.lineno, f.error.offset));
    return { tokens: out, failure: f };
  };
  const hard = (type: 'SyntaxError' | 'IndentationError' | 'TabError', msg: string, line: number, offset: number,
    endOffset = -1): LexFailure => ({
    error: new PySyntaxError(type, msg, filename, line, offset, line, endOffset, src.line(line)),
    kind: 'hard', bracketLine: 0,
  });

  for (const tok of raw) {
    const type = tok.tokenType;
    if (type === T.PhysicalNewline) {
      if (brackets.length === 0 && lineHasContent) {
        out.push(createTokenInstance(T.NEWLINE, '', tok.startOffset, tok.endOffset ?? tok.startOffset,
          tok.startLine ?? 0, tok.startLine ?? 0, tok.startColumn ?? 0, tok.startColumn ?? 0));
        lineHasContent = false;
      }
      continue;
    }
    if (!lineHasContent && brackets.length === 0) {
      // First token of a logical line: measure its physical line's indentation.
      const lineNo = tok.startLine ?? 1;
      const text = src.line(lineNo);
      let col = 0;
      let alt = 0;
      let width = 0;
      for (; width < text.length; width++) {
        const c = text[width];
        if (c === ' ') { col++; alt++; }
        else if (c === '\t') { col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE; alt++; }
        else if (c === '\f') { col = 0; alt = 0; }
        else break;
      }
      const top = indents[indents.length - 1]!;
      const altTop = altIndents[altIndents.length - 1]!;
      if (col === top) {
        if (alt !== altTop) return fail(hard('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, 1, 0), tok);
      } else if (col > top) {
        if (alt <= altTop) return fail(hard('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, 1, 0), tok);
        if (indents.length >= MAX_INDENT) {
          return fail(hard('IndentationError', 'too many levels of indentation', lineNo, 1, 0), tok);
        }
        indents.push(col);
        altIndents.push(alt);
        out.push(createTokenInstance(T.INDENT, '', tok.startOffset, tok.startOffset, lineNo, lineNo, width, width));
      } else {
        while (indents.length > 1 && col < indents[indents.length - 1]!) {
          indents.pop();
          altIndents.pop();
          out.push(createTokenInstance(T.DEDENT, '', tok.startOffset, tok.startOffset, lineNo, lineNo, width + 1, width + 1));
        }
        if (col !== indents[indents.length - 1]) {
          return fail(hard('IndentationError', 'unindent does not match any outer indentation level',
            lineNo, text.length + 1), tok);
        }
        if (alt !== altIndents[altIndents.length - 1]) {
          return fail(hard('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, 1, 0), tok);
        }
      }
    }
    lineHasContent = true;
    if (lexError !== null && tok.tokenType === T.ERRORTOKEN) {
      out.push(tok);
      return { tokens: out, failure: lexError };
    }
    if (OPENERS.has(type)) {
      if (brackets.length >= MAX_LEVEL) {
        return fail(hard('SyntaxError', 'too many nested parentheses', tok.startLine ?? 1, tok.startColumn ?? 1,
          tok.startColumn ?? 1), tok);
      }
      brackets.push(tok);
    } else if (CLOSERS.has(type)) {
      const close = CLOSERS.get(type)!;
      const line = tok.startLine ?? 1;
      const offset = (tok.startColumn ?? 1);
      if (brackets.length === 0) {
        return fail(hard('SyntaxError', `unmatched '${close}'`, line, offset, offset), tok);
      }
      const open = OPENERS.get(brackets[brackets.length - 1]!.tokenType)!;
      if (MATCHING[close] !== open) {
        const openTok = brackets[brackets.length - 1]!;
        const msg = openTok.startLine !== line
          ? `closing parenthesis '${close}' does not match opening parenthesis '${open}' on line ${openTok.startLine}`
          : `closing parenthesis '${close}' does not match opening parenthesis '${open}'`;
        return fail(hard('SyntaxError', msg, line, offset, offset), tok);
      }
      brackets.pop();
    }
    out.push(tok);
    lastContent = tok;
  }

  const lastLine = src.lines.length;
  if (brackets.length > 0) {
    const open = brackets[brackets.length - 1]!;
    const line = open.startLine ?? 1;
    failure = {
      // a parser-level report in CPython, so the column counts UTF-8 bytes
      error: new PySyntaxError('SyntaxError', `'${OPENERS.get(open.tokenType)}' was never closed`, filename,
        line, Buffer.byteLength(src.line(line).slice(0, (open.startColumn ?? 1) - 1), 'utf8') + 1, line, 0, src.line(line)),
      kind: 'unclosed', bracketLine: line,
    };
    return fail(failure, null);
  }
  const endLine = lastContent?.endLine ?? 1;
  if (lineHasContent) {
    out.push(synth(T.NEWLINE, '', null, endLine, (lastContent?.endColumn ?? 0) + 1));
  }
  for (let i = 1; i < indents.length; i++) out.push(synth(T.DEDENT, '', null, lastLine, 0));
  return { tokens: out, failure: null };
}
