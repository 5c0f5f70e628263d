class Report:
    rows = [("a", 1), ("b", 2)]
    total = sum(v for _, v in rows)
    names = tuple(n for n, _ in rows)
    labels = dict((n, f"{n}:{v}") for n, v in rows)

    def lines(self):
        return (f"{n}={v}" for n, v in self.rows)
