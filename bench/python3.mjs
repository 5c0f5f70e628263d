// The benchmarks' yardstick: the python3 binary itself, not the command `python3` names.
// On machines with pyenv, `python3` is a shell shim that costs 50-100 ms per start (it runs bash and
// `pyenv exec` before the interpreter), which would count against python3 in every wall-time ratio. So
// the benchmarks ask `python3` once for sys.executable and time that binary. (gilpy never runs python3:
// this is the benchmarks' own tooling.)
import { execFileSync } from 'node:child_process';

/** The path of the interpreter that `python3` runs, and its version line, e.g. "Python 3.11.7". */
export function resolvePython3() {
  const [path, version] = execFileSync('python3', ['-c', 'import sys, platform; print(sys.executable); print("Python " + platform.python_version())'], { encoding: 'utf8' })
    .trim().split('\n');
  return { path, version: `${version} (${path})` };
}
