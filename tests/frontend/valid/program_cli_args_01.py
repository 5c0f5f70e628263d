import argparse
import logging
import sys

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gilpy", description="Run a Python-subset program.")
    p.add_argument("file", nargs="?", default="-", help="source file (default: stdin)")
    p.add_argument("-v", "--verbose", action="count", default=0)
    p.add_argument("--dump-ast", action="store_true")
    p.add_argument("--dump-symtable", action="store_true")
    p.add_argument("-c", dest="command", metavar="CMD")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)])
    if args.command is not None:
        source = args.command
    elif args.file == "-":
        source = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8") as fh:
            source = fh.read()
    log.info("read %d bytes", len(source))
    if args.dump_ast or args.dump_symtable:
        import ast, symtable
        print(ast.dump(ast.parse(source)) if args.dump_ast else symtable.symtable(source, args.file, "exec"))
        return 0
    exec(compile(source, args.file, "exec"), {"__name__": "__main__"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
