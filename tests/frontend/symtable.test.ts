/** Symbol tables and symbol-table errors, compared with CPython 3.11's (via scripts/frontend_oracle.py). */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ast from '../../src/parser/ast.js';
import { PySyntaxError } from '../../src/parser/errors.js';
import { parse } from '../../src/parser/index.js';
import {
  buildSymtable, CompileRecursionError, DEF_COMP_ITER, DEF_LOCAL, formatSymtable, mangle, Scope, SymbolTable, USE,
} from '../../src/compiler/symtable.js';

const ORACLE = fileURLToPath(new URL('../../scripts/frontend_oracle.py', import.meta.url));
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

// Each snippet exercises one rule of CPython's symtable.c; its expected output is whatever python3
// says. The leading newline of each template is dropped.
const VALID: Record<string, string> = {
  annotations_class: `
class C:
    x: int
    y: int = 0
    def m(self) -> 'C':
        z: list[int] = []
        return z
`,
  annotations_module: `
x: int
y: str = 'a'
(z): float
(v): float = 1.0
a.b: int = 3
c[0]: int = 4
def f(p: P, *a: A, k: K = kd, **kw: KW) -> R:
    local: L
    val: V = 1
    (paren): PP
    obj.attr: OA = 2
    return local
`,
  basic_scopes: `
x = 1
def f(a, b=x, *args, c, d=y, **kw):
    z = a + b
    return z, q, x
`,
  class_cell_assigned: `
class C:
    __class__ = 1
    def m(self):
        return super()
class D:
    super = 1
    def m(self):
        return super
`,
  class_in_function_uses_local: `
def f():
    y = 1
    class C:
        z = y
        y = 2
    return C
`,
  class_keywords_lambda: `
class C(Base, meta=(lambda: 1), *bases, **kw):
    attr = (lambda: 2)
`,
  class_scope_invisible: `
class C:
    a = 1
    def m(self):
        return a
    b = [a for _ in range(3)]
    c = [i for i in range(a)]
`,
  comp_class_first_iter: `
class C:
    n = 3
    items = [n for _ in range(n)]
    pairs = {k: n for k in (m for m in range(n))}
`,
  comp_tuple_targets: `
r = [(a, b, c) for a, (b, *c) in pairs]
s = [t.x for t.x in things]
u = [v[0] for v[0] in things]
`,
  comprehension_in_function: `
def f(n):
    m = 2
    return [x * m for x in range(n) if x > m]
def g(n):
    return (y for y in n for z in y if z)
def h():
    return {a: b for a in range(3) for b in range(a)}
`,
  comprehensions: `
a = [x for x in range(10) if x % 2]
b = {x for x in y for y in x}
c = {k: v for k, v in items}
d = (e for e in data)
e = [[i * j for j in range(i)] for i in range(5)]
f = [x for x in [y for y in z]]
`,
  conditional_import_dotted_as: `
def f():
    import a.b
    import c.d as e
    return a, e
`,
  decorators_lines: `
@dec
@dec2(arg)
def f():
    pass

@cls_dec
class C(Base, metaclass=Meta, **kw):
    @staticmethod
    def m():
        pass
`,
  del_cell: `
def f():
    x = 1
    def g():
        nonlocal x
        del x
    def h():
        return x
    return g, h
`,
  except_with_del: `
try:
    pass
except ValueError as e:
    del e
except (TypeError, KeyError) as err:
    pass
with open(f) as fh, ctx() as (a, b):
    pass
del zz
def g():
    try:
        pass
    except Exception as exc:
        print(exc)
    with cm as c:
        del c
    del gone
`,
  for_while_aug: `
for i, (j, *k) in items:
    total += i
else:
    done = True
while cond:
    count -= 1
def f(seq):
    for x in seq:
        acc += x
    return acc
`,
  free_class_flag: `
def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
    return C
`,
  free_class_global: `
def f():
    x = 1
    class C:
        global x
        def m(self):
            return x
`,
  free_passthrough_class: `
def f():
    x = 1
    class C:
        def m(self):
            return x
        y = x
    return C
`,
  free_var_deep: `
def a():
    v = 1
    def b():
        def c():
            def d():
                return v
            return d
        return c
    return b
`,
  fstrings: `
def f(a, w):
    return f"{a!r:>{w}} {b}"
`,
  future_annotations: `
"""doc"""
from __future__ import annotations
x: int = 1
def f(a: A, b: (lambda: 1)) -> R:
    y: Y = 2
    return y
class C:
    z: Z
`,
  genexp_outer_iter: `
def f(n):
    return list(x for x in range(n))
def g():
    return [x for x in (lambda: 3)()]
`,
  global_annotated_module: `
global x
x: int = 1
`,
  global_decl: `
def f():
    global g, h
    g = 1
    return h
def k():
    def inner():
        return g
    return inner
class C:
    global z
    z = 2
global m
m = 3
`,
  global_implicit_nested: `
def f():
    def g():
        return len
    return g
`,
  global_in_class_then_method: `
class C:
    global g
    g = 1
    def m(self):
        return g
def f():
    global h
    class D:
        def m(self):
            return h
`,
  global_shadows: `
def f():
    x = 1
    def g():
        global x
        def h():
            return x
        return h
    return g
`,
  imports: `
import os
import os.path
import a.b.c as d
from x import y, z as w
from . import rel
from .. mod import thing
from star import *
def f():
    import json
    import xml.dom
    from q import r as s
    return json, s
class C:
    import __priv
    from m import __other
`,
  lambda_in_defaults: `
def f(a=lambda: 1, *, b=lambda: 2):
    return a, b
class C:
    def m(self, k=[i for i in range(3)]):
        pass
`,
  lambdas: `
f = lambda x, y=2, *a, k=z, **kw: x + y + w
g = lambda: (lambda q: q + r)
def h(p):
    return lambda: p
`,
  mangling: `
class C:
    __a = 1
    __b__ = 2
    _c = 3
    def __m(self, __p):
        __local = self.__a
        return __p, __local, __g
    class __Inner:
        __d = 4
    def n(self):
        def inner():
            global __glob
            return __a
class _:
    __x = 1
class __D__:
    __y = 1
class _E:
    __z = 1
`,
  mangling_nonlocal: `
class C:
    def m(self):
        __v = 1
        def inner():
            nonlocal __v
            __v = 2
        return inner
`,
  method_param_shadow: `
class C:
    x = 1
    def m(self, x):
        return x
    def n(self):
        x = 2
        def inner():
            return x
        return inner
`,
  misc_exprs: `
def f():
    x = a if b else c
    y = {k1: v1, **m}
    z = {s1, *s2}
    t = not u and v or w
    s = l[1:hi:st]
    c = o.m(p, *q, kw=r, **kk)
    cmp = 1 < x2 <= x3
    st = [*star]
    assert ok, msg
    raise Err from cause
    return await_ish
`,
  module_yield: `
x = [lambda: (yield)]
def g():
    lambda: (yield)
`,
  nested_class_in_class: `
class Outer:
    x = 1
    class Inner:
        y = x
        def m(self):
            return y
`,
  nested_free: `
def outer():
    a = 1
    b = 2
    def mid():
        def inner():
            return a, c
        return b
    return mid
`,
  nonlocal_decl: `
def f():
    x = 1
    y = 2
    def g():
        nonlocal x, y
        x = 3
        def h():
            nonlocal x
            x = 4
        return y
    return g
`,
  nonlocal_through_class: `
def f():
    x = 1
    class C:
        def m(self):
            nonlocal x
            x = 2
    return C
`,
  param_cell: `
def f(p, *args, **kw):
    def g():
        return p, args, kw
    return g
`,
  raise_cause_only: `
def f():
    raise
`,
  super_class: `
class A:
    def m(self):
        return super().m()
    def n(self):
        return __class__
    def o(self):
        def inner():
            return super()
        return inner
    x = super
    lam = lambda self: super()
    gen = [super() for _ in ()]
`,
  super_in_class_body_only: `
class C:
    s = super
    def m(self):
        return 1
`,
  super_nested_class: `
def f():
    class B:
        def m(self):
            super()
    super()
    return B
`,
  unicode_names: `
é = 1
ñ = 2
z = 3
Z = 4
_ = 5
`,
  walrus_comp_in_lambda: `
f = lambda: [(v := x) for x in range(3)]
`,
  walrus_function: `
def f(data):
    if any((hit := x) > 2 for x in data):
        return hit
    [total := total + x for x in data]
    [[(deep := j) for j in i] for i in data]
    return deep
`,
  walrus_global_in_function: `
def f():
    global g
    [g := x for x in range(3)]
`,
  walrus_in_lambda_in_comp: `
def f():
    return [lambda: (z := 1) for x in range(3)]
`,
  walrus_module: `
if (n := 10) > 5:
    pass
[y := x for x in range(3)]
print(y)
`,
  walrus_module_existing: `
y = 0
print([y := y + x for x in range(3)])
def f():
    return [(zz := x) for x in range(3)]
`,
  walrus_nested_comps: `
def f():
    return [[(q := i + j) for j in range(2)] for i in range(2)], q
x = [[(r := i) for i in range(2)] for k in range(2)]
`,
  walrus_nested_function_in_comp: `
def f():
    def g():
        return [(w := x) for x in range(3)]
    return g
`,
  yields: `
def gen():
    yield 1
def gen2():
    x = yield from other()
    return x
def notgen():
    return 1
`,
};

const ERRORS: Record<string, string> = {
  annotated_global: `
def f():
    x: int
    global x
`,
  annotated_nonlocal: `
def f():
    x = 1
    def g():
        x: int = 3
        nonlocal x
`,
  assigned_before_global: `
def f():
    x = 1
    global x
`,
  assigned_before_nonlocal: `
def f():
    x = 1
    def g():
        x = 2
        nonlocal x
`,
  dup_arg: `
def f(a, b, a):
    pass
`,
  dup_arg_kwonly: `
def f(a, *, b, **a):
    pass
`,
  dup_arg_lambda: `
g = lambda x, x: 1
`,
  dup_posonly: `
def f(a, /, a):
    pass
`,
  dup_vararg: `
def f(a, *a):
    pass
`,
  first_directive: `
def f():
    global x
    global x
    def g():
        nonlocal x
`,
  future_annot_walrus: `
from __future__ import annotations
def f(x: (y := 1)):
    pass
`,
  future_annot_yield: `
from __future__ import annotations
def f():
    x: (yield)
`,
  global_and_nonlocal_order: `
def f():
    x = 1
    def g():
        nonlocal x
        global x
`,
  global_annotated: `
def f():
    global x
    x: int = 1
`,
  import_star_class: `
class C:
    from os import *
`,
  import_star_function: `
def f():
    from os import *
`,
  mangled_dup: `
class C:
    def m(self, __a, _C__a):
        pass
`,
  nonlocal_and_global: `
def f():
    x = 1
    def g():
        global x
        nonlocal x
`,
  nonlocal_annotated: `
def f():
    x = 0
    def g():
        nonlocal x
        x: int
`,
  nonlocal_at_module: `
nonlocal x
`,
  nonlocal_class_at_module: `
class C:
    nonlocal x
`,
  nonlocal_global_binding: `
x = 1
def f():
    nonlocal x
`,
  nonlocal_module: `
x = 1
nonlocal x
`,
  nonlocal_nobinding: `
def f():
    def g():
        nonlocal zz
`,
  param_global: `
def f(a, b):
    global b
`,
  param_nonlocal: `
def f():
    x = 1
    def g(x):
        nonlocal x
`,
  unicode_offset: `
def f():
    é = 1; x = 2; global x
`,
  used_before_global: `
def f():
    print(x)
    global x
`,
  used_before_nonlocal: `
def f():
    x = 1
    def g():
        print(x)
        nonlocal x
`,
  walrus_class_comp: `
class C:
    [y := 1 for x in range(3)]
`,
  walrus_inner_iterable: `
[x for y in z for x in (w := y)]
`,
  walrus_inner_loop_conflict: `
[i for i in range(5) if (j := 0) for j in range(5)]
`,
  walrus_iterable: `
[x for x in (y := [1, 2])]
`,
  walrus_iterable_lambda: `
[x for x in (lambda: (y := 1))()]
`,
  walrus_rebind_iter: `
[x := 1 for x in range(3)]
`,
  walrus_rebind_outer_iter: `
[[x := 1 for y in range(3)] for x in range(3)]
`,
  yield_dictcomp: `
def f():
    return {x: (yield) for x in y}
`,
  yield_genexp: `
def f():
    return ((yield) for x in y)
`,
  yield_listcomp: `
def f():
    return [(yield x) for x in y]
`,
  yield_setcomp: `
def f():
    return {(yield from x) for x in y}
`,
};


function source(text: string): string {
  return text.replace(/^\n/, '');
}

/** Our answer for a file: the formatted tables, or the SyntaxError as the oracle's JSON fields. */
function ours(name: string, src: string): string {
  const filename = `${name}.py`;
  try {
    return formatSymtable(buildSymtable(parse(src, filename), filename, src));
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    const { type, msg, lineno, offset, end_lineno, end_offset } = e;
    return `ERR ${JSON.stringify({ type, msg, lineno, offset, end_lineno, end_offset })}`;
  }
}

/** CPython's answer, from the `.symtable` / `.err` file the oracle's `regen` mode wrote. */
function theirs(dir: string, name: string): string {
  const base = join(dir, `${name}.py`);
  if (existsSync(`${base}.symtable`)) return readFileSync(`${base}.symtable`, 'utf8');
  return `ERR ${JSON.stringify(JSON.parse(readFileSync(`${base}.err`, 'utf8')))}`;
}

if (!HAS_PYTHON) {
  console.warn('symtable.test.ts: python3 not found, skipping the comparisons with CPython');
}

describe.skipIf(!HAS_PYTHON)('symtable vs CPython 3.11', () => {
  let dir = '';
  beforeAll(() => {
    // One python3 run for all snippets: `regen` writes NAME.py.symtable, or NAME.py.err.
    dir = mkdtempSync(join(tmpdir(), 'gilpy-symtable-'));
    for (const [name, text] of [...Object.entries(VALID), ...Object.entries(ERRORS)]) {
      writeFileSync(join(dir, `${name}.py`), source(text));
    }
    const r = spawnSync('python3', [ORACLE, 'regen', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text] of Object.entries(VALID)) {
    it(`tables: ${name}`, () => {
      const expected = theirs(dir, name);
      expect(expected.startsWith('ERR'), 'CPython rejects this snippet').toBe(false);
      expect(ours(name, source(text))).toBe(expected);
    });
  }
  for (const [name, text] of Object.entries(ERRORS)) {
    it(`error: ${name}`, () => {
      const expected = theirs(dir, name);
      expect(expected.startsWith('ERR'), 'CPython accepts this snippet').toBe(true);
      expect(ours(name, source(text))).toBe(expected);
    });
  }
});

// What the compiler reads besides the printed tables; expectations follow CPython's ste_* fields.
describe('symtable API', () => {
  const build = (src: string): SymbolTable => buildSymtable(parse(src, 't.py'), 't.py', src);

  it('orders parameters as co_varnames does', () => {
    const top = build('def f(a, /, b, *c, d, **e):\n    x = 1\n');
    const f = top.children[0]!;
    expect(f.varnames).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect([f.varargs, f.varkeywords]).toEqual([true, true]);
  });

  it('finds blocks by their AST node', () => {
    const src = 'class C:\n    def m(self):\n        return [x for x in self]\n';
    const mod = parse(src, 't.py');
    const top = buildSymtable(mod, 't.py', src);
    const cls = mod.body[0] as ast.ClassDef;
    const m = cls.body[0] as ast.FunctionDef;
    const comp = (m.body[0] as ast.Return).value as ast.ListComp;
    expect(top.lookup(mod)).toBe(top);
    expect(top.lookup(cls).name).toBe('C');
    expect(top.lookup(m).lookup(comp)).toBe(top.children[0]!.children[0]!.children[0]);
    expect(top.lookup(comp).comprehension).toBe('listcomp');
    expect(top.lookup(comp).varnames).toEqual(['.0']);
    expect(top.lookup(comp).flags('x')).toBe(DEF_LOCAL | USE | DEF_COMP_ITER);
  });

  it('marks generators, nesting, free variables and the __class__ cell', () => {
    const top = build([
      'def gen():', '    yield 1',
      'def outer():', '    v = 1', '    def inner():', '        return v', '    return inner',
      'class C:', '    def m(self):', '        return super().m()',
      'class D:', '    def m(self):', '        return 1',
      'g = (i for i in ())',
    ].join('\n') + '\n');
    const [gen, outer, c, d, genexp] = top.children;
    expect(gen!.generator).toBe(true);
    expect(gen!.returnsValue).toBe(false);
    expect(outer!.generator).toBe(false);
    expect(outer!.returnsValue).toBe(true);
    expect(outer!.nested).toBe(false);
    expect(outer!.childFree).toBe(true);
    expect(outer!.scope('v')).toBe(Scope.CELL);
    expect(outer!.namesWithScope(Scope.CELL)).toEqual(['v']);
    const inner = outer!.children[0]!;
    expect(inner.nested).toBe(true);
    expect(inner.hasFree).toBe(true);
    expect(inner.scope('v')).toBe(Scope.FREE);
    expect(c!.needsClassClosure).toBe(true);
    expect(c!.children[0]!.scope('__class__')).toBe(Scope.FREE);
    expect(c!.children[0]!.flags('__class__')).toBe(USE);
    expect(d!.needsClassClosure).toBe(false);
    expect(genexp!.generator).toBe(true);
    expect(genexp!.name).toBe('genexpr');
    expect(top.scope('nowhere')).toBeUndefined();
  });

  it('mangles private names as _Py_Mangle does', () => {
    expect(mangle('C', '__x')).toBe('_C__x');
    expect(mangle('__C', '__x')).toBe('_C__x');
    expect(mangle('C', '__x__')).toBe('__x__');
    expect(mangle('C', '_x')).toBe('_x');
    expect(mangle('C', '__a.b')).toBe('__a.b');
    expect(mangle('___', '__x')).toBe('__x');
    expect(mangle(null, '__x')).toBe('__x');
  });

  it('sorts symbols by code point, as Python does', () => {
    // U+FF5A sorts before U+1D4B6 by code point, but after it by UTF-16 code unit (a surrogate).
    const top = build('x = 1\n');
    top.symbols.set('\u{1D4B6}', top.symbols.get('x')!);
    top.symbols.set('\uFF5A', top.symbols.get('x')!);
    const lines = formatSymtable(top).split('\n').map((l) => l.trim().split(':')[0]);
    expect(lines.slice(1, 4)).toEqual(['x', '\uFF5A', '\u{1D4B6}']);
  });

  it('raises RecursionError past 3000 nested statements and expressions, as CPython does', () => {
    // The statement is depth 1, then 2998 BinOps and the last Name: 3000 is allowed, 3001 is not.
    const sum = (n: number): string => `${Array(n).fill('x').join('+')}\n`;
    expect(() => build(sum(2999))).not.toThrow();
    expect(() => build(sum(3000))).toThrow(CompileRecursionError);
  });

  it('gives the source line as the error text', () => {
    const src = 'def f():\n    x = 1\n    global x\n';
    expect(() => build(src)).toThrow(PySyntaxError);
    try {
      build(src);
    } catch (e) {
      expect((e as PySyntaxError).text).toBe('    global x');
      expect((e as PySyntaxError).format()).toContain("SyntaxError: name 'x' is assigned to before global declaration");
    }
  });
});
