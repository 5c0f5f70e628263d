/** No-GIL mode's delayed frees of storage blocks (nogil/qsbr.ts freeStorage): the table, item array or
 *  bytes a container's resize or clear replaces is freed at once in GIL mode and while the resizing
 *  worker is the only one online, else only once every other online worker has passed a quiescent point,
 *  so that a reader that read the old block's address without the container's lock may read it until its
 *  next tick. Two Runtimes on one heap in this thread play two workers (heap-checking mode: a freed block
 *  is poisoned and tagged at its real free). */
import { describe, expect, it } from 'vitest';
import { FREED_TAG, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import { BA_BUF, baResize, newByteArray } from '../../src/vm/objects/bytearray.js';
import { dictClear, dictSet, dictTable, newDict } from '../../src/vm/objects/dict.js';
import { LIST_ITEMS, listAppend, newList } from '../../src/vm/objects/list.js';
import { newSet, SET_TABLE, setAdd } from '../../src/vm/objects/set.js';
import type { Runtime } from '../../src/vm/runtime.js';
import { bootRuntime, twoWorkers } from './runtimes.js';

/** A container kind: makes one, says where its storage block is, and grows it past its storage. */
interface Storage {
  name: string;
  make(rt: Runtime): Ref;
  block(rt: Runtime, c: Ref): Ref;
  grow(rt: Runtime, c: Ref): void;
}

const KINDS: Storage[] = [
  {
    name: 'dict table',
    make: (rt) => newDict(rt, 6), // (past the smallest size, whose table lives in the dict's own block)
    block: (rt, d) => dictTable(rt, d),
    grow(rt, d) {
      for (let i = 0; i < 40; i++) {
        const k = rt.newInt(1000 + i);
        dictSet(rt, d, k, k);
        rt.decref(k);
      }
    },
  },
  {
    name: 'set table',
    make: (rt) => newSet(rt),
    block: (rt, s) => rt.i32[(s + SET_TABLE) >> 2]! as Ref,
    grow(rt, s) {
      for (let i = 0; i < 40; i++) {
        const k = rt.newInt(1000 + i);
        setAdd(rt, s, k);
        rt.decref(k);
      }
    },
  },
  {
    name: 'list item array',
    make(rt) {
      const l = newList(rt);
      listAppend(rt, l, rt.None);
      return l;
    },
    block: (rt, l) => rt.i32[(l + LIST_ITEMS) >> 2]! as Ref,
    grow(rt, l) {
      for (let i = 0; i < 40; i++) listAppend(rt, l, rt.None);
    },
  },
  {
    name: 'bytearray storage',
    make: (rt) => newByteArray(rt, [1, 2, 3]),
    block: (rt, r) => rt.i32[(r + BA_BUF) >> 2]! as Ref,
    grow: (rt, r) => baResize(rt, r, 500),
  },
];

const isFreed = (rt: Runtime, r: Ref): boolean => rt.i32[(r + OB_TYPE) >> 2] === FREED_TAG;
/** Every byte past the header is heap-checking mode's poison (written at the real free). */
const poisoned = (rt: Runtime, r: Ref): boolean => rt.u8.subarray(r + 16, r + rt.heap.blockSize(r)).every((x) => x === 0xdb);

describe('no-GIL delayed frees of storage blocks', () => {
  for (const kind of KINDS) {
    it(`GIL mode frees a ${kind.name} at once`, () => {
      const rt = bootRuntime();
      const c = kind.make(rt);
      const old = kind.block(rt, c);
      kind.grow(rt, c);
      expect(kind.block(rt, c)).not.toBe(old);
      expect(isFreed(rt, old)).toBe(true);
      rt.decref(c);
    });

    it(`frees a ${kind.name} at once while its worker is the only one online`, () => {
      const { a, wa, wb } = twoWorkers();
      wb.blockingBegin();
      const c = kind.make(a);
      const old = kind.block(a, c);
      kind.grow(a, c);
      expect(isFreed(a, old)).toBe(true);
      expect(wa.drops.pending).toBe(0);
      a.decref(c);
      wb.blockingEnd();
    });

    it(`keeps a replaced ${kind.name} readable until the other online worker passed a tick`, () => {
      const { a, wa, wb } = twoWorkers();
      const c = kind.make(a);
      const old = kind.block(a, c);
      kind.grow(a, c); // b is online: it may have read `old`'s address before the resize
      expect(isFreed(a, old)).toBe(false);
      expect(poisoned(a, old)).toBe(false); // a stale snapshot, still readable
      expect(wa.drops.pending).toBe(0); // (a storage block is no reference the collection discounts)
      wa.tick(); // the batch gets its goal
      expect(isFreed(a, old)).toBe(false);
      wb.tick(); // b's quiescent point after the goal
      expect(isFreed(a, old)).toBe(false); // (b does not free a's blocks)
      wa.tick();
      expect(isFreed(a, old)).toBe(true);
      expect(poisoned(a, old)).toBe(true); // poisoned at the real free
      a.decref(c);
    });
  }

  it('dict.clear frees the old table the same way; a flush (gc.collect) frees it at once', () => {
    const { a, wa, wb } = twoWorkers();
    const d = newDict(a);
    KINDS[0]!.grow(a, d);
    const old = dictTable(a, d);
    dictClear(a, d);
    expect(isFreed(a, old)).toBe(false);
    // flush waits (offline) for b's next quiescent point: b goes offline here, as a blocked thread does
    wb.blockingBegin();
    expect(wa.drops.flush()).toBe(true);
    expect(isFreed(a, old)).toBe(true);
    wb.blockingEnd();
    a.decref(d);
  });
});
