/** The recorded answers of python3 (FILE.py.expect, made by scripts/py_oracle.py) and how gilpy's output
 *  is compared with them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Expect { stdout: string; status: number; error: string | null; stderr?: string }

/** stderr without traceback frames, as scripts/py_oracle.py normalize_stderr makes it. */
export function normalizeStderr(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (/^ {2}File ".*", line \d+, in .*$/.test(lines[i]!)) {
      i++;
      while (i < lines.length && lines[i]!.startsWith('    ')) i++;
      continue;
    }
    out.push(lines[i]!);
    i++;
  }
  return out.join('\n');
}

/** Every FILE.py under `dir`, sorted, recursively. */
export function programsUnder(dir: string): string[] {
  const out: string[] = [];
  (function walk(d: string): void {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.py')) out.push(p);
    }
  })(dir);
  return out;
}
