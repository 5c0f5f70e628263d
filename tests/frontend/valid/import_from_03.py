from __future__ import annotations

from typing import Optional, List
import dataclasses


@dataclasses.dataclass
class Tree:
    value: int
    children: List[Tree]
    parent: Optional[Tree] = None

    def depth(self) -> int:
        d: int = 0
        node: Optional[Tree] = self.parent
        while node:
            d, node = d + 1, node.parent
        return d
