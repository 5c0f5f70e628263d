/**
 * `_gilpy_process`: what the `multiprocessing` library module (src/lib/multiprocessing*.py) is built on:
 * forking, the process table, channels, shared locks and shared memory between processes (see
 * src/vm/proc/). Every blocking call waits through the scheduler with an `external` wait, so the other
 * threads of this process run meanwhile and a wait for another process is never taken for a deadlock.
 * The functions take positional arguments only: the library module is their one caller.
 */
import type { Ref } from '../../heap/layout.js';
import type { Runtime } from '../../runtime.js';
import { Kind } from '../../objects/kinds.js';
import { newBytes, bytesValue, isBytesLike } from '../../objects/bytes.js';
import { formatException } from '../../objects/exceptions.js';
import { tupleFrom } from '../../objects/tuple.js';
import { truthy } from '../../objects/protocols.js';
import { defineModuleFunction } from '../registry.js';
import { checkArity } from '../args.js';
import { secondsArg } from './time.js';
import { schedulerOf } from '../../sched/scheduler.js';
import { ProcessExit } from '../../sched/signals.js';
import {
  childStatus, cpuCount, fork, processContext, stopChild, waitChild,
} from '../../proc/processes.js';
import { Channel, CHANNEL_BYTES, channelBytes } from '../../proc/channel.js';
import { RECURSIVE_MUTEX, SemLock, SEMLOCK_BYTES } from '../../proc/semlock.js';
import { dumps, loads } from '../../proc/pickle.js';

const M = '_gilpy_process';

function intArg(rt: Runtime, r: Ref): number {
  return Number(rt.intValue(r));
}
/** A timeout argument: None for none, else seconds (negative counts as 0, as multiprocessing's). */
function timeoutArg(rt: Runtime, r: Ref | undefined): number | null {
  if (r === undefined || r === rt.None) return null;
  return Math.max(0, secondsArg(rt, r));
}

/** The deadline of a wait of `timeout` seconds (null: none), on the scheduler's clock. */
function deadlineAfter(rt: Runtime, timeout: number | null): { deadline: number } {
  return { deadline: timeout === null ? Infinity : schedulerOf(rt).now() + timeout * 1000 };
}

/** Waits until `ready` (checked again after every wake-up) or `until.deadline`; true if ready. A call that
 *  waits again after losing a race keeps its deadline: a rewound call's wait takes its first run's
 *  deadline (Scheduler.block), which this writes back to `until` for the call's later waits. */
function waitUntil(rt: Runtime, what: string, until: { deadline: number }, ready: () => boolean): boolean {
  const wait = { ready, deadline: until.deadline, what, holder: () => null, external: true };
  const ok = schedulerOf(rt).block(wait);
  until.deadline = wait.deadline;
  return ok;
}

/** True when this call is running again after the thread waited in it (the scheduler rewound it). A call
 *  that does not block is never one (a rewound call that raised before it waited again leaves `woke` set). */
function rerun(rt: Runtime, block: boolean): boolean {
  return block && schedulerOf(rt).rerunning();
}

// ---- processes ----
defineModuleFunction(M, 'fork', (rt, args, kwargs) => {
  checkArity(rt, 'fork', args, kwargs, 1, 1);
  return rt.newInt(fork(rt, args[0]!));
});
defineModuleFunction(M, 'status', (rt, args, kwargs) => {
  checkArity(rt, 'status', args, kwargs, 1, 1);
  const s = childStatus(rt, intArg(rt, args[0]!));
  return s === null ? rt.None : rt.newInt(s);
});
defineModuleFunction(M, 'wait', (rt, args, kwargs) => {
  checkArity(rt, 'wait', args, kwargs, 1, 2);
  waitChild(rt, intArg(rt, args[0]!), timeoutArg(rt, args[1]));
  return rt.None;
});
defineModuleFunction(M, 'signal', (rt, args, kwargs) => {
  checkArity(rt, 'signal', args, kwargs, 2, 2);
  stopChild(rt, intArg(rt, args[0]!), intArg(rt, args[1]!));
  return rt.None;
});
defineModuleFunction(M, 'getpid', (rt, args, kwargs) => {
  checkArity(rt, 'getpid', args, kwargs, 0, 0);
  return rt.newInt(processContext(rt).pid);
});
defineModuleFunction(M, 'getppid', (rt, args, kwargs) => {
  checkArity(rt, 'getppid', args, kwargs, 0, 0);
  const p = processContext(rt).parentPid;
  return p === null ? rt.None : rt.newInt(p);
});
defineModuleFunction(M, 'cpu_count', (rt, args, kwargs) => {
  checkArity(rt, 'cpu_count', args, kwargs, 0, 0);
  return rt.newInt(cpuCount());
});
/** The status this (child) process ends with; _bootstrap sets it. */
defineModuleFunction(M, 'set_exitcode', (rt, args, kwargs) => {
  checkArity(rt, 'set_exitcode', args, kwargs, 1, 1);
  processContext(rt).exitcode = intArg(rt, args[0]!);
  return rt.None;
});
/** exit_now(code): os._exit(), the process ends at once (exit status code & 0xff, as waitpid reports). */
defineModuleFunction(M, 'exit_now', (rt, args, kwargs) => {
  checkArity(rt, 'exit_now', args, kwargs, 1, 1);
  const code = args[0]!;
  if (rt.kindOf(code) !== Kind.INT && rt.kindOf(code) !== Kind.BOOL) {
    rt.raise('TypeError', `'${rt.typeNameOf(code)}' object cannot be interpreted as an integer`);
  }
  throw new ProcessExit(Number(BigInt.asUintN(8, BigInt(rt.intValue(code)))));
});
/** An exception's traceback, formatted as the interpreter prints it. */
defineModuleFunction(M, 'format_exception', (rt, args, kwargs) => {
  checkArity(rt, 'format_exception', args, kwargs, 1, 1);
  return rt.newStr(formatException(rt, args[0]!));
});

// ---- pickling ----
defineModuleFunction(M, 'dumps', (rt, args, kwargs) => {
  checkArity(rt, 'dumps', args, kwargs, 1, 1);
  return newBytes(rt, dumps(rt, args[0]!));
});
defineModuleFunction(M, 'loads', (rt, args, kwargs) => {
  checkArity(rt, 'loads', args, kwargs, 1, 1);
  const b = args[0]!;
  if (!isBytesLike(rt, b)) rt.raise('TypeError', `a bytes-like object is required, not '${rt.typeNameOf(b)}'`);
  const data = bytesValue(rt, b); // (a copy; a bytearray is copied under its lock in no-GIL mode)
  return loads(rt, data);
});

// ---- channels: message queues between processes ----
function channel(rt: Runtime, id: Ref): Channel {
  return new Channel(processContext(rt).shared(intArg(rt, id)));
}
defineModuleFunction(M, 'channel', (rt, args, kwargs) => {
  checkArity(rt, 'channel', args, kwargs, 0, 0);
  return rt.newInt(processContext(rt).addShared(channelBytes()));
});
/** put(id, obj, block, timeout) -> True, or False when it timed out full. Pickles obj first (so what cannot
 *  be pickled fails in the caller, as Connection.send does). */
defineModuleFunction(M, 'put', (rt, args, kwargs) => {
  checkArity(rt, 'put', args, kwargs, 4, 4);
  const ch = channel(rt, args[0]!);
  const msg = dumps(rt, args[1]!);
  if (ch.tooBig(msg.length)) {
    rt.raise('ValueError', `gilpy: a message of ${msg.length} bytes is larger than a channel holds (${CHANNEL_BYTES >> 20} MiB)`);
  }
  const ctx = processContext(rt);
  const block = truthy(rt, args[2]!);
  // a call run again after a wait (see Scheduler.block) ends that wait first
  if (!rerun(rt, block) && ch.put(msg)) {
    ctx.ring();
    return rt.True;
  }
  if (!block) return rt.False;
  const until = deadlineAfter(rt, timeoutArg(rt, args[3]));
  for (;;) {
    if (!waitUntil(rt, 'room in a multiprocessing queue', until, () => ch.count() === 0 || !ch.tooBig(msg.length))) return rt.False;
    if (ch.put(msg)) {
      ctx.ring();
      return rt.True;
    }
  }
});
/** get(id, block, timeout) -> (True, obj), or (False, None) when empty (at once, or at the timeout). */
defineModuleFunction(M, 'get', (rt, args, kwargs) => {
  checkArity(rt, 'get', args, kwargs, 3, 3);
  const ch = channel(rt, args[0]!);
  const block = truthy(rt, args[1]!);
  const until = deadlineAfter(rt, timeoutArg(rt, args[2]));
  const ctx = processContext(rt);
  for (let first = !rerun(rt, block); ; first = true) {
    const msg = first ? ch.get() : null;
    if (msg !== null) {
      ctx.ring();
      const obj = loads(rt, msg);
      try {
        return tupleFrom(rt, [rt.True, obj]);
      } finally {
        rt.decref(obj);
      }
    }
    if (first && (!block || ch.closed())) return tupleFrom(rt, [rt.False, rt.None]);
    if (!waitUntil(rt, 'a message in a multiprocessing queue', until, () => ch.count() > 0 || ch.closed())) {
      return tupleFrom(rt, [rt.False, rt.None]);
    }
  }
});
defineModuleFunction(M, 'count', (rt, args, kwargs) => {
  checkArity(rt, 'count', args, kwargs, 1, 1);
  return rt.newInt(channel(rt, args[0]!).count());
});
defineModuleFunction(M, 'close', (rt, args, kwargs) => {
  checkArity(rt, 'close', args, kwargs, 1, 1);
  channel(rt, args[0]!).close();
  processContext(rt).ring();
  return rt.None;
});
defineModuleFunction(M, 'closed', (rt, args, kwargs) => {
  checkArity(rt, 'closed', args, kwargs, 1, 1);
  return channel(rt, args[0]!).closed() ? rt.True : rt.False;
});

// ---- locks and semaphores shared between processes ----
function semlock(rt: Runtime, id: Ref): SemLock {
  return new SemLock(processContext(rt).shared(intArg(rt, id)));
}
/** semlock(kind, value, maxvalue) -> id; kind 0: semaphore (a Lock is one of value 1), 1: recursive lock. */
defineModuleFunction(M, 'semlock', (rt, args, kwargs) => {
  checkArity(rt, 'semlock', args, kwargs, 3, 3);
  const ctx = processContext(rt);
  const id = ctx.addShared(SEMLOCK_BYTES);
  new SemLock(ctx.shared(id)).init(intArg(rt, args[0]!), intArg(rt, args[1]!), intArg(rt, args[2]!));
  return rt.newInt(id);
});
/** acquire(id, block, timeout) -> bool */
defineModuleFunction(M, 'acquire', (rt, args, kwargs) => {
  checkArity(rt, 'acquire', args, kwargs, 3, 3);
  const lock = semlock(rt, args[0]!);
  const pid = processContext(rt).pid;
  const ident = schedulerOf(rt).current.ident;
  const block = truthy(rt, args[1]!);
  if (!rerun(rt, block) && lock.tryAcquire(pid, ident)) return rt.True;
  if (!block) return rt.False;
  const until = deadlineAfter(rt, timeoutArg(rt, args[2]));
  const what = lock.kind === RECURSIVE_MUTEX ? 'a multiprocessing RLock' : 'a multiprocessing Lock or Semaphore';
  for (;;) {
    if (!waitUntil(rt, what, until, () => lock.value > 0)) return rt.False;
    if (lock.tryAcquire(pid, ident)) return rt.True;
  }
});
defineModuleFunction(M, 'release', (rt, args, kwargs) => {
  checkArity(rt, 'release', args, kwargs, 1, 1);
  const lock = semlock(rt, args[0]!);
  const err = lock.release(processContext(rt).pid, schedulerOf(rt).current.ident);
  if (err !== null) rt.raise(lock.kind === RECURSIVE_MUTEX ? 'AssertionError' : 'ValueError', err);
  processContext(rt).ring();
  return rt.None;
});
defineModuleFunction(M, 'sem_value', (rt, args, kwargs) => {
  checkArity(rt, 'sem_value', args, kwargs, 1, 1);
  return rt.newInt(semlock(rt, args[0]!).value);
});
/** sem_mine(id) -> the caller's recursion depth in it (0: not held by the calling thread). */
defineModuleFunction(M, 'sem_mine', (rt, args, kwargs) => {
  checkArity(rt, 'sem_mine', args, kwargs, 1, 1);
  const lock = semlock(rt, args[0]!);
  return rt.newInt(lock.isMine(processContext(rt).pid, schedulerOf(rt).current.ident) ? lock.depth() : 0);
});

/** sem_owner(id) -> the pid of the process that took it last (0: none), for the reprs of Lock and RLock. */
defineModuleFunction(M, 'sem_owner', (rt, args, kwargs) => {
  checkArity(rt, 'sem_owner', args, kwargs, 1, 1);
  return rt.newInt(semlock(rt, args[0]!).ownerPid());
});

// ---- shared memory (Value, Array, and Event's flag) ----
const SIZES: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, f: 4, d: 8, c: 1, '?': 1 };
function typecode(rt: Runtime, r: Ref): string {
  const c = rt.strValue(r);
  if (SIZES[c] === undefined) rt.raise('TypeError', `bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)`);
  return c;
}
defineModuleFunction(M, 'shm', (rt, args, kwargs) => {
  checkArity(rt, 'shm', args, kwargs, 2, 2);
  const n = intArg(rt, args[1]!) * SIZES[typecode(rt, args[0]!)]!;
  return rt.newInt(processContext(rt).addShared(Math.max(8, (n + 7) & ~7)));
});
function view(rt: Runtime, id: Ref): DataView {
  return new DataView(processContext(rt).shared(intArg(rt, id)));
}
/** shm_get(id, typecode, index) */
defineModuleFunction(M, 'shm_get', (rt, args, kwargs) => {
  checkArity(rt, 'shm_get', args, kwargs, 3, 3);
  const v = view(rt, args[0]!);
  const c = typecode(rt, args[1]!);
  const at = intArg(rt, args[2]!) * SIZES[c]!;
  switch (c) {
    case 'b': return rt.newInt(v.getInt8(at));
    case 'B': return rt.newInt(v.getUint8(at));
    case 'h': return rt.newInt(v.getInt16(at, true));
    case 'H': return rt.newInt(v.getUint16(at, true));
    case 'i': return rt.newInt(Atomics.load(new Int32Array(v.buffer), at >> 2));
    case 'I': return rt.newInt(v.getUint32(at, true));
    case 'l': case 'q': return rt.newInt(v.getBigInt64(at, true));
    case 'L': case 'Q': return rt.newInt(v.getBigUint64(at, true));
    case 'f': return rt.newFloat(v.getFloat32(at, true));
    case 'd': return rt.newFloat(v.getFloat64(at, true));
    case '?': return v.getUint8(at) !== 0 ? rt.True : rt.False;
    default: return newBytes(rt, new Uint8Array([v.getUint8(at)]));
  }
});
/** shm_set(id, typecode, index, value): C's conversions (an int wraps to the type's width). */
defineModuleFunction(M, 'shm_set', (rt, args, kwargs) => {
  checkArity(rt, 'shm_set', args, kwargs, 4, 4);
  const v = view(rt, args[0]!);
  const c = typecode(rt, args[1]!);
  const at = intArg(rt, args[2]!) * SIZES[c]!;
  const x = args[3]!;
  if (c === 'f' || c === 'd') {
    const k = rt.kindOf(x);
    if (k !== Kind.FLOAT && k !== Kind.INT && k !== Kind.BOOL) rt.raise('TypeError', `must be real number, not ${rt.typeNameOf(x)}`);
    const f = k === Kind.FLOAT ? rt.floatValue(x) : Number(rt.intValue(x));
    if (c === 'f') v.setFloat32(at, f, true);
    else v.setFloat64(at, f, true);
  } else if (c === '?') {
    v.setUint8(at, truthy(rt, x) ? 1 : 0); // ctypes' c_bool takes any object's truth
  } else if (c === 'c') {
    if (rt.kindOf(x) !== Kind.BYTES || bytesValue(rt, x).length !== 1) rt.raise('TypeError', 'one character bytes, bytearray or integer expected');
    v.setUint8(at, bytesValue(rt, x)[0]!);
  } else {
    const k = rt.kindOf(x);
    if (k !== Kind.INT && k !== Kind.BOOL) rt.raise('TypeError', `'${rt.typeNameOf(x)}' object cannot be interpreted as an integer`);
    const n = BigInt(rt.intValue(x));
    switch (c) {
      case 'b': case 'B': v.setUint8(at, Number(BigInt.asUintN(8, n))); break;
      case 'h': case 'H': v.setUint16(at, Number(BigInt.asUintN(16, n)), true); break;
      case 'i': Atomics.store(new Int32Array(v.buffer), at >> 2, Number(BigInt.asIntN(32, n))); break;
      case 'I': v.setUint32(at, Number(BigInt.asUintN(32, n)), true); break;
      default: v.setBigUint64(at, BigInt.asUintN(64, n), true);
    }
  }
  processContext(rt).ring();
  return rt.None;
});
/** shm_wait(id, index, value, timeout): waits while the 'i' item at index equals value; True if it changed. */
defineModuleFunction(M, 'shm_wait', (rt, args, kwargs) => {
  checkArity(rt, 'shm_wait', args, kwargs, 4, 4);
  const words = new Int32Array(processContext(rt).shared(intArg(rt, args[0]!)));
  const i = intArg(rt, args[1]!);
  const value = intArg(rt, args[2]!);
  const changed = waitUntil(rt, 'a multiprocessing Event', deadlineAfter(rt, timeoutArg(rt, args[3])), () => Atomics.load(words, i) !== value);
  return changed ? rt.True : rt.False;
});
