from numbers import Number


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.shape = len(self.rows), len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        assert m == m2, f"shape mismatch {self.shape} @ {other.shape}"
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(m)) for j in range(p)] for i in range(n)])

    def __mul__(self, k):
        if not isinstance(k, Number):
            return NotImplemented
        return Matrix([[k * x for x in row] for row in self.rows])

    __rmul__ = __mul__

    def __pow__(self, e):
        result, base = Matrix.identity(self.shape[0]), self
        while e:
            if e & 1:
                result @= base
            base, e = base @ base, e >> 1
        return result

    def T(self):
        return Matrix(zip(*self.rows))

    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)


fib = Matrix([[1, 1], [1, 0]]) ** 10
print(fib[0, 1], 2 * fib, fib.T())
