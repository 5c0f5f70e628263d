/** The front end's failures: a Python `SyntaxError` (or subclass) with CPython's attributes, or the
 *  `RecursionError` CPython raises for source nested too deeply to compile. */

export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A syntax error in Python source, carrying what CPython's `SyntaxError` carries. `offset` and
 * `end_offset` are 1-based character columns (as CPython reports them, not bytes); `end_offset` is
 * -1 or 0 where CPython gives no end. Nothing else ever escapes the lexer, the parser or the symbol table.
 */
export class PySyntaxError extends Error {
  constructor(
    readonly type: SyntaxErrorType,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly offset: number,
    readonly end_lineno: number = lineno,
    readonly end_offset: number = -1,
    /** The source line the error is on, without its newline ('' if unknown). */
    readonly text: string = '',
  ) {
    super(`${type}: ${msg} (${filename}, line ${lineno})`);
    this.name = type;
  }

  /** CPython's report: the `File` line, the source line, a caret line, then `Type: msg`. */
  format(): string {
    const lines = [`  File "${this.filename}", line ${this.lineno}`];
    if (this.text !== '') {
      const stripped = this.text.replace(/^[ \t\f]+/, '');
      const indent = this.text.length - stripped.length;
      const body = stripped.replace(/[\r\n]+$/, '');
      lines.push(`    ${body}`);
      const start = Math.max(1, this.offset - indent);
      let width = 1;
      if (this.end_lineno === this.lineno && this.end_offset > this.offset) {
        width = this.end_offset - this.offset;
      }
      width = Math.max(1, Math.min(width, body.length - start + 2));
      lines.push(`    ${' '.repeat(start - 1)}${'^'.repeat(width)}`);
    }
    lines.push(`${this.type}: ${this.msg}`);
    return lines.join('\n') + '\n';
  }
}

/** CPython's `RecursionError: maximum recursion depth exceeded during compilation`, for absurdly deep nesting. */
export class CompileRecursionError extends Error {
  readonly type = 'RecursionError';
  readonly msg = 'maximum recursion depth exceeded during compilation';
  constructor() {
    super('maximum recursion depth exceeded during compilation');
    this.name = 'RecursionError';
  }
}
