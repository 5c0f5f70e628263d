/** The larger helpers behind a few instructions: f-string fields, slices, string building, imports,
 *  iterable unpacking. Kept out of loop.ts so that the loop stays a readable dispatch. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Root } from '../runtime.js';
import { getAttr, getAttrOrNull } from '../objects/attrs.js';
import { dictGet, dictNextPos, dictEntryKey, dictEntryValue, dictSet, dictSnapshot, dropSnapshot } from '../objects/dict.js';
import { Kind } from '../objects/kinds.js';
import { listSteal } from '../objects/list.js';
import { moduleDict, moduleName } from '../objects/module.js';
import { getIter, iterNext, repr, str } from '../objects/protocols.js';
import { intern } from '../objects/type.js';
import { SLICE_START, SLICE_STEP, SLICE_STOP } from '../objects/slice.js';
import type { Interpreter } from './loop.js';
import { callObject } from './call.js';
import { importModule } from '../builtins/imports.js';
import { hostOf, interpOf } from '../builtins/host-access.js';
import { formatObject } from '../objects/format.js';
import { strAscii } from '../objects/str-ops.js';
import { newException, excType, setExcAttr } from '../objects/exceptions.js';
import { PyRaise } from '../runtime.js';

/** ascii(): repr with non-ASCII characters escaped (the repr is already quoted). */
function asciiOf(r: string): string {
  void strAscii;
  return r.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  });
}

export function strIsStr(rt: Runtime, r: Ref): boolean {
  return rt.kindOf(r) === Kind.STR;
}

/** FORMAT_VALUE: conversion 0 none, 1 str, 2 repr, 3 ascii; then format(value, spec). A new str. */
export function formatValue(rt: Runtime, v: Ref, conversion: number, spec: Ref | 0): Ref {
  let obj = v;
  let owned = false;
  if (conversion !== 0) {
    const s = conversion === 1 ? str(rt, v) : conversion === 2 ? repr(rt, v) : asciiOf(repr(rt, v));
    obj = rt.newStr(s);
    owned = true;
  }
  try {
    if (spec === 0 && rt.typeOf(obj) === rt.types[Kind.STR]) {
      rt.incref(obj);
      return obj;
    }
    return rt.newStr(formatObject(rt, obj, spec === 0 ? '' : rt.strValue(spec)));
  } finally {
    if (owned) rt.decref(obj);
  }
}

/** A new slice object (all borrowed). */
export function newSlice(rt: Runtime, start: Ref, stop: Ref, step: Ref): Ref {
  const s = rt.allocKind(Kind.SLICE, 32);
  rt.incref(start);
  rt.incref(stop);
  rt.incref(step);
  rt.i32[(s + SLICE_START) >> 2] = start;
  rt.i32[(s + SLICE_STOP) >> 2] = stop;
  rt.i32[(s + SLICE_STEP) >> 2] = step;
  return s;
}

/** BUILD_STRING: concatenates strs (borrowed). */
export function buildString(rt: Runtime, parts: Int32Array): Ref {
  let out = '';
  for (const p of parts) out += rt.strValue(p as Ref);
  return rt.newStr(out);
}

/** Unpacks an iterable into new references: exactly `before` items when `after` < 0, else
 *  `before` items, a list of the rest, and `after` items (UNPACK_EX). */
export function unpackIterable(rt: Runtime, seq: Ref, before: number, after: number): Ref[] {
  let it: Ref;
  try {
    it = getIter(rt, seq);
  } catch (e) {
    if (e instanceof PyRaise && rt.isSubtype(rt.typeOf(e.exc), excType(rt, 'TypeError'))) {
      rt.decref(e.exc);
      rt.raise('TypeError', `cannot unpack non-iterable ${rt.typeNameOf(seq)} object`);
    }
    throw e;
  }
  const items: Ref[] = [];
  try {
    for (let x = iterNext(rt, it); x !== 0; x = iterNext(rt, it)) {
      items.push(x);
      if (after < 0 && items.length > before) {
        rt.raise('ValueError', `too many values to unpack (expected ${before})`);
      }
    }
    if (after < 0) {
      if (items.length < before) rt.raise('ValueError', `not enough values to unpack (expected ${before}, got ${items.length})`);
      return items;
    }
    if (items.length < before + after) {
      rt.raise('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
    }
  } catch (e) {
    for (const x of items) rt.decref(x);
    throw e;
  } finally {
    rt.decref(it);
  }
  const rest = listSteal(rt, items.slice(before, items.length - after));
  return [...items.slice(0, before), rest, ...items.slice(items.length - after)];
}

/** Hook: the import system (set by modules.ts). */
export let importHook: (rt: Runtime, interp: Interpreter, name: string, fromlist: Ref, level: number, globals: Ref) => Ref =
  (rt, _i, name) => rt.raise('ModuleNotFoundError', `No module named '${name}'`);
export function setImportHook(f: typeof importHook): void {
  importHook = f;
}

export function importName(rt: Runtime, interp: Interpreter, name: Ref, fromlist: Ref, level: Ref, globals: Ref): Ref {
  return importHook(rt, interp, rt.strValue(name), fromlist, Number(rt.intValue(level)), globals);
}

/** IMPORT_FROM: `from module import name` (new reference). */
export function importFrom(rt: Runtime, module: Ref, name: Ref): Ref {
  const v = getAttrOrNull(rt, module, name);
  if (v !== 0) return v;
  const modName = rt.kindOf(module) === Kind.MODULE ? moduleName(rt, module) : '<unknown module name>';
  const e = newException(rt, excType(rt, 'ImportError'), `cannot import name '${rt.strValue(name)}' from '${modName}' (unknown location)`);
  const nameRef = rt.newStr(modName);
  setExcAttr(rt, e, 'name', nameRef); // (the attribute dict takes its own reference)
  rt.decref(nameRef);
  throw new PyRaise(e);
}

/** PRINT_EXPR (the REPL's expression statements): calls sys.displayhook(value), as CPython 3.11 does. */
export function printExpr(rt: Runtime, value: Ref): void {
  const sys = importModule(rt, interpOf(rt), hostOf(rt), 'sys');
  const hookKey = intern(rt, 'displayhook');
  const hook = getAttrOrNull(rt, sys, hookKey);
  rt.decref(hookKey);
  if (hook === 0) throw new PyRaise(newException(rt, excType(rt, 'RuntimeError'), 'lost sys.displayhook'));
  try {
    rt.decref(callObject(rt, hook, [value]));
  } finally {
    rt.decref(hook);
  }
}

/** IMPORT_STAR: copies the module's public names into `locals`. */
export function importStar(rt: Runtime, module: Ref, locals: Ref): void {
  const d = moduleDict(rt, module);
  const allKey = intern(rt, '__all__');
  const all = dictGet(rt, d, allKey);
  rt.decref(allKey);
  if (all !== 0) {
    const it = getIter(rt, all);
    try {
      for (let n = iterNext(rt, it); n !== 0; n = iterNext(rt, it)) {
        const v = getAttr(rt, module, n);
        dictSet(rt, locals, n, v);
        rt.decref(v);
        rt.decref(n);
      }
    } finally {
      rt.decref(it);
    }
    return;
  }
  if (rt.containerLocks !== null) { // no-GIL: the module's items read and counted under its dict's lock
    const snap = dictSnapshot(rt, d);
    try {
      for (let i = 0; i < snap.keys.length; i++) {
        if (!rt.strValue(snap.keys[i]!).startsWith('_')) dictSet(rt, locals, snap.keys[i]!, snap.values[i]!);
      }
    } finally {
      dropSnapshot(rt, snap);
    }
    return;
  }
  for (let p = dictNextPos(rt, d, -1); p >= 0; p = dictNextPos(rt, d, p)) {
    const k = dictEntryKey(rt, d, p);
    if (rt.strValue(k).startsWith('_')) continue;
    dictSet(rt, locals, k, dictEntryValue(rt, d, p));
  }
}

/** Placeholder kept for the class machinery's import (it lives in classes.ts). */
export const buildClass = null;
export { Root };
