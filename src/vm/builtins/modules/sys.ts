/** The `sys` module: reference counts and sizes, interning, argv / path / modules, exit, the recursion
 *  limit and GIL intervals, version facts (as struct sequences), and the standard streams. */
import { FLAG_INTERNED, IMMORTAL_REPORTED, OB_META, OB_TYPE, type Ref } from '../../heap/layout.js';
import {
  PyRaise, Root, TP_BASES, TP_DICT, TP_FLAGS, TP_MODULE, TP_MRO, TP_NAME, TP_QUALNAME, TPF_HEAPTYPE, TPF_HIDDEN_MASK,
  TPF_HIDDEN_SHIFT, type Runtime,
} from '../../runtime.js';
import { getAttr, getAttrOrNull } from '../../objects/attrs.js';
import { newProperty, PROP_DEL, PROP_DOC, PROP_GET, PROP_SET, WRAPPED } from '../../objects/descriptors.js';
import { constructorFor, defineConstructor } from '../../objects/constructors.js';
import { dictGet, dictItems, dictSet, dictTable, newDict } from '../../objects/dict.js';
import {
  EXC_TRACEBACK, excType, newExceptionArgs, newStaticType,
} from '../../objects/exceptions.js';
import { floatValueOf } from '../../objects/float.js';
import { Kind } from '../../objects/kinds.js';
import { listSteal } from '../../objects/list.js';
import { fastItems } from '../../objects/list-type.js';
import { setGlobal } from '../../objects/module.js';
import { BF_MODULE, BF_NAME, BF_NATIVE, BF_SELF, newBuiltin, registerNative, type NativeImpl } from '../../objects/native.js';
import { defineObjectRepr } from '../../objects/object-type.js';
import { indexValue, repr as reprOf } from '../../objects/protocols.js';
import { SLOTS } from '../../objects/slots.js';
import '../../objects/tuple-type.js'; // (the tuple kind's slots and constructor, which struct sequences wrap)
import { tupleFrom, tupleItems, tupleRealSize, tupleSize, tupleSteal, TUPLE_ITEMS, TUPLE_SIZE } from '../../objects/tuple.js';
import { intern, wrapDescriptor } from '../../objects/type.js';
import { callObject } from '../../interp/call.js';
import { checkArity, parseArgs } from '../args.js';
import { setFileSinkHook } from '../functions.js';
import { hostOf, interpOf } from '../host-access.js';
import { readInteractiveLine } from '../interactive-input.js';
import { defineModule, defineModuleFunction, MODULES, type OutputSink } from '../registry.js';
import { FR_GLOBALS, FR_PREV } from '../../interp/frame.js';

const VERSION_INFO: [number, number, number, string, number] = [3, 11, 7, 'final', 0];
const HEXVERSION = 0x030b07f0;
const GILPY_VERSION: [number, number, number, string, number] = [0, 1, 0, 'alpha', 0];

/**
 * Makes a static type made after boot immortal together with everything its fields and dict hold, as
 * CPython's static types are: they live as long as the runtime, and the leak check does not count them.
 */
export function immortalizeStaticType(rt: Runtime, type: Ref): void {
  const seen = new Set<number>();
  const visit = (r: Ref | 0): void => {
    if (r === 0 || seen.has(r)) return;
    seen.add(r);
    if (rt.isImmortal(r) && r !== type) return;
    rt.makeImmortal(r);
    const field = (off: number): void => visit(rt.i32[(r + off) >> 2]! as Ref);
    switch (rt.kindOf(r)) {
      case Kind.TYPE:
        for (const off of [TP_NAME, TP_QUALNAME, TP_MODULE, TP_BASES, TP_MRO, TP_DICT]) field(off);
        break;
      case Kind.DICT: {
        visit(dictTable(rt, r));
        for (const [k, v] of dictItems(rt, r)) {
          visit(k);
          visit(v);
        }
        break;
      }
      case Kind.TUPLE:
        for (const x of tupleItems(rt, r)) visit(x);
        break;
      case Kind.PROPERTY:
        for (const off of [PROP_GET, PROP_SET, PROP_DEL, PROP_DOC]) field(off);
        break;
      case Kind.BUILTIN_FUNCTION:
        for (const off of [BF_SELF, BF_NAME, BF_MODULE]) field(off);
        break;
      case Kind.STATICMETHOD:
        field(WRAPPED);
        break;
      default: break;
    }
  };
  visit(type);
}

// ================= struct sequences =================
// CPython's PyStructSequence (sys.version_info, sys.flags, time.struct_time): a tuple subtype whose
// items are also named attributes. Here: a static type of tuple layout (so every tuple slot and
// method applies), a property per field in its dict, and field names in `__match_args__`.

const MAX_FIELDS = 24;
/** Native ids of the field getters: field i of a struct sequence is item i of the tuple, or for a field
 *  past the items (tm_zone), the reference kept after them (see TPF_HIDDEN_SHIFT). */
const FIELD_GETTERS: number[] = [];
for (let i = 0; i < MAX_FIELDS; i++) {
  FIELD_GETTERS.push(registerNative(`structseq.field${i}`, {
    name: `field${i}`, method: false,
    impl: (rt, args) => {
      const self = args[0]!;
      if (rt.kindOf(self) !== Kind.TUPLE || i >= tupleRealSize(rt, self)) {
        return rt.raise('AttributeError', 'struct sequence field out of range');
      }
      const x = rt.i32[((self + TUPLE_ITEMS) >> 2) + i]! as Ref;
      rt.incref(x);
      return x;
    },
  }));
}

/**
 * A new struct sequence type `module.name` with the given fields (an immortal static type), and `hidden`
 * ones past them: attributes only, not items (struct_time's tm_zone and tm_gmtoff). A type with hidden
 * fields can be called, as `module.name(sequence, dict=None)`, and pickled (CPython's struct_time can;
 * sys's struct sequences cannot be made).
 */
export function newStructSeqType(rt: Runtime, module: string, name: string, fields: readonly string[],
  hidden: readonly string[] = []): Ref {
  if (fields.length + hidden.length > MAX_FIELDS || hidden.length > (TPF_HIDDEN_MASK >> TPF_HIDDEN_SHIFT)) {
    throw new Error('gilpy bug: too many struct sequence fields');
  }
  const t = newStaticType(rt, name, Kind.TUPLE, rt.types[Kind.TUPLE]!, hidden.length << TPF_HIDDEN_SHIFT);
  const oldModule = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
  rt.i32[(t + TP_MODULE) >> 2] = intern(rt, module);
  rt.decref(oldModule);
  const dict = rt.i32[(t + TP_DICT) >> 2]! as Ref;
  const setOwned = (key: string, value: Ref): void => {
    setGlobal(rt, dict, key, value);
    rt.decref(value);
  };
  [...fields, ...hidden].forEach((f, i) => {
    const getter = newBuiltin(rt, FIELD_GETTERS[i]!);
    const prop = newProperty(rt, getter, 0, 0, 0);
    rt.decref(getter);
    setOwned(f, prop);
  });
  setOwned('__match_args__', tupleSteal(rt, fields.map((f) => intern(rt, f))));
  setOwned('n_sequence_fields', rt.newInt(fields.length));
  setOwned('n_fields', rt.newInt(fields.length + hidden.length));
  setOwned('n_unnamed_fields', rt.newInt(0));
  if (hidden.length > 0) {
    const newFn = newBuiltin(rt, STRUCTSEQ_NEW);
    setOwned('__new__', wrapDescriptor(rt, 'static', newFn));
    rt.decref(newFn);
    setOwned('__reduce__', newBuiltin(rt, STRUCTSEQ_REDUCE));
  }
  immortalizeStaticType(rt, t);
  return t;
}

/** A new instance of struct sequence `type` holding `items` (each borrowed), and `hidden` past them
 *  (borrowed; None for those not given). */
export function newStructSeq(rt: Runtime, type: Ref, items: readonly Ref[], hidden: readonly Ref[] = []): Ref {
  const nHidden = hiddenCount(rt, type);
  const t = rt.alloc(type, TUPLE_ITEMS + (items.length + nHidden) * 4); // (a static type: not counted)
  const i32 = rt.i32;
  i32[(t + TUPLE_SIZE) >> 2] = items.length;
  const base = (t + TUPLE_ITEMS) >> 2;
  for (let i = 0; i < items.length + nHidden; i++) {
    const x = i < items.length ? items[i]! : hidden[i - items.length] ?? rt.None;
    rt.incref(x);
    i32[base + i] = x;
  }
  rt.gcTrack(t);
  return t;
}

/** Like newStructSeq, but steals the references in `items` and `hidden`. */
export function newStructSeqSteal(rt: Runtime, type: Ref, items: readonly Ref[], hidden: readonly Ref[] = []): Ref {
  const t = newStructSeq(rt, type, items, hidden);
  for (const x of items) rt.decref(x);
  for (const x of hidden) rt.decref(x);
  return t;
}

/** How many fields struct sequence `type` keeps past its items (0 for any other type). */
function hiddenCount(rt: Runtime, type: Ref): number {
  return (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HIDDEN_MASK) >> TPF_HIDDEN_SHIFT;
}

/** The names of struct sequence `type`'s fields past its items, in order (borrowed str refs): the
 *  properties of its dict whose getters read those fields. */
function hiddenFieldNames(rt: Runtime, type: Ref): Ref[] {
  const nVisible = (structSeqFields(rt, type) ?? []).length;
  const out: Ref[] = [];
  for (const [k, v] of dictItems(rt, rt.i32[(type + TP_DICT) >> 2]! as Ref)) {
    const getter = rt.kindOf(v) === Kind.PROPERTY ? rt.i32[(v + PROP_GET) >> 2]! as Ref : 0;
    if (getter === 0 || rt.kindOf(getter) !== Kind.BUILTIN_FUNCTION) continue;
    const i = FIELD_GETTERS.indexOf(rt.i32[(getter + BF_NATIVE) >> 2]!);
    if (i >= nVisible) out[i - nVisible] = k;
  }
  return out;
}

/** `struct_time(sequence, dict=None)` (cf. CPython structseq_new): 9 to 11 items, and the fields past
 *  the items that the sequence does not give taken from `dict`, else None. A new reference. */
function structSeqNew(rt: Runtime, type: Ref, args: Ref[], kwargs: Map<string, Ref> | null): Ref {
  const [arg, dict] = parseArgs(rt, 'structseq', args, kwargs, ['sequence', 'dict=']);
  const tpName = `${rt.strValue(rt.i32[(type + TP_MODULE) >> 2]! as Ref)}.${rt.typeName(type)}`;
  const items = fastItems(rt, arg!, 'constructor requires a sequence');
  try {
    if (dict !== undefined && rt.kindOf(dict) !== Kind.DICT) {
      rt.raise('TypeError', `${tpName}() takes a dict as second arg, if any`);
    }
    const names = hiddenFieldNames(rt, type);
    const minLen = (structSeqFields(rt, type) ?? []).length;
    const maxLen = minLen + names.length;
    const len = items.length;
    if (len < minLen || len > maxLen) {
      const fixed = minLen === maxLen;
      const what = fixed ? `a ${minLen}` : len < minLen ? `an at least ${minLen}` : `an at most ${maxLen}`;
      rt.raise('TypeError', `${tpName}() takes ${what}-sequence (${len}-sequence given)`);
    }
    const hidden = items.slice(minLen);
    for (let i = len; i < maxLen; i++) {
      const v = dict === undefined ? 0 : dictGet(rt, dict, names[i - minLen]!);
      hidden.push(v === 0 ? rt.None : v);
    }
    return newStructSeq(rt, type, items.slice(0, minLen), hidden);
  } finally {
    for (const x of items) rt.decref(x);
  }
}

/** `struct_time.__new__(cls, sequence, dict=None)`. */
const STRUCTSEQ_NEW = registerNative('structseq.__new__', {
  name: '__new__', method: false,
  impl: (rt, args, kwargs) => {
    const cls = args[0];
    if (cls === undefined) return rt.raise('TypeError', 'structseq.__new__(): not enough arguments');
    if (rt.kindOf(cls) !== Kind.TYPE || hiddenCount(rt, cls) === 0) {
      return rt.raise('TypeError', `structseq.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
    }
    return structSeqNew(rt, cls, args.slice(1), kwargs);
  },
});

/** `struct_time.__reduce__()`: (type, (the items, {hidden field: value})) (cf. CPython structseq_reduce). */
const STRUCTSEQ_REDUCE = registerNative('structseq.__reduce__', {
  name: '__reduce__', method: true,
  impl: (rt, args, kwargs, self) => {
    checkArity(rt, '__reduce__', args, kwargs, 0, 0);
    const type = rt.typeOf(self);
    if (rt.kindOf(self) !== Kind.TUPLE || hiddenCount(rt, type) === 0) {
      return rt.raise('TypeError', `descriptor '__reduce__' requires a struct sequence, not '${rt.typeNameOf(self)}'`);
    }
    const n = tupleSize(rt, self);
    const items = tupleFrom(rt, tupleItems(rt, self));
    const dict = newDict(rt);
    hiddenFieldNames(rt, type).forEach((name, i) => dictSet(rt, dict, name, rt.i32[((self + TUPLE_ITEMS) >> 2) + n + i]! as Ref));
    const inner = tupleSteal(rt, [items, dict]);
    rt.incref(type);
    return tupleSteal(rt, [type, inner]);
  },
});

/** Field names of a struct sequence type, or null if `type` is not one. */
function structSeqFields(rt: Runtime, type: Ref): Ref[] | null {
  if (rt.typeKind(type) !== Kind.TUPLE || (rt.i32[(type + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) !== 0) return null;
  const dict = rt.i32[(type + TP_DICT) >> 2]! as Ref;
  const key = rt.newStr('n_sequence_fields');
  const marker = dictGet(rt, dict, key);
  rt.decref(key);
  if (marker === 0) return null;
  const key2 = rt.newStr('__match_args__');
  const names = dictGet(rt, dict, key2);
  rt.decref(key2);
  return names === 0 ? null : tupleItems(rt, names);
}

/**
 * Struct sequences print as `sys.version_info(major=3, ...)` (cf. CPython structseq_repr), and one with
 * fields past its items (struct_time) is made by structSeqNew. Slots and constructors are per kind, so
 * this wraps the tuple kind's repr and constructor, at load (tuple-type.ts, imported above, has defined
 * them): so in every JS thread, a no-GIL worker's or a process's too, which boot no sys module of their own.
 */
function installStructSeqSlots(): void {
  const slots = SLOTS[Kind.TUPLE]!;
  const tupleRepr = slots.repr;
  const tupleNew = constructorFor(Kind.TUPLE);
  if (tupleRepr === undefined || tupleNew === undefined) throw new Error('gilpy bug: sys.ts loaded before tuple-type.ts');
  slots.repr = (rt, r) => {
    const type = rt.typeOf(r);
    if (type !== rt.types[Kind.TUPLE]) {
      const fields = structSeqFields(rt, type);
      if (fields !== null) {
        const mod = rt.strValue(rt.i32[(type + TP_MODULE) >> 2]! as Ref);
        const name = rt.strValue(rt.i32[(type + TP_QUALNAME) >> 2]! as Ref);
        const label = mod === 'types' && name === 'SimpleNamespace' ? 'namespace' : `${mod}.${name}`;
        const items = tupleItems(rt, r);
        return `${label}(${fields.map((f, i) => `${rt.strValue(f)}=${reprOf(rt, items[i]!)}`).join(', ')})`;
      }
    }
    return tupleRepr(rt, r);
  };
  defineConstructor(Kind.TUPLE, (rt, type, args, kwargs) => (hiddenCount(rt, type) !== 0
    ? structSeqNew(rt, type, args, kwargs) : tupleNew(rt, type, args, kwargs)));
}
installStructSeqSlots();

// ================= the standard streams =================
// sys.stdin / stdout / stderr: instances of a small static type `_io.TextIOWrapper` (plain object
// layout plus the stream number), writing to the host's sinks.
const STREAM_FD = 16;
const STREAM_BYTES = 32;
const STREAM_NAMES = ['<stdin>', '<stdout>', '<stderr>'];

function isStream(rt: Runtime, r: Ref): boolean {
  const t = rt.typeOf(r);
  if (rt.typeKind(t) !== Kind.OBJECT || t === rt.types[Kind.OBJECT]) return false;
  return rt.strValue(rt.i32[(t + TP_NAME) >> 2]! as Ref) === 'TextIOWrapper'
    && rt.strValue(rt.i32[(t + TP_MODULE) >> 2]! as Ref) === '_io';
}
function streamFd(rt: Runtime, r: Ref): number {
  return rt.i32[(r + STREAM_FD) >> 2]!;
}
function sinkOf(rt: Runtime, fd: number): OutputSink {
  const host = hostOf(rt);
  return fd === 2 ? host.stderr : host.stdout;
}

defineObjectRepr('_io.TextIOWrapper', (rt, r) => {
  const fd = streamFd(rt, r);
  return `<_io.TextIOWrapper name='${STREAM_NAMES[fd]}' mode='${fd === 0 ? 'r' : 'w'}' encoding='utf-8'>`;
});

/** Methods and getters of TextIOWrapper: [name, impl, isGetter]. */
const STREAM_METHODS: [string, NativeImpl, boolean][] = [
  ['write', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.write', args, kwargs, 1, 1);
    const s = args[0]!;
    if (!rt.isStr(s)) rt.raise('TypeError', `write() argument must be str, not ${rt.typeNameOf(s)}`);
    const fd = streamFd(rt, self);
    if (fd === 0) rt.raise('OSError', 'not writable');
    sinkOf(rt, fd).write(rt.strValue(s));
    return rt.newInt(rt.strLength(s));
  }, false],
  ['flush', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.flush', args, kwargs, 0, 0);
    const fd = streamFd(rt, self);
    if (fd !== 0) sinkOf(rt, fd).flush();
    return rt.None;
  }, false],
  ['readline', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.readline', args, kwargs, 0, 1);
    if (streamFd(rt, self) !== 0) rt.raise('OSError', 'not readable');
    const host = hostOf(rt);
    host.stdout.flush();
    const line = host.interactive !== undefined ? readInteractiveLine(rt, host.interactive, '', 'input') : host.readLine();
    return rt.newStr(line === null ? '' : `${line}\n`);
  }, false],
  ['fileno', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.fileno', args, kwargs, 0, 0);
    return rt.newInt(streamFd(rt, self));
  }, false],
  ['isatty', (rt, args, kwargs) => {
    checkArity(rt, 'TextIOWrapper.isatty', args, kwargs, 0, 0);
    return rt.False;
  }, false],
  ['writable', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.writable', args, kwargs, 0, 0);
    return rt.bool(streamFd(rt, self) !== 0);
  }, false],
  ['readable', (rt, args, kwargs, self) => {
    checkArity(rt, 'TextIOWrapper.readable', args, kwargs, 0, 0);
    return rt.bool(streamFd(rt, self) === 0);
  }, false],
  ['name', (rt, args) => rt.newStr(STREAM_NAMES[streamFd(rt, args[0]!)]!), true],
  ['mode', (rt, args) => rt.newStr(streamFd(rt, args[0]!) === 0 ? 'r' : 'w'), true],
  ['encoding', (rt) => rt.newStr('utf-8'), true],
];
const STREAM_NATIVES = STREAM_METHODS.map(([name, impl, getter]) =>
  registerNative(`TextIOWrapper.${name}`, { name, impl, method: !getter }));

function newStreamType(rt: Runtime): Ref {
  const t = newStaticType(rt, 'TextIOWrapper', Kind.OBJECT, rt.types[Kind.OBJECT]!, 0);
  const oldModule = rt.i32[(t + TP_MODULE) >> 2]! as Ref;
  rt.i32[(t + TP_MODULE) >> 2] = intern(rt, '_io');
  rt.decref(oldModule);
  const dict = rt.i32[(t + TP_DICT) >> 2]! as Ref;
  STREAM_METHODS.forEach(([name, , getter], i) => {
    const b = newBuiltin(rt, STREAM_NATIVES[i]!);
    const v = getter ? newProperty(rt, b, 0, 0, 0) : b;
    if (v !== b) rt.decref(b);
    setGlobal(rt, dict, name, v);
    rt.decref(v);
  });
  immortalizeStaticType(rt, t);
  return t;
}

function newStream(rt: Runtime, type: Ref, fd: number): Ref {
  const r = rt.alloc(type, STREAM_BYTES);
  rt.i32[(r + STREAM_FD) >> 2] = fd;
  return r;
}

// print(file=...): the standard streams write to the host directly; any other object through its
// write() method (cf. CPython builtin_print, PyFile_WriteObject).
setFileSinkHook((rt, file) => {
  if (isStream(rt, file)) {
    const fd = streamFd(rt, file);
    if (fd === 0) rt.raise('OSError', 'not writable');
    return sinkOf(rt, fd);
  }
  const writeKey = rt.newStr('write');
  let probe: Ref;
  try {
    probe = getAttr(rt, file, writeKey);
  } finally {
    rt.decref(writeKey);
  }
  rt.decref(probe);
  const call = (name: string, args: Ref[], required: boolean): void => {
    const key = rt.newStr(name);
    let m: Ref | 0;
    try {
      m = required ? getAttr(rt, file, key) : getAttrOrNull(rt, file, key);
    } finally {
      rt.decref(key);
    }
    if (m === 0) return;
    try {
      rt.decref(callObject(rt, m, args));
    } finally {
      rt.decref(m);
    }
  };
  return {
    piecewise: true,
    write(s: string): void {
      const str = rt.newStr(s);
      try {
        call('write', [str], true);
      } finally {
        rt.decref(str);
      }
    },
    flush(): void {
      call('flush', [], false);
    },
  };
});

// ================= state the scheduler reads =================
/** The GIL switch interval in microseconds (CPython keeps it so too), held by the heap root. */
export function switchIntervalUs(rt: Runtime): number {
  const r = rt.root(Root.SWITCH_INTERVAL);
  return r === 0 ? 5000 : rt.intValue(r) as number;
}

/**
 * sys.setcheckinterval(n): gilpy's instruction-counted switch interval (CPython removed this function in
 * 3.9; gilpy keeps it as the knob for deterministic GIL switching). Default 100. The scheduler
 * installs `checkIntervalListener` to apply changes.
 */
const checkIntervals = new WeakMap<Runtime, number>();
export function checkIntervalOf(rt: Runtime): number {
  return checkIntervals.get(rt) ?? 100;
}
/** The interval a VM starts with (its --switch-interval). */
export function initCheckInterval(rt: Runtime, n: number): void {
  checkIntervals.set(rt, n);
}
/** Called after sys.setswitchinterval: the scheduler switches on time from then on. */
export let switchIntervalListener: (rt: Runtime, seconds: number) => void = () => {};
export function setSwitchIntervalListener(f: typeof switchIntervalListener): void {
  switchIntervalListener = f;
}
export let checkIntervalListener: (rt: Runtime, n: number) => void = () => {};
export function setCheckIntervalListener(f: typeof checkIntervalListener): void {
  checkIntervalListener = f;
}
/** Whether the GIL is on (no-GIL mode installs its own answer). */
export let gilEnabledHook: (rt: Runtime) => boolean = () => true;
export function setGilEnabledHook(f: typeof gilEnabledHook): void {
  gilEnabledHook = f;
}

// ================= functions =================
/**
 * sys.getrefcount(x): the count in x's header. CPython 3.11 reports one more than the references
 * held elsewhere because the call's own argument is a reference; gilpy's CALL leaves the argument in
 * the caller's value stack slot while the native runs (see loop.ts callFromStack), and that slot owns
 * a reference, so the header already holds exactly that +1: `a = []; b = a` gives a + b + argument = 3.
 * Inside a callee, a parameter's reference moved into the callee's frame (as CPython 3.11 moves it),
 * so `def f(p): return sys.getrefcount(p)` on a global gives global + p + argument = 3 too.
 * Immortal objects (None, small ints, ...) report 4294967295, CPython 3.12's value (PEP 683).
 */
defineModuleFunction('sys', 'getrefcount', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getrefcount', args, kwargs, 1, 1);
  const x = args[0]!;
  return rt.newInt(rt.isImmortal(x) ? IMMORTAL_REPORTED : rt.refcount(x));
});

/**
 * sys.getsizeof(x): the size of x's heap block (its size class, header included). This is gilpy's own
 * layout, not CPython's struct sizes: `getsizeof(1)` is 32 here where CPython says 28.
 */
defineModuleFunction('sys', 'getsizeof', (rt, args, kwargs) => {
  const [obj] = parseArgs(rt, 'getsizeof', args, kwargs, ['object', 'default=']);
  return rt.newInt(rt.sizeOf(obj!));
});

// cf. CPython sys_intern / PyUnicode_InternInPlace: the str itself enters the table if absent
defineModuleFunction('sys', 'intern', (rt, args, kwargs) => {
  checkArity(rt, 'sys.intern', args, kwargs, 1, 1);
  const s = args[0]!;
  if (rt.typeOf(s) !== rt.types[Kind.STR]) {
    if (rt.isStr(s)) rt.raise('TypeError', "can't intern str");
    rt.raise('TypeError', `intern() argument must be str, not ${rt.typeNameOf(s)}`);
  }
  const table = rt.root(Root.INTERNED);
  const have = dictGet(rt, table, s);
  if (have !== 0) {
    rt.incref(have);
    return have;
  }
  dictSet(rt, table, s, s);
  rt.setMetaFlags(s, FLAG_INTERNED);
  rt.incref(s);
  return s;
});

/**
 * sys.displayhook(value): what the REPL does with an expression statement's value (PRINT_EXPR), as
 * CPython's sys_displayhook: None shows nothing; anything else is printed as its repr and kept in
 * builtins._ (cleared first, so that a failing repr leaves no stale value).
 */
defineModuleFunction('sys', 'displayhook', (rt, args, kwargs) => {
  checkArity(rt, 'displayhook', args, kwargs, 1, 1);
  const value = args[0]!;
  if (value === rt.None) return rt.None;
  const builtins = rt.root(Root.BUILTINS);
  setGlobal(rt, builtins, '_', rt.None);
  const text = reprOf(rt, value);
  hostOf(rt).stdout.write(`${text}\n`);
  setGlobal(rt, builtins, '_', value);
  return rt.None;
});

defineModuleFunction('sys', 'exit', (rt, args, kwargs) => {
  checkArity(rt, 'exit', args, kwargs, 0, 1);
  throw new PyRaise(newExceptionArgs(rt, excType(rt, 'SystemExit'), args));
});

defineModuleFunction('sys', 'getrecursionlimit', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getrecursionlimit', args, kwargs, 0, 0);
  return rt.newInt(interpOf(rt).recursionLimit);
});

defineModuleFunction('sys', 'setrecursionlimit', (rt, args, kwargs) => {
  checkArity(rt, 'sys.setrecursionlimit', args, kwargs, 1, 1);
  const v = indexValue(rt, args[0]!);
  if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) {
    rt.raise('OverflowError', 'Python int too large to convert to C int');
  }
  const n = v as number;
  if (n < 1) rt.raise('ValueError', 'recursion limit must be greater or equal than 1');
  const interp = interpOf(rt);
  // CPython 3.11 counts the running native call too: at module level the depth is 2
  const depth = interp.ts.depth + 1;
  if (depth >= n) {
    rt.raise('RecursionError',
      `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`);
  }
  interp.recursionLimit = n;
  return rt.None;
});

defineModuleFunction('sys', 'getswitchinterval', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getswitchinterval', args, kwargs, 0, 0);
  return rt.newFloat(1e-6 * switchIntervalUs(rt));
});

defineModuleFunction('sys', 'setswitchinterval', (rt, args, kwargs) => {
  checkArity(rt, 'sys.setswitchinterval', args, kwargs, 1, 1);
  const x = args[0]!;
  const k = rt.kindOf(x);
  if (k !== Kind.FLOAT && k !== Kind.INT && k !== Kind.BOOL && (rt.i32[(rt.typeOf(x) + TP_FLAGS) >> 2]! & TPF_HEAPTYPE) === 0) {
    rt.raise('TypeError', `must be real number, not ${rt.typeNameOf(x)}`);
  }
  const interval = floatValueOf(rt, x);
  if (!(interval > 0)) rt.raise('ValueError', 'switch interval must be strictly positive');
  // cf. CPython: stored as whole microseconds (unsigned long)
  const us = Math.min(Math.trunc(1e6 * interval), 2 ** 53 - 1);
  if (us !== switchIntervalUs(rt)) {
    // the root holds an immortal int: runtime state, like the interpreter's own tables
    const v = rt.newInt(us);
    rt.makeImmortal(v);
    rt.setRoot(Root.SWITCH_INTERVAL, v);
  }
  switchIntervalListener(rt, us / 1e6);
  return rt.None;
});

defineModuleFunction('sys', 'getcheckinterval', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getcheckinterval', args, kwargs, 0, 0);
  return rt.newInt(checkIntervalOf(rt));
});

defineModuleFunction('sys', 'setcheckinterval', (rt, args, kwargs) => {
  checkArity(rt, 'sys.setcheckinterval', args, kwargs, 1, 1);
  const v = indexValue(rt, args[0]!);
  if (typeof v === 'bigint' || v > 0x7fffffff) rt.raise('OverflowError', 'Python int too large to convert to C int');
  const n = v as number;
  if (n < 1) rt.raise('ValueError', 'check interval must be greater or equal than 1');
  checkIntervals.set(rt, n);
  checkIntervalListener(rt, n);
  return rt.None;
});

/** The exception being handled by the running thread (borrowed), or 0. */
function handledException(rt: Runtime): Ref | 0 {
  const e = interpOf(rt).ts.excInfo;
  return e === rt.None ? 0 : e;
}

defineModuleFunction('sys', 'exc_info', (rt, args, kwargs) => {
  checkArity(rt, 'sys.exc_info', args, kwargs, 0, 0);
  const e = handledException(rt);
  if (e === 0) return tupleFrom(rt, [rt.None, rt.None, rt.None]);
  const tb = rt.i32[(e + EXC_TRACEBACK) >> 2]! as Ref;
  return tupleFrom(rt, [rt.typeOf(e), e, tb === 0 ? rt.None : tb]);
});

defineModuleFunction('sys', 'exception', (rt, args, kwargs) => {
  checkArity(rt, 'sys.exception', args, kwargs, 0, 0);
  const e = handledException(rt);
  const r = e === 0 ? rt.None : e;
  rt.incref(r);
  return r;
});

defineModuleFunction('sys', '_is_gil_enabled', (rt, args, kwargs) => {
  checkArity(rt, 'sys._is_gil_enabled', args, kwargs, 0, 0);
  return rt.bool(gilEnabledHook(rt));
});

defineModuleFunction('sys', 'getdefaultencoding', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getdefaultencoding', args, kwargs, 0, 0);
  return rt.newStr('utf-8');
});

defineModuleFunction('sys', 'getfilesystemencoding', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getfilesystemencoding', args, kwargs, 0, 0);
  return rt.newStr('utf-8');
});

/** Live objects on the heap (cf. CPython sys.getallocatedblocks). */
defineModuleFunction('sys', 'getallocatedblocks', (rt, args, kwargs) => {
  checkArity(rt, 'sys.getallocatedblocks', args, kwargs, 0, 0);
  return rt.newInt(rt.heap.liveObjects);
});

// ================= the module's data =================
/** A struct sequence field value: an int, a str, a bool, a float ({ f }) or another of sys's struct
 *  sequences (its name: `sys.implementation.version` is a `sys.version_info`). */
type FieldValue = number | bigint | string | boolean | { f: number } | { seq: string };
/** sys's struct sequences (and `sys.implementation`'s SimpleNamespace): [attribute, type's module, type's
 *  name, fields]. Their types are made at boot (bootSysTypes), so that the boot image holds them (as
 *  CPython makes its static types at start-up); `import sys` makes the instances. */
const STRUCT_SEQS: [string, string, string, [string, FieldValue][]][] = [
  ['version_info', 'sys', 'version_info', [['major', VERSION_INFO[0]], ['minor', VERSION_INFO[1]], ['micro', VERSION_INFO[2]],
    ['releaselevel', VERSION_INFO[3]], ['serial', VERSION_INFO[4]]]],
  ['implementation', 'types', 'SimpleNamespace', [['name', 'gilpy'], ['cache_tag', 'gilpy-311'],
    ['version', { seq: 'gilpy_version' }], ['hexversion', HEXVERSION]]],
  ['flags', 'sys', 'flags', [['debug', 0], ['inspect', 0], ['interactive', 0], ['optimize', 0],
    ['dont_write_bytecode', 0], ['no_user_site', 0], ['no_site', 0], ['ignore_environment', 0], ['verbose', 0],
    ['bytes_warning', 0], ['quiet', 0], ['hash_randomization', 1], ['isolated', 0], ['dev_mode', false],
    ['utf8_mode', 0], ['warn_default_encoding', 0], ['safe_path', false], ['int_max_str_digits', -1]]],
  ['float_info', 'sys', 'float_info', [['max', { f: Number.MAX_VALUE }], ['max_exp', 1024], ['max_10_exp', 308],
    ['min', { f: 2.2250738585072014e-308 }], ['min_exp', -1021], ['min_10_exp', -307], ['dig', 15], ['mant_dig', 53],
    ['epsilon', { f: Number.EPSILON }], ['radix', 2], ['rounds', 1]]],
  ['int_info', 'sys', 'int_info', [['bits_per_digit', 30], ['sizeof_digit', 4],
    ['default_max_str_digits', 4300], ['str_digits_check_threshold', 640]]],
  ['hash_info', 'sys', 'hash_info', [['width', 64], ['modulus', 2n ** 61n - 1n], ['inf', 314159], ['nan', 0],
    ['imag', 1000003], ['algorithm', 'siphash13'], ['hash_bits', 64], ['seed_bits', 128], ['cutoff', 0]]],
];
/** gilpy's own version, `sys.implementation.version`: a second instance of sys.version_info's type. */
const GILPY_VERSION_SEQ: [string, FieldValue][] = GILPY_VERSION.map((v, i) => [STRUCT_SEQS[0]![3][i]![0], v]);

/**
 * Boot (in the boot image): makes the types of STRUCT_SEQS and the streams' type, kept in the immortal
 * tuple at Root.SYS_TYPES (STRUCT_SEQS's, in its order, then the streams'). Some 1 ms of cold JavaScript
 * that `import sys` did in every program that imports it (docs/STARTUP.md).
 */
export function bootSysTypes(rt: Runtime): void {
  const types = tupleSteal(rt, [
    ...STRUCT_SEQS.map(([, module, name, fields]) => newStructSeqType(rt, module, name, fields.map(([f]) => f))),
    newStreamType(rt),
  ]);
  rt.makeImmortal(types);
  rt.setRoot(Root.SYS_TYPES, types);
}

defineModule('sys', (rt, dict, host) => {
  const set = (name: string, value: Ref): void => {
    setGlobal(rt, dict, name, value);
    rt.decref(value);
  };
  const str = (s: string): Ref => rt.newStr(s);
  const int = (n: number | bigint): Ref => rt.newInt(n);
  // the struct sequences and the streams, of the types boot made (bootSysTypes)
  const types = tupleItems(rt, rt.root(Root.SYS_TYPES));
  /** A struct sequence of `type` (borrowed) holding `fields`' values: a new reference. */
  const structSeq = (type: Ref, fields: [string, FieldValue][]): Ref => newStructSeqSteal(rt, type, fields.map(([, v]) => {
    if (typeof v === 'number' || typeof v === 'bigint') return int(v);
    if (typeof v === 'string') return str(v);
    if (typeof v === 'boolean') return rt.bool(v);
    if ('f' in v) return rt.newFloat(v.f);
    return structSeq(types[0]!, GILPY_VERSION_SEQ); // (the only one: { seq: 'gilpy_version' })
  }));
  STRUCT_SEQS.slice(0, 2).forEach(([attr, , , fields], i) => set(attr, structSeq(types[i]!, fields)));
  set('version', str(`${VERSION_INFO.slice(0, 3).join('.')} (gilpy ${GILPY_VERSION.slice(0, 3).join('.')}) `
    + `[Node.js ${typeof process === 'undefined' ? '' : process.versions.node}]`));
  set('hexversion', int(HEXVERSION));
  set('api_version', int(1013));
  set('maxsize', int(2n ** 63n - 1n));
  set('maxunicode', int(0x10ffff));
  set('byteorder', str('little'));
  set('platform', str('linux'));
  set('executable', str(typeof process === 'undefined' ? '' : (process.argv[1] ?? '')));
  for (const p of ['prefix', 'base_prefix', 'exec_prefix', 'base_exec_prefix']) set(p, str(''));
  set('float_repr_style', str('short'));
  set('dont_write_bytecode', rt.True);
  set('argv', listSteal(rt, host.argv.map(str)));
  set('orig_argv', listSteal(rt, ['gilpy', ...host.argv].map(str)));
  set('path', listSteal(rt, host.searchPath.map(str)));
  const modules = rt.root(Root.SYS_MODULES);
  rt.incref(modules);
  set('modules', modules);
  const builtinNames = ['builtins', 'sys', ...[...MODULES.keys()].filter((m) => m !== 'sys')].sort();
  set('builtin_module_names', tupleSteal(rt, builtinNames.map(str)));
  STRUCT_SEQS.slice(2).forEach(([attr, , , fields], i) => set(attr, structSeq(types[i + 2]!, fields)));
  // sys.__displayhook__: the hook as it was at start-up (a program may replace sys.displayhook)
  const hookKey = intern(rt, 'displayhook');
  const hook = dictGet(rt, dict, hookKey);
  rt.decref(hookKey);
  if (hook !== 0) setGlobal(rt, dict, '__displayhook__', hook);
  const streamType = types[STRUCT_SEQS.length]!;
  ['stdin', 'stdout', 'stderr'].forEach((name, fd) => {
    const s = newStream(rt, streamType, fd);
    setGlobal(rt, dict, `__${name}__`, s);
    set(name, s);
  });
});


// sys._getframemodulename(depth=0), from CPython 3.12 (gilpy has no frame objects): the module name of the
// caller `depth` frames up, or None. namedtuple uses it to give its class the caller's __module__.
defineModuleFunction('sys', '_getframemodulename', (rt, args, kwargs) => {
  const [depthArg] = parseArgs(rt, '_getframemodulename', args, kwargs, ['depth=']);
  let depth = depthArg === undefined ? 0 : Number(indexValue(rt, depthArg));
  let f = interpOf(rt).ts.frame as Ref;
  while (f !== 0 && depth-- > 0) f = rt.i32[(f + FR_PREV) >> 2]! as Ref;
  if (f === 0) return rt.None;
  const key = intern(rt, '__name__');
  const name = dictGet(rt, rt.i32[(f + FR_GLOBALS) >> 2]! as Ref, key);
  rt.decref(key);
  const r = name === 0 ? rt.None : name;
  rt.incref(r);
  return r;
});
