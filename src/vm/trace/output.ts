/** Where a trace's text goes: a file or a file descriptor, written in large blocks (a trace can be
 *  millions of lines), or a string in memory (tests, embedders). */
import { closeSync, openSync } from 'node:fs';
import { writeAllSync } from '../host.js';
import { isatty } from 'node:tty';

export interface TraceOutput {
  write(s: string): void;
  /** Flushes; a file opened by the output is closed. */
  close(): void;
}

const BLOCK = 1 << 16;

/** Text to a file descriptor (2 for stderr) or to a file it creates (`--trace-out=FILE`). */
export class FileTraceOutput implements TraceOutput {
  private readonly fd: number;
  private readonly owned: boolean;
  private parts: string[] = [];
  private size = 0;

  /** On a terminal each event is written at once, so that it shows among the program's own output
   *  (which is line-buffered there) in the order things happened. */
  private readonly eager: boolean;

  constructor(target: number | string) {
    this.owned = typeof target === 'string';
    this.fd = typeof target === 'string' ? openSync(target, 'w') : target;
    this.eager = !this.owned && isatty(this.fd);
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= BLOCK || this.eager) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const data = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    writeAllSync(this.fd, data);
  }
  close(): void {
    this.flush();
    if (this.owned) closeSync(this.fd);
  }
}

/** Text kept in memory. */
export class StringTraceOutput implements TraceOutput {
  private parts: string[] = [];
  write(s: string): void {
    this.parts.push(s);
  }
  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
  close(): void {}
}
