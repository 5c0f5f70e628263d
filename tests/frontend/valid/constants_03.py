"""Module docstring is an Expr(Constant)."""

"""A second string statement is just an expression."""
42
3.14
...
None
b"bytes statement"
(1, 2)
-1
