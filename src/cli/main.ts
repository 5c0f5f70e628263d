#!/usr/bin/env node
/** The `gilpy` command line. */
import { readFileSync } from 'node:fs';
import { analyze } from '../compiler/front-end.js';
import { formatSymtable } from '../compiler/symtable.js';
import { dumpAst } from '../parser/dump.js';
import { CompileRecursionError, PySyntaxError } from '../parser/errors.js';

const VERSION = '0.1.0';

const HELP = `usage: gilpy [option] ... [file]

Front end (debugging):
  --dump-ast FILE       print the AST, exactly as python3's ast.dump(ast.parse(source)) does
  --dump-symtable FILE  print the symbol tables (format: scripts/frontend_oracle.py)

Other:
  --version             print gilpy's version
  -h, --help            print this help

Running programs comes with the VM; this build has the front end only.
`;

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`gilpy: can't open file '${path}': [Errno 2] ${err.code === 'ENOENT' ? 'No such file or directory' : err.message}\n`);
    process.exit(2);
  }
}

/** Prints a SyntaxError as CPython does when a script fails to compile, and exits 1. */
function reportSyntaxError(e: PySyntaxError): never {
  process.stderr.write(e.format());
  process.exit(1);
}

function main(argv: string[]): void {
  const [first, second] = argv;
  if (first === undefined) {
    process.stderr.write(HELP);
    process.exit(2);
  }
  if (first === '-h' || first === '--help') {
    process.stdout.write(HELP);
    return;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`gilpy ${VERSION} (Python 3.11 subset)\n`);
    return;
  }
  if (first === '--dump-ast' || first === '--dump-symtable') {
    if (second === undefined) {
      process.stderr.write(`gilpy: ${first} needs a FILE\n`);
      process.exit(2);
    }
    const source = readSource(second);
    const name = second.split('/').pop()!;
    try {
      const { module, symtable } = analyze(source, second);
      process.stdout.write(first === '--dump-ast' ? dumpAst(module) + '\n' : formatSymtable(symtable));
    } catch (e) {
      if (e instanceof PySyntaxError) reportSyntaxError(e);
      if (e instanceof CompileRecursionError) {
        process.stderr.write(`RecursionError: ${e.msg}\n`);
        process.exit(1);
      }
      throw e;
    }
    void name;
    return;
  }
  if (first.startsWith('-')) {
    process.stderr.write(`gilpy: unknown option ${first}\n${HELP}`);
    process.exit(2);
  }
  process.stderr.write('gilpy: running programs is not built yet (the VM is issue "VM core"); try --dump-ast\n');
  process.exit(2);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`gilpy: internal error (a bug in gilpy, not in your program): ${(e as Error).stack ?? e}\n`);
  process.exit(70);
}
