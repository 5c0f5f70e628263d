# N-queens: every solution of the n-queens puzzle (after the pyperformance version, with a hand-written
# permutations generator in place of itertools): recursive generators, sets built from generator
# expressions, tuple and list manipulation. Argument: the board size.
import sys


def permutations(seq):
    if len(seq) <= 1:
        yield tuple(seq)
        return
    for i in range(len(seq)):
        rest = seq[:i] + seq[i + 1:]
        for p in permutations(rest):
            yield (seq[i],) + p


def n_queens(queen_count):
    cols = list(range(queen_count))
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
solutions = list(n_queens(n))
print(len(solutions), solutions[0], solutions[-1])
