# sys.getrefcount of what a for loop walks, during and after the loop: the list, tuple and range the
# iterator holds (dropped when it is exhausted; a named iterator keeps it after a break), and the items
# as they go by.
import sys
rc = sys.getrefcount

class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  freed", self.name)

def over_list():
    L = [[i] for i in range(3)]
    seen = []
    for x in L:
        seen.append((rc(L), rc(x)))
    print("list during", seen, "after", rc(L), rc(x))
    for x in L:
        if x[0] == 1:
            break
    print("list after break", rc(L), rc(x))
    del x
    it = iter(L)
    for y in it:
        break
    print("named iterator after break", rc(L), rc(it))
    for y in it:
        pass
    print("exhausted iterator drops the list", rc(L), rc(it))
    nested = []
    for a in L:
        for b in L:
            nested.append(rc(L))
    print("nested", nested[:4], rc(L))

def over_tuple():
    t = (Item("a"), Item("b"), Item("c"))
    it = iter(t)
    del t
    print("tuple held by its iterator only")
    for x in it:
        print("  got", x.name, rc(x))
    print("loop done, x still bound")
    del x
    print("after del x")

def tuple_items_freed():
    def make():
        return tuple(Item(n) for n in "xyz")
    for x in make():
        print("  item", x.name)
    print("loop over a temporary tuple done")
    x = None
    print("x rebound")

def over_range():
    r = range(1000, 1003)
    out = []
    for i in r:
        out.append((rc(r), rc(i)))
    print("range during", out, "after", rc(r))
    big = 10 ** 6
    for i in range(big, big + 2):
        pass
    print("last int refs", rc(i))
    for i in range(3):
        pass
    two = 2
    print("small int is cached", i is two)

def list_items_change():
    L = [Item("p"), Item("q")]
    for x in L:
        print("  at", x.name, rc(x))
        if x.name == "p":
            L[1] = Item("r")
    print("replaced item seen; drop list")
    del L
    print("list gone, x is", x.name)
    del x

over_list()
over_tuple()
tuple_items_freed()
over_range()
list_items_change()
print("end")
