/** src/compiler/code-json.ts: the compiler's output written as JSON (the build's compiled library modules,
 *  src/cli/frozen-lib.ts) must come back exactly as the compiler made it. */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compiler/front-end.js';
import { decodeCodeData, encodeCodeData } from '../../src/compiler/code-json.js';
import { isCode, type CodeData, type Const } from '../../src/compiler/code.js';
import { PYLIB_SOURCES } from '../../src/vm/builtins/pylib.gen.js';

function roundTrip(data: CodeData): CodeData {
  const text = encodeCodeData(data);
  // one line with no tab: the file holds one module per line, after its name and a tab
  expect(text).not.toMatch(/[\n\t]/);
  return decodeCodeData(text);
}

describe('code-json', () => {
  it.each(Object.keys(PYLIB_SOURCES))('gives back the library module %s as compiled', (name) => {
    const data = compileSource(PYLIB_SOURCES[name]!(), `<frozen ${name}>`);
    expect(roundTrip(data)).toEqual(data);
  });

  it('gives back every kind of constant exactly', () => {
    const source = [
      'a = (1, -5, 2 ** 100, -(2 ** 70), 1.5, -0.0, 0.0, 1e400, -1e400, 1e400 - 1e400, 3j, -2.5j)',
      "b = (b'\\x00\\xff', 'tab\\there', 'new\\nline', '\\u00e9\\U0001f600', True, False, None, ...)",
      'c = ((1, (2, "x")), ())',
      'def f(x, *, y=1e400):',
      '    return x in {1, 2, 3} and (lambda z: z * 2)(y)',
    ].join('\n');
    const data = compileSource(source, '<test>');
    const back = roundTrip(data);
    expect(back).toEqual(data);
    // (toEqual takes NaN for NaN; the signs of zeros and infinities, checked here one by one)
    const floats = (c: CodeData): number[] => c.consts.flatMap(function walk(k: Const): number[] {
      if (typeof k === 'number') return [k];
      if (k !== null && typeof k === 'object' && 'tuple' in k) return k.tuple.flatMap(walk);
      if (k !== null && typeof k === 'object' && isCode(k)) return floats(k);
      return [];
    });
    const want = floats(data);
    const got = floats(back);
    expect(want.some((x) => Object.is(x, -0))).toBe(true);
    expect(want.some((x) => Number.isNaN(x))).toBe(true);
    expect(got.length).toBe(want.length);
    want.forEach((x, i) => expect(Object.is(got[i], x)).toBe(true));
  });

  it('refuses a text it did not write', () => {
    expect(() => decodeCodeData('{"name": "x", "consts": [{"what": 1}]}')).toThrow();
  });
});
