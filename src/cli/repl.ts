/**
 * The REPL's terminal front end (`gilpy` with no program, `gilpy -i`). The VM runs on a worker thread,
 * the terminal stays with the process's main JS thread: while Python code runs, this thread still sees
 * Ctrl-C (a KeyboardInterrupt for the running loop) and the keys typed ahead, and at the prompt Node's
 * readline gives line editing and history (~/.gilpy_history, as python3 keeps ~/.python_history).
 *
 * When stdin is not a terminal (a pipe, a file), the lines are read as they come, prompts go to stderr
 * and Ctrl-C is the SIGINT signal, as python3 -i does.
 */
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newReplBuffer, ReplAnswerer } from './repl-channel.js';
import { startWorker } from '../vm/worker-exec-argv.js';

/** What the main thread hands the REPL's worker: the command line (the worker parses it again). */
export interface ReplWorkerData {
  gilpyRepl: true;
  argv: string[];
  buffer: SharedArrayBuffer;
}

/** The VM's messages: a prompt (it waits for a line), or its exit status. */
type WorkerMessage = { prompt: string; kind: 'repl' | 'input' } | { exit: number };

const HISTORY_SIZE = 1000;

/** Where history is kept: $GILPY_HISTORY (empty: nowhere), else ~/.gilpy_history. */
function historyFile(): string | null {
  const env = process.env['GILPY_HISTORY'];
  if (env !== undefined) return env === '' ? null : env;
  return join(homedir(), '.gilpy_history');
}

function loadHistory(file: string | null): string[] {
  if (file === null) return [];
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/** Starts the VM on a worker and serves it lines from the terminal until it ends; then exits. */
export function startRepl(argv: string[], workerScript: string): void {
  const buffer = newReplBuffer();
  const answerer = new ReplAnswerer(buffer);
  const terminal = process.stdin.isTTY === true;
  const file = terminal ? historyFile() : null;
  let history = loadHistory(file); // newest first
  const rl = createInterface({
    input: process.stdin, output: terminal ? process.stdout : undefined, terminal,
    history: [...history], historySize: HISTORY_SIZE, removeHistoryDuplicates: false, tabSize: 4,
  });
  rl.on('history', (h: string[]) => {
    history = h;
  });
  /** Lines that came while no line was asked for (typed ahead, or the rest of a pipe). */
  const ahead: string[] = [];
  let ended = false;
  let waiting = false;

  const serve = (): void => {
    if (!waiting) return;
    if (ahead.length > 0) {
      waiting = false;
      answerer.answer({ line: ahead.shift()! });
    } else if (ended) {
      waiting = false;
      answerer.answer('end');
    }
  };
  const ask = (prompt: string, kind: 'repl' | 'input'): void => {
    waiting = true;
    if (terminal) {
      rl.setPrompt(prompt);
      rl.prompt(true);
    } else if (prompt !== '') {
      // python3 -i: the REPL's prompts on stderr, input()'s own on stdout
      writeSync(kind === 'repl' ? 2 : 1, prompt);
    }
    serve();
  };
  const interrupt = (): void => {
    if (waiting) {
      waiting = false;
      if (terminal) rl.write(null, { ctrl: true, name: 'u' }); // drop what was typed on the line
      answerer.answer('interrupt');
    } else answerer.interrupt();
  };

  rl.on('line', (line) => {
    ahead.push(line);
    serve();
  });
  rl.on('close', () => {
    ended = true;
    serve();
  });
  rl.on('SIGINT', interrupt); // Ctrl-C typed at a terminal (readline keeps it from being a signal)
  process.on('SIGINT', interrupt); // the signal, when stdin is not a terminal

  const worker = startWorker(new URL(workerScript), { workerData: { gilpyRepl: true, argv, buffer } satisfies ReplWorkerData });
  let finished = false;
  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    if (file !== null) {
      try {
        writeFileSync(file, [...history].reverse().join('\n') + '\n');
      } catch {
        // no history then, as python3 when ~ is not writable
      }
    }
    rl.close();
    process.exit(status);
  };
  worker.on('message', (m: WorkerMessage) => {
    if ('exit' in m) finish(m.exit);
    else ask(m.prompt, m.kind);
  });
  worker.on('error', (e) => {
    process.stderr.write(`gilpy: internal error (a bug in gilpy, not in your program): ${e.stack ?? e}\n`);
    finish(70);
  });
  worker.on('exit', (code) => finish(code));
}
