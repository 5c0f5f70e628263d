CONFIG = {
    "name": "gilpy",
    "version": (0, 1, 0),
    "features": [
        "lexer",
        "parser",
        "symtable",
    ],
    "limits": {"depth": 100, "width": 1_000},
    None: {True, False},
    (1, 2): [[], [[]], [[[]]]],
    1.5: {},
    b"k": (),
}
