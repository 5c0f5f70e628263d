rows = [[1], [2]]
flat = [*r for r in rows]
