/** --stats' heap figures: the heap's peak size, allocations and frees, small-int cache hits, collections,
 *  and the live objects by type when the program ended (against the VM's own objects after boot). */
import { FREED_TAG, HEAP_START, H_SMALL_INT_HITS, META_CLASS_SHIFT, OB_META, OB_TYPE, type Ref } from '../heap/layout.js';
import { classBytes } from '../heap/heap.js';
import { gcState } from '../objects/gc.js';
import type { Runtime } from '../runtime.js';

/** The figures at one moment. Counters are since the runtime was created. */
export interface HeapFigures {
  /** The heap's high-water mark in bytes: blocks are reused, never given back, so this is its peak size. */
  peakBytes: number;
  /** Bytes in live blocks. */
  bytesInUse: number;
  liveObjects: number;
  allocations: number;
  frees: number;
  smallIntHits: number;
  /** Per generation (0, 1, 2): collections run and objects they collected. */
  collections: number[];
  collected: number;
  /** Live objects by type name. */
  byType: Map<string, number>;
}

/** Walks the heap: every live block, counted by its type's name (for statistics, not hot paths). */
function liveByType(rt: Runtime): { byType: Map<string, number>; bytes: number; count: number } {
  const byType = new Map<string, number>();
  const typeNames = new Map<number, string>();
  const i32 = rt.i32;
  const top = rt.heap.top;
  let bytes = 0;
  let count = 0;
  for (let p = HEAP_START; p < top;) {
    const size = classBytes(i32[(p + OB_META) >> 2]! >>> META_CLASS_SHIFT);
    const type = i32[(p + OB_TYPE) >> 2]!;
    if (type !== FREED_TAG && type !== 0) {
      let name = typeNames.get(type);
      if (name === undefined) {
        name = rt.typeNameOf(p as Ref);
        typeNames.set(type, name);
      }
      byType.set(name, (byType.get(name) ?? 0) + 1);
      bytes += size;
      count++;
    }
    p += size;
  }
  return { byType, bytes, count };
}

export function heapFigures(rt: Runtime): HeapFigures {
  const live = liveByType(rt);
  const gc = gcState(rt).stats;
  return {
    peakBytes: rt.heap.peakBytes,
    bytesInUse: live.bytes,
    liveObjects: live.count,
    allocations: rt.heap.allocations,
    frees: rt.heap.frees,
    smallIntHits: rt.i32[H_SMALL_INT_HITS >> 2]! >>> 0,
    collections: gc.map((g) => g.collections),
    collected: gc.reduce((a, g) => a + g.collected, 0),
    byType: live.byType,
  };
}

/** HeapStats.data(): the end figures, with counters since the start. */
export interface HeapSummary {
  peakBytes: number;
  bytesInUse: number;
  liveObjects: number;
  allocations: number;
  frees: number;
  smallIntHits: number;
  collections: [number, number, number];
  collected: number;
  /** Live objects by type name at the end, and the change since the start. */
  liveByType: Record<string, { live: number; sinceStart: number }>;
}

const n = (x: number): string => x.toLocaleString('en-US');
const mib = (b: number): string => `${(b / (1 << 20)).toFixed(2)} MiB`;

/**
 * Takes the figures after boot and when the program ends (at the start of the VM's shutdown, while the
 * program's objects are still alive: rt.exitHooks), and writes them for --stats.
 */
export class HeapStats {
  private readonly start: HeapFigures;
  private end: HeapFigures | null = null;

  constructor(private readonly rt: Runtime) {
    this.start = heapFigures(rt);
    rt.exitHooks.unshift(() => this.takeEnd());
  }

  /** The figures when the program ended (taken now if the VM did not reach its shutdown). */
  takeEnd(): HeapFigures {
    this.end ??= heapFigures(this.rt);
    return this.end;
  }

  /** The figures report() writes, as data (the embedding API's stats.heap): counts since the start. */
  data(): HeapSummary {
    const s = this.start;
    const e = this.takeEnd();
    const liveByType: Record<string, { live: number; sinceStart: number }> = {};
    for (const [name, live] of e.byType) liveByType[name] = { live, sinceStart: live - (s.byType.get(name) ?? 0) };
    for (const [name, was] of s.byType) if (!e.byType.has(name)) liveByType[name] = { live: 0, sinceStart: -was };
    return {
      peakBytes: e.peakBytes, bytesInUse: e.bytesInUse, liveObjects: e.liveObjects,
      allocations: e.allocations - s.allocations, frees: e.frees - s.frees, smallIntHits: e.smallIntHits - s.smallIntHits,
      collections: [0, 1, 2].map((g) => (e.collections[g] ?? 0) - (s.collections[g] ?? 0)) as [number, number, number],
      collected: e.collected - s.collected, liveByType,
    };
  }

  report(topTypes = 12): string {
    const s = this.start;
    const e = this.takeEnd();
    const gen = e.collections.map((c, g) => c - s.collections[g]!);
    const total = gen.reduce((a, b) => a + b, 0);
    const rows = [...e.byType].map(([name, count]) => [name, count, count - (s.byType.get(name) ?? 0)] as const)
      .sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = rows.slice(0, topTypes);
    const rest = rows.slice(topTypes);
    const table: [string, string, string][] = [['type', 'live', 'since start']];
    const signed = (d: number): string => (d > 0 ? `+${n(d)}` : d === 0 ? '0' : `-${n(-d)}`);
    for (const [name, count, d] of shown) table.push([name, n(count), signed(d)]);
    if (rest.length > 0) {
      table.push([`(${rest.length} other types)`, n(rest.reduce((a, r) => a + r[1], 0)), signed(rest.reduce((a, r) => a + r[2], 0))]);
    }
    table.push(['total', n(e.liveObjects), signed(e.liveObjects - s.liveObjects)]);
    const w = [0, 1, 2].map((c) => Math.max(...table.map((r) => r[c]!.length)));
    const line = (r: [string, string, string]): string => `    ${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padStart(w[2]!)}`;
    return [
      'gilpy: heap statistics (when the program ended; counts since start-up unless said otherwise)',
      `  peak heap size: ${n(e.peakBytes)} bytes (${mib(e.peakBytes)}; the heap's high-water mark, including gilpy's own objects)`,
      `  in use at exit: ${n(e.bytesInUse)} bytes in ${n(e.liveObjects)} live objects`,
      `  allocations: ${n(e.allocations - s.allocations)}, frees: ${n(e.frees - s.frees)}`,
      `  small-int cache hits: ${n(e.smallIntHits - s.smallIntHits)} (ints -5..256 served from the cache, not allocated)`,
      `  collections: ${n(total)} (generation 0: ${n(gen[0]!)}, 1: ${n(gen[1]!)}, 2: ${n(gen[2]!)}), ` +
        `objects collected: ${n(e.collected - s.collected)}`,
      '  live objects by type at exit (since start: compared with after start-up):',
      ...table.map(line),
      '',
    ].join('\n');
  }
}
