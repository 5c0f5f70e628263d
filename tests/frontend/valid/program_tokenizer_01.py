import re
from typing import Iterator, NamedTuple


class Token(NamedTuple):
    kind: str
    text: str
    line: int
    column: int


TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("NAME", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()=]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TOKEN_SPEC))


def tokenize(code: str) -> Iterator[Token]:
    line, line_start = 1, 0
    for mo in MASTER.finditer(code):
        kind, text = mo.lastgroup, mo.group()
        column = mo.start() - line_start
        if kind == "NEWLINE":
            line_start, line = mo.end(), line + 1
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            raise RuntimeError(f"{text!r} unexpected on line {line}")
        yield Token(kind, text, line, column)


for tok in tokenize("x = 3 + 4.5\ny = x * (2 - 1)\n"):
    print(tok)
