/**
 * The node options the worker threads gilpy starts (no-GIL workers, multiprocessing's children, the
 * REPL's) run with: the process's own (process.execArgv, e.g. --cpu-prof), which a Worker inherits by
 * default, less those that say what to run. An embedder started as `node -e "import { run } from 'gilpy'; ..."`
 * would otherwise have every worker run that code again instead of gilpy's worker; and the command's
 * `--snapshot-blob` (docs/STARTUP.md) is refused in a Worker's options.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

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

/**
 * `argv` less the options a Worker refused (the error ERR_WORKER_INVALID_EXEC_ARGV names them): V8's
 * own flags (`--stack-size`, `--max-old-space-size`, `--trace-deopt`, `--no-opt`, ...), which are the
 * whole process's and so already apply to every worker. When the message names none of them, nothing
 * is kept (so that the next attempt cannot fail the same way).
 */
export function withoutRefused(argv: readonly string[], message: string): string[] {
  const named = /flags: (.*)$/m.exec(message)?.[1]?.split(', ') ?? [];
  const kept = argv.filter((a) => !named.includes(a));
  return kept.length < argv.length ? kept : [];
}

/** The options every gilpy worker gets (workerExecArgv, less what a Worker refused once). */
let accepted: string[] | null = null;

/** Starts a worker thread of gilpy with the process's node options (see workerExecArgv, withoutRefused). */
export function startWorker(script: URL, options: Omit<WorkerOptions, 'execArgv'>): Worker {
  accepted ??= workerExecArgv();
  for (;;) {
    try {
      return new Worker(script, { ...options, execArgv: accepted });
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || accepted.length === 0) throw e;
      accepted = withoutRefused(accepted, (e as Error).message);
    }
  }
}
