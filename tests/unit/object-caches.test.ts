/** The object model's caches and layouts (docs/PERFORMANCE.md): a small dict's table inside the dict's
 *  own block, and the type cache (objects/type-cache.ts) against changes made behind its back. */
import { describe, expect, it } from 'vitest';
import { FREED_TAG, H_WATCHED_DICTS, OB_TYPE, type Ref } from '../../src/vm/heap/layout.js';
import {
  dictClear, dictGet, dictGetStr, dictLen, dictSet, dictSetStr, dictTable, newDict,
} from '../../src/vm/objects/dict.js';
import { intern, typeLookup } from '../../src/vm/objects/type.js';
import { TP_DICT } from '../../src/vm/runtime.js';
import { Kind } from '../../src/vm/objects/kinds.js';
import { makeClass } from '../../src/vm/objects/classes.js';
import { tupleFrom } from '../../src/vm/objects/tuple.js';
import { bootRuntime, twoWorkers } from '../nogil/runtimes.js';

describe("a small dict's embedded table", () => {
  it('lives in the dict block until the dict grows, then in a block of its own', () => {
    const rt = bootRuntime();
    const keys: Ref[] = [];
    for (let i = 0; i < 6; i++) keys.push(intern(rt, `k${i}`)); // (interned: they stay in the table)
    const live = rt.heap.liveObjects;
    const d = newDict(rt);
    expect(rt.heap.liveObjects).toBe(live + 1); // one block: the dict and its table
    expect(dictTable(rt, d)).toBe(0);
    for (let i = 0; i < 5; i++) dictSetStr(rt, d, keys[i]!, keys[i]!);
    expect(dictTable(rt, d)).toBe(0); // five items fit
    dictSet(rt, d, keys[5]!, rt.None);
    const t = dictTable(rt, d);
    expect(t).not.toBe(0);
    expect(rt.kindOf(t as Ref)).toBe(Kind.RAW);
    for (let i = 0; i < 5; i++) expect(dictGet(rt, d, keys[i]!)).toBe(keys[i]);
    expect(dictGetStr(rt, d, keys[5]!)).toBe(rt.None);
    dictClear(rt, d);
    expect(rt.i32[(t + OB_TYPE) >> 2]).toBe(FREED_TAG); // the grown table is freed; the embedded space stays
    expect(dictLen(rt, d)).toBe(0);
    dictSetStr(rt, d, keys[0]!, rt.True);
    expect(dictGetStr(rt, d, keys[0]!)).toBe(rt.True);
    rt.decref(d);
    expect(rt.heap.liveObjects).toBe(live);
    for (const k of keys) rt.decref(k);
  });

  it('is never freed on its own in no-GIL mode (a resize leaves it in the dict block)', () => {
    const { a, wa } = twoWorkers();
    const live = a.heap.liveObjects;
    const d = newDict(a);
    for (let i = 0; i < 20; i++) {
      const k = a.newInt(1000 + i);
      dictSet(a, d, k, k);
      a.decref(k);
    }
    expect(dictTable(a, d)).not.toBe(0);
    a.decref(d);
    wa.tick();
    expect(a.heap.liveObjects).toBe(live);
  });
});

describe('the type cache', () => {
  /** class C(B) with B's dict holding x = 1 (made through type(name, bases, dict)). */
  function classes(rt: ReturnType<typeof bootRuntime>) {
    const name = intern(rt, 'x');
    const ns = newDict(rt);
    const one = rt.newInt(1);
    dictSet(rt, ns, name, one);
    const bName = rt.newStr('B');
    const none = tupleFrom(rt, []);
    const b = makeClass(rt, [bName, none, ns], null);
    const cName = rt.newStr('C');
    const bases = tupleFrom(rt, [b]);
    const empty = newDict(rt);
    const c = makeClass(rt, [cName, bases, empty], null);
    for (const r of [ns, one, bName, none, cName, bases, empty]) rt.decref(r);
    return { name, b, c };
  }

  it('sees a change to a base class dict made directly, and counts it', () => {
    const rt = bootRuntime();
    const { name, b, c } = classes(rt);
    const first = typeLookup(rt, c, name);
    expect(rt.intValue(first as Ref)).toBe(1);
    const before = rt.i32[H_WATCHED_DICTS >> 2]!;
    const two = rt.newInt(2);
    dictSet(rt, rt.i32[(b + TP_DICT) >> 2]! as Ref, name, two); // behind setattr's back
    expect(rt.i32[H_WATCHED_DICTS >> 2]).not.toBe(before);
    expect(typeLookup(rt, c, name)).toBe(two);
    rt.decref(two);
  });

  it('keeps one runtime\'s answers apart from another\'s over the same heap', () => {
    const { a, b: other } = twoWorkers();
    const { name, b, c } = classes(a);
    expect(a.intValue(typeLookup(a, c, name) as Ref)).toBe(1);
    expect(other.intValue(typeLookup(other, c, name) as Ref)).toBe(1);
    const three = a.newInt(3);
    dictSet(a, a.i32[(b + TP_DICT) >> 2]! as Ref, name, three);
    expect(typeLookup(other, c, name)).toBe(three); // the other worker's cache sees it too
    expect(typeLookup(a, c, name)).toBe(three);
    a.decref(three);
  });
});
