from typing import Any, Callable, Iterable


def annotated(a: int, b: "str" = "x", /, c: float = 1.0, *args: int,
              d: bool, e: list[int] = [], **kwargs: Any) -> dict[str, Any]:
    return {"a": a, "b": b}


def returns_callable() -> Callable[[int], int]:
    return lambda x: x


def iter_ann(items: Iterable[int] = (), *, sep: str = ", ") -> str:
    return sep.join(map(str, items))
