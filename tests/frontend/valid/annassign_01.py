# Annotated assignments at module level
x: int
y: int = 1
name: str = "gilpy"
items: list[int] = []
mapping: dict[str, list[tuple[int, ...]]] = {}
(z): int = 1
((w)): float = 2.0
maybe: "Optional[int]" = None
callback: Callable[[int, str], bool]
