class Table:
    columns = ["a", "b", "c"]
    widths = {c: len(c) for c in columns}
    upper = [c.upper() for c in columns]
    pairs = [(c, w) for c in columns for w in range(2)]

    def rows(self):
        return [{c: i for c in self.columns} for i in range(3)]
