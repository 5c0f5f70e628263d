"""CPython's answers for gilpy's run-time tests: the test oracle, never used by gilpy itself.

Usage:
  python3 scripts/py_oracle.py regen DIR...   write FILE.py.expect next to every FILE.py under each DIR
  python3 scripts/py_oracle.py batch DIR...   print {path: expect, ...} for every FILE.py, as one JSON object
  python3 scripts/py_oracle.py run FILE.py    print the expect object of one file

Each FILE.py is run as `python3 FILE.py` with:
  - the working directory set to the file's folder (so the program sees its own name as sys.argv[0]),
  - stdin taken from FILE.py.stdin when that file exists, otherwise empty,
  - environment: the caller's, plus PYTHONHASHSEED=0 and PYTHONIOENCODING=utf-8,
  - a timeout of 20 seconds (a timeout is recorded as status -1, error "timeout").

FILE.py.expect is one JSON object (UTF-8, keys in this order, followed by a newline):

  {"stdout": "everything the program wrote to stdout", "status": 0, "error": null}

  stdout   the program's complete standard output, decoded as UTF-8
  status   the exit status (0 on success, 1 for an uncaught exception, n for sys.exit(n), ...)
  error    when status != 0: the last non-empty line of stderr, which for an uncaught exception is
           CPython's `TypeName: message` line (e.g. "ZeroDivisionError: division by zero") and for
           sys.exit("text") is the text itself; "" when stderr is empty (sys.exit(3)); null when
           status == 0 (stderr is then ignored, so warnings never matter)

Only stdout, the status and the last line of stderr are compared; the traceback lines above it are
not, because their paths and line echoes differ between runs.

A program whose source contains the line `# oracle: stderr` gets a fourth key, "stderr": its whole
standard error with the frames of every traceback taken out (each `  File "...", line N, in f` line, the
source line echoed under it, and caret lines), so that what is left (report headers such as
"Exception in thread Thread-1 (f):", "Traceback (most recent call last):", the exception lines) can be
compared even where the library's own frames differ (threading.py is gilpy's, not CPython's). Never edit .expect files by hand:
change the program and regenerate.

In `batch` the keys are the paths as found by walking the given DIRs (os.path.join of DIR and the
relative path), with '/' as separator.
"""
import json
import os
import re
import subprocess
import sys

TIMEOUT = 20


def corpus(dirs):
    for d in dirs:
        if os.path.isfile(d):
            if d.endswith(".py"):
                yield d
            continue
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(root, name).replace(os.sep, "/")


def expectation(path):
    """Runs one program under CPython and returns its expect object."""
    folder = os.path.dirname(os.path.abspath(path))
    stdin_path = path + ".stdin"
    stdin = b""
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin = f.read()
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONSTARTUP", None)
    try:
        proc = subprocess.run(
            ["python3", os.path.basename(path)],
            cwd=folder, input=stdin, capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return {"stdout": out, "status": -1, "error": "timeout"}
    out = proc.stdout.decode("utf-8", "replace")
    error = None
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        error = lines[-1] if lines else ""
    exp = {"stdout": out, "status": proc.returncode, "error": error}
    with open(path, encoding="utf-8") as f:
        if "# oracle: stderr\n" in f.read():
            exp["stderr"] = normalize_stderr(proc.stderr.decode("utf-8", "replace"))
    return exp


FRAME = re.compile(r'^  File ".*", line \d+, in .*$')


def normalize_stderr(text):
    """stderr without traceback frames (see the module doc); tests/py/differential.test.ts does the same."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if FRAME.match(lines[i]):
            i += 1
            while i < len(lines) and lines[i].startswith("    "):
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def regen(dirs):
    for path in corpus(dirs):
        exp = expectation(path)
        with open(path + ".expect", "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(exp, ensure_ascii=False) + "\n")
        if exp["status"] != 0:
            print(f"{path}: status {exp['status']}: {exp['error']}", file=sys.stderr)


def batch(dirs):
    # ASCII-only JSON, so the output does not depend on the locale of the process reading it
    json.dump({path: expectation(path) for path in corpus(dirs)}, sys.stdout)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("regen", "batch", "run"):
        sys.stderr.write(__doc__)
        sys.exit(2)
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "regen":
        regen(args)
    elif mode == "batch":
        batch(args)
    else:
        sys.stdout.write(json.dumps(expectation(args[0]), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
