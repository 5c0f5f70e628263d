"""A tiny bank account model used in a teaching example."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


class InsufficientFunds(Exception):
    def __init__(self, needed: Decimal, available: Decimal) -> None:
        super().__init__(f"need {needed}, have {available}")
        self.needed, self.available = needed, available


@dataclass
class Account:
    owner: str
    balance: Decimal = Decimal("0.00")
    history: list[tuple[str, Decimal]] = field(default_factory=list)

    def deposit(self, amount: Decimal) -> Decimal:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount: Decimal) -> Decimal:
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", -amount))
        return self.balance

    def statement(self) -> str:
        lines = [f"{kind:<10}{amt:>10.2f}" for kind, amt in self.history]
        return "\n".join([f"Account of {self.owner}", *lines, f"{'total':<10}{self.balance:>10.2f}"])


if __name__ == "__main__":
    acct = Account("ann")
    acct.deposit(Decimal("100"))
    try:
        acct.withdraw(Decimal("250"))
    except InsufficientFunds as exc:
        print("error:", exc)
    print(acct.statement())
