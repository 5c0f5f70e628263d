from typing import Callable, Dict, List, Optional, Tuple, Union

Matrix = List[List[float]]
Handler = Callable[[int, str], Optional[bool]]
Pair = Tuple[int, ...]
Table = Dict[str, Union[int, str, None]]
Nested = dict[str, list[tuple[int, int]]]
Generic = Callable[..., Dict[str, "Matrix"]]
