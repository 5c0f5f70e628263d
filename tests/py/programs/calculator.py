# A recursive-descent calculator: a tokenizer, a parser building an AST of node classes, an
# evaluator with variables, functions (math), user-defined functions, precedence and associativity
# (** is right-associative, unary minus binds looser than **), and errors with messages.
import math


class CalcError(Exception):
    pass


class ParseError(CalcError):
    pass


class EvalError(CalcError):
    pass


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(text) and text[i + 1].isdigit()):
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            s = text[i:j]
            if s.count(".") > 1:
                raise ParseError(f"bad number {s!r}")
            tokens.append(("num", float(s) if "." in s else int(s)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(("name", text[i:j]))
            i = j
        elif text.startswith("**", i) or text.startswith("//", i):
            tokens.append(("op", text[i:i + 2]))
            i += 2
        elif c in "+-*/%^(),=":
            tokens.append(("op", "**" if c == "^" else c))
            i += 1
        else:
            raise ParseError(f"unexpected character {c!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Node:
    def __repr__(self):
        fields = ", ".join(f"{v!r}" for v in self.__dict__.values())
        return f"{type(self).__name__}({fields})"


class Num(Node):
    def __init__(self, value):
        self.value = value


class Var(Node):
    def __init__(self, name):
        self.name = name


class BinOp(Node):
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right


class Neg(Node):
    def __init__(self, operand):
        self.operand = operand


class Call(Node):
    def __init__(self, name, args):
        self.name, self.args = name, args


class Assign(Node):
    def __init__(self, name, value):
        self.name, self.value = name, value


class FuncDef(Node):
    def __init__(self, name, params, body):
        self.name, self.params, self.body = name, params, body


class Parser:
    # statement := name '(' params ')' '=' expr | name '=' expr | expr
    # expr := term (('+'|'-') term)* ; term := unary (('*'|'/'|'//'|'%') unary)*
    # unary := '-' unary | power ; power := atom ('**' unary)?
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0

    def peek(self, k=0):
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def take(self, kind=None, value=None):
        tok = self.toks[self.i]
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            want = value if value is not None else kind
            got = tok[1] if tok[0] != "end" else "end of input"
            raise ParseError(f"expected {want!r}, got {got!r}")
        self.i += 1
        return tok

    def statement(self):
        if self.peek()[0] == "name" and self.peek(1) == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            node = Assign(name, self.expr())
        elif self.peek()[0] == "name" and self.peek(1) == ("op", "(") and ("op", "=") in self.toks:
            name = self.take("name")[1]
            self.take("op", "(")
            params = []
            while self.peek() != ("op", ")"):
                params.append(self.take("name")[1])
                if self.peek() == ("op", ","):
                    self.take()
            self.take("op", ")")
            self.take("op", "=")
            node = FuncDef(name, params, self.expr())
        else:
            node = self.expr()
        self.take("end")
        return node

    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = BinOp(self.take()[1], node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/", "//", "%"):
            node = BinOp(self.take()[1], node, self.unary())
        return node

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return Neg(self.unary())
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            return BinOp("**", base, self.unary())
        return base

    def atom(self):
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return Num(value)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.expr())
                    while self.peek() == ("op", ","):
                        self.take()
                        args.append(self.expr())
                self.take("op", ")")
                return Call(value, args)
            return Var(value)
        if (kind, value) == ("op", "("):
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise ParseError(f"unexpected {value if kind != 'end' else 'end of input'!r}")


class Calculator:
    BUILTINS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "floor": math.floor, "gcd": math.gcd}
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
           "**": lambda a, b: a ** b}

    def __init__(self):
        self.vars = {"pi": math.pi, "e": math.e}
        self.funcs = {}
        self.depth = 0

    def eval(self, node, env):
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Var):
            if node.name in env:
                return env[node.name]
            if node.name in self.vars:
                return self.vars[node.name]
            raise EvalError(f"undefined variable {node.name!r}")
        if isinstance(node, Neg):
            return -self.eval(node.operand, env)
        if isinstance(node, BinOp):
            a = self.eval(node.left, env)
            b = self.eval(node.right, env)
            try:
                return self.OPS[node.op](a, b)
            except ZeroDivisionError:
                raise EvalError(f"division by zero in {node.op}") from None
        if isinstance(node, Call):
            args = [self.eval(a, env) for a in node.args]
            if node.name in self.funcs:
                params, body = self.funcs[node.name]
                if len(params) != len(args):
                    raise EvalError(f"{node.name} takes {len(params)} arguments, got {len(args)}")
                self.depth += 1
                try:
                    if self.depth > 50:
                        raise EvalError("recursion too deep")
                    return self.eval(body, dict(zip(params, args)))
                finally:
                    self.depth -= 1
            if node.name in self.BUILTINS:
                try:
                    return self.BUILTINS[node.name](*args)
                except (TypeError, ValueError) as exc:
                    raise EvalError(f"{node.name}: {exc}") from exc
            raise EvalError(f"unknown function {node.name!r}")
        raise EvalError(f"cannot evaluate {node!r}")

    def run(self, line):
        tree = Parser(tokenize(line)).statement()
        if isinstance(tree, Assign):
            value = self.eval(tree.value, {})
            self.vars[tree.name] = value
            return f"{tree.name} = {value}"
        if isinstance(tree, FuncDef):
            self.funcs[tree.name] = (tree.params, tree.body)
            return f"defined {tree.name}({', '.join(tree.params)})"
        return self.eval(tree, {})


print(Parser(tokenize("1 + 2 * 3 - -4")).statement())
print(Parser(tokenize("-2 ** 2 ** 3")).statement())
print(Parser(tokenize("f(x, y) = x * (y + 2)")).statement())

calc = Calculator()
lines = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "(-2) ** 2", "2 ^ 10", "7 // 2", "-7 // 2",
    "7 % 3", "-7 % 3", "7 / 2", "1 / 3 * 3", "x = 10", "y = x * 2 + 1", "x * y", "sqrt(16) + abs(-3)",
    "max(1, x, y, 4)", "floor(pi * 100)", "gcd(84, 36)", "sq(n) = n * n", "sq(12) + sq(5)",
    "hyp(a, b) = sqrt(sq(a) + sq(b))", "hyp(3, 4)", "2 ** 100", "2 ** -1", ".5 + .25", "--3", "+-+3",
    "1 / 0", "5 // 0", "z + 1", "nope(1)", "sq(1, 2)", "sqrt(-1)", "1 +", "(1 + 2", "1 2", "3 $ 4",
    "1.2.3", "loop(n) = loop(n + 1)", "loop(0)", "max()", "f(x) = x +", "= 3",
]
for line in lines:
    try:
        result = calc.run(line)
        print(f"{line:<34} => {result!r}")
    except CalcError as e:
        print(f"{line:<34} !! {type(e).__name__}: {e} (cause: {type(e.__cause__).__name__})")
print(sorted(calc.vars), sorted(calc.funcs), calc.depth)
