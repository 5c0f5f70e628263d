/** The `_thread` module: starting green threads, and the two lock types everything in `threading` and
 *  `queue` is built from (cf. CPython _threadmodule.c). Acquiring a held lock blocks through the
 *  scheduler, which hands the GIL to another thread meanwhile. */
import type { Ref } from '../../heap/layout.js';
import type { Runtime } from '../../runtime.js';
import { Kind } from '../../objects/kinds.js';
import { setGlobal } from '../../objects/module.js';
import { defineConstructor } from '../../objects/constructors.js';
import { defineSlots } from '../../objects/slots.js';
import { defineMethod } from '../../objects/type.js';
import { excMatches, excType, formatException } from '../../objects/exceptions.js';
import { idOf, repr, truthy } from '../../objects/protocols.js';
import { secondsArg } from './time.js';
import { tupleItems } from '../../objects/tuple.js';
import { dictItems } from '../../objects/dict.js';
import { callObject } from '../../interp/call.js';
import { checkArity, parseArgs } from '../args.js';
import { hostOf } from '../host-access.js';
import { defineModule, defineModuleFunction } from '../registry.js';
import { schedulerOf, type GreenThread } from '../../sched/scheduler.js';
import { noGilMode, ringDoorbell } from '../../nogil/mode.js';

// ---- lock layout (no references: not a container) ----
/** 1 while held (for an RLock: the recursion count). */
const LOCK_COUNT = 16;
/** The scheduler id of the thread that holds it (0: none); CPython's Lock records no owner, but the
 *  deadlock report names it. */
const LOCK_OWNER = 20;
const LOCK_BYTES = 24;

/** A new, unlocked lock or RLock (new reference). */
function newLock(rt: Runtime, kind: Kind.LOCK | Kind.RLOCK): Ref {
  return rt.allocKind(kind, LOCK_BYTES);
}

const count = (rt: Runtime, l: Ref): number => rt.i32[(l + LOCK_COUNT) >> 2]!;
const owner = (rt: Runtime, l: Ref): number => rt.i32[(l + LOCK_OWNER) >> 2]!;
function setState(rt: Runtime, l: Ref, c: number, o: number): void {
  rt.i32[(l + LOCK_COUNT) >> 2] = c;
  rt.i32[(l + LOCK_OWNER) >> 2] = o;
}

/** acquire(blocking=True, timeout=-1)'s arguments as a deadline on the scheduler's clock (Infinity for
 *  none), or null for a non-blocking try (cf. lock_acquire_parse_args). */
function acquireDeadline(rt: Runtime, fname: string, args: Ref[], kwargs: Map<string, Ref> | null): number | null {
  const [b, t] = parseArgs(rt, fname, args, kwargs, ['blocking=', 'timeout=']);
  const blocking = b === undefined ? true : truthy(rt, b);
  const timeout = t === undefined ? -1 : secondsArg(rt, t);
  if (!blocking && timeout !== -1) rt.raise('ValueError', "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) rt.raise('ValueError', 'timeout value must be positive');
  if (!blocking) return null;
  if (timeout === -1) return Infinity;
  return schedulerOf(rt).now() + timeout * 1000;
}
/** Waits (through the scheduler) until `ready`, or the deadline; true if it became ready. */
function waitFor(rt: Runtime, l: Ref, deadline: number, ready: () => boolean): boolean {
  const sched = schedulerOf(rt);
  return sched.block({
    ready, deadline,
    what: `${rt.kindOf(l) === Kind.RLOCK ? 'RLock' : 'lock'} at 0x${idOf(l).toString(16)}`,
    holder: () => sched.threads.find((t) => t.gid === owner(rt, l)) ?? null,
    // without the GIL, a thread of another worker may release it: the scheduler sleeps on the doorbell
    external: noGilMode() !== null,
  });
}

function currentId(rt: Runtime): number {
  return schedulerOf(rt).current.gid;
}

// ---- no-GIL mode: the lock word taken by compare-and-swap ----
/** Takes a free lock for thread `me` (count 0 -> `c`) with one compare-and-swap; true if it did. */
function casTake(rt: Runtime, l: Ref, me: number, c: number): boolean {
  if (Atomics.compareExchange(rt.i32, (l + LOCK_COUNT) >> 2, 0, c) !== 0) return false;
  Atomics.store(rt.i32, (l + LOCK_OWNER) >> 2, me);
  return true;
}
/** Frees a lock (owner first: whoever takes it next writes its own) and rings the doorbell. */
function casRelease(rt: Runtime, l: Ref): void {
  Atomics.store(rt.i32, (l + LOCK_OWNER) >> 2, 0);
  Atomics.store(rt.i32, (l + LOCK_COUNT) >> 2, 0);
  ringDoorbell(noGilMode()!.doorbell);
}
/**
 * A blocking acquire without the GIL: the wait's readiness test takes the lock itself (so no other
 * thread can slip in between "it is free" and "it is mine"), and remembers it in `t.grabbed` for the call
 * that runs again after the thread is woken. Returns true once held, false on timeout.
 */
function casAcquireBlocking(rt: Runtime, l: Ref, t: GreenThread, deadline: number): boolean {
  const got = waitFor(rt, l, deadline, () => {
    if (t.grabbed === l) return true;
    if (!casTake(rt, l, t.gid, 1)) return false;
    t.grabbed = l;
    return true;
  });
  t.grabbed = 0;
  return got;
}
/** lock.acquire without the GIL: True or False (immortal, no count to own). */
function noGilLockAcquire(rt: Runtime, self: Ref, deadline: number | null): Ref {
  const t = schedulerOf(rt).current;
  if (t.woke === null && casTake(rt, self, t.gid, 1)) return rt.True;
  if (deadline === null) return rt.False;
  return casAcquireBlocking(rt, self, t, deadline) ? rt.True : rt.False;
}
function noGilRLockAcquire(rt: Runtime, self: Ref, deadline: number | null): Ref {
  const t = schedulerOf(rt).current;
  // (a call run again after its wait took the lock finds itself the owner: that is not a re-entry)
  if (t.grabbed !== self && Atomics.load(rt.i32, (self + LOCK_OWNER) >> 2) === t.gid && count(rt, self) > 0) {
    rt.i32[(self + LOCK_COUNT) >> 2] = count(rt, self) + 1; // only the owner writes a held RLock's count
    return rt.True;
  }
  return noGilLockAcquire(rt, self, deadline);
}

// ---- _thread.lock ----
function lockAcquire(rt: Runtime, self: Ref, deadline: number | null): Ref {
  if (noGilMode() !== null) return noGilLockAcquire(rt, self, deadline);
  // a free lock is taken at once, unless this is a call run again after a wait: that one ends its wait
  // in the scheduler (block), free lock or not
  if (deadline === null || schedulerOf(rt).current.woke === null) {
    if (count(rt, self) === 0) {
      setState(rt, self, 1, currentId(rt));
      return rt.True;
    }
    if (deadline === null) return rt.False;
  }
  if (!waitFor(rt, self, deadline, () => count(rt, self) === 0)) return rt.False;
  setState(rt, self, 1, currentId(rt));
  return rt.True;
}

defineSlots(Kind.LOCK, {
  hash: (_rt, r) => (r >> 4) | 0,
  repr(rt, l) {
    return `<${count(rt, l) > 0 ? 'locked' : 'unlocked'} _thread.lock object at 0x${idOf(l).toString(16)}>`;
  },
});
for (const name of ['acquire', 'acquire_lock']) {
  defineMethod(Kind.LOCK, 'lock', name, (rt, args, kwargs, self) =>
    lockAcquire(rt, self, acquireDeadline(rt, name, args, kwargs)));
}
defineMethod(Kind.LOCK, 'lock', '__enter__', (rt, args, kwargs, self) => {
  checkArity(rt, '__enter__', args, kwargs, 0, 0);
  return lockAcquire(rt, self, Infinity);
});
for (const name of ['release', 'release_lock', '__exit__']) {
  defineMethod(Kind.LOCK, 'lock', name, (rt, _args, _kwargs, self) => {
    if (count(rt, self) === 0) rt.raise('RuntimeError', 'release unlocked lock');
    if (noGilMode() !== null) casRelease(rt, self);
    else setState(rt, self, 0, 0);
    return rt.None;
  });
}
for (const name of ['locked', 'locked_lock']) {
  defineMethod(Kind.LOCK, 'lock', name, (rt, args, kwargs, self) => {
    checkArity(rt, name, args, kwargs, 0, 0);
    return count(rt, self) > 0 ? rt.True : rt.False;
  });
}

// ---- _thread.RLock ----
function rlockAcquire(rt: Runtime, self: Ref, deadline: number | null): Ref {
  if (noGilMode() !== null) return noGilRLockAcquire(rt, self, deadline);
  const me = currentId(rt);
  if (owner(rt, self) === me && count(rt, self) > 0) {
    setState(rt, self, count(rt, self) + 1, me);
    return rt.True;
  }
  if (deadline === null || schedulerOf(rt).current.woke === null) {
    if (count(rt, self) === 0) {
      setState(rt, self, 1, me);
      return rt.True;
    }
    if (deadline === null) return rt.False;
  }
  if (!waitFor(rt, self, deadline, () => count(rt, self) === 0)) return rt.False;
  setState(rt, self, 1, me);
  return rt.True;
}
function rlockRelease(rt: Runtime, self: Ref): void {
  if (owner(rt, self) !== currentId(rt) || count(rt, self) === 0) rt.raise('RuntimeError', 'cannot release un-acquired lock');
  const c = count(rt, self) - 1;
  if (c === 0 && noGilMode() !== null) casRelease(rt, self);
  else setState(rt, self, c, c === 0 ? 0 : owner(rt, self));
}
function identOf(rt: Runtime, id: number): number {
  return id === 0 ? 0 : schedulerOf(rt).threads.find((t) => t.gid === id)?.ident ?? 0;
}

defineSlots(Kind.RLOCK, {
  hash: (_rt, r) => (r >> 4) | 0,
  repr(rt, l) {
    const c = count(rt, l);
    return `<${c > 0 ? 'locked' : 'unlocked'} _thread.RLock object owner=${identOf(rt, owner(rt, l))} count=${c} ` +
      `at 0x${idOf(l).toString(16)}>`;
  },
});
defineMethod(Kind.RLOCK, 'RLock', 'acquire', (rt, args, kwargs, self) =>
  rlockAcquire(rt, self, acquireDeadline(rt, 'acquire', args, kwargs)));
defineMethod(Kind.RLOCK, 'RLock', '__enter__', (rt, args, kwargs, self) => {
  checkArity(rt, '__enter__', args, kwargs, 0, 0);
  return rlockAcquire(rt, self, Infinity);
});
for (const name of ['release', '__exit__']) {
  defineMethod(Kind.RLOCK, 'RLock', name, (rt, _args, _kwargs, self) => {
    rlockRelease(rt, self);
    return rt.None;
  });
}
defineMethod(Kind.RLOCK, 'RLock', '_is_owned', (rt, _a, _k, self) =>
  owner(rt, self) === currentId(rt) && count(rt, self) > 0 ? rt.True : rt.False);
/** Condition.wait on an RLock: release it entirely, remembering the count (cf. rlock_release_save). */
defineMethod(Kind.RLOCK, 'RLock', '_release_save', (rt, _a, _k, self) => {
  if (count(rt, self) === 0) rt.raise('RuntimeError', 'cannot release un-acquired lock');
  const state = rt.newInt(count(rt, self));
  if (noGilMode() !== null) casRelease(rt, self);
  else setState(rt, self, 0, 0);
  return state;
});
defineMethod(Kind.RLOCK, 'RLock', '_acquire_restore', (rt, args, _k, self) => {
  const c = Number(rt.intValue(args[0]!));
  const got = rlockAcquire(rt, self, Infinity);
  if (got === rt.True) setState(rt, self, c, currentId(rt));
  return rt.None;
});

// ---- threads ----
/**
 * start_new_thread(function, args, kwargs={}): a new green thread running function(*args, **kwargs);
 * returns its ident. An exception it lets out is reported as CPython's thread_run reports it.
 */
defineModuleFunction('_thread', 'start_new_thread', (rt, args, kwargs) => {
  checkArity(rt, 'start_new_thread', args, kwargs, 2, 3);
  const [func, fargs] = args as [Ref, Ref];
  const fkw = args[2];
  if (rt.kindOf(fargs) !== Kind.TUPLE) rt.raise('TypeError', '2nd arg must be a tuple');
  if (fkw !== undefined && rt.kindOf(fkw) !== Kind.DICT) rt.raise('TypeError', 'optional 3rd arg must be a dictionary');
  const sched = schedulerOf(rt);
  const nogil = noGilMode();
  if (nogil !== null) {
    // no-GIL mode: the host hands the thread to a worker (a worker keeps it), which owns these references
    for (const r of [func, fargs, fkw ?? 0]) if (r !== 0) rt.incref(r);
    return rt.newInt(nogil.startThread(func, fargs, fkw ?? 0, `Thread-${sched.threads.length}`).ident);
  }
  return rt.newInt(startThreadHere(rt, func, fargs, fkw, `Thread-${sched.threads.length}`));
});

/**
 * Starts func(*fargs, **fkw) as a thread of this scheduler (GIL mode; or a worker's thread in no-GIL
 * mode, where `given` carries the identity the host chose, and the references are already the thread's).
 * Returns its ident.
 */
export function startThreadHere(rt: Runtime, func: Ref, fargs: Ref, fkw: Ref | undefined, name: string,
  given?: { ident: number; gid: number }): number {
  const sched = schedulerOf(rt);
  const held = [func, fargs, ...(fkw === undefined ? [] : [fkw])];
  if (given === undefined) for (const r of held) rt.incref(r);
  const t = sched.spawn(`Thread-${sched.threads.length}`, {
    begin(interp) {
      const kw = fkw === undefined ? null : new Map(dictItems(rt, fkw).map(([k, v]) => [rt.strValue(k), v]));
      const pos = tupleItems(rt, fargs);
      const frame = interp.pushCall(func, pos, kw);
      if (frame !== 0) return frame;
      rt.decref(callObject(rt, func, pos, kw));
      return 0;
    },
    end(_interp, exc) {
      try {
        if (exc !== 0 && !excMatches(rt, exc, 'SystemExit')) {
          const host = hostOf(rt);
          host.stdout.flush();
          host.stderr.write(`Exception ignored in thread started by: ${repr(rt, func)}\n${formatException(rt, exc)}`);
          host.stderr.flush();
        }
      } finally {
        if (exc !== 0) rt.decref(exc);
        for (const r of held) rt.decref(r);
      }
      return 0;
    },
    drop() {
      for (const r of held) rt.decref(r);
    },
  }, given?.ident, given?.gid);
  return t.ident;
}

defineModuleFunction('_thread', 'allocate_lock', (rt, args, kwargs) => {
  checkArity(rt, 'allocate_lock', args, kwargs, 0, 0);
  return newLock(rt, Kind.LOCK);
});
defineModuleFunction('_thread', 'get_ident', (rt, args, kwargs) => {
  checkArity(rt, 'get_ident', args, kwargs, 0, 0);
  return rt.newInt(schedulerOf(rt).current.ident);
});
/** A small per-thread number, as a kernel thread id looks (distinct from get_ident's value). */
defineModuleFunction('_thread', 'get_native_id', (rt, args, kwargs) => {
  checkArity(rt, 'get_native_id', args, kwargs, 0, 0);
  return rt.newInt(process.pid + schedulerOf(rt).current.id - 1);
});
defineModuleFunction('_thread', '_count', (rt, args, kwargs) => {
  checkArity(rt, '_count', args, kwargs, 0, 0);
  return rt.newInt(schedulerOf(rt).liveThreads().length - 1);
});
/** gilpy's own: prints an exception's traceback to stderr as the interpreter prints an uncaught one
 *  (threading.excepthook's report; CPython uses the traceback module there). */
defineModuleFunction('_thread', '_print_exception', (rt, args, kwargs) => {
  checkArity(rt, '_print_exception', args, kwargs, 1, 1);
  const host = hostOf(rt);
  host.stdout.flush();
  host.stderr.write(formatException(rt, args[0]!));
  host.stderr.flush();
  return rt.None;
});
/** gilpy's own: names the running green thread in the scheduler (for --stats and deadlock reports). */
defineModuleFunction('_thread', '_set_name', (rt, args, kwargs) => {
  checkArity(rt, '_set_name', args, kwargs, 1, 1);
  schedulerOf(rt).current.name = rt.strValue(args[0]!);
  return rt.None;
});

defineModule('_thread', (rt, d) => {
  noGilMode()?.prepareThreads(); // no-GIL mode: the host starts its worker threads (threads.ts)
  setGlobal(rt, d, 'LockType', rt.types[Kind.LOCK]!);
  setGlobal(rt, d, 'RLock', rt.types[Kind.RLOCK]!);
  setGlobal(rt, d, 'error', excType(rt, 'RuntimeError'));
  const max = rt.newFloat(9223372036.0);
  setGlobal(rt, d, 'TIMEOUT_MAX', max);
  rt.decref(max);
});

defineConstructor(Kind.RLOCK, (rt, _type, args, kwargs) => {
  checkArity(rt, 'RLock', args, kwargs, 0, 0);
  return newLock(rt, Kind.RLOCK);
});
