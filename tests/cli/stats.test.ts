/** `gilpy --stats`: the heap figures printed after the GIL statistics (peak heap size, allocations and
 *  frees, small-int cache hits, collections, live objects by type when the program ended). */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, gilpy } from '../support/cli.js';

beforeAll(buildCli, 60_000);

interface HeapFigures {
  peak: number; inUse: number; live: number; allocs: number; frees: number; hits: number;
  collections: number; gens: number[]; collected: number; byType: Map<string, [number, number]>;
}

const num = (s: string): number => Number(s.replace(/,/g, ''));

/** Reads the heap section of --stats' report back into numbers. */
function heapFigures(stderr: string): HeapFigures {
  const section = stderr.slice(stderr.indexOf('gilpy: heap statistics'));
  const grab = (re: RegExp): string[] => {
    const m = re.exec(section);
    if (m === null) throw new Error(`no ${re} in:\n${section}`);
    return m.slice(1);
  };
  const [peak] = grab(/peak heap size: ([\d,]+) bytes/);
  const [inUse, live] = grab(/in use at exit: ([\d,]+) bytes in ([\d,]+) live objects/);
  const [allocs, frees] = grab(/allocations: ([\d,]+), frees: ([\d,]+)/);
  const [hits] = grab(/small-int cache hits: ([\d,]+)/);
  const [collections, g0, g1, g2, collected] = grab(/collections: ([\d,]+) \(generation 0: ([\d,]+), 1: ([\d,]+), 2: ([\d,]+)\), objects collected: ([\d,]+)/);
  const byType = new Map<string, [number, number]>();
  const table = section.slice(section.indexOf('live objects by type'));
  for (const m of table.matchAll(/^ {4}(\S.*?) +([\d,]+) +([+-]?[\d,]+)$/gm)) byType.set(m[1]!, [num(m[2]!), num(m[3]!)]);
  return {
    peak: num(peak!), inUse: num(inUse!), live: num(live!), allocs: num(allocs!), frees: num(frees!), hits: num(hits!),
    collections: num(collections!), gens: [g0!, g1!, g2!].map(num), collected: num(collected!), byType,
  };
}

function stats(source: string): HeapFigures {
  const r = gilpy('--stats', '-c', source);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain('gilpy: GIL statistics');
  return heapFigures(r.stderr);
}

describe('--stats heap figures', () => {
  it('counts the live objects a program keeps, by type, and allocations against frees', () => {
    const h = stats('class Foo: pass\nkeep = [Foo() for _ in range(1000)]\ngone = [Foo() for _ in range(500)]\ndel gone');
    expect(h.byType.get('Foo')).toEqual([1000, 1000]);
    const total = h.byType.get('total')!;
    expect(total[0]).toBe(h.live);
    // every object made since start-up and not freed is still alive
    expect(h.allocs - h.frees).toBe(total[1]);
    expect(h.frees).toBeGreaterThanOrEqual(500);
    expect(h.peak).toBeGreaterThanOrEqual(h.inUse);
    expect(h.inUse).toBeGreaterThan(1000 * 16);
  });

  it('counts the small-int cache hits one by one', () => {
    // each pass makes i & 255 (a small int: a hit) once more; the two programs differ only in the count
    // (both above 256, as a small constant in the source is itself a hit when the code is loaded)
    const base = (n: number): string => `x = 0\nfor i in range(1000, 1000 + ${n}):\n    x = i & 255\n`;
    const a = stats(base(300));
    const b = stats(base(550));
    expect(b.hits - a.hits).toBe(250);
    // ints outside -5..256 are allocated instead
    const big = stats('x = 0\nfor i in range(1000, 1100):\n    x = i + 100000\n');
    expect(big.hits).toBeLessThan(a.hits);
  });

  it('reports the collections and what they collected', () => {
    const h = stats('import gc\nclass Node: pass\nfor _ in range(10):\n    a = Node(); b = Node(); a.other = b; b.other = a\ndel a, b\ngc.collect()\ngc.collect()');
    expect(h.gens[2]).toBeGreaterThanOrEqual(2);
    expect(h.collections).toBe(h.gens[0]! + h.gens[1]! + h.gens[2]!);
    // ten cycles of two Node instances, each with its __dict__
    expect(h.collected).toBeGreaterThanOrEqual(40);
    expect(h.byType.get('Node')).toBeUndefined();
  });

  it('grows the peak with what a program holds at once', () => {
    const small = stats('x = [0] * 10');
    const large = stats('x = [str(i) for i in range(50000)]\ndel x');
    expect(large.peak - small.peak).toBeGreaterThan(50000 * 16);
  });
});
