matrix = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
]
identity = (
    (1, 0),
    (0, 1),
)
pairs = {
    (0, 0): "origin",
    (1, 0): "x",
    (0, 1): "y",
}
lookup = {k: v for k, v in pairs.items()}
frozen = frozenset({*matrix[0], *matrix[1]})
tuple_of_empty = ((), [], {}, set())
