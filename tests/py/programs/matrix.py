# A Matrix class with operators: + - * @ (matrix product), scalar multiplication from both sides,
# ==, unary minus, __getitem__ with (row, col) tuples and rows, __setitem__, __iter__, __len__,
# __repr__/__str__, __bool__, __hash__ = None, transposition, determinant (Fraction-free Gaussian
# elimination on ints), inverse via a small rational class, and errors for shape mismatches.
import math


class ShapeError(ValueError):
    pass


class Rational:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("Rational with zero denominator")
        if den < 0:
            num, den = -num, -den
        g = math.gcd(num, den)
        self.num = num // g
        self.den = den // g

    def _coerce(self, other):
        if isinstance(other, Rational):
            return other
        if isinstance(other, int):
            return Rational(other)
        return NotImplemented

    def __add__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return Rational(self.num * other.den + other.num * self.den, self.den * other.den)

    __radd__ = __add__

    def __sub__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return Rational(self.num * other.den - other.num * self.den, self.den * other.den)

    def __mul__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return Rational(self.num * other.num, self.den * other.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._coerce(other)
        return Rational(self.num * other.den, self.den * other.num)

    def __neg__(self):
        return Rational(-self.num, self.den)

    def __eq__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return False
        return self.num == other.num and self.den == other.den

    def __hash__(self):
        return hash((self.num, self.den))

    def __repr__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"


def as_rational(x):
    return x if isinstance(x, Rational) else Rational(x)


class Matrix:
    __hash__ = None

    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ShapeError("rows must be non-empty and of equal length")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        for row in self.rows:
            yield tuple(row)

    def __getitem__(self, key):
        if isinstance(key, tuple):
            i, j = key
            return self.rows[i][j]
        return tuple(self.rows[key])

    def __setitem__(self, key, value):
        i, j = key
        self.rows[i][j] = value

    def __eq__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        return self.rows == other.rows

    def __bool__(self):
        return any(any(x != 0 for x in r) for r in self.rows)

    def _zip(self, other, op, sym):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.shape != other.shape:
            raise ShapeError(f"cannot {sym} {self.shape} and {other.shape}")
        return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __add__(self, other):
        return self._zip(other, lambda a, b: a + b, "add")

    def __sub__(self, other):
        return self._zip(other, lambda a, b: a - b, "subtract")

    def __neg__(self):
        return Matrix([[-x for x in r] for r in self.rows])

    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        if not isinstance(k, (int, float, Rational)):
            return NotImplemented
        return Matrix([[x * k for x in r] for r in self.rows])

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ShapeError(f"cannot multiply {self.shape} by {other.shape}")
        cols = other.T.rows
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __pow__(self, n):
        result = Matrix.identity(len(self))
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    @property
    def T(self):
        return Matrix(zip(*self.rows))

    def det(self):
        n, m = self.shape
        if n != m:
            raise ShapeError("determinant of a non-square matrix")
        a = [[as_rational(x) for x in r] for r in self.rows]
        d = Rational(1)
        for c in range(n):
            pivot = next((r for r in range(c, n) if a[r][c] != 0), None)
            if pivot is None:
                return Rational(0)
            if pivot != c:
                a[c], a[pivot] = a[pivot], a[c]
                d = -d
            d = d * a[c][c]
            for r in range(c + 1, n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return d

    def inverse(self):
        n = len(self)
        aug = [[as_rational(x) for x in r] + [Rational(int(i == j)) for j in range(n)] for i, r in enumerate(self.rows)]
        for c in range(n):
            pivot = next((r for r in range(c, n) if aug[r][c] != 0), None)
            if pivot is None:
                raise ZeroDivisionError("matrix is singular")
            aug[c], aug[pivot] = aug[pivot], aug[c]
            p = aug[c][c]
            aug[c] = [x / p for x in aug[c]]
            for r in range(n):
                if r != c and aug[r][c] != 0:
                    f = aug[r][c]
                    aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
        return Matrix([row[n:] for row in aug])

    def __repr__(self):
        return f"Matrix({self.rows!r})"

    def __str__(self):
        cells = [[repr(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(w) for c in r) + "]" for r in cells)


A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A, B, sep="\n")
print(repr(A + B), repr(A - B), repr(-A))
print(A @ B, (A * B) == (A @ B), 2 * A == A * 2, A * 0.5)
print(A[0, 1], A[1], A[-1, -1], len(A), A.shape, list(A))
C = Matrix([[1, 2, 3], [4, 5, 6]])
print(C.T, C.T.shape, C @ C.T, C.T @ C, sep="\n")
for bad in [lambda: A + C, lambda: C @ C, lambda: C.det(), lambda: Matrix([[1], [2, 3]])]:
    try:
        bad()
    except ShapeError as e:
        print("ShapeError:", e)
try:
    A + 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(A)
except TypeError as e:
    print("TypeError:", e)
print(bool(Matrix.zeros(2, 3)), bool(A), A == Matrix([[1, 2], [3, 4]]), A != B, A == "A")

fib = Matrix([[1, 1], [1, 0]])
for n in (1, 2, 10, 50, 90):
    print(n, (fib ** n)[0, 1])

M = Matrix([[2, -1, 0, 3], [1, 3, 2, -2], [0, 1, 4, 1], [5, 0, -1, 2]])
print("det", M.det(), "det T", M.T.det())
inv = M.inverse()
print(inv)
print(M @ inv == Matrix.identity(4), inv @ M == Matrix.identity(4))
S = Matrix([[1, 2], [2, 4]])
print("singular det", S.det())
try:
    S.inverse()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

H = Matrix([[Rational(1, i + j + 1) for j in range(4)] for i in range(4)])
print(H)
print("hilbert det", H.det(), "inverse row sums", [sum(r, Rational(0)) for r in H.inverse().rows])
I3 = Matrix.identity(3)
I3[0, 2] = 7
print(I3, I3.det(), (I3 ** 3)[0, 2])
