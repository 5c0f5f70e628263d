# A tiny JSON encoder and a recursive-descent JSON parser, checked against each other:
# isinstance dispatch, recursion, string escapes, float repr, errors with positions, **kwargs.


class JSONError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def encode_str(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(obj, indent=None, sort_keys=False, _level=0):
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise ValueError(f"Out of range float values are not JSON compliant: {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        return encode_str(obj)
    if isinstance(obj, (list, tuple)):
        items = [encode(x, indent, sort_keys, _level + 1) for x in obj]
        return _wrap("[", "]", items, indent, _level)
    if isinstance(obj, dict):
        keys = sorted(obj) if sort_keys else list(obj)
        items = []
        for k in keys:
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(encode_str(k) + ": " + encode(obj[k], indent, sort_keys, _level + 1))
        return _wrap("{", "}", items, indent, _level)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _wrap(open_, close, items, indent, level):
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = " " * (indent * (level + 1))
    return open_ + "\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * level) + close


class Parser:
    def __init__(self, text):
        self.text = text
        self.i = 0

    def fail(self, msg):
        raise JSONError(msg, self.i)

    def ws(self):
        while self.i < len(self.text) and self.text[self.i] in " \t\n\r":
            self.i += 1

    def expect(self, s):
        if not self.text.startswith(s, self.i):
            self.fail(f"expected {s!r}")
        self.i += len(s)

    def parse(self):
        self.ws()
        v = self.value()
        self.ws()
        if self.i != len(self.text):
            self.fail("extra data")
        return v

    def value(self):
        self.ws()
        if self.i >= len(self.text):
            self.fail("unexpected end")
        ch = self.text[self.i]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        if ch == "-" or ch.isdigit():
            return self.number()
        self.fail(f"unexpected {ch!r}")

    def number(self):
        start = self.i
        if self.text[self.i] == "-":
            self.i += 1
        while self.i < len(self.text) and self.text[self.i] in "0123456789.eE+-":
            self.i += 1
        s = self.text[start:self.i]
        try:
            return float(s) if any(c in s for c in ".eE") else int(s)
        except ValueError:
            self.i = start
            self.fail(f"bad number {s!r}")

    def string(self):
        self.i += 1
        out = []
        simple = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}
        while True:
            if self.i >= len(self.text):
                self.fail("unterminated string")
            ch = self.text[self.i]
            self.i += 1
            if ch == '"':
                return "".join(out)
            if ch != "\\":
                out.append(ch)
                continue
            esc = self.text[self.i]
            self.i += 1
            if esc in simple:
                out.append(simple[esc])
            elif esc == "u":
                code = int(self.text[self.i:self.i + 4], 16)
                self.i += 4
                if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.i):
                    low = int(self.text[self.i + 2:self.i + 6], 16)
                    self.i += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                out.append(chr(code))
            else:
                self.fail(f"bad escape {esc!r}")

    def arr(self):
        self.i += 1
        items = []
        self.ws()
        if self.text.startswith("]", self.i):
            self.i += 1
            return items
        while True:
            items.append(self.value())
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
            else:
                self.expect("]")
                return items

    def obj(self):
        self.i += 1
        d = {}
        self.ws()
        if self.text.startswith("}", self.i):
            self.i += 1
            return d
        while True:
            self.ws()
            if not self.text.startswith('"', self.i):
                self.fail("expected key")
            k = self.string()
            self.ws()
            self.expect(":")
            d[k] = self.value()
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
            else:
                self.expect("}")
                return d


def loads(text):
    return Parser(text).parse()


doc = {
    "name": "gilpy",
    "version": [0, 1, 0],
    "ratio": 1.57,
    "tiny": 1e-7,
    "huge": 12345678901234567890,
    "ok": True,
    "missing": None,
    "text": 'line1\nline2\t"q" \\ back',
    "unicode": "café ☕ 😀",
    "nested": {"a": [], "b": {}, "c": [{"d": [1, [2, [3]]]}]},
    "neg": -0.5,
}
compact = encode(doc)
print(compact)
pretty = encode(doc, indent=2, sort_keys=True)
print(pretty)
back = loads(compact)
print(back == doc, loads(pretty) == doc)
print(type(back["ratio"]).__name__, type(back["huge"]).__name__, back["huge"] == doc["huge"])
print(back["unicode"], len(back["unicode"]))

for v in [0, -1, 2.0, 1e100, 1.5e-10, "", [], {}, [None, True, False], (1, 2)]:
    s = encode(v)
    print(repr(v), "->", s, "->", repr(loads(s)))

for bad in [{1: 2}, {"x": {1, 2}}, float("nan"), object]:
    try:
        encode(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for bad in ["", "[1, 2", '{"a" 1}', "[1,]", "tru", '"abc', "01x", "[1] 2", '{"a": -}', '"\\x"']:
    try:
        print("parsed?", loads(bad))
    except JSONError as e:
        print(f"{bad!r}: {e} | pos {e.pos} | ValueError: {isinstance(e, ValueError)}")

deep = []
cur = deep
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
s = encode(deep)
print(len(s), s[:30], s[-30:])
print(loads(s) == deep)
