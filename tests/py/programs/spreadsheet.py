# A tiny spreadsheet: cells hold numbers, text or formulas (=A1+B2*2, =SUM(A1:A3), =IF(...)); a
# dependency graph with topological recalculation, cycle detection raising a custom exception,
# error values that propagate (#DIV/0!, #REF!, #CYCLE!), __getitem__/__setitem__ with "A1" keys,
# formula functions registered with a decorator into a dict, and a rendered grid.
import math

FUNCTIONS = {}


def formula_function(name=None):
    def register(fn):
        FUNCTIONS[name or fn.__name__.upper()] = fn
        return fn
    return register


@formula_function()
def sum_(*values):
    return sum(v for v in values if isinstance(v, (int, float)))


FUNCTIONS["SUM"] = FUNCTIONS.pop("SUM_")


@formula_function("AVG")
def average(*values):
    nums = [v for v in values if isinstance(v, (int, float))]
    if not nums:
        raise ZeroDivisionError("AVG of nothing")
    return sum(nums) / len(nums)


@formula_function()
def max_(*values):
    return max(values)


FUNCTIONS["MAX"] = FUNCTIONS.pop("MAX_")


@formula_function("IF")
def if_(cond, a, b):
    return a if cond else b


@formula_function("ROUND")
def round_(x, n=0):
    return round(x, int(n))


@formula_function("LEN")
def len_(s):
    return len(str(s))


class CycleError(Exception):
    def __init__(self, path):
        super().__init__(" -> ".join(path))
        self.path = path


class CellError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def parse_ref(ref):
    col = 0
    i = 0
    while i < len(ref) and ref[i].isalpha():
        col = col * 26 + (ord(ref[i].upper()) - 64)
        i += 1
    if i == 0 or i == len(ref) or not ref[i:].isdigit():
        raise CellError("#REF!")
    return col - 1, int(ref[i:]) - 1


def ref_name(col, row):
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return f"{name}{row + 1}"


class Formula:
    def __init__(self, text):
        self.text = text
        self.tokens = self.tokenize(text)
        self.refs = set()
        for kind, value in self.tokens:
            if kind == "ref":
                self.refs.add(value.upper())
            elif kind == "range":
                self.refs.update(self.expand(value))

    @staticmethod
    def expand(rng):
        a, b = rng.upper().split(":")
        (c1, r1), (c2, r2) = parse_ref(a), parse_ref(b)
        return [ref_name(c, r) for r in range(min(r1, r2), max(r1, r2) + 1) for c in range(min(c1, c2), max(c1, c2) + 1)]

    @staticmethod
    def tokenize(text):
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch.isspace():
                i += 1
            elif ch.isdigit() or ch == ".":
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] == "."):
                    j += 1
                out.append(("num", float(text[i:j]) if "." in text[i:j] else int(text[i:j])))
                i = j
            elif ch.isalpha():
                j = i
                while j < len(text) and (text[j].isalnum() or text[j] == ":"):
                    j += 1
                word = text[i:j]
                if ":" in word:
                    out.append(("range", word))
                elif j < len(text) and text[j] == "(":
                    out.append(("func", word.upper()))
                elif any(c.isdigit() for c in word):
                    out.append(("ref", word))
                else:
                    raise CellError("#NAME?")
                i = j
            elif ch == '"':
                j = text.index('"', i + 1)
                out.append(("str", text[i + 1:j]))
                i = j + 1
            elif text[i:i + 2] in ("<=", ">=", "==", "!="):
                out.append(("op", text[i:i + 2]))
                i += 2
            else:
                out.append(("op", ch))
                i += 1
        return out

    def evaluate(self, lookup):
        pos = 0
        toks = self.tokens

        def peek():
            return toks[pos] if pos < len(toks) else ("end", None)

        def advance():
            nonlocal pos
            pos += 1
            return toks[pos - 1]

        def comparison():
            left = expr()
            while peek()[0] == "op" and peek()[1] in ("<", ">", "<=", ">=", "==", "!="):
                op = advance()[1]
                right = expr()
                left = {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right,
                        "==": left == right, "!=": left != right}[op]
            return left

        def expr():
            value = term()
            while peek() in (("op", "+"), ("op", "-"), ("op", "&")):
                op = advance()[1]
                rhs = term()
                value = value + rhs if op == "+" else value - rhs if op == "-" else f"{value}{rhs}"
            return value

        def term():
            value = factor()
            while peek() in (("op", "*"), ("op", "/")):
                op = advance()[1]
                rhs = factor()
                if op == "/" and rhs == 0:
                    raise CellError("#DIV/0!")
                value = value * rhs if op == "*" else value / rhs
            return value

        def factor():
            kind, value = advance()
            if kind == "num" or kind == "str":
                return value
            if kind == "ref":
                return lookup(value.upper())
            if kind == "op" and value == "-":
                return -factor()
            if kind == "op" and value == "(":
                v = comparison()
                advance()
                return v
            if kind == "func":
                advance()
                args = []
                while peek() != ("op", ")"):
                    if peek()[0] == "range":
                        args.extend(lookup(r) for r in self.expand(advance()[1]))
                    else:
                        args.append(comparison())
                    if peek() == ("op", ","):
                        advance()
                advance()
                if value not in FUNCTIONS:
                    raise CellError("#NAME?")
                try:
                    return FUNCTIONS[value](*args)
                except ZeroDivisionError:
                    raise CellError("#DIV/0!") from None
            raise CellError("#VALUE!")

        return comparison()


class Sheet:
    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.raw = {}
        self.values = {}
        self.recalcs = 0

    def __setitem__(self, ref, content):
        ref = ref.upper()
        parse_ref(ref)
        self.raw[ref] = content
        self.recalculate()

    def __getitem__(self, ref):
        return self.values.get(ref.upper())

    def deps(self, ref):
        content = self.raw.get(ref)
        if isinstance(content, str) and content.startswith("="):
            try:
                return Formula(content[1:]).refs
            except CellError:
                return set()
        return set()

    def order(self):
        state = {}
        out = []

        def visit(ref, path):
            if state.get(ref) == "done":
                return
            if state.get(ref) == "active":
                raise CycleError(path[path.index(ref):] + [ref])
            state[ref] = "active"
            for d in sorted(self.deps(ref)):
                visit(d, path + [ref])
            state[ref] = "done"
            out.append(ref)

        cyclic = set()
        for ref in sorted(self.raw):
            try:
                visit(ref, [])
            except CycleError as e:
                cyclic.update(e.path)
                for r in e.path:
                    state[r] = "done"
        return out, cyclic

    def recalculate(self):
        self.recalcs += 1
        order, cyclic = self.order()
        self.values = {}
        for ref in order + sorted(cyclic - set(order)):
            content = self.raw.get(ref)
            if ref in cyclic:
                self.values[ref] = "#CYCLE!"
                continue
            if isinstance(content, str) and content.startswith("="):
                try:
                    self.values[ref] = Formula(content[1:]).evaluate(self.lookup)
                except CellError as e:
                    self.values[ref] = e.code
                except TypeError:
                    self.values[ref] = "#VALUE!"
            else:
                self.values[ref] = content

    def lookup(self, ref):
        v = self.values.get(ref, 0)
        if isinstance(v, str) and v.startswith("#"):
            raise CellError(v)
        return 0 if v is None else v

    def render(self):
        def show(v):
            if isinstance(v, float):
                return f"{v:.2f}" if not v.is_integer() else str(int(v))
            return "" if v is None else str(v)
        width = max([len(show(v)) for v in self.values.values()] + [4])
        lines = ["    " + " ".join(chr(65 + c).center(width) for c in range(self.cols))]
        for r in range(self.rows):
            cells = [show(self.values.get(ref_name(c, r))).rjust(width) for c in range(self.cols)]
            lines.append(f"{r + 1:>3} " + " ".join(cells))
        return "\n".join(lines)


sh = Sheet(4, 6)
for ref, content in [("A1", 10), ("A2", 20), ("A3", 30.5), ("A4", "=SUM(A1:A3)"), ("B1", "=A1*2"),
                     ("B2", "=B1+A2/4"), ("B3", "=AVG(A1:A3)"), ("B4", "=ROUND(B3*3, 1)"), ("C1", "label"),
                     ("C2", '="len: " & LEN(C1)'), ("C3", "=IF(A4>60, \"big\", \"small\")"),
                     ("C4", "=MAX(A1:B2)"), ("D1", "=A1/(A2-20)"), ("D2", "=D1+1"), ("D3", "=Z99+1"),
                     ("D4", "=foo+1"), ("A5", "=-(A1-3)*(2+1)"), ("B5", "=A1<A2"), ("C5", "=C1*2")]:
    sh[ref] = content
print(sh.render())
print({ref: sh[ref] for ref in ("A4", "B3", "C3", "D1", "D2", "D3", "D4", "C5")})

sh["A1"] = 50
print("after A1=50:", sh["A4"], sh["B1"], sh["B2"], sh["C3"], sh["D1"], sh["A5"])
sh["A6"] = "=B6+1"
sh["B6"] = "=C6+1"
sh["C6"] = "=A6+1"
print("cycle:", sh["A6"], sh["B6"], sh["C6"], "| A4 still", sh["A4"])
try:
    sh.order()
    print("order computed; cyclic cells:", sorted(sh.order()[1]))
except CycleError as e:
    print("CycleError", e)
sh["C6"] = 5
print("cycle broken:", sh["A6"], sh["B6"], sh["C6"])
try:
    sh["7Z"] = 1
except CellError as e:
    print("CellError", e.code)
print(sorted(FUNCTIONS), sh.recalcs, ref_name(27, 0), ref_name(701, 9), parse_ref("AB12"))
print(sh.render())
print(math.isclose(sh["B3"], (50 + 20 + 30.5) / 3))
