/**
 * Output kept in memory in no-GIL mode (the embedding API: src/api/run.ts). Without the GIL, the program's
 * threads print from several worker threads at once; the command line writes each line to file
 * descriptor 1 or 2 under the output lock, so lines come out whole and in the order they were printed.
 * In memory, each worker sends its lines to the host on its port instead, every line numbered from one
 * counter shared by the host and all workers (taken when the line is complete): the host puts its own
 * lines and the workers' back in that order when the run ends.
 */
import type { MessagePort } from 'node:worker_threads';
import type { OutputSink } from '../builtins/registry.js';

/** A line (or the rest of the output at a flush) of fd 1 or 2, and its place in the run's output. */
export interface OutputChunk {
  kind: 'output';
  fd: 1 | 2;
  seq: number;
  text: string;
}

/** Line-buffered output that numbers each complete line from the shared counter, and hands it on. */
class NumberedLineSink implements OutputSink {
  private buf = '';
  constructor(private readonly counter: Int32Array, private readonly fd: 1 | 2,
    private readonly deliver: (chunk: OutputChunk) => void) {}
  write(s: string): void {
    this.buf += s;
    if (s.includes('\n')) this.flush();
  }
  flush(): void {
    if (this.buf === '') return;
    const seq = Atomics.add(this.counter, 0, 1);
    this.deliver({ kind: 'output', fd: this.fd, seq, text: this.buf });
    this.buf = '';
  }
}

/** The host's side: its own stdout and stderr sinks, and the workers' chunks, merged in order. */
export class CapturedOutput {
  /** The shared counter (one word of a SharedArrayBuffer): passed to the workers. */
  readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private readonly chunks: OutputChunk[] = [];
  readonly stdout: OutputSink = new NumberedLineSink(this.counter, 1, (c) => this.chunks.push(c));
  readonly stderr: OutputSink = new NumberedLineSink(this.counter, 2, (c) => this.chunks.push(c));

  /** A chunk a worker sent. */
  accept(chunk: OutputChunk): void {
    this.chunks.push(chunk);
  }

  /** All that was written to `fd` so far, in the order it was written. */
  text(fd: 1 | 2): string {
    return this.chunks.filter((c) => c.fd === fd).sort((a, b) => a.seq - b.seq).map((c) => c.text).join('');
  }
}

/** A worker's stdout or stderr when the host captures the output: numbered lines sent on `port`. */
export function workerOutputSink(counter: SharedArrayBuffer, fd: 1 | 2, port: MessagePort): OutputSink {
  return new NumberedLineSink(new Int32Array(counter, 0, 1), fd, (c) => port.postMessage(c));
}

export function isOutputChunk(m: unknown): m is OutputChunk {
  return (m as { kind?: string } | null)?.kind === 'output';
}
