/**
 * The REPL's shared buffer, between the terminal front end (the process's main JS thread, which owns the
 * terminal: line editing, history, Ctrl-C) and the VM (a worker thread, which runs Python and blocks on
 * Atomics while it waits for a line). One line is asked for at a time:
 *
 *   VM: STATE IDLE -> ASKED, posts the prompt     front end: shows it, reads a line
 *   front end: writes KIND, LENGTH, the bytes; STATE -> ANSWERED; bumps EPOCH, notifies
 *   VM: reads the answer; STATE -> IDLE
 *
 * A Ctrl-C while no line is asked for adds to INTERRUPTS (and bumps EPOCH): the VM's scheduler raises
 * KeyboardInterrupt in the main thread for it.
 */
import type { InteractiveInput } from '../vm/builtins/registry.js';

const STATE = 0;
const KIND = 1;
const LENGTH = 2;
const INTERRUPTS = 3;
/** Moves whenever an answer or an interrupt arrives: what the VM sleeps on. */
const EPOCH = 4;
const HEADER_BYTES = 64;
/** The longest line passed at once (a longer one is cut: a paste of a whole file comes line by line). */
const LINE_BYTES = 1 << 20;

const IDLE = 0;
const ASKED = 1;
const ANSWERED = 2;

const LINE = 0;
const END_OF_INPUT = 1;
const INTERRUPT = 2;

export function newReplBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + LINE_BYTES);
}

/** The VM's side. `ask` sends the prompt to the front end (a message: the VM never touches the terminal). */
export class ReplChannel implements InteractiveInput {
  private readonly words: Int32Array;
  private readonly bytes: Uint8Array;
  constructor(buffer: SharedArrayBuffer, private readonly ask: (prompt: string, kind: 'repl' | 'input') => void) {
    this.words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  request(prompt: string, kind: 'repl' | 'input'): void {
    if (Atomics.compareExchange(this.words, STATE, IDLE, ASKED) !== IDLE) return;
    this.ask(prompt, kind);
  }

  ready(): boolean {
    return Atomics.load(this.words, STATE) === ANSWERED;
  }

  take(): { line: string } | 'end' | 'interrupt' {
    const kind = Atomics.load(this.words, KIND);
    const line = Buffer.from(this.bytes.subarray(0, Atomics.load(this.words, LENGTH))).toString('utf8');
    Atomics.store(this.words, STATE, IDLE);
    return kind === LINE ? { line } : kind === INTERRUPT ? 'interrupt' : 'end';
  }

  readonly interrupts = {
    pending: (): boolean => Atomics.load(this.words, INTERRUPTS) > 0,
    take: (): void => void Atomics.exchange(this.words, INTERRUPTS, 0), // presses before it count as one
  };

  readonly events = {
    epoch: (): number => Atomics.load(this.words, EPOCH),
    answering: (): boolean => Atomics.load(this.words, STATE) === ASKED,
    wait: (epoch: number, ms: number): void => void Atomics.wait(this.words, EPOCH, epoch, ms),
  };

  /** time.sleep in the REPL: a Ctrl-C cuts it short (the scheduler then raises KeyboardInterrupt). */
  sleep(seconds: number): void {
    const epoch = Atomics.load(this.words, EPOCH);
    if (Atomics.load(this.words, INTERRUPTS) === 0) Atomics.wait(this.words, EPOCH, epoch, seconds * 1000);
  }
}

/** The front end's side. */
export class ReplAnswerer {
  private readonly words: Int32Array;
  private readonly bytes: Uint8Array;
  constructor(buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** True while the VM waits for a line. */
  asked(): boolean {
    return Atomics.load(this.words, STATE) === ASKED;
  }

  /** Answers the request: a line, the end of input, or a Ctrl-C at the prompt. */
  answer(line: { line: string } | 'end' | 'interrupt'): void {
    let length = 0;
    if (typeof line === 'object') {
      const data = Buffer.from(line.line, 'utf8').subarray(0, LINE_BYTES);
      this.bytes.set(data);
      length = data.length;
    }
    Atomics.store(this.words, KIND, line === 'end' ? END_OF_INPUT : line === 'interrupt' ? INTERRUPT : LINE);
    Atomics.store(this.words, LENGTH, length);
    Atomics.store(this.words, STATE, ANSWERED);
    this.ring();
  }

  /** A Ctrl-C while the VM runs code. */
  interrupt(): void {
    Atomics.add(this.words, INTERRUPTS, 1);
    this.ring();
  }

  private ring(): void {
    Atomics.add(this.words, EPOCH, 1);
    Atomics.notify(this.words, EPOCH);
  }
}
