/**
 * A message channel between processes: a ring of length-prefixed byte messages in a shared buffer, for
 * multiprocessing's Queue, SimpleQueue and Pipe. Any number of processes put and get; a short spin lock in
 * the buffer guards each operation (it is held only while bytes are copied). Blocking is the caller's
 * business (processes.ts waits on the doorbell, which put and get ring).
 */
const C_LOCK = 0;
const C_READ = 1;
const C_WRITE = 2;
const C_USED = 3;
const C_COUNT = 4;
const C_CLOSED = 5;
const HEADER_BYTES = 64;

/** Bytes a new channel can hold (the address space is reserved; pages are touched only as it fills). */
export const CHANNEL_BYTES = 16 << 20;

export function channelBytes(capacity = CHANNEL_BYTES): number {
  return HEADER_BYTES + capacity;
}

export class Channel {
  private readonly i32: Int32Array;
  private readonly u8: Uint8Array;
  private readonly capacity: number;
  constructor(buffer: SharedArrayBuffer) {
    this.i32 = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.u8 = new Uint8Array(buffer, HEADER_BYTES);
    this.capacity = this.u8.length;
  }

  private lock(): void {
    while (Atomics.compareExchange(this.i32, C_LOCK, 0, 1) !== 0) Atomics.wait(this.i32, C_LOCK, 1, 1);
  }
  private unlock(): void {
    Atomics.store(this.i32, C_LOCK, 0);
    Atomics.notify(this.i32, C_LOCK, 1);
  }

  /** True if a message of `n` bytes can never fit. */
  tooBig(n: number): boolean {
    return n + 4 > this.capacity;
  }

  /** Appends a message; false (and nothing written) when there is no room now. */
  put(msg: Uint8Array): boolean {
    this.lock();
    try {
      const need = msg.length + 4;
      if (this.i32[C_USED]! + need > this.capacity) return false;
      let w = this.i32[C_WRITE]!;
      const len = new Uint8Array(new Uint32Array([msg.length]).buffer);
      w = this.copyIn(len, w);
      w = this.copyIn(msg, w);
      this.i32[C_WRITE] = w;
      this.i32[C_USED]! += need;
      this.i32[C_COUNT]!++;
      return true;
    } finally {
      this.unlock();
    }
  }

  /** Takes the oldest message, or null when there is none. */
  get(): Uint8Array | null {
    this.lock();
    try {
      if (this.i32[C_COUNT] === 0) return null;
      let r = this.i32[C_READ]!;
      const len = new Uint8Array(4);
      r = this.copyOut(len, r);
      const n = new Uint32Array(len.buffer)[0]!;
      const msg = new Uint8Array(n);
      r = this.copyOut(msg, r);
      this.i32[C_READ] = r;
      this.i32[C_USED]! -= n + 4;
      this.i32[C_COUNT]!--;
      return msg;
    } finally {
      this.unlock();
    }
  }

  count(): number {
    return Atomics.load(this.i32, C_COUNT);
  }
  /** A writer closed it (Connection.close): a reader finding it empty gets EOFError. */
  close(): void {
    Atomics.store(this.i32, C_CLOSED, 1);
  }
  closed(): boolean {
    return Atomics.load(this.i32, C_CLOSED) === 1;
  }

  private copyIn(src: Uint8Array, at: number): number {
    const first = Math.min(src.length, this.capacity - at);
    this.u8.set(src.subarray(0, first), at);
    if (first < src.length) this.u8.set(src.subarray(first), 0);
    return (at + src.length) % this.capacity;
  }
  private copyOut(dst: Uint8Array, at: number): number {
    const first = Math.min(dst.length, this.capacity - at);
    dst.set(this.u8.subarray(at, at + first));
    if (first < dst.length) dst.set(this.u8.subarray(0, dst.length - first), first);
    return (at + dst.length) % this.capacity;
  }
}
