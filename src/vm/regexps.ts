/**
 * Regular expressions that run when a program runs, compiled while the start-up snapshot is made.
 * V8 compiles a RegExp at its first exec and keeps what it made with the RegExp object, which the
 * snapshot keeps; a module-level RegExp first run after start-up (str repr, float parsing, str.split())
 * is compiled again in every process, some 20-100 us each (docs/STARTUP.md). The snapshot's entry runs
 * every registered one twice (src/cli/snapshot.ts): V8 compiles a RegExp to its bytecode at the first
 * exec and to native code at the second, and the snapshot keeps both. Each must be module-level (a literal in a function is
 * a new object at each evaluation, whose compiled form the snapshot drops with the function's feedback).
 */
const registered: RegExp[] = [];

/** Registers module-level `re` to be compiled in the start-up snapshot; returns it. */
export function compiledInSnapshot(re: RegExp): RegExp {
  registered.push(re);
  return re;
}

/** While the snapshot is made: runs every registered RegExp twice (on '', leaving lastIndex at 0). */
export function compileRegisteredRegExps(): void {
  for (const re of registered) {
    re.test('');
    re.lastIndex = 0;
    re.test('');
    re.lastIndex = 0;
  }
}
