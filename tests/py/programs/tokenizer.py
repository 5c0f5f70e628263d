# A hand-written tokenizer for a small C-like language: a class per token, a state machine
# over characters, errors with positions, keyword tables, and a generator of tokens.

KEYWORDS = {"if", "else", "while", "return", "fn", "let", "true", "false", "nil"}
OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "->", "+=", "-=", "+", "-", "*", "/", "%",
             "=", "<", ">", "!", "(", ")", "{", "}", "[", "]", ",", ";", ".", ":"]


class LexError(Exception):
    def __init__(self, message, line, col):
        super().__init__(f"{line}:{col}: {message}")
        self.line = line
        self.col = col


class Token:
    def __init__(self, kind, text, line, col, value=None):
        self.kind = kind
        self.text = text
        self.line = line
        self.col = col
        self.value = value if value is not None else text

    def __repr__(self):
        if self.kind in ("NUMBER", "STRING"):
            return f"{self.kind}({self.value!r})@{self.line}:{self.col}"
        return f"{self.kind}({self.text})@{self.line}:{self.col}"

    def __eq__(self, other):
        return isinstance(other, Token) and (self.kind, self.text) == (other.kind, other.text)


class Lexer:
    def __init__(self, source):
        self.src = source
        self.pos = 0
        self.line = 1
        self.col = 1

    def peek(self, k=0):
        i = self.pos + k
        return self.src[i] if i < len(self.src) else ""

    def advance(self):
        ch = self.src[self.pos]
        self.pos += 1
        if ch == "\n":
            self.line += 1
            self.col = 1
        else:
            self.col += 1
        return ch

    def error(self, msg):
        raise LexError(msg, self.line, self.col)

    def skip_space_and_comments(self):
        while True:
            ch = self.peek()
            if ch in (" ", "\t", "\r", "\n"):
                self.advance()
            elif ch == "/" and self.peek(1) == "/":
                while self.peek() not in ("", "\n"):
                    self.advance()
            elif ch == "/" and self.peek(1) == "*":
                line, col = self.line, self.col
                self.advance()
                self.advance()
                while not (self.peek() == "*" and self.peek(1) == "/"):
                    if self.peek() == "":
                        raise LexError("unterminated comment", line, col)
                    self.advance()
                self.advance()
                self.advance()
            else:
                return

    def number(self):
        line, col = self.line, self.col
        start = self.pos
        while self.peek().isdigit() or self.peek() == "_":
            self.advance()
        is_float = False
        if self.peek() == "." and self.peek(1).isdigit():
            is_float = True
            self.advance()
            while self.peek().isdigit():
                self.advance()
        if self.peek() in ("e", "E"):
            is_float = True
            self.advance()
            if self.peek() in ("+", "-"):
                self.advance()
            if not self.peek().isdigit():
                self.error("malformed exponent")
            while self.peek().isdigit():
                self.advance()
        text = self.src[start:self.pos]
        value = float(text) if is_float else int(text.replace("_", ""))
        return Token("NUMBER", text, line, col, value)

    def string(self):
        line, col = self.line, self.col
        quote = self.advance()
        chars = []
        escapes = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0"}
        while True:
            ch = self.peek()
            if ch == "" or ch == "\n":
                raise LexError("unterminated string", line, col)
            self.advance()
            if ch == quote:
                break
            if ch == "\\":
                esc = self.advance()
                if esc not in escapes:
                    self.error(f"bad escape \\{esc}")
                chars.append(escapes[esc])
            else:
                chars.append(ch)
        return Token("STRING", self.src[self.pos - len(chars) - 2:self.pos], line, col, "".join(chars))

    def ident(self):
        line, col = self.line, self.col
        start = self.pos
        while self.peek().isalnum() or self.peek() == "_":
            self.advance()
        text = self.src[start:self.pos]
        return Token("KEYWORD" if text in KEYWORDS else "IDENT", text, line, col)

    def tokens(self):
        while True:
            self.skip_space_and_comments()
            ch = self.peek()
            if ch == "":
                yield Token("EOF", "", self.line, self.col)
                return
            if ch.isdigit():
                yield self.number()
            elif ch.isalpha() or ch == "_":
                yield self.ident()
            elif ch in "\"'":
                yield self.string()
            else:
                for op in OPERATORS:
                    if self.src.startswith(op, self.pos):
                        tok = Token("OP", op, self.line, self.col)
                        for _ in op:
                            self.advance()
                        yield tok
                        break
                else:
                    self.error(f"unexpected character {ch!r}")


def tokenize(src):
    return list(Lexer(src).tokens())


program = '''fn fact(n) {
    // recursive factorial
    if (n <= 1) { return 1; }
    return n * fact(n - 1);
}
let big = 1_000_000;
let pi = 3.14159e0; /* a float,
   over two lines */
let s = "tab\\there \\"quoted\\"";
while (x != 0 && !done) { x -= 1; }
'''

toks = tokenize(program)
for t in toks:
    print(t)
print(len(toks), "tokens")

counts = {}
for t in toks:
    counts[t.kind] = counts.get(t.kind, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("idents:", sorted({t.text for t in toks if t.kind == "IDENT"}))
print("keywords in order:", [t.text for t in toks if t.kind == "KEYWORD"])
print("numbers:", [t.value for t in toks if t.kind == "NUMBER"], [type(t.value).__name__ for t in toks if t.kind == "NUMBER"])
print("strings:", [t.value for t in toks if t.kind == "STRING"])
print("lines with tokens:", sorted({t.line for t in toks}))
ops = [t.text for t in toks if t.kind == "OP"]
print("longest ops:", sorted(set(ops), key=lambda o: (-len(o), o))[:6])

print(tokenize("a") == [Token("IDENT", "a", 9, 9), Token("EOF", "", 1, 2)])

bad_inputs = ["let x = 1 @ 2;", "let s = 'open", "1e+", "/* never closed", "'\\q'", "ok\n  $"]
for src in bad_inputs:
    try:
        tokenize(src)
        print("no error?", src)
    except LexError as e:
        print(f"LexError {e} (line={e.line}, col={e.col})")

# a lazy consumer: stop early, the generator is abandoned
lex = Lexer("a b c d e f g")
gen = lex.tokens()
first = [next(gen).text for _ in range(3)]
print(first, lex.pos)
print([t.text for t in gen])
