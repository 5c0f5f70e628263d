/** The host services a VM runs with: buffered output that is flushed before anything can be lost. */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import type { OutputSink } from './builtins/registry.js';

/** Output to a file descriptor, buffered like Python's (flushed at 8 KiB, at exit and on error). */
export class FdSink implements OutputSink {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly fd: number, private readonly lineBuffered: boolean) {}
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 8192 || (this.lineBuffered && s.includes('\n'))) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const data = Buffer.from(this.buf.join(''), 'utf8');
    this.buf = [];
    this.size = 0;
    writeAllSync(this.fd, data);
  }
}

/**
 * The lock every gilpy process of a program takes around each write to its output (a word in the process
 * group's shared buffer, set by proc/processes.ts once processes exist): the processes are threads of one
 * host process sharing file descriptors 1 and 2, and a write larger than a pipe's atomic size could
 * otherwise be interleaved with another process's. Each write holds whole print() calls.
 */
let outputLock: { words: Int32Array; index: number } | null = null;
export function setOutputLock(words: Int32Array, index: number): void {
  outputLock = { words, index };
}

/** Writes all of `data` to `fd`, retrying while a non-blocking descriptor is full; a closed pipe (EPIPE)
 *  ends the write quietly, as the reader has gone. */
export function writeAllSync(fd: number, data: Buffer): void {
  const lock = outputLock;
  if (lock === null) return writeAll(fd, data);
  while (Atomics.compareExchange(lock.words, lock.index, 0, 1) !== 0) Atomics.wait(lock.words, lock.index, 1, 5);
  try {
    writeAll(fd, data);
  } finally {
    Atomics.store(lock.words, lock.index, 0);
    Atomics.notify(lock.words, lock.index, 1);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(fd, data, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return;
      throw e;
    }
  }
}

/** Collects output in memory (tests, the embedding API). */
export class StringSink implements OutputSink {
  text = '';
  write(s: string): void {
    this.text += s;
  }
  flush(): void {}
}

/** Reads stdin line by line, synchronously (input() blocks the program, as in CPython). */
export class StdinReader {
  private pending = '';
  private eof = false;
  constructor(private readonly fd = 0, private readonly preset: string | null = null) {
    if (preset !== null) {
      this.pending = preset;
      this.eof = true;
    }
  }
  readLine(): string | null {
    for (;;) {
      const nl = this.pending.indexOf('\n');
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return line.replace(/\r$/, '');
      }
      if (this.eof) {
        if (this.pending === '') return null;
        const line = this.pending;
        this.pending = '';
        return line;
      }
      const buf = Buffer.alloc(65536);
      let n = 0;
      try {
        n = readSync(this.fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') n = 0;
        else throw e;
      }
      if (n === 0) this.eof = true;
      else this.pending += buf.toString('utf8', 0, n);
    }
  }
}

export function readTextFile(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Blocks the thread for `seconds` (real time). */
export function sleepSync(seconds: number): void {
  if (seconds <= 0) return;
  const sab = new SharedArrayBuffer(4);
  Atomics.wait(new Int32Array(sab), 0, 0, seconds * 1000);
}

export { openSync, closeSync };
