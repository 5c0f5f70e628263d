/** The `dis` module: `dis.dis(x)` prints gilpy's bytecode in CPython 3.11's layout. */
import type { Ref } from '../../heap/layout.js';
import type { Runtime } from '../../runtime.js';
import { disassemble, type CodeView, type ExceptionTableEntry } from '../../isa/dis.js';
import { decodeCode, CO_CONSTS, CO_NAMES } from '../../objects/code.js';
import { FN_CODE, METHOD_FUNC } from '../../objects/function.js';
import { GEN_CODE } from '../../objects/generator.js';
import { GC_HEADER_END } from '../../heap/layout.js';
import { TP_DICT } from '../../runtime.js';
import { dictItems } from '../../objects/dict.js';
import { moduleDict } from '../../objects/module.js';
import { getAttrOrNull } from '../../objects/attrs.js';
import { callObject } from '../../interp/call.js';
import { PySyntaxError } from '../../../parser/errors.js';
import { compileHook } from '../imports.js';
import { parseArgs } from '../args.js';
import { Kind } from '../../objects/kinds.js';
import { repr } from '../../objects/protocols.js';
import { tupleItem, tupleSize } from '../../objects/tuple.js';
import { hostOf } from '../host-access.js';
import { defineModuleFunction } from '../registry.js';

/** The exception table's packed words (five per entry) as entries. */
function exceptionEntries(words: Int32Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  for (let k = 0; k + 4 < words.length; k += 5) {
    out.push({ start: words[k]!, end: words[k + 1]!, target: words[k + 2]!, depth: words[k + 3]!, lasti: words[k + 4]! !== 0 });
  }
  return out;
}

/** A CodeView over a heap code object. */
export function heapCodeView(rt: Runtime, code: Ref): CodeView {
  const d = decodeCode(rt, code);
  const consts = rt.i32[(code + CO_CONSTS) >> 2]! as Ref;
  const names = rt.i32[(code + CO_NAMES) >> 2]! as Ref;
  return {
    words: rt.i32.slice(d.codeBase, d.codeBase + d.ncode),
    lines: d.lines,
    title: repr(rt, code),
    constRepr: (i) => repr(rt, tupleItem(rt, consts, i)),
    name: (i) => rt.strValue(tupleItem(rt, names, i)),
    localName: (i) => rt.strValue(tupleItem(rt, d.localsplusNames, i)),
    exceptionTable: exceptionEntries(d.exceptionTable),
    children: () => {
      const out: CodeView[] = [];
      for (let i = 0; i < tupleSize(rt, consts); i++) {
        const c = tupleItem(rt, consts, i);
        if (rt.kindOf(c) === Kind.CODE) out.push(heapCodeView(rt, c));
      }
      return out;
    },
  };
}

/** The code object `x` stands for (borrowed), or 0: a function, a bound method, a static or class
 *  method, a generator, or a code object itself. */
function codeOf(rt: Runtime, x: Ref): Ref | 0 {
  let k = rt.kindOf(x);
  if (k === Kind.METHOD) {
    x = rt.i32[(x + METHOD_FUNC) >> 2]! as Ref;
    k = rt.kindOf(x);
  }
  if (k === Kind.STATICMETHOD || k === Kind.CLASSMETHOD) {
    x = rt.i32[(x + GC_HEADER_END) >> 2]! as Ref;
    k = rt.kindOf(x);
  }
  if (k === Kind.FUNCTION) return rt.i32[(x + FN_CODE) >> 2]! as Ref;
  if (k === Kind.GENERATOR) return rt.i32[(x + GEN_CODE) >> 2]! as Ref;
  if (k === Kind.CODE) return x;
  return 0;
}

/** The listing dis.dis(x) prints (cf. CPython 3.11 dis.dis): a code object and those nested in it; for
 *  a class or a module, each of its functions, classes and code objects by name, sorted; for a string,
 *  the code it compiles to. */
function disText(rt: Runtime, x: Ref, depth: number | undefined): string {
  const code = codeOf(rt, x);
  if (code !== 0) return disassemble(heapCodeView(rt, code), depth);
  const k = rt.kindOf(x);
  if (k === Kind.STR) {
    let compiled: Ref;
    try {
      compiled = compileHook(rt, rt.strValue(x), '<dis>');
    } catch (e) {
      if (e instanceof PySyntaxError) return rt.raise(e.type, e.msg);
      throw e;
    }
    try {
      return disassemble(heapCodeView(rt, compiled), depth);
    } finally {
      rt.decref(compiled);
    }
  }
  if (k === Kind.TYPE || k === Kind.MODULE) {
    const dict = k === Kind.TYPE ? rt.i32[(x + TP_DICT) >> 2]! as Ref : moduleDict(rt, x);
    const items = dictItems(rt, dict)
      .filter(([key]) => rt.kindOf(key) === Kind.STR)
      .map(([key, v]) => [rt.strValue(key), v] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let out = '';
    for (const [name, v] of items) {
      if (codeOf(rt, v) === 0 && rt.kindOf(v) !== Kind.TYPE) continue;
      out += `Disassembly of ${name}:\n${disText(rt, v, depth)}\n`;
    }
    return out;
  }
  return rt.raise('TypeError', `don't know how to disassemble ${rt.typeNameOf(x)} objects`);
}

defineModuleFunction('dis', 'dis', (rt, args, kwargs) => {
  const [x, file, depthArg] = parseArgs(rt, 'dis', args, kwargs, ['x=', '*', 'file=', 'depth=']);
  if (x === undefined || x === rt.None) {
    return rt.raise('TypeError', 'dis() without an argument (the last traceback) is not supported by gilpy');
  }
  const depth = depthArg === undefined || depthArg === rt.None ? undefined : Number(rt.intValue(depthArg));
  const text = disText(rt, x, depth);
  if (file === undefined || file === rt.None) {
    hostOf(rt).stdout.write(text);
    return rt.None;
  }
  const name = rt.newStr('write');
  const write = getAttrOrNull(rt, file, name);
  rt.decref(name);
  if (write === 0) return rt.raise('AttributeError', `'${rt.typeNameOf(file)}' object has no attribute 'write'`);
  const s = rt.newStr(text);
  try {
    rt.decref(callObject(rt, write, [s]));
  } finally {
    rt.decref(s);
    rt.decref(write);
  }
  return rt.None;
});
