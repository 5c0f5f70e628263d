import csv
import io
from collections import namedtuple
from operator import attrgetter, itemgetter

Item = namedtuple("Item", "sku name qty price")

RAW = """sku,name,qty,price
A1,widget,10,2.50
B2,gadget,0,10.00
C3,doohickey,3,7.25
"""


def load(text=RAW):
    reader = csv.DictReader(io.StringIO(text))
    return [Item(r["sku"], r["name"], int(r["qty"]), float(r["price"])) for r in reader]


def report(items, *, in_stock_only=False, sort_key="price"):
    chosen = [i for i in items if i.qty or not in_stock_only]
    chosen.sort(key=attrgetter(sort_key), reverse=sort_key == "price")
    value = sum(i.qty * i.price for i in chosen)
    by_sku = dict(map(itemgetter(0, 1), chosen))
    width = max((len(i.name) for i in chosen), default=4)
    rows = [f"{i.sku:4} {i.name:<{width}} {i.qty:>4} {i.price:>8.2f}" for i in chosen]
    return "\n".join(rows + ["-" * (width + 19), f"{'value':<{width + 5}} {value:>13.2f}"]), by_sku


text, index = report(load(), in_stock_only=True)
print(text, index, sep="\n\n")
