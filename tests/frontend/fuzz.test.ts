/** Property tests: whatever bytes or token soup the front end is given, it returns an AST or raises a
 *  Python SyntaxError (or IndentationError / TabError) — never another exception, never a hang. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/compiler/front-end.js';
import { CompileRecursionError, PySyntaxError } from '../../src/parser/errors.js';

const VALID = join(new URL('.', import.meta.url).pathname, 'valid');
const corpus = readdirSync(VALID).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(VALID, f), 'utf8'));

/** Runs the front end; true if it parsed, false if it raised a Python syntax error; throws otherwise. */
function frontEndVerdict(src: string): boolean {
  try {
    analyze(src, 'fuzz.py');
    return true;
  } catch (e) {
    if (e instanceof PySyntaxError) {
      expect(['SyntaxError', 'IndentationError', 'TabError']).toContain(e.type);
      expect(e.lineno).toBeGreaterThanOrEqual(1);
      expect(typeof e.format()).toBe('string');
      return false;
    }
    if (e instanceof CompileRecursionError) return false;
    throw new Error(`front end threw a non-Python error for ${JSON.stringify(src)}: ${(e as Error).stack}`);
  }
}

const TOKENS = [
  'def', 'class', 'if', 'elif', 'else', 'for', 'while', 'in', 'not', 'is', 'and', 'or', 'lambda', 'yield', 'from',
  'return', 'try', 'except', 'finally', 'with', 'as', 'import', 'global', 'nonlocal', 'del', 'pass', 'break',
  'continue', 'raise', 'assert', 'await', 'async', 'True', 'None', 'x', 'y', 'f', '_', 'é', '1', '0x1F', '1.5e3',
  '2j', '"s"', "'t'", 'f"{x}"', 'f"{x!r:>{w}}"', 'b"\\x00"', '"""doc"""', "r'\\d'", '(', ')', '[', ']', '{', '}',
  ',', ':', ';', '.', '...', '=', '==', ':=', '+', '-', '*', '**', '/', '//', '%', '@', '<<', '>>', '&', '|', '^',
  '~', '<', '>', '<=', '>=', '!=', '->', '+=', '**=', '\n', '\n    ', '\n\t', ' ', '\\\n', '#c\n', '"', "'", '\\',
  '$', '?', '`', '\u00a0', '\r\n', '\f',
];

describe('front end robustness', () => {
  it('random character soup', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (src) => {
      frontEndVerdict(src);
    }), { numRuns: 1500, seed: 1 });
  });

  it('random token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (toks) => {
      frontEndVerdict(toks.join(' '));
      frontEndVerdict(toks.join(''));
    }), { numRuns: 1500, seed: 3 });
  });

  it('corpus programs with random edits', () => {
    const edit = fc.record({
      file: fc.nat(corpus.length - 1),
      at: fc.nat(),
      del: fc.nat(8),
      ins: fc.constantFrom(...TOKENS),
    });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let src = corpus[edits[0]!.file]!;
      for (const e of edits) {
        const at = src.length === 0 ? 0 : e.at % src.length;
        src = src.slice(0, at) + e.ins + src.slice(at + e.del);
      }
      frontEndVerdict(src);
    }), { numRuns: 1000, seed: 2 });
  });

  it('absurd nesting gives a Python error, not a host stack overflow', () => {
    const deep = [
      'x = ' + 'not '.repeat(3000) + 'y\n',
      'x = ' + 'a if b else '.repeat(3000) + 'c\n',
      'x = ' + 'lambda: '.repeat(3000) + '1\n',
      'x = ' + 'f('.repeat(3000) + ')'.repeat(3000) + '\n',
      'x = ' + '('.repeat(201) + '1' + ')'.repeat(201) + '\n',
      Array.from({ length: 120 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(120) + 'pass\n',
      'x = ' + '-'.repeat(5000) + '1\n',
      'x = ' + '[' .repeat(150) + ']'.repeat(150) + '\n',
    ];
    for (const src of deep) frontEndVerdict(src);
  });

  it('every corpus program still parses (sanity of the verdict)', () => {
    for (const src of corpus) expect(frontEndVerdict(src)).toBe(true);
  });
});
