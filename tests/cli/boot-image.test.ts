/** The boot image (src/vm/boot-image.ts, docs/STARTUP.md): the build's code-cache run writes the heap as
 *  boot leaves it after the types and exceptions, the snapshot embeds it, and a run from the snapshot
 *  starts from a copy. The heap must then be what a full boot makes, byte for byte: ids, counts and the
 *  collector's state come out the same as through gilpy.mjs (which always boots in full). */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, command } from '../support/cli.js';
// @ts-expect-error: a plain .mjs script, typed by its use here
import { buildSnapshot } from '../../scripts/build-bundle.mjs';
import { BOOT_IMAGE_FILE, readBootImage, writeBootImage } from '../../src/vm/boot-image.js';

const scratch = mkdtempSync(join(tmpdir(), 'gilpy-boot-image-'));
const dir = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  await buildCli();
  cpSync(dirname(command), dir, { recursive: true, preserveTimestamps: true });
  // what `npm run build` does: the code-cache run (which writes the image), then the snapshot
  const r = spawnSync(process.execPath, [join(dir, 'gilpy.mjs'), '-c', 'pass'],
    { env: { ...process.env, GILPY_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
  expect(r.status).toBe(0);
  (buildSnapshot as (d: string) => void)(dir);
}, 120_000);

/** Ids, the collector's counts and objects, refcounts and --stats' object counts after boot. */
const PROGRAM = `
import gc, sys
class A: pass
a = A(); b = [1, 2, 3]; c = {'x': a}; d = 'hello' + str(len(b))
print(id(a), id(b), id(c), id(d), id(len), id(ValueError), id(int.__add__), id(A), id(sys))
print(gc.get_count(), len(gc.get_objects()), sys.getrefcount(len), sys.getrefcount('append'))
try:
    {}['k']
except KeyError as e:
    print(id(e), repr(e), id(e.__traceback__))
`;

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** --stats' heap figures: sizes, allocations, collections, live objects by type (times left out). */
function objectCounts(stderr: string): string {
  return stderr.split('\n')
    .filter((l) => /^ {4}\S.* +[\d,]+ +[+-]?\d+$/.test(l) || /^ {2}(peak heap|in use|allocations|collections)/.test(l))
    .join('\n');
}

describe('the boot image', () => {
  it('is written by the code-cache run', () => {
    expect(existsSync(join(dir, BOOT_IMAGE_FILE))).toBe(true);
    expect(readBootImage(join(dir, BOOT_IMAGE_FILE), join(dir, 'gilpy-core.cjs'))).not.toBeNull();
  });

  it('gives the heap a full boot gives', () => {
    const fromImage = run(join(dir, 'gilpy'), '--stats', '-c', PROGRAM);
    const fullBoot = run(process.execPath, join(dir, 'gilpy.mjs'), '--stats', '-c', PROGRAM);
    expect(fromImage.status).toBe(0);
    expect(fromImage.stdout).toBe(fullBoot.stdout);
    expect(objectCounts(fromImage.stderr)).toBe(objectCounts(fullBoot.stderr));
    expect(objectCounts(fromImage.stderr)).not.toBe('');
  });

  it('is not taken for another build of the bundle', () => {
    const file = join(scratch, 'image.img');
    const core = join(scratch, 'core.cjs');
    writeFileSync(core, 'core');
    writeBootImage(file, core, { bytes: new Uint8Array([1, 2, 3]), gcHeads: [0, 0, 0], gcCounts: [0, 0, 0] });
    expect(readBootImage(file, core)?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    utimesSync(core, new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(readBootImage(file, core)).toBeNull();
  });

  it('is not used in heap-checking mode, which boots in full', () => {
    expect(run(join(dir, 'gilpy'), '--debug-heap', '-c', 'print(len([1, 2]))').stdout).toBe('2\n');
  });
});
