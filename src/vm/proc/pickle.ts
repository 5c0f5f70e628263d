/**
 * Serialising objects between processes with pickle's semantics (what crosses a Queue, a Pipe or a Pool):
 * values of the built-in types by value, functions and classes by reference (module and qualified name,
 * looked up again by the receiver), everything else through its reduction (`__reduce__`, or what
 * object.__reduce_ex__ gives). Shared and recursive structures keep their shape (a memo, as pickle's).
 * The byte format is gilpy's own: only gilpy reads it (README, "Where gilpy differs").
 *
 * The walk over the built-in types is here; the Python-level parts (finding a global by name, reducing
 * an instance, applying its state, CPython's error messages) are in the library module `_pickle`
 * (src/lib/_pickle.py).
 *
 * References: dumps borrows `obj`; loads returns a new reference.
 */
import type { Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { Kind } from '../objects/kinds.js';
import { intern } from '../objects/type.js';
import { tupleItems, tupleSteal, tupleSize, tupleItem } from '../objects/tuple.js';
import { listItems, listItemsRef, newList, listAppendSteal } from '../objects/list.js';
import { dictItems, dictLen, dictSet, newDict } from '../objects/dict.js';
import { newSet, setAdd, setItems } from '../objects/set.js';
import { bytesValue, newBytes } from '../objects/bytes.js';
import { baCopyBytes, newByteArray } from '../objects/bytearray.js';
import { getAttr } from '../objects/attrs.js';
import { callObject } from '../interp/call.js';
import { importModule } from '../builtins/imports.js';
import { hostOf, interpOf } from '../builtins/host-access.js';

const enum Op {
  NONE = 1, TRUE, FALSE, ELLIPSIS, INT, BIGINT, FLOAT, STR, BYTES, BYTEARRAY,
  TUPLE, LIST, DICT, SET, FROZENSET, GLOBAL, MEMO, REDUCE,
}

const MAX_DEPTH = 2000;

/** The `_pickle` library module's helper `name` (borrowed from the module's dict through getAttr: new ref). */
function helper(rt: Runtime, name: string): Ref {
  const m = importModule(rt, interpOf(rt), hostOf(rt), '_pickle');
  return getAttr(rt, m, intern(rt, name));
}

function callHelper(rt: Runtime, name: string, args: Ref[]): Ref {
  const f = helper(rt, name);
  try {
    return callObject(rt, f, args);
  } finally {
    rt.decref(f);
  }
}

function unpicklingError(rt: Runtime, message: string): never {
  const cls = helper(rt, 'UnpicklingError');
  const msg = rt.newStr(message);
  try {
    throw new PyRaise(callObject(rt, cls, [msg]));
  } finally {
    rt.decref(cls);
    rt.decref(msg);
  }
}

class Writer {
  private buf = new Uint8Array(256);
  private len = 0;
  private readonly view = new DataView(new ArrayBuffer(8));
  private readonly memo = new Map<number, number>();
  private memoCount = 0;
  private depth = 0;
  /** References the writer owns until the end: every memoised object (the memo is keyed by address, so
   *  what it names must not be freed and its address reused while pickling runs Python code, as
   *  CPython's memo holds its objects) and the reductions `_reduce` made. */
  private readonly keep: Ref[] = [];
  private readonly enc = new TextEncoder();

  constructor(private readonly rt: Runtime) {}

  result(): Uint8Array {
    for (const r of this.keep) this.rt.decref(r);
    return this.buf.slice(0, this.len);
  }
  release(): void {
    for (const r of this.keep) this.rt.decref(r);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  private byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  private u32(n: number): void {
    this.room(4);
    this.view.setUint32(0, n, true);
    for (let i = 0; i < 4; i++) this.buf[this.len++] = this.view.getUint8(i);
  }
  private f64(x: number): void {
    this.room(8);
    this.view.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.buf[this.len++] = this.view.getUint8(i);
  }
  private bytes(b: Uint8Array): void {
    this.u32(b.length);
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  private text(s: string): void {
    this.bytes(this.enc.encode(s));
  }

  /** Memoises `r` (borrowed; the memo takes its own reference), in the order the reader memoises. */
  private remember(r: Ref): void {
    this.rt.incref(r);
    this.keep.push(r);
    this.memo.set(r, this.memoCount++);
  }

  /** Writes each of `items` (borrowed from a container), holding a reference to each meanwhile: writing
   *  one may run Python (a reduction) that changes the container and frees the others (cf. CPython's
   *  batch_list, which increfs the item it saves). */
  private writeAll(items: Ref[], changed?: () => boolean): void {
    const rt = this.rt;
    for (const it of items) rt.incref(it);
    try {
      for (let i = 0; i < items.length; i++) {
        this.write(items[i]!);
        if (changed !== undefined && changed()) rt.raise('RuntimeError', 'dictionary changed size during iteration');
      }
    } finally {
      for (const it of items) rt.decref(it);
    }
  }

  write(r: Ref): void {
    const rt = this.rt;
    if (++this.depth > MAX_DEPTH) rt.raise('RecursionError', 'maximum recursion depth exceeded while pickling an object');
    try {
      this.writeObject(r);
    } finally {
      this.depth--;
    }
  }

  private writeObject(r: Ref): void {
    const rt = this.rt;
    if (r === rt.None) return this.byte(Op.NONE);
    if (r === rt.True) return this.byte(Op.TRUE);
    if (r === rt.False) return this.byte(Op.FALSE);
    if (r === rt.Ellipsis) return this.byte(Op.ELLIPSIS);
    const seen = this.memo.get(r);
    if (seen !== undefined) {
      this.byte(Op.MEMO);
      this.u32(seen);
      return;
    }
    const kind = rt.kindOf(r);
    const exact = rt.typeOf(r) === rt.types[kind];
    if (exact) {
      switch (kind) {
        case Kind.INT: {
          const v = rt.intValue(r);
          if (typeof v === 'number') {
            this.byte(Op.INT);
            this.f64(v);
          } else {
            this.byte(Op.BIGINT);
            this.text(v.toString(16));
          }
          return;
        }
        case Kind.FLOAT:
          this.byte(Op.FLOAT);
          this.f64(rt.floatValue(r));
          return;
        case Kind.STR:
          this.byte(Op.STR);
          this.text(rt.strValue(r));
          this.remember(r);
          return;
        case Kind.BYTES:
          this.byte(Op.BYTES);
          this.bytes(bytesValue(rt, r));
          this.remember(r);
          return;
        case Kind.BYTEARRAY: {
          this.remember(r);
          this.byte(Op.BYTEARRAY);
          this.bytes(baCopyBytes(rt, r)); // (no-GIL: copied under its lock)
          return;
        }
        case Kind.TUPLE: {
          // memoised after its items, as pickle does. A tuple that contains itself (through a list or
          // an instance) was memoised while its items were written: then the reader drops the items it
          // read and takes the memoised tuple instead (cf. CPython save_tuple, POP_MARK + GET)
          const items = tupleItems(rt, r);
          this.byte(Op.TUPLE);
          this.u32(items.length);
          this.writeAll(items);
          const inner = this.memo.get(r);
          if (inner !== undefined) {
            this.byte(1);
            this.u32(inner);
            return;
          }
          this.byte(0);
          this.remember(r);
          return;
        }
        case Kind.LIST: {
          this.remember(r);
          // no-GIL: read and counted under the list's lock (another thread may change the list meanwhile)
          const owned = rt.containerLocks !== null;
          const items = owned ? listItemsRef(rt, r) : listItems(rt, r);
          try {
            this.byte(Op.LIST);
            this.u32(items.length);
            this.writeAll(items);
          } finally {
            if (owned) for (const x of items) rt.decref(x);
          }
          return;
        }
        case Kind.DICT: {
          this.remember(r);
          const items = dictItems(rt, r);
          this.byte(Op.DICT);
          this.u32(items.length);
          // as CPython's batch_dict_exact, a dict whose size a reduction changed is an error
          this.writeAll(items.flat(), () => dictLen(rt, r) !== items.length);
          return;
        }
        case Kind.SET: case Kind.FROZENSET: {
          if (kind === Kind.SET) this.remember(r);
          const items = setItems(rt, r);
          this.byte(kind === Kind.SET ? Op.SET : Op.FROZENSET);
          this.u32(items.length);
          this.writeAll(items);
          if (kind === Kind.FROZENSET) this.remember(r);
          return;
        }
      }
    }
    // the types of None, NotImplemented and Ellipsis have no global name: they are reduced (to type(None)...)
    const singletonType = r === rt.typeOf(rt.None) || r === rt.typeOf(rt.NotImplemented) || r === rt.typeOf(rt.Ellipsis);
    if ((kind === Kind.FUNCTION || kind === Kind.TYPE || kind === Kind.BUILTIN_FUNCTION) && !singletonType) {
      // by reference: _pickle._global checks that the receiver can find it (or raises CPython's error)
      const where = callHelper(rt, '_global', [r]);
      try {
        this.byte(Op.GLOBAL);
        this.text(rt.strValue(tupleItem(rt, where, 0)));
        this.text(rt.strValue(tupleItem(rt, where, 1)));
      } finally {
        rt.decref(where);
      }
      this.remember(r);
      return;
    }
    // everything else: its reduction (callable, args, state, listitems, dictitems), as pickle's save_reduce
    const red = callHelper(rt, '_reduce', [r]);
    this.keep.push(red);
    const parts = tupleItems(rt, red);
    this.byte(Op.REDUCE);
    this.write(parts[0]!);
    this.write(parts[1]!);
    this.remember(r);
    for (let i = 2; i < 5; i++) this.write(i < tupleSize(rt, red) ? parts[i]! : rt.None);
  }
}

class Reader {
  private pos = 0;
  private readonly view: DataView;
  private readonly memo: Ref[] = [];
  private readonly dec = new TextDecoder();
  constructor(private readonly rt: Runtime, private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  release(): void {
    for (const r of this.memo) this.rt.decref(r);
  }

  private need(n: number): void {
    if (this.pos + n > this.data.length) this.rt.raise('EOFError', 'Ran out of input');
  }
  private u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  private f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  private bytes(): Uint8Array {
    const n = this.u32();
    this.need(n);
    const b = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  private text(): string {
    return this.dec.decode(this.bytes());
  }
  /** Keeps `r` in the memo (the memo holds its own reference). */
  private remember(r: Ref): void {
    this.rt.incref(r);
    this.memo.push(r);
  }

  /** The next object (new reference). */
  read(): Ref {
    const rt = this.rt;
    this.need(1);
    const op = this.data[this.pos++]!;
    switch (op) {
      case Op.NONE: return rt.None;
      case Op.TRUE: return rt.True;
      case Op.FALSE: return rt.False;
      case Op.ELLIPSIS: return rt.Ellipsis;
      case Op.INT: return rt.newInt(this.f64());
      case Op.BIGINT: {
        const s = this.text();
        return rt.newInt(s.startsWith('-') ? -BigInt('0x' + s.slice(1)) : BigInt('0x' + s));
      }
      case Op.FLOAT: return rt.newFloat(this.f64());
      case Op.STR: {
        const r = rt.newStr(this.text());
        this.remember(r);
        return r;
      }
      case Op.BYTES: {
        const r = newBytes(rt, this.bytes().slice());
        this.remember(r);
        return r;
      }
      case Op.BYTEARRAY: {
        const r = newByteArray(rt, this.bytes());
        this.remember(r);
        return r;
      }
      case Op.MEMO: return this.memoised(this.u32());
      case Op.TUPLE: {
        const n = this.u32();
        const items: Ref[] = [];
        try {
          for (let i = 0; i < n; i++) items.push(this.read());
        } catch (e) {
          for (const it of items) rt.decref(it);
          throw e;
        }
        let memoised: number;
        try {
          this.need(1);
          memoised = this.data[this.pos++] === 1 ? this.u32() : -1;
        } catch (e) {
          for (const it of items) rt.decref(it);
          throw e;
        }
        if (memoised >= 0) {
          // the tuple was made while its items were read (it contains itself): that one is the result
          for (const it of items) rt.decref(it);
          return this.memoised(memoised);
        }
        let r: Ref;
        if (n === 0) {
          rt.incref(rt.emptyTuple);
          r = rt.emptyTuple;
        } else r = tupleSteal(rt, items);
        this.remember(r);
        return r;
      }
      case Op.LIST: {
        const n = this.u32();
        const l = newList(rt);
        this.remember(l);
        return this.filling(l, () => {
          for (let i = 0; i < n; i++) listAppendSteal(rt, l, this.readItem());
        });
      }
      case Op.DICT: {
        const n = this.u32();
        const d = newDict(rt);
        this.remember(d);
        return this.filling(d, () => {
          for (let i = 0; i < n; i++) {
            const k = this.readItem();
            let v: Ref = 0 as Ref;
            try {
              v = this.readItem();
              dictSet(rt, d, k, v);
            } finally {
              rt.decref(k);
              if (v !== 0) rt.decref(v);
            }
          }
        });
      }
      case Op.SET: case Op.FROZENSET: {
        const n = this.u32();
        const s = newSet(rt, op === Op.FROZENSET);
        if (op === Op.SET) this.remember(s);
        this.filling(s, () => {
          for (let i = 0; i < n; i++) {
            const k = this.readItem();
            try {
              setAdd(rt, s, k);
            } finally {
              rt.decref(k);
            }
          }
        });
        if (op === Op.FROZENSET) this.remember(s);
        return s;
      }
      case Op.GLOBAL: {
        const module = rt.newStr(this.text());
        const name = rt.newStr(this.text());
        try {
          const r = callHelper(rt, '_find_global', [module, name]);
          this.remember(r);
          return r;
        } finally {
          rt.decref(module);
          rt.decref(name);
        }
      }
      case Op.REDUCE: {
        const func = this.readItem();
        let args: Ref = 0 as Ref;
        let obj: Ref;
        try {
          args = this.readItem();
          obj = callHelper(rt, '_rebuild', [func, args]);
        } finally {
          rt.decref(func);
          if (args !== 0) rt.decref(args);
        }
        this.remember(obj);
        const rest: Ref[] = [];
        try {
          for (let i = 0; i < 3; i++) rest.push(this.readItem());
          if (rest.some((x) => x !== rt.None)) rt.decref(callHelper(rt, '_apply_state', [obj, ...rest]));
        } catch (e) {
          rt.decref(obj);
          throw e;
        } finally {
          for (const x of rest) rt.decref(x);
        }
        return obj;
      }
    }
    return unpicklingError(rt, `invalid load key, '${String.fromCharCode(op)}'.`);
  }

  readItem(): Ref {
    return this.read();
  }

  /** Memo entry `i` (new reference). */
  private memoised(i: number): Ref {
    const r = this.memo[i];
    if (r === undefined) unpicklingError(this.rt, 'invalid memo reference');
    this.rt.incref(r);
    return r;
  }

  /** Runs `fill` on the new container `r` (a new reference, which this returns); if it raises, `r` is
   *  released (the memo keeps it only until the end of loads). */
  private filling(r: Ref, fill: () => void): Ref {
    try {
      fill();
    } catch (e) {
      this.rt.decref(r);
      throw e;
    }
    return r;
  }
}

/** Serialises `obj` (borrowed). Raises what CPython's pickle raises for what it cannot serialise. */
export function dumps(rt: Runtime, obj: Ref): Uint8Array {
  const w = new Writer(rt);
  try {
    w.write(obj);
  } catch (e) {
    w.release();
    throw e;
  }
  return w.result();
}

/** Rebuilds an object from dumps' bytes (new reference). */
export function loads(rt: Runtime, data: Uint8Array): Ref {
  const r = new Reader(rt, data);
  try {
    return r.readItem();
  } finally {
    r.release();
  }
}
