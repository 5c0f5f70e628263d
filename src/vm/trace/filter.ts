/** --trace-filter: which events a trace keeps. `function:NAME` keeps events that happen while a code
 *  object named NAME (its name or qualified name) is on the thread's stack, `line:A-B` (or `line:N`)
 *  while the thread's innermost frame is on a line from A to B, `thread:NAME` events of that thread
 *  (its name, or its number). Several filters of one sort keep what any of them keeps; filters of
 *  different sorts must all keep an event. */

export type TraceFilter =
  | { sort: 'function'; name: string }
  | { sort: 'line'; from: number; to: number }
  | { sort: 'thread'; name: string };

/** Parses one --trace-filter value; throws an Error whose message says what is wrong. */
export function parseTraceFilter(text: string): TraceFilter {
  const colon = text.indexOf(':');
  const sort = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? '' : text.slice(colon + 1);
  if (value === '') throw new Error(`--trace-filter=${text}: expected function:NAME, line:A-B or thread:NAME`);
  switch (sort) {
    case 'function':
      return { sort, name: value };
    case 'thread':
      return { sort, name: value };
    case 'line': {
      const m = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (m === null) throw new Error(`--trace-filter=${text}: a line filter is line:N or line:A-B`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to < from) throw new Error(`--trace-filter=${text}: the range ends before it starts`);
      return { sort, from, to };
    }
    default:
      throw new Error(`--trace-filter=${text}: unknown filter '${sort}' (function, line or thread)`);
  }
}

/** True if a filter asks where a thread is in its code (then the loop must say so at each instruction). */
export function filterNeedsFrames(filters: readonly TraceFilter[]): boolean {
  return filters.some((f) => f.sort !== 'thread');
}
