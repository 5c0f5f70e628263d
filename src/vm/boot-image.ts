/**
 * The boot image: the heap as it is once the built-in types, the exceptions, the builtins module and sys's
 * types exist (bootCore, bootTypes, bootExceptions, bootBuiltins, bootSysTypes: some
 * 9 ms of cold JavaScript at every start), kept
 * as bytes so that a VM can start from a copy instead (docs/STARTUP.md). The build's code-cache run
 * writes it beside the bundle (writeBootImage); the start-up snapshot embeds it (embedBootImage, while the
 * snapshot is made); a run from the snapshot boots from it. Everything else a VM does at boot still runs
 * as before, so the heap ends up byte for byte as a full boot leaves it.
 *
 * What those steps leave outside the heap is restored by VM (Runtime.loadRoots, installRaiseNew)
 * or is a cache that fills on demand (interned strs by text, exception types by name, MRO lookups).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { H_TOP } from './heap/layout.js';
import type { Runtime } from './runtime.js';

/** The image's file, beside the bundle (dist/). */
export const BOOT_IMAGE_FILE = 'gilpy-boot.img';

export interface BootImage {
  /** The heap's bytes from 0 to its top (header included). */
  readonly bytes: Uint8Array;
  /** The collector's generation lists and counts (Runtime.gcHeads, gcCounts), JS-side state. */
  readonly gcHeads: number[];
  readonly gcCounts: number[];
}

/** The heap of `rt` and its collector lists, copied (rt must be at the point VM takes the image at). */
export function captureBootImage(rt: Runtime): BootImage {
  const top = rt.i32[H_TOP >> 2]!;
  return { bytes: rt.u8.slice(0, top), gcHeads: [...rt.gcHeads], gcCounts: [...rt.gcCounts] };
}

/** Copies an image into `rt` (a runtime whose heap was made from image.bytes: see HeapOptions.image). */
export function restoreBootImageState(rt: Runtime, image: BootImage): void {
  for (let g = 0; g < 3; g++) {
    rt.gcHeads[g] = image.gcHeads[g]!;
    rt.gcCounts[g] = image.gcCounts[g]!;
  }
}

/**
 * The file: a JSON line (format, the bundle it was made with, the collector state, the byte count), then
 * the bytes. The bundle is named by the size and modification time of gilpy-core.cjs, so that an image
 * left by an earlier build is never taken for this one's (native ids, layouts and boot order must match).
 */
const FORMAT = 'gilpy-boot-image-1';

/** The bundle `core` (gilpy-core.cjs) as files made from it by the build name it (here and frozen-lib.ts). */
export function bundleStamp(core: string): string {
  const st = statSync(core);
  return `${st.size}:${st.mtimeMs}`;
}

/** True if `stamp` (bundleStamp's) names the bundle `core` as it is now: its size, and its modification
 *  time to the millisecond (a copy that keeps times may keep no finer ones: node's cpSync rounds them). */
export function isBundle(stamp: unknown, core: string): boolean {
  if (typeof stamp !== 'string') return false;
  const [size, mtime] = stamp.split(':').map(Number);
  const st = statSync(core);
  return size === st.size && Math.abs(mtime! - st.mtimeMs) < 1;
}

export function writeBootImage(file: string, core: string, image: BootImage): void {
  const head = JSON.stringify({ format: FORMAT, bundle: bundleStamp(core), gcHeads: image.gcHeads,
    gcCounts: image.gcCounts, length: image.bytes.length });
  const headBytes = Buffer.from(head + '\n', 'utf8');
  writeFileSync(file, Buffer.concat([headBytes, image.bytes]));
}

/** The image in `file` if it was made from the bundle `core` as it is now, else null. */
export function readBootImage(file: string, core: string): BootImage | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  const nl = data.indexOf(10);
  if (nl < 0) return null;
  let head: { format: string; bundle: string; gcHeads: number[]; gcCounts: number[]; length: number };
  try {
    head = JSON.parse(data.subarray(0, nl).toString('utf8')) as typeof head;
  } catch {
    return null; // (a file being written)
  }
  if (head.format !== FORMAT || !isBundle(head.bundle, core) || data.length - nl - 1 !== head.length) return null;
  // (a copy: the snapshot keeps it, not the file's whole buffer)
  return { bytes: new Uint8Array(data.subarray(nl + 1)), gcHeads: head.gcHeads, gcCounts: head.gcCounts };
}

/** The image the start-up snapshot holds (null: boot in full). */
let embedded: BootImage | null = null;

/** While the snapshot is made: keeps the image beside the bundle, if it was made from this bundle. */
export function embedBootImage(file: string, core: string): void {
  embedded = readBootImage(file, core);
}

/** The image to boot from: the snapshot's, or null (a run without the snapshot, or none was made). */
export function embeddedBootImage(): BootImage | null {
  return embedded;
}
