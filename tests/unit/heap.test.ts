/** The allocator and the reference-count rules: reuse, size classes, immortals, limits. */
import { describe, expect, it } from 'vitest';
import { Heap, HeapExhausted, HeapCorruption, classBytes, sizeClassOf } from '../../src/vm/heap/heap.js';
import { FREED_TAG, IMMORTAL_REFCNT, OB_TYPE } from '../../src/vm/heap/layout.js';
import { runInMemory } from '../../src/vm/embed.js';

describe('heap allocator', () => {
  it('puts sizes in 16-byte classes up to 512 and powers of two beyond', () => {
    expect(classBytes(sizeClassOf(1))).toBe(16);
    expect(classBytes(sizeClassOf(24))).toBe(32);
    expect(classBytes(sizeClassOf(512))).toBe(512);
    expect(classBytes(sizeClassOf(513))).toBe(1024);
    expect(classBytes(sizeClassOf(5000))).toBe(8192);
  });

  it('reuses a freed block for the next allocation of its class (LIFO)', () => {
    const h = new Heap({});
    const a = h.alloc(24);
    h.i32[(a + OB_TYPE) >> 2] = 1;
    const b = h.alloc(24);
    h.i32[(b + OB_TYPE) >> 2] = 1;
    h.free(a);
    expect(h.i32[(a + OB_TYPE) >> 2]).toBe(FREED_TAG);
    expect(h.alloc(20)).toBe(a);
    expect(h.alloc(24)).not.toBe(b);
  });

  it('counts live objects and bytes', () => {
    const h = new Heap({});
    const before = h.liveObjects;
    const a = h.alloc(100);
    h.i32[(a + OB_TYPE) >> 2] = 1;
    expect(h.liveObjects).toBe(before + 1);
    expect(h.bytesInUse).toBeGreaterThanOrEqual(112);
    h.free(a);
    expect(h.liveObjects).toBe(before);
  });

  it('grows past its first megabytes (pages are committed as they are touched)', () => {
    const h = new Heap({});
    const blocks: number[] = [];
    for (let i = 0; i < 200_000; i++) blocks.push(h.alloc(400));
    expect(h.top).toBeGreaterThan(64 << 20);
    for (const b of blocks) {
      h.i32[(b + OB_TYPE) >> 2] = 1;
      h.free(b as never);
    }
  });

  it('throws HeapExhausted at the configured limit instead of crashing', () => {
    const h = new Heap({ maxBytes: 1 << 20 });
    expect(() => {
      for (;;) h.alloc(4096);
    }).toThrow(HeapExhausted);
  });

  it('detects a double free and a write after free in heap-checking mode', () => {
    const h = new Heap({ debug: true });
    const a = h.alloc(64);
    h.i32[(a + OB_TYPE) >> 2] = 1;
    h.free(a);
    expect(() => h.free(a)).toThrow(HeapCorruption);
    h.u8[a + 20] = 7; // a write after free
    expect(() => h.alloc(64)).toThrow(HeapCorruption);
  });
});

describe('reference counting in programs', () => {
  const run = (src: string): string => {
    const r = runInMemory(src, 'refs.py', { debugHeap: true });
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  it('leaves immortal objects untouched', () => {
    const r = runInMemory('x = None\ny = [None, None, 5]\nz = 5\n', 't.py', { debugHeap: true });
    const rt = r.vm.rt;
    expect(rt.refcount(rt.None)).toBe(IMMORTAL_REFCNT);
    expect(rt.refcount(rt.newInt(5))).toBe(IMMORTAL_REFCNT);
  });

  it('serves -5..256 from the cache and makes other ints anew', () => {
    // int("...") is computed at run time (256 + 1 would be folded into one constant, as in CPython)
    expect(run('a = 256\nb = int("255") + 1\nprint(a is b)\nc = 257\nd = int("256") + 1\nprint(c is d)\nm = -5\nprint(int("-5") is m)\n'))
      .toBe('True\nFalse\nTrue\n');
  });

  it('shares equal constants within a code object', () => {
    expect(run('a = 1000\nb = 1000\nprint(a is b)\nprint(int("1000") is int("1000"))\n')).toBe('True\nFalse\n');
  });

  it('gives a freed block (and so its id) to the next object of its size', () => {
    expect(run('a = [1, 2, 3]\nold = id(a)\ndel a\nb = [4, 5, 6]\nprint(id(b) == old)\n')).toBe('True\n');
  });

  it('raises MemoryError, not a crash, when --max-heap is reached', () => {
    const r = runInMemory('x = []\nwhile True:\n    x.append([0] * 1000)\n', 'm.py', { maxHeap: 8 << 20 });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('MemoryError');
  });
});
