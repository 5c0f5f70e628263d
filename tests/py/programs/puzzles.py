# Classic puzzle solvers: a Sudoku solver (constraint propagation with sets plus backtracking),
# Conway's Game of Life on a set of live cells (a glider, a blinker), Towers of Hanoi as a generator
# of moves, the eight queens by backtracking, and a word-ladder breadth-first search.


class Sudoku:
    DIGITS = set("123456789")

    def __init__(self, text):
        cells = [c for c in text if c in "0123456789."]
        if len(cells) != 81:
            raise ValueError(f"need 81 cells, got {len(cells)}")
        self.grid = {(r, c): cells[r * 9 + c].replace("0", ".") for r in range(9) for c in range(9)}
        self.guesses = 0

    @staticmethod
    def peers(r, c):
        br, bc = 3 * (r // 3), 3 * (c // 3)
        ps = {(r, i) for i in range(9)} | {(i, c) for i in range(9)}
        ps |= {(br + i, bc + j) for i in range(3) for j in range(3)}
        ps.discard((r, c))
        return ps

    def candidates(self, grid, cell):
        used = {grid[p] for p in self.peers(*cell)}
        return self.DIGITS - used

    def solve(self, grid=None):
        grid = dict(self.grid if grid is None else grid)
        # propagate: fill every cell that has a single candidate
        changed = True
        while changed:
            changed = False
            for cell, v in grid.items():
                if v == ".":
                    cands = self.candidates(grid, cell)
                    if not cands:
                        return None
                    if len(cands) == 1:
                        grid[cell] = cands.pop()
                        changed = True
        empty = [cell for cell, v in grid.items() if v == "."]
        if not empty:
            return grid
        cell = min(empty, key=lambda c: (len(self.candidates(grid, c)), c))
        for d in sorted(self.candidates(grid, cell)):
            self.guesses += 1
            grid[cell] = d
            result = self.solve(grid)
            if result is not None:
                return result
        return None

    @staticmethod
    def render(grid):
        rows = []
        for r in range(9):
            row = " ".join(grid[(r, c)] + (" |" if c in (2, 5) else "") for c in range(9))
            rows.append(row)
            if r in (2, 5):
                rows.append("------+-------+------")
        return "\n".join(rows)

    @classmethod
    def valid(cls, grid):
        units = [[(r, c) for c in range(9)] for r in range(9)] + [[(r, c) for r in range(9)] for c in range(9)]
        units += [[(br + i, bc + j) for i in range(3) for j in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
        return all({grid[x] for x in u} == cls.DIGITS for u in units)


easy = """
530070000 600195000 098000060 800060003 400803001 700020006 060000280 000419005 000080079"""
hard = """
000000907 000420180 000705026 100904000 050000040 000507009 920108000 034059000 507000000"""
for name, puzzle in (("easy", easy), ("hard", hard)):
    s = Sudoku(puzzle)
    solved = s.solve()
    print(f"{name}: solved={solved is not None} valid={Sudoku.valid(solved)} guesses={s.guesses}")
    print(Sudoku.render(solved))
try:
    Sudoku("123")
except ValueError as e:
    print("ValueError:", e)
impossible = Sudoku("12345678." + "........9" + "." * 63)
print("impossible:", impossible.solve())


def life_step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def show(live, w, h):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(w)) for y in range(h))


glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
g = set(glider)
for gen in range(4):
    g = life_step(g)
print(show(g, 6, 5))
print("glider moved by (1, 1):", g == {(x + 1, y + 1) for x, y in glider})
blinker = {(1, 0), (1, 1), (1, 2)}
print(show(life_step(blinker), 3, 3), life_step(life_step(blinker)) == blinker, sep="\n")


def hanoi(n, src="A", dst="C", via="B"):
    if n == 0:
        return
    yield from hanoi(n - 1, src, via, dst)
    yield (n, src, dst)
    yield from hanoi(n - 1, via, dst, src)


moves = list(hanoi(4))
print(len(moves), moves[:5], moves[-1])
pegs = {"A": list(range(4, 0, -1)), "B": [], "C": []}
for disk, src, dst in hanoi(4):
    assert pegs[src][-1] == disk
    assert not pegs[dst] or pegs[dst][-1] > disk, "larger disk on smaller"
    pegs[dst].append(pegs[src].pop())
print(pegs)


def queens(n):
    solutions = []
    cols, diag1, diag2 = set(), set(), set()
    placed = []

    def place(row):
        if row == n:
            solutions.append(tuple(placed))
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            place(row + 1)
            placed.pop()
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)

    place(0)
    return solutions


for n in range(1, 9):
    sols = queens(n)
    print(n, len(sols), sols[0] if sols else None)
board = queens(8)[0]
print("\n".join(" ".join("Q" if c == q else "." for c in range(8)) for q in board))

WORDS = set("""cold cord card ward warm word wore core care dare date gate game came come cone bone bane
lane line fine fire hire here herd head heal heat beat bead bend band hand hard lard lord load toad""".split())


def ladder(start, goal):
    frontier = [[start]]
    seen = {start}
    while frontier:
        nxt = []
        for path in frontier:
            word = path[-1]
            if word == goal:
                return path
            for i in range(len(word)):
                for ch in "abcdefghijklmnopqrstuvwxyz":
                    cand = word[:i] + ch + word[i + 1:]
                    if cand in WORDS and cand not in seen:
                        seen.add(cand)
                        nxt.append(path + [cand])
        frontier = nxt
    return None


for a, b in [("cold", "warm"), ("came", "bone"), ("head", "toad"), ("fire", "lord"), ("cold", "xyzw")]:
    path = ladder(a, b)
    print(f"{a} -> {b}:", " > ".join(path) if path else "no ladder")
