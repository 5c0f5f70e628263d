/** The import system: built-in modules made on first import, a user's own `.py` files found on the
 *  search path (the script's folder), then the library modules written in Python that gilpy carries
 *  (src/lib, as pylib.gen.ts), each cached in sys.modules (cf. importlib._bootstrap). */
import { join } from 'node:path';
import type { Ref } from '../heap/layout.js';
import { PyRaise, Root, type Runtime } from '../runtime.js';
import { getAttrOrNull } from '../objects/attrs.js';
import { dictDel, dictGet, dictSet } from '../objects/dict.js';
import { excType, newException, setExcAttr, sourceCache } from '../objects/exceptions.js';
import { newModule, moduleDict, setGlobal } from '../objects/module.js';
import { newBuiltin } from '../objects/native.js';
import { intern } from '../objects/type.js';
import { tupleSize } from '../objects/tuple.js';
import { setImportHook } from '../interp/support.js';
import type { Interpreter } from '../interp/loop.js';
import { defineBuiltin, MODULES, type HostServices } from './registry.js';
import { parseArgs } from './args.js';
import { Kind } from '../objects/kinds.js';
import { listItems, listItemsRef, listSize } from '../objects/list.js';
import { tupleFrom, tupleSteal } from '../objects/tuple.js';
import { hostOf, interpOf } from './host-access.js';
import type { CodeData } from '../../compiler/code.js';
import { newCode } from '../objects/code.js';
import { PYLIB_SOURCES } from './pylib.gen.js';
import { splitLines } from '../../lexer/indent.js';

/** Compiles source to a heap code object; supplied by the VM (which owns the compiler). */
export let compileHook: (rt: Runtime, source: string, filename: string) => Ref = (rt) =>
  rt.raise('ImportError', 'no compiler');
export function setCompileHook(f: typeof compileHook): void {
  compileHook = f;
}

function sysModules(rt: Runtime): Ref {
  return rt.root(Root.SYS_MODULES);
}

function cached(rt: Runtime, name: string): Ref | 0 {
  const k = rt.newStr(name);
  const m = dictGet(rt, sysModules(rt), k);
  rt.decref(k);
  return m;
}

function notFound(rt: Runtime, name: string): never {
  const e = newException(rt, excType(rt, 'ModuleNotFoundError'), `No module named '${name}'`);
  const n = rt.newStr(name);
  setExcAttr(rt, e, 'name', n);
  rt.decref(n);
  throw new PyRaise(e);
}

/** Imports one fully qualified module (parents first); a borrowed reference (sys.modules owns it). */
export function importModule(rt: Runtime, interp: Interpreter, host: HostServices, name: string): Ref {
  const have = cached(rt, name);
  if (have !== 0) return have;
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const parent = importModule(rt, interp, host, name.slice(0, dot));
    const again = cached(rt, name);
    if (again !== 0) return again;
    void parent;
  }
  const spec = MODULES.get(name);
  let m: Ref;
  if (spec !== undefined) {
    m = newModule(rt, name);
    const d = moduleDict(rt, m);
    for (const f of spec.functions) {
      const b = newBuiltin(rt, f.id, 0, rt.i32[(m + 28) >> 2]! as Ref);
      setGlobal(rt, d, f.name, b);
      rt.decref(b);
    }
    const key = intern(rt, name);
    dictSet(rt, sysModules(rt), key, m);
    rt.decref(key);
    rt.decref(m);
    spec.init?.(rt, d, host);
  } else {
    m = importUserModule(rt, interp, host, name);
  }
  if (dot >= 0) {
    // bind the submodule as an attribute of its parent
    const parent = cached(rt, name.slice(0, dot));
    if (parent !== 0) setGlobal(rt, moduleDict(rt, parent), name.slice(dot + 1), m);
  }
  return m;
}

/** The file name a library module's code and tracebacks give (its source lines are kept under it):
 *  also what the build compiles it with (src/cli/frozen-lib.ts). */
export function libraryModuleFilename(name: string): string {
  return `<frozen ${name}>`;
}

function importUserModule(rt: Runtime, interp: Interpreter, host: HostServices, name: string): Ref {
  const rel = name.split('.');
  for (const dir of host.searchPath) {
    for (const candidate of [join(dir, ...rel) + '.py', join(dir, ...rel, '__init__.py')]) {
      const source = host.readModuleSource(candidate);
      if (source !== null) return execModule(rt, interp, name, source, candidate, true);
    }
  }
  // as CPython's stdlib, the library modules come after the script's folder, which may shadow them
  if (Object.hasOwn(PYLIB_SOURCES, name)) {
    return execModule(rt, interp, name, PYLIB_SOURCES[name]!(), libraryModuleFilename(name), false,
      host.frozenLibraryCode?.(name) ?? null);
  }
  return notFound(rt, name);
}

/** Compiles (or takes as `compiled`: the same source compiled ahead) and runs a module's source in a new
 *  module cached in sys.modules (removed again if the body raises); a borrowed reference. `hasFile` sets
 *  `__file__` to `filename`. */
function execModule(rt: Runtime, interp: Interpreter, name: string, source: string, filename: string,
  hasFile: boolean, compiled: CodeData | null = null): Ref {
  sourceCache.set(filename, splitLines(source));
  const code = compiled !== null ? newCode(rt, compiled) : compileHook(rt, source, filename);
  const m = newModule(rt, name);
  const d = moduleDict(rt, m);
  setGlobal(rt, d, '__builtins__', rt.root(Root.BUILTINS));
  if (hasFile) {
    const file = rt.newStr(filename);
    setGlobal(rt, d, '__file__', file);
    rt.decref(file);
  }
  const key = intern(rt, name);
  dictSet(rt, sysModules(rt), key, m);
  rt.decref(m);
  try {
    rt.decref(interp.runCode(code, d, d));
  } catch (e) {
    dictDel(rt, sysModules(rt), key);
    throw e;
  } finally {
    rt.decref(code);
    rt.decref(key);
  }
  return (cached(rt, name) || m) as Ref;
}

export function installImportSystem(rt: Runtime, host: HostServices): void {
  setImportHook((rt2, interp, name, fromlist, level, globals) => {
    if (level > 0) {
      const pkgKey = intern(rt2, '__package__');
      const pkg = dictGet(rt2, globals, pkgKey);
      rt2.decref(pkgKey);
      if (pkg === 0 || pkg === rt2.None || rt2.strValue(pkg) === '') {
        rt2.raise('ImportError', 'attempted relative import with no known parent package');
      }
      const base = rt2.strValue(pkg as Ref).split('.');
      const full = [...base.slice(0, base.length - (level - 1)), ...(name ? [name] : [])].join('.');
      return importAndReturn(rt2, interp, host, full, fromlist, true);
    }
    return importAndReturn(rt2, interp, host, name, fromlist, false);
  });
}

/** IMPORT_NAME's result: the top package for `import a.b`, the module itself with a fromlist (new ref). */
function importAndReturn(rt: Runtime, interp: Interpreter, host: HostServices, name: string, fromlist: Ref,
  relative: boolean): Ref {
  const m = importModule(rt, interp, host, name);
  const hasFromlist = fromlist !== rt.None && tupleSize(rt, fromlist) > 0;
  if (hasFromlist || relative || !name.includes('.')) {
    rt.incref(m);
    return m;
  }
  const top = cached(rt, name.split('.')[0]!) as Ref;
  rt.incref(top);
  void getAttrOrNull;
  return top;
}

/** __import__(name, globals=None, locals=None, fromlist=(), level=0): what the import statement does
 *  (absolute imports only; a relative one gives ImportError). */
defineBuiltin('__import__', (rt, args, kwargs) => {
  const [name, , , fromlist, level] = parseArgs(rt, '__import__', args, kwargs,
    ['name', 'globals=', 'locals=', 'fromlist=', 'level=']);
  if (rt.kindOf(name!) !== Kind.STR) rt.raise('TypeError', 'module name must be a string');
  if (level !== undefined && Number(rt.intValue(level)) !== 0) {
    rt.raise('ImportError', 'gilpy: __import__ with a relative level is not supported');
  }
  let from: Ref = rt.None;
  if (fromlist !== undefined && fromlist !== rt.None && rt.kindOf(fromlist) === Kind.TUPLE) from = fromlist;
  if (fromlist !== undefined && rt.kindOf(fromlist) === Kind.LIST && listSize(rt, fromlist) > 0) {
    // (no-GIL: read and counted under the list's lock)
    from = rt.containerLocks !== null ? tupleSteal(rt, listItemsRef(rt, fromlist)) : tupleFrom(rt, listItems(rt, fromlist));
    try {
      return importAndReturn(rt, interpOf(rt), hostOf(rt), rt.strValue(name!), from, false);
    } finally {
      rt.decref(from);
    }
  }
  return importAndReturn(rt, interpOf(rt), hostOf(rt), rt.strValue(name!), from, false);
});
