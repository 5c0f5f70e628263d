/**
 * The node options the worker threads gilpy starts (no-GIL workers, multiprocessing's children) run
 * with: the process's own (process.execArgv, e.g. --stack-size), which a Worker inherits by default,
 * less those that say what to run. An embedder started as `node -e "import { run } from 'gilpy'; ..."`
 * would otherwise have every worker run that code again instead of gilpy's worker; and the command's
 * `--snapshot-blob` (docs/STARTUP.md) is refused in a Worker's options.
 */
const WITH_VALUE = new Set(['-e', '--eval', '-p', '--print', '--input-type', '--snapshot-blob']);
const ALONE = new Set(['-i', '--interactive', '-c', '--check', '--test', '--watch', '--build-snapshot']);

export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') ? a.split('=')[0]! : a;
    if (WITH_VALUE.has(name)) {
      if (!a.includes('=')) i++; // its value is the next word
      continue;
    }
    if (!ALONE.has(name)) kept.push(a);
  }
  return kept;
}
