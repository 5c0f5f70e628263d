class Matrix:
    def __init__(self, rows):
        assert rows, "need rows"
        width = len(rows[0])
        for r in rows:
            assert len(r) == width, "ragged: %d != %d" % (len(r), width)
        self.rows = rows

    def __matmul__(self, other):
        assert len(self.rows[0]) == len(other.rows)
        return self
