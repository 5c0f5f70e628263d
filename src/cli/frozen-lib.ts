/**
 * The library modules written in Python (src/lib, as the bundle holds them: pylib.gen.ts), compiled by
 * the build into a file beside the bundle, dist/gilpy-lib.json, so that importing one places its code on
 * the heap instead of compiling its source: with a cold front end (each run's first parse), compiling
 * threading.py took some 230 ms and collections.py some 400 ms (docs/STARTUP.md). The build writes it
 * (scripts/build-bundle.mjs); the command reads it at the first import of such a module.
 *
 * The file: a JSON line (format, the bundle it was made from, the build's name), then one line per module:
 * its name, a tab, its code as code-json.ts writes it. A file made by another build than the running code's
 * (build-id.ts: each build names itself afresh, and a start-up snapshot left by a failed build runs an
 * earlier build's code) or from a bundle of another size, or one that cannot be read, is not used: the
 * modules are then compiled. Unlike the boot image's stamp, this one leaves out gilpy-core.cjs's
 * modification time, which npm does not keep (it packs every file with one fixed time): the npm package
 * ships the file (package.json's "files"), and an installed gilpy uses it.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { compileSource } from '../compiler/front-end.js';
import type { CodeData } from '../compiler/code.js';
import { decodeCodeData, encodeCodeData } from '../compiler/code-json.js';
import { BUILD_ID } from './build-id.js';
import { libraryModuleFilename } from '../vm/builtins/imports.js';
import { PYLIB_SOURCES } from '../vm/builtins/pylib.gen.js';

export const FROZEN_LIB_FILE = 'gilpy-lib.json';
const FORMAT = 'gilpy-frozen-lib-2';

/** What the file records of the bundle `core` (gilpy-core.cjs): its size, which packing keeps. */
const bundleSize = (core: string): string => String(statSync(core).size);

/** Compiles every library module and writes the file (the build). */
export function writeFrozenLibrary(file: string, core: string): void {
  const lines = [JSON.stringify({ format: FORMAT, bundle: bundleSize(core), build: BUILD_ID })];
  for (const [name, source] of Object.entries(PYLIB_SOURCES)) {
    lines.push(`${name}\t${encodeCodeData(compileSource(source(), libraryModuleFilename(name)))}`);
  }
  // (made beside, then renamed over the old one: a gilpy started meanwhile reads one whole file or the other)
  const made = `${file}.${process.pid}.tmp`;
  writeFileSync(made, lines.join('\n') + '\n');
  renameSync(made, file);
}

/**
 * The compiled code of library modules, read from `file` at the first call (null for a module it does not
 * hold, or when the file is missing or was made from another bundle than `core`). Each module's code is
 * decoded when asked for: a fresh CodeData each time (newCode only reads it).
 */
export function frozenLibraryReader(file: string, core: string): (name: string) => CodeData | null {
  let modules: Map<string, string> | null = null;
  return (name) => {
    modules ??= readModules(file, core);
    const text = modules.get(name);
    if (text === undefined) return null;
    try {
      return decodeCodeData(text);
    } catch {
      return null; // (not what this build writes: the module is compiled instead)
    }
  };
}

function readModules(file: string, core: string): Map<string, string> {
  const modules = new Map<string, string>();
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
    const head = JSON.parse(lines[0]!) as { format?: string; bundle?: string; build?: string | null };
    if (head.format !== FORMAT || head.bundle !== bundleSize(core) || head.build !== BUILD_ID || BUILD_ID === null) {
      return modules;
    }
  } catch {
    return modules; // (none: a run from a checkout before its first build, or one being written)
  }
  for (const line of lines.slice(1)) {
    const tab = line.indexOf('\t');
    if (tab > 0) modules.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return modules;
}
