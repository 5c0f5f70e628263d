from dataclasses import dataclass, field
from typing import ClassVar, Optional


@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    tags: list[str] = field(default_factory=list)
    parent: Optional["Inventory"] = None
    registry: ClassVar[dict] = {}
    (legacy): int = 0

    def total(self) -> float:
        result: float = self.unit_price * self.quantity
        return result
