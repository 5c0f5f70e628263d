def matrix_ops(rows, cols):
    grid = [[r * cols + c for c in range(cols)] for r in range(rows)]
    transposed = [[grid[r][c] for r in range(rows)] for c in range(cols)]
    flat = [v for row in grid for v in row if v % 2]
    lambdas = [lambda: r for r in range(rows)]
    return grid, transposed, flat, lambdas


def shadow(x):
    return [x for x in x]
