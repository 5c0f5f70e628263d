# A warehouse inventory: class-based iterators (__iter__/__next__) and the old __getitem__ iteration
# protocol, the walrus operator, star unpacking, exception chaining (raise from, implicit context),
# several context managers in one `with`, global and nonlocal, vars(), reflected comparisons,
# __index__, __len__/__bool__ truthiness, recursive reprs, zip(strict=True), and a report.
import sys

OPERATIONS = 0


class StockError(Exception):
    pass


class OutOfStock(StockError):
    pass


class Sku:
    def __init__(self, code):
        self.code = code

    def __index__(self):
        return self.code % 10

    def __eq__(self, other):
        return isinstance(other, Sku) and self.code == other.code

    def __hash__(self):
        return hash(self.code)

    def __lt__(self, other):
        return self.code < other.code

    def __repr__(self):
        return f"Sku({self.code})"


class Item:
    def __init__(self, sku, name, qty, price):
        self.sku, self.name, self.qty, self.price = sku, name, qty, price

    def __repr__(self):
        return f"Item({self.name!r}, qty={self.qty})"

    def value(self):
        return self.qty * self.price


class Shelf:
    """Iterates over its items with the __getitem__ protocol only."""

    def __init__(self, items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


class LowStock:
    """A class-based iterator over items under a threshold."""

    def __init__(self, items, threshold):
        self.items = items
        self.threshold = threshold
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        while self.pos < len(self.items):
            item = self.items[self.pos]
            self.pos += 1
            if item.qty < self.threshold:
                return item
        raise StopIteration


class Tracker:
    def __init__(self, label, log):
        self.label = label
        self.log = log

    def __enter__(self):
        self.log.append(f"enter {self.label}")
        return self.label.upper()

    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.label} ({et.__name__ if et else 'ok'})")
        return False


class Warehouse:
    def __init__(self):
        self.items = {}

    def __len__(self):
        return len(self.items)

    def add(self, *items):
        global OPERATIONS
        for it in items:
            OPERATIONS += 1
            self.items[it.sku] = it

    def take(self, sku, n):
        global OPERATIONS
        OPERATIONS += 1
        try:
            item = self.items[sku]
        except KeyError as e:
            raise StockError(f"unknown {sku!r}") from e
        if (left := item.qty - n) < 0:
            raise OutOfStock(f"{item.name}: wanted {n}, have {item.qty}")
        item.qty = left
        return left

    def counter(self):
        taken = 0

        def take_counted(sku, n):
            nonlocal taken
            self.take(sku, n)
            taken += n
            return taken
        return take_counted


wh = Warehouse()
print(bool(wh), len(wh))
wh.add(Item(Sku(101), "bolt", 500, 0.05), Item(Sku(102), "nut", 40, 0.03),
       Item(Sku(203), "gear", 7, 12.5), Item(Sku(304), "belt", 3, 30.0), Item(Sku(405), "motor", 1, 250.0))
print(bool(wh), len(wh), OPERATIONS)
print(sorted(wh.items), vars(wh.items[Sku(203)]))

first, *middle, last = sorted(wh.items.values(), key=lambda i: i.value())
print(first, middle, last)
(a, b), *rest = [(1, 2), (3, 4), (5, 6)]
print(a, b, rest, [*"ab", *range(2)], {**{"x": 1}, "y": 2})

shelf = Shelf(wh.items.values())
print([i.name for i in shelf], "gear" in [i.name for i in shelf], list(reversed(range(len(shelf)))))
print(list(LowStock(list(wh.items.values()), 10)))
low = LowStock(list(wh.items.values()), 50)
print(next(low), next(low), list(low), list(low))

letters = "abcdefghij"
print(letters[Sku(123)], [10, 20, 30, 40][Sku(2)], letters[Sku(1):Sku(5)])

take = wh.counter()
for sku, n in [(Sku(101), 100), (Sku(102), 50), (Sku(999), 1), (Sku(203), 7)]:
    try:
        print("taken so far", take(sku, n))
    except OutOfStock as e:
        print("OutOfStock:", e, "| context:", e.__context__, "| cause:", e.__cause__)
    except StockError as e:
        print("StockError:", e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)

try:
    try:
        wh.take(Sku(405), 5)
    except OutOfStock:
        wh.take(Sku(0), 1)
except StockError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)

log = []
try:
    with Tracker("outer", log) as o, Tracker("inner", log) as i:
        log.append(f"body {o} {i}")
        wh.take(Sku(304), 99)
except OutOfStock:
    log.append("handled")
print(log)

while (item := next(LowStock(list(wh.items.values()), 5), None)) is not None and item.qty > 0:
    print("restocking", item.name)
    item.qty += 10
print([(i.name, i.qty) for i in wh.items.values()])

print(Sku(5) < Sku(7), Sku(9) > Sku(3), max(Sku(3), Sku(8), Sku(1)), sorted([Sku(3), Sku(1)]))
try:
    Sku(1) <= Sku(2)
except TypeError as e:
    print("TypeError:", e)

names = [i.name for i in wh.items.values()]
prices = [i.price for i in wh.items.values()]
print(list(zip(names, prices, strict=True))[:2])
try:
    list(zip(names, prices[:-1], strict=True))
except ValueError as e:
    print("ValueError:", e)

nested = [1, 2]
nested.append(nested)
d = {"self": None}
d["self"] = d
print(nested, d, repr(nested) == "[1, 2, [...]]")
total = sum(i.value() for i in wh.items.values())
print(f"total value {total:.2f}, operations {OPERATIONS}")
print(round(1234.5678, -2), round(2.5), round(3.5), round(-0.5), round(0.125, 2))
print(min([], default="empty"), max((i.qty for i in wh.items.values()), default=0), list(filter(None, [0, 1, "", "a", None])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])), any(i.qty == 0 for i in wh.items.values()))
print(list(enumerate(names, start=1))[-1], sorted(names, key=len, reverse=True))
sys.stdout.write("done\n")
