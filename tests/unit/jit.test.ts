/** Compiled code (src/vm/interp/jit.ts) does what the evaluation loop does: programs run with their hot
 *  functions compiled and with `-X jit=0` (every instruction in the loop) print the same output and the
 *  same tracebacks (frames and lines), run the same number of instructions, and make the same allocations,
 *  frees and small-int cache hits. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/vm/embed.js';
import { H_SMALL_INT_HITS } from '../../src/vm/heap/layout.js';
import type { DecodedCode } from '../../src/vm/objects/code.js';
import { hasPython311 } from '../support/python.js';
import { programsUnder } from '../support/expect.js';

const PY = new URL('../py/', import.meta.url).pathname;
/** The corpus folders run both ways: calls, exceptions, generators, classes, reference counts, programs. */
const FOLDERS = ['jit', 'functions', 'exceptions', 'generators', 'classes', 'refcount', 'programs', 'int', 'gc', 'language'];

interface Run {
  stdout: string;
  stderr: string;
  status: number;
  instructions: number;
  allocations: number;
  frees: number;
  smallIntHits: number;
  compiled: number;
}

function run(path: string, jit: boolean, switchInterval?: number): Run {
  const r = runInMemory(readFileSync(path, 'utf8'), path, {
    jit, searchPath: [join(path, '..')], maxHeap: 256 << 20, ...(switchInterval !== undefined ? { scheduler: { switchInterval } } : {}),
  });
  const rt = r.vm.rt;
  return {
    stdout: r.stdout, stderr: r.stderr, status: r.status, instructions: r.vm.interp.instructionCount(),
    allocations: rt.heap.allocations, frees: rt.heap.frees, smallIntHits: rt.i32[H_SMALL_INT_HITS >> 2]!, compiled: rt.jitCompiled,
  };
}

/** The folders run again with a tick every 13 instructions: ticks then fall on every kind of word, in the
 *  blocks of compiled code and in its careful builds (see jit.ts). */
const TICKING = ['jit', 'functions', 'exceptions', 'generators', 'programs'];

describe('compiled functions do what the loop does', () => {
  for (const [folders, interval] of [[FOLDERS, undefined], [TICKING, 13]] as const) {
    for (const folder of folders) {
      for (const path of programsUnder(join(PY, folder))) {
        const name = path.slice(PY.length) + (interval !== undefined ? ` (a tick every ${interval} instructions)` : '');
        it(name, () => {
          const loop = run(path, false, interval);
          const compiled = run(path, true, interval);
          expect(loop.compiled).toBe(0);
          const { compiled: n, ...same } = compiled;
          // (a threaded program's instruction counts depend on when the threads ran)
          const threads = readFileSync(path, 'utf8').includes('threading');
          if (threads) {
            same.instructions = loop.instructions;
            same.allocations = loop.allocations;
            same.frees = loop.frees;
            same.smallIntHits = loop.smallIntHits;
          }
          const { compiled: _, ...want } = loop;
          expect(same).toEqual(want);
          if (folder === 'jit') expect(n).toBeGreaterThan(0);
        }, 60_000);
      }
    }
  }
});

describe('how a function is laid out as JS', () => {
  /** The JS of each compiled function of `source`, by the function's name. */
  function compiledSources(source: string): Map<string, string> {
    const r = runInMemory(source, 'layout.py', { jit: true });
    expect(r.stderr).toBe('');
    const out = new Map<string, string>();
    for (const d of r.vm.rt.decodedCodeFront as (DecodedCode | undefined)[]) {
      if (d?.jitBlock) out.set(d.name, d.jitBlock.toString());
    }
    return out;
  }

  it('code whose jumps all go forward is straight JS; a loop is a dispatch switch; a known callee is called directly', () => {
    const js = compiledSources([
      'def pick(n):', '    if n < 0:', '        return 0', '    return twice(n) if n < 50 else n',
      'def twice(n):', '    return n + n',
      'def count(n):', '    k = 0', '    while k < n:', '        k = k + 1', '    return k',
      'for i in range(100):', '    pick(i)', '    count(3)',
    ].join('\n'));
    expect([...js.keys()].sort()).toEqual(['count', 'pick', 'twice']);
    expect(js.get('pick')).not.toContain('switch (pc)');
    expect(js.get('pick')).toMatch(/L\d+: \{/);
    expect(js.get('pick')).toContain('jf = callee0.jit'); // twice(n): specialised on twice's code
    expect(js.get('twice')).toContain('if (pc < 0) {'); // ... which pushes its own frame
    expect(js.get('count')).toContain('switch (pc)');
  });
});

describe.runIf(hasPython311())('tracebacks through compiled frames', () => {
  it('name the frames and lines python3 names', () => {
    const path = join(PY, 'jit', 'exceptions_through_compiled.py');
    const frames = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('  File '));
    const want = spawnSync('python3', [path], { encoding: 'utf8' });
    const got = run(path, true);
    expect(got.compiled).toBeGreaterThan(0);
    expect(frames(got.stderr)).toEqual(frames(want.stderr));
    expect(frames(got.stderr).length).toBe(3);
  });
});
