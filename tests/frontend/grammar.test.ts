/** The grammar passes chevrotain's own checks (the shared parser skips them at start-up for speed). */
import { describe, expect, it } from 'vitest';
import { PythonParser } from '../../src/parser/grammar.js';

describe('grammar', () => {
  it('has no ambiguities, left recursion or other chevrotain definition errors', () => {
    expect(() => new PythonParser(true)).not.toThrow();
  });
});
