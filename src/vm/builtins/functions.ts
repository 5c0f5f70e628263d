/** The built-in functions (print, len, id, ...), registered into `builtins` at load time. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { PyRaise } from '../runtime.js';
import { Kind } from '../objects/kinds.js';
import { idOf, len as lenOf, repr, str as strOf } from '../objects/protocols.js';
import { checkArity, parseArgs } from './args.js';
import { hostOf } from './host-access.js';
import { defineBuiltin } from './registry.js';

defineBuiltin('print', (rt, args, kwargs) => {
  const [sepR, endR, fileR, flushR] = kwargs === null ? [] : (() => {
    const out: (Ref | undefined)[] = [undefined, undefined, undefined, undefined];
    for (const [k, v] of kwargs) {
      const i = ['sep', 'end', 'file', 'flush'].indexOf(k);
      if (i < 0) rt.raise('TypeError', `'${k}' is an invalid keyword argument for print()`);
      out[i] = v;
    }
    return out;
  })();
  const textArg = (r: Ref | undefined, name: string, dflt: string): string => {
    if (r === undefined || r === rt.None) return dflt;
    if (rt.kindOf(r) !== Kind.STR) rt.raise('TypeError', `${name} must be None or a string, not ${rt.typeNameOf(r)}`);
    return rt.strValue(r);
  };
  const sep = textArg(sepR, 'sep', ' ');
  const end = textArg(endR, 'end', '\n');
  const host = hostOf(rt);
  let sink: FileSink = host.stdout;
  if (fileR !== undefined && fileR !== rt.None) sink = fileSink(rt, fileR);
  if (sink.piecewise === true) {
    // a Python file object: one write() per piece, as CPython's print calls it
    args.forEach((a, i) => {
      if (i > 0) sink.write(sep);
      sink.write(strOf(rt, a));
    });
    sink.write(end);
  } else {
    // the host's streams: one write (a print is never interleaved with another thread's), but what
    // precedes a failing str() is still printed, as CPython's piecewise writes leave it
    let text = '';
    try {
      args.forEach((a, i) => {
        if (i > 0) text += sep;
        text += strOf(rt, a);
      });
    } catch (e) {
      if (text !== '') sink.write(text);
      throw e;
    }
    sink.write(text + end);
  }
  if (flushR !== undefined && flushR !== rt.None && flushR !== rt.False) sink.flush();
  return rt.None;
});

/** Where print(file=...) writes: a host stream, or a Python object's write() (`piecewise`). */
export interface FileSink {
  write(s: string): void;
  flush(): void;
  /** True for Python file objects: print calls write() once per piece, as CPython does. */
  piecewise?: boolean;
}
/** print(file=...) accepts sys.stdout / sys.stderr and objects with a write() method (set by sys.ts). */
let fileSinkHook: (rt: Runtime, file: Ref) => FileSink = (rt) =>
  rt.raise('TypeError', 'print(file=...) supports sys.stdout and sys.stderr only');
export function setFileSinkHook(f: typeof fileSinkHook): void {
  fileSinkHook = f;
}
function fileSink(rt: Runtime, file: Ref): FileSink {
  return fileSinkHook(rt, file);
}

defineBuiltin('len', (rt, args, kwargs) => {
  checkArity(rt, 'len', args, kwargs, 1, 1);
  return rt.newInt(lenOf(rt, args[0]!));
});

defineBuiltin('id', (rt, args, kwargs) => {
  checkArity(rt, 'id', args, kwargs, 1, 1);
  return rt.newInt(idOf(args[0]!));
});

defineBuiltin('repr', (rt, args, kwargs) => {
  checkArity(rt, 'repr', args, kwargs, 1, 1);
  return rt.newStr(repr(rt, args[0]!));
});

defineBuiltin('ascii', (rt, args, kwargs) => {
  checkArity(rt, 'ascii', args, kwargs, 1, 1);
  const s = repr(rt, args[0]!);
  return rt.newStr(s.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }));
});

export { parseArgs, PyRaise };
