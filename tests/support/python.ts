/** Finding and running the test oracle, `python3`, when this machine has it. */
import { execFileSync, spawnSync } from 'node:child_process';

let found: boolean | null = null;

/** True when a `python3` that is CPython 3.11 is on PATH: the tests then re-check recorded outputs. */
export function hasPython311(): boolean {
  if (found === null) {
    const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
    found = r.status === 0 && r.stdout.trim() === 'True';
  }
  return found;
}

/** Runs `python3 args...` and returns its stdout. */
export function python(args: string[], input?: string): string {
  return execFileSync('python3', args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}
