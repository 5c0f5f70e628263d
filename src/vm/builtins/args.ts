/** Argument parsing for natives, with CPython's TypeError messages (cf. Python/getargs.c). */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';

/**
 * Matches `args`/`kwargs` to parameter names. Names ending in `=` are optional; a leading `*` marks
 * keyword-only ones, `/` ends positional-only ones. Returns borrowed refs (undefined for absent optionals).
 * Example: parseArgs(rt, 'sorted', args, kw, ['iterable', '/', '*', 'key=', 'reverse=']).
 */
export function parseArgs(rt: Runtime, fname: string, args: Ref[], kwargs: Map<string, Ref> | null,
  spec: readonly string[]): (Ref | undefined)[] {
  const params: { name: string; optional: boolean; kwOnly: boolean; posOnly: boolean }[] = [];
  let kwOnly = false;
  const slash = spec.indexOf('/');
  spec.forEach((s, i) => {
    if (s === '/') return;
    if (s === '*') {
      kwOnly = true;
      return;
    }
    const optional = s.endsWith('=');
    params.push({ name: optional ? s.slice(0, -1) : s, optional, kwOnly, posOnly: slash >= 0 && i < slash });
  });
  const positional = params.filter((p) => !p.kwOnly);
  const out: (Ref | undefined)[] = new Array(params.length).fill(undefined);
  if (args.length > positional.length) {
    const required = positional.filter((p) => !p.optional).length;
    if (positional.length === 0) rt.raise('TypeError', `${fname}() takes no positional arguments`);
    if (required === positional.length) {
      rt.raise('TypeError', `${fname}() takes exactly ${positional.length} argument${positional.length === 1 ? '' : 's'} (${args.length} given)`);
    }
    rt.raise('TypeError', `${fname}() takes at most ${positional.length} argument${positional.length === 1 ? '' : 's'} (${args.length} given)`);
  }
  for (let i = 0; i < args.length; i++) out[i] = args[i];
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      const idx = params.findIndex((p) => p.name === k);
      if (idx < 0 || params[idx]!.posOnly) {
        rt.raise('TypeError', `${fname}() got an unexpected keyword argument '${k}'`);
      }
      if (out[idx] !== undefined) rt.raise('TypeError', `argument for ${fname}() given by name ('${k}') and position (${idx + 1})`);
      out[idx] = v;
    }
  }
  params.forEach((p, i) => {
    if (!p.optional && out[i] === undefined) {
      if (p.kwOnly) rt.raise('TypeError', `${fname}() missing required keyword-only argument: '${p.name}'`);
      const required = positional.filter((q) => !q.optional).length;
      if (required === positional.length) {
        rt.raise('TypeError', `${fname}() takes exactly ${required} argument${required === 1 ? '' : 's'} (${args.length} given)`);
      }
      rt.raise('TypeError', `${fname}() missing required argument '${p.name}' (pos ${i + 1})`);
    }
  });
  return out;
}

/** For natives taking a fixed positional range and no keywords: `len() takes exactly one argument (2 given)`. */
export function checkArity(rt: Runtime, fname: string, args: Ref[], kwargs: Map<string, Ref> | null, min: number,
  max: number): void {
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${fname}() takes no keyword arguments`);
  if (args.length < min || args.length > max) {
    if (min === max) {
      const word = min === 1 ? 'exactly one argument' : min === 0 ? 'no arguments' : `exactly ${min} arguments`;
      rt.raise('TypeError', `${fname}() takes ${word} (${args.length} given)`);
    }
    if (args.length < min) rt.raise('TypeError', `${fname} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    rt.raise('TypeError', `${fname} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}
