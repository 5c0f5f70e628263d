/** The `dis` module: `dis.dis(function_or_code)` prints gilpy's bytecode in CPython's layout. */
import type { Ref } from '../../heap/layout.js';
import type { Runtime } from '../../runtime.js';
import { disassemble, type CodeView } from '../../isa/dis.js';
import { decodeCode, CO_CONSTS, CO_NAMES } from '../../objects/code.js';
import { FN_CODE, METHOD_FUNC } from '../../objects/function.js';
import { Kind } from '../../objects/kinds.js';
import { repr } from '../../objects/protocols.js';
import { tupleItem, tupleSize } from '../../objects/tuple.js';
import { hostOf } from '../host-access.js';
import { defineModuleFunction } from '../registry.js';

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

defineModuleFunction('dis', 'dis', (rt, args) => {
  let x = args[0];
  if (x === undefined) return rt.raise('TypeError', 'dis() without an argument is not supported by gilpy');
  if (rt.kindOf(x) === Kind.METHOD) x = rt.i32[(x + METHOD_FUNC) >> 2]! as Ref;
  if (rt.kindOf(x) === Kind.FUNCTION) x = rt.i32[(x + FN_CODE) >> 2]! as Ref;
  if (rt.kindOf(x) !== Kind.CODE) rt.raise('TypeError', `don't know how to disassemble ${rt.typeNameOf(x)} objects`);
  hostOf(rt).stdout.write(disassemble(heapCodeView(rt, x)));
  return rt.None;
});
