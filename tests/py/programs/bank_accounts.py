# A bank-account class hierarchy: properties, exceptions for overdrafts, class attributes,
# super(), classmethods/staticmethods, __repr__/__str__/__eq__/__lt__, sorting with keys.


class BankError(Exception):
    """Base class of the bank's errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount}, balance is {account.balance}")
        self.account = account
        self.amount = amount
        self.shortfall = amount - account.balance


class AccountFrozen(BankError):
    pass


class InvalidAmount(BankError, ValueError):
    pass


class Account:
    bank_name = "PyBank"
    _next_number = 1000

    def __init__(self, owner, balance=0):
        if balance < 0:
            raise InvalidAmount(f"opening balance must not be negative: {balance}")
        self.owner = owner
        self._balance = balance
        self.frozen = False
        self.history = []
        self.number = Account._next_number
        Account._next_number += 1

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        raise AttributeError("use deposit() or withdraw()")

    @classmethod
    def open_many(cls, *owners, **balances):
        return [cls(o, balances.get(o, 0)) for o in owners]

    @staticmethod
    def validate(amount):
        if not isinstance(amount, (int, float)) or isinstance(amount, bool):
            raise InvalidAmount(f"not a number: {amount!r}")
        if amount <= 0:
            raise InvalidAmount(f"amount must be positive: {amount}")
        return amount

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        self._balance += Account.validate(amount)
        self.history.append(("deposit", amount))
        return self._balance

    def limit(self):
        return self._balance

    def withdraw(self, amount):
        self._check()
        Account.validate(amount)
        if amount > self.limit():
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self._balance

    def month_end(self):
        pass

    def kind(self):
        return type(self).__name__

    def __repr__(self):
        return f"{self.kind()}({self.owner!r}, {self._balance})"

    def __str__(self):
        return f"#{self.number} {self.owner:<6} {self._balance:>10.2f}"

    def __eq__(self, other):
        if not isinstance(other, Account):
            return NotImplemented
        return self.number == other.number

    def __lt__(self, other):
        return self._balance < other._balance

    def __hash__(self):
        return hash(self.number)


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
        self.withdrawals_this_month = 0

    def withdraw(self, amount):
        if self.withdrawals_this_month >= 2:
            raise BankError(f"{self.owner}: only 2 withdrawals a month")
        result = super().withdraw(amount)
        self.withdrawals_this_month += 1
        return result

    def month_end(self):
        interest = round(self._balance * self.rate / 12, 2)
        self._balance = round(self._balance + interest, 2)
        self.withdrawals_this_month = 0
        self.history.append(("interest", interest))


class CheckingAccount(Account):
    fee = 1.5

    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def limit(self):
        return self._balance + self.overdraft

    def month_end(self):
        if self._balance < 0:
            self._balance -= self.fee
            self.history.append(("fee", self.fee))


class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def add(self, account):
        self.accounts[account.number] = account
        return account

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            self.log.append(f"FAILED transfer {amount}: short by {e.shortfall}")
            raise
        else:
            dst.deposit(amount)
            self.log.append(f"transfer {amount} {src.owner}->{dst.owner}")
        finally:
            self.log.append("transfer attempted")

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def month_end(self):
        for a in self.accounts.values():
            a.month_end()


bank = Bank()
alice = bank.add(SavingsAccount("alice", 1000, rate=0.05))
bob = bank.add(CheckingAccount("bob", 50))
carol = bank.add(Account("carol", 300))
print(alice, bob, carol, sep="\n")
print(repr(alice), repr(bob), repr(carol))
print(alice.bank_name, SavingsAccount.bank_name, isinstance(alice, Account), issubclass(CheckingAccount, Account))
print([c.__name__ for c in InvalidAmount.__mro__])

print(bob.withdraw(120), bob.balance)
try:
    bob.withdraw(100)
except InsufficientFunds as e:
    print("caught:", e, "| shortfall", e.shortfall, "| is BankError:", isinstance(e, BankError))

for bad in [0, -5, "ten", True, 2.5]:
    try:
        print("deposit", bad, "->", carol.deposit(bad))
    except InvalidAmount as e:
        print("invalid:", e, "| also ValueError:", isinstance(e, ValueError))

try:
    alice.balance = 5
except AttributeError as e:
    print("AttributeError:", e)

alice.withdraw(10)
alice.withdraw(20)
try:
    alice.withdraw(30)
except BankError as e:
    print(type(e).__name__, e)

carol.frozen = True
try:
    carol.deposit(10)
except (AccountFrozen, InsufficientFunds) as e:
    print("frozen:", e)
carol.frozen = False

bank.transfer(carol, bob, 100)
try:
    bank.transfer(bob, carol, 500)
except BankError as e:
    print("transfer failed:", type(e).__name__)
print(bank.log)

for month in range(1, 4):
    bank.month_end()
    print(f"month {month}: " + ", ".join(f"{a.owner}={a.balance:.2f}" for a in bank.accounts.values()))

print("total", round(bank.total(), 2))
ranked = sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True)
print([a.owner for a in ranked])
print([a.owner for a in sorted(bank.accounts.values())])
print(min(bank.accounts.values()).owner, max(bank.accounts.values()).owner)
print(alice == alice, alice == bob, alice != carol, alice == "alice")
print(len({alice, bob, carol, alice}))

for a in bank.accounts.values():
    kinds = {}
    for kind, amount in a.history:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(a.owner, a.kind(), sorted(kinds.items()))

many = Account.open_many("dan", "eve", "fay", eve=40)
print(many, [a.number - many[0].number for a in many])
try:
    Account("zed", -1)
except ValueError as e:
    print("ValueError caught:", e)
