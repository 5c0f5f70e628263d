"""CPython's answers for gilpy's front-end tests: the test oracle, never used by gilpy itself.

Usage:
  python3 scripts/frontend_oracle.py ast FILE        ast.dump(ast.parse(src)), as `gilpy --dump-ast` prints it
  python3 scripts/frontend_oracle.py symtable FILE   the symbol tables, in `gilpy --dump-symtable`'s format
  python3 scripts/frontend_oracle.py error FILE      the SyntaxError that compile() raises, as one JSON line
  python3 scripts/frontend_oracle.py regen DIR...    rewrite FILE.ast / FILE.astpos / FILE.symtable / FILE.err for every FILE.py
  python3 scripts/frontend_oracle.py batch DIR...    all of those for every FILE.py, as one JSON object (for the tests)

The symbol-table format (one scope header per block, depth-first in the order CPython enters blocks;
symbols sorted by name, each with its resolved scope and its definition flags):

  module top line 0
    x: GLOBAL_IMPLICIT local,use
    function f line 3
      y: LOCAL param
"""
import ast
import json
import os
import sys
import symtable
import warnings
import _symtable

SCOPES = {
    _symtable.LOCAL: "LOCAL",
    _symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
    _symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT",
    _symtable.FREE: "FREE",
    _symtable.CELL: "CELL",
}
# Definition flags in bit order; their names are gilpy's spelling of CPython's DEF_* / USE constants.
FLAGS = [
    (_symtable.DEF_GLOBAL, "global"),
    (_symtable.DEF_LOCAL, "local"),
    (_symtable.DEF_PARAM, "param"),
    (_symtable.DEF_NONLOCAL, "nonlocal"),
    (_symtable.USE, "use"),
    (_symtable.DEF_FREE, "free"),
    (_symtable.DEF_FREE_CLASS, "free_class"),
    (_symtable.DEF_IMPORT, "import"),
    (_symtable.DEF_ANNOT, "annot"),
    (512, "comp_iter"),  # DEF_COMP_ITER (2<<8 in 3.11's symtable.h), not exported by _symtable
]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def dump_ast(src):
    return ast.dump(ast.parse(src)) + "\n"


def dump_ast_positions(src):
    return ast.dump(ast.parse(src), include_attributes=True) + "\n"


def dump_symtable(src, filename):
    out = []

    def walk(t, depth):
        pad = "  " * depth
        out.append(f"{pad}{t.get_type()} {t.get_name()} line {t.get_lineno()}")
        for name in sorted(t._table.symbols):
            raw = t._table.symbols[name]
            scope = (raw >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
            flags = ",".join(n for bit, n in FLAGS if raw & bit) or "-"
            out.append(f"{pad}  {name}: {SCOPES.get(scope, str(scope))} {flags}")
        for child in t.get_children():
            walk(child, depth + 1)

    walk(symtable.symtable(src.decode("utf-8"), filename, "exec"), 0)
    return "\n".join(out) + "\n"


def syntax_error(src, filename):
    try:
        compile(src, filename, "exec")
    except SyntaxError as e:
        return json.dumps({
            "type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
            "end_lineno": e.end_lineno, "end_offset": e.end_offset,
        }) + "\n"
    return "null\n"


def expectations(path):
    """What CPython says of one file: {".err": ...} for a bad one, else its AST dumps and symbol tables."""
    src = read(path)
    name = os.path.basename(path)
    err = syntax_error(src, name)
    if err != "null\n":
        return {".err": err}
    return {".ast": dump_ast(src), ".astpos": dump_ast_positions(src), ".symtable": dump_symtable(src, name)}


def corpus(dirs):
    for d in dirs:
        for root, _, files in os.walk(d):
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(root, name)


def regen(dirs):
    for path in corpus(dirs):
        outputs = expectations(path)
        for ext in (".ast", ".astpos", ".symtable", ".err"):
            if ext not in outputs and os.path.exists(path + ext):
                os.remove(path + ext)
        for ext, text in outputs.items():
            with open(path + ext, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)


def batch(dirs):
    json.dump({path: expectations(path) for path in corpus(dirs)}, sys.stdout)


def main():
    warnings.simplefilter("ignore")  # CPython's SyntaxWarnings are not part of what is compared
    mode, *args = sys.argv[1:]
    if mode == "regen":
        regen(args)
        return
    if mode == "batch":
        batch(args)
        return
    path = args[0]
    src = read(path)
    name = os.path.basename(path)
    text = {"ast": lambda: dump_ast(src), "symtable": lambda: dump_symtable(src, name),
            "error": lambda: syntax_error(src, name)}[mode]()
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
