// Writes src/vm/interp/loop-traced.gen.ts: the evaluation loop with the trace hooks, made from
// src/vm/interp/loop.ts's runLoop so that the loop exists once in the source (npm run regen runs this).
//
// Why a copy: with tracing off, the loop must pay nothing for tracing, not even a test per instruction
// or per reference count. So the hooks live in a second build of the same loop, used only by
// interpreters made for a traced run (TracingInterpreter). The copy differs from the original in:
//  - every inline reference count (increfW / decrefW) goes through rt.incref / rt.decref, which a
//    refcount trace replaces with versions that report each change;
//  - each instruction is reported (traceStep) before it runs; a superinstruction made by quickening
//    runs as the instructions it stands for, one by one, each reported, while the switch countdown is
//    kept exactly as the fused form counts it (a GIL switch never falls inside it);
//  - RETURN_VALUE / YIELD_VALUE report leaving the frame, and the unwinder reports each frame an
//    exception passes through.
// Every edit must match the source exactly once; when loop.ts changes so that one does not, this
// script fails and says which, rather than writing a loop that silently lacks a hook.
// Also writes src/vm/interp/loop-nogil.gen.ts, the no-GIL build of the same loop (part 4 below), and
// src/vm/interp/loop-nogil-traced.gen.ts, the traced no-GIL build (part 5).
// And src/vm/interp/loop-nested.gen.ts, GIL mode's copy of the loop for nested runs (part 6).
// Usage: node scripts/gen-traced-loop.mjs [--print | --print-nogil | --print-nogil-traced | --print-nested]
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url).pathname;
const srcPath = root + 'src/vm/interp/loop.ts';
const outPath = root + 'src/vm/interp/loop-traced.gen.ts';
const src = readFileSync(srcPath, 'utf8');

function fail(msg) {
  process.stderr.write(`gen-traced-loop: ${msg}\n`);
  process.exit(1);
}

// 1. runLoop's text: from its signature to the method that follows it
const start = src.indexOf('  protected runLoop(entry: Ref, markEntry: boolean): Ref {');
if (start < 0) fail('runLoop(entry, markEntry) not found in loop.ts (is it still `protected`?)');
const endMarker = src.indexOf('\n  /**\n   * The eval breaker', start);
if (endMarker < 0) fail('the end of runLoop (the doc comment of tick) not found');
let body = src.slice(start, endMarker + 1);
/** runLoop as it is in loop.ts (GIL mode's nested runs use it as it is: part 6). */
const plainRunLoop = body;
/** runLoop without its calls of compiled code (the parts between `// jit: begin` and `// jit: end`), for
 *  the traced builds (each instruction must be reported) and the no-GIL build (counts through the
 *  runtime): compiled code (interp/jit.ts) counts inline, as GIL mode's loop does. */
const jitFreeRunLoop = (() => {
  const parts = plainRunLoop.split(/^[ \t]*\/\/ jit: begin.*\n(?:.*\n)*?[ \t]*\/\/ jit: end\n/m);
  const stripped = plainRunLoop.replace(/^[ \t]*\/\/ jit: begin.*\n(?:.*\n)*?[ \t]*\/\/ jit: end\n/gm, '');
  if (parts.length < 2) fail('no part marked "// jit: begin" ... "// jit: end" found in runLoop');
  if (/\bjit[A-Z]|\bJIT_|compileJit/.test(stripped)) fail('runLoop uses compiled code outside the parts marked "// jit: begin" ... "// jit: end"');
  return stripped;
})();

/** Replaces `from` by `to`, which must occur exactly `times` times. */
function edit(from, to, times = 1, what = from) {
  const n = body.split(from).length - 1;
  if (n !== times) fail(`expected ${times} match(es) of ${JSON.stringify(what)}, found ${n}`);
  body = body.split(from).join(to);
}

/** Adds the trace hooks to a runLoop text (loop.ts's, or the no-GIL-safe one of part 5). */
function addTraceHooks(runLoop) {
  body = runLoop;
  edit('  protected runLoop(entry: Ref, markEntry: boolean): Ref {',
    '  protected override tracedRunLoop(entry: Ref, markEntry: boolean): Ref {');
  const incref = body.split('increfW(i32, ').length - 1;
  const decref = body.split('decrefW(rt, i32, ').length - 1;
  if (incref === 0 || decref === 0) fail('no increfW / decrefW calls found: has the loop changed its inline refcounts?');
  edit('increfW(i32, ', 'tracedIncref(rt, ', incref);
  edit('decrefW(rt, i32, ', 'tracedDecref(rt, ', decref);
  if (/i32\[[^\]]*>> 2\]\s*=\s*c\s*[+-]\s*1/.test(body)) fail('runLoop writes a reference count inline: route it through increfW/decrefW');
  edit('    let ticks = this.ticks;\n',
    '    let ticks = this.ticks;\n' +
    '    /** Words of a superinstruction still to run as plain instructions (counted, never a tick). */\n' +
    '    let fused = 0;\n');
  edit('          if (--ticks <= 0) {\n' +
    '            ticks = this.tick(frame, pc, sp - lp - d.nlocalsplus, ticks, primedRest);\n' +
    '            primedRest = 0;\n' +
    '            if (ticks < 0) return RUN_SWITCHED as Ref; // the thread\'s turn ended (see RUN_SWITCHED)\n' +
    '          }\n' +
    '          const word = i32[cb + pc++]!;\n',
    '          if (fused > 0) { fused--; ticks--; } else if (--ticks <= 0) {\n' +
    '            ticks = this.tick(frame, pc, sp - lp - d.nlocalsplus, ticks, primedRest);\n' +
    '            primedRest = 0;\n' +
    '            if (ticks < 0) return RUN_SWITCHED as Ref; // the thread\'s turn ended (see RUN_SWITCHED)\n' +
    '          }\n' +
    '          let word = i32[cb + pc++]!;\n' +
    '          const width = FUSED_WIDTH[word & 0xff]!;\n' +
    '          if (width !== 0) {\n' +
    '            word = (word & ~0xff) | BASE_OP[word & 0xff]!;\n' +
    '            fused = width - 1;\n' +
    '          }\n' +
    '          this.traceStep(frame, d, pc - 1, word, sp - lp - d.nlocalsplus);\n',
    1, 'the tick check and instruction fetch');
  edit('      } catch (thrown) {\n', '      } catch (thrown) {\n        fused = 0;\n', 1);
  // a traced call reports the callee's RESUME, and PRECALL__CALL runs as its two words (fused above)
  edit('                  pc = ticks > 1 ? d.entryPc : 0; ticks -= pc;\n', '                  pc = 0;\n', 1, 'the call\'s step over RESUME');
  edit('              if ((word & 0xff) === Op.PRECALL__CALL) {\n', '              if (false) {\n', 1, 'CALL\'s PRECALL__CALL test');
  edit('            case Op.RETURN_VALUE: {\n', '            case Op.RETURN_VALUE: {\n              this.traceLeave(frame, d, pc - 1);\n');
  edit('            case Op.YIELD_VALUE: {\n', '            case Op.YIELD_VALUE: {\n              this.traceLeave(frame, d, pc - 1);\n');
  edit('        for (;;) {\n          i32[(frame + FR_LASTI) >> 2] = lasti;\n',
    '        for (;;) {\n          i32[(frame + FR_LASTI) >> 2] = lasti;\n          this.traceException(frame, d, lasti);\n',
    1, 'the unwinder\'s per-frame loop');
  return body;
}
body = addTraceHooks(jitFreeRunLoop);

// 2. the other methods of Interpreter that count references inline (frame push and pop, generators...):
// the traced class overrides them with copies that count through the runtime too
const methodRe = /^  (?:protected |public )?(?:get |set )?([A-Za-z_]\w*)\(/gm;
const classStart = src.indexOf('export class Interpreter {');
const classEnd = src.indexOf('\n}\n', classStart);
const others = [];
for (const m of src.slice(classStart, classEnd).matchAll(methodRe)) {
  const name = m[1];
  if (name === 'runLoop' || name === 'constructor') continue;
  const at = classStart + m.index;
  const end = src.indexOf('\n  }\n', at);
  let text = src.slice(at, end + 4);
  const inc = text.split('increfW(i32, ').length - 1;
  const dec = text.split('decrefW(rt, i32, ').length - 1;
  if (inc + dec === 0) continue;
  if (/\bincrefW\(|\bdecrefW\(/.test(text.split('increfW(i32, ').join('').split('decrefW(rt, i32, ').join(''))) {
    fail(`${name} calls increfW/decrefW with other arguments than the loop's (i32, r) / (rt, i32, r)`);
  }
  text = text.split('increfW(i32, ').join('tracedIncref(rt, ').split('decrefW(rt, i32, ').join('tracedDecref(rt, ');
  text = text.replace(/^  (protected |public )?/, (x, vis) => `  ${vis ?? ''}override `);
  others.push(text);
}
body += '\n' + others.join('\n');

// 3. the imports loop.ts has (same folder, so the same paths), and its module-level helpers runLoop uses
const imports = [...src.matchAll(/^import [^;]*? from '[^']+';$/gms)].map((m) => m[0]);
const helpers = [];
for (const m of src.matchAll(/^(export )?(?:function|const|class|let) ([A-Za-z_$][\w$]*)/gm)) {
  const name = m[2];
  if (!new RegExp(`\\b${name}\\b`).test(body)) continue;
  if (!m[1]) fail(`runLoop uses ${name}, which loop.ts does not export: export it`);
  helpers.push(name);
}

const out = `// Generated by scripts/gen-traced-loop.mjs from src/vm/interp/loop.ts: do not edit (npm run regen).
/** The evaluation loop with the trace hooks (see scripts/gen-traced-loop.mjs for how it differs). */
/* eslint-disable */
${imports.join('\n')}
import { ${helpers.join(', ')} } from './loop.js';
import { BASE_OP, FUSED_WIDTH, TracingInterpreterBase, tracedDecref, tracedIncref } from './tracing-interpreter.js';

export class TracingInterpreter extends TracingInterpreterBase {
${body}}
`;
// 4. the no-GIL build (src/vm/interp/loop-nogil.gen.ts): the same loop and methods with every inline
// count through nogil/inline-counts.ts (the owner's case in place, the rest through rt.incref / rt.decref,
// which a no-GIL worker replaces with biased reference counting, nogil/brc.ts); no trace hooks.
// GIL mode's loop keeps its inline counts.
const countThroughRuntime = (text) =>
  text.split('increfW(i32, ').join('nogilIncref(rt, ').split('decrefW(rt, i32, ').join('nogilDecref(rt, ');
let nogilRunLoop = jitFreeRunLoop.replace('  protected runLoop(entry: Ref, markEntry: boolean): Ref {',
  '  protected override runLoop(entry: Ref, markEntry: boolean): Ref {');
// (module globals need no edit: LOAD_GLOBAL's read, from its cache or the dict, and its count happen
// between two ticks, and a value STORE_GLOBAL / STORE_NAME / DELETE_* replaces is dropped only after every
// other worker's next tick: nogil/qsbr.ts)
function nogilEdit(from, to, what) {
  if (nogilRunLoop.split(from).length !== 2) fail(`no-GIL build: expected one match of ${what}`);
  nogilRunLoop = nogilRunLoop.replace(from, to);
}
// BINARY_SUBSCR's list fast path reads the item and counts it under the list's lock (another worker may
// remove and free the item in between: nogil/sync.ts); out of range, the generic path raises IndexError
nogilEdit('                if (idx >= 0 && idx < n) {\n                  r = i32[itemsBase(rt, container) + idx]!;\n' +
  '                  increfW(i32, r);\n                }\n',
  '                if (idx >= 0) r = listGetItemRef(rt, container, idx);\n', "BINARY_SUBSCR's list fast path");
// FOR_ITER's list iterator fast path likewise: the item read and counted under the list's lock; past the end,
// the generic path (the iterator's `next`) ends the loop
nogilEdit('                    if (idx < i32[(seq + LIST_SIZE) >> 2]!) {\n                      x = i32[itemsBase(rt, seq) + idx]!;\n' +
  '                      increfW(i32, x);\n                    }\n',
  '                    x = listGetItemRef(rt, seq, idx); // (read and counted under the list\'s lock)\n', "FOR_ITER's list fast path");
// [*l] / {*l} and `a, b = l` of a list: its items are read and counted under the list's lock (another
// thread could remove and free one between a borrowed read and its count)
nogilEdit('                const items = rt.kindOf(it) === Kind.TUPLE ? tupleItems(rt, it) : rt.kindOf(it) === Kind.LIST ? listItems(rt, it) : null;\n',
  '                const items = rt.kindOf(it) === Kind.TUPLE ? tupleItems(rt, it) : null; // (a list: iterated, under its lock)\n',
  "LIST_EXTEND / SET_UPDATE's list fast path");
nogilEdit('              else if (kind === Kind.LIST) items = listItems(rt, seq);\n',
  '              else if (kind === Kind.LIST) {\n' +
  '                items = listItemsRef(rt, seq); // (read and counted under the list\'s lock)\n' +
  '                owned = true;\n' +
  '                if (items.length !== arg) { for (const x of items) decrefW(rt, i32, x); owned = false; } // (raises below)\n' +
  '              }\n',
  "UNPACK_SEQUENCE's list fast path");
// (the edits above make the no-GIL loop correct: the traced no-GIL build of part 5 has them too; the
// ones below make it fast by counting and allocating in place, which a trace must see: part 5 has not)
const nogilSafeRunLoop = nogilRunLoop;
// the ints the loop makes come from this worker's free list, popped in place (nogil/inline-counts.ts)
{
  const n = nogilRunLoop.split('rt.newCompactInt(v)').length - 1;
  if (n === 0) fail('no-GIL build: no rt.newCompactInt(v) in runLoop');
  nogilRunLoop = nogilRunLoop.split('rt.newCompactInt(v)').join('nogilNewInt(rt, v)');
}
const nogilBody = countThroughRuntime(nogilRunLoop);
const nogilOthers = others.map((t) => t.split('tracedIncref(rt, ').join('nogilIncref(rt, ').split('tracedDecref(rt, ').join('nogilDecref(rt, '));
const nogilHelpers = helpers.filter((h) => new RegExp(`\\b${h}\\b`).test(nogilBody + nogilOthers.join('\n')));
const nogilOut = `// Generated by scripts/gen-traced-loop.mjs from src/vm/interp/loop.ts: do not edit (npm run regen).
/** The evaluation loop of no-GIL mode: loop.ts's, with every inline reference count biased (the owner's
 *  case in place, the rest through the runtime: nogil/inline-counts.ts) and list items read under the
 *  list's lock. See
 *  scripts/gen-traced-loop.mjs. */
/* eslint-disable */
${imports.join('\n')}
import { Interpreter, ${nogilHelpers.join(', ')} } from './loop.js';
import { nogilDecref, nogilIncref, nogilNewInt } from '../nogil/inline-counts.js';
import { listGetItemRef, listItemsRef } from '../objects/list.js';

export class NoGilInterpreter extends Interpreter {
${nogilBody}
${nogilOthers.join('\n')}}
`;
// 5. the traced no-GIL build (src/vm/interp/loop-nogil-traced.gen.ts), what every thread of a traced
// no-GIL run runs when the trace needs the loop's hooks: part 1's hooks on the no-GIL loop's correctness
// edits (list items under their locks), every count through rt.incref / rt.decref (the
// worker's biased counts, wrapped by a refcount trace) and every int allocated through the runtime (so
// an alloc trace sees it): none of part 4's in-place counts and allocations.
const tracedNogilBody = addTraceHooks(nogilSafeRunLoop.replace('  protected override runLoop(entry: Ref, markEntry: boolean): Ref {',
  '  protected runLoop(entry: Ref, markEntry: boolean): Ref {')) + '\n' + others.join('\n');
if (/\bnogil(Incref|Decref|NewInt)\(/.test(tracedNogilBody)) fail('traced no-GIL build: an in-place count or allocation is left');
const tracedNogilHelpers = helpers.filter((h) => new RegExp(`\\b${h}\\b`).test(tracedNogilBody));
const tracedNogilOut = `// Generated by scripts/gen-traced-loop.mjs from src/vm/interp/loop.ts: do not edit (npm run regen).
/** The evaluation loop of a traced no-GIL run: the traced loop's hooks (loop-traced.gen.ts) on the no-GIL
 *  loop (loop-nogil.gen.ts) with every count and int allocation through the runtime, which the worker's
 *  biased counts and allocator serve and the trace wraps (trace/heap-hooks.ts). See
 *  scripts/gen-traced-loop.mjs. */
/* eslint-disable */
${imports.join('\n')}
import { ${tracedNogilHelpers.join(', ')} } from './loop.js';
import { BASE_OP, FUSED_WIDTH, TracingInterpreterBase, tracedDecref, tracedIncref } from './tracing-interpreter.js';
import { listGetItemRef, listItemsRef } from '../objects/list.js';

export class TracingNoGilInterpreter extends TracingInterpreterBase {
${tracedNogilBody}}
`;
// 6. the copy of the loop for nested runs in GIL mode (src/vm/interp/loop-nested.gen.ts): loop.ts's runLoop
// unchanged, as GilInterpreter.runNestedLoop. V8 compiles a function that is called (a nested run: Python
// called back from native code) apart from the on-stack compile of a long-running activation (a thread's
// base run): one function for both was compiled twice, the base run waiting for both (docs/STARTUP.md).
const nestedBody = plainRunLoop.replace('  protected runLoop(entry: Ref, markEntry: boolean): Ref {',
  '  protected override runNestedLoop(entry: Ref, markEntry: boolean): Ref {');
if (nestedBody === plainRunLoop) fail('nested build: the signature of runLoop not found');
const nestedHelpers = [];
for (const m of src.matchAll(/^(export )?(?:function|const|class|let) ([A-Za-z_$][\w$]*)/gm)) {
  if (!new RegExp(`\\b${m[2]}\\b`).test(nestedBody)) continue;
  if (!m[1]) fail(`runLoop uses ${m[2]}, which loop.ts does not export: export it`);
  nestedHelpers.push(m[2]);
}
const nestedOut = `// Generated by scripts/gen-traced-loop.mjs from src/vm/interp/loop.ts: do not edit (npm run regen).
/** GIL mode's interpreter: loop.ts's, with a copy of runLoop for nested runs (runNestedLoop), so that V8
 *  compiles runLoop once, for the threads' base runs. See scripts/gen-traced-loop.mjs. */
/* eslint-disable */
${imports.join('\n')}
import { Interpreter, ${nestedHelpers.join(', ')} } from './loop.js';

export class GilInterpreter extends Interpreter {
${nestedBody}}
`;
if (process.argv.includes('--print')) process.stdout.write(out);
else if (process.argv.includes('--print-nested')) process.stdout.write(nestedOut);
else if (process.argv.includes('--print-nogil')) process.stdout.write(nogilOut);
else if (process.argv.includes('--print-nogil-traced')) process.stdout.write(tracedNogilOut);
else {
  writeFileSync(outPath, out);
  writeFileSync(root + 'src/vm/interp/loop-nogil.gen.ts', nogilOut);
  writeFileSync(root + 'src/vm/interp/loop-nogil-traced.gen.ts', tracedNogilOut);
  writeFileSync(root + 'src/vm/interp/loop-nested.gen.ts', nestedOut);
}
