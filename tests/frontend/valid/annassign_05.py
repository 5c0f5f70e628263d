from typing import Tuple
# Annotations with complex expressions and tuple values
point: Tuple[int, int] = 1, 2
star: tuple = *range(3), 4
lam: "Callable" = lambda x: x * 2
cond: int = 1 if point else 0
gen: object = (i for i in range(3))
nested: dict[str, dict[str, int | None]] = {"a": {"b": None}}
union: int | str | None = None
