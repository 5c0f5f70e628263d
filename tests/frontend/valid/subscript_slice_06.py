class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        return self.cells.get(key)

    def __setitem__(self, key, value):
        self.cells[key] = value


g = Grid()
g[0, 0] = 1
g[1:2, 3:4] = g[0, 0]
g[::1, ::2] = g[:, :]
g[-1, ...] = g[..., -1]
g[(a := 1), a] = g[a,]
g["a":"z":"m"] = None
