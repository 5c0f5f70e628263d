# A __del__ run while a generator is running (by a for loop's store, or an assignment, right after a
# builtin call) looks at the generator with gc.get_referents and collects: a running generator's locals
# and stack are not among its referents (CPython 3.11 does not traverse an executing frame's), and
# nothing freed is reached.
import gc

G = None


class D:
    def __del__(self):
        p = [100]
        q = [200]
        print("referents:", sorted(repr(r) for r in gc.get_referents(G) if isinstance(r, (list, str, int))))
        print("fresh objects among them:", [any(x is y for y in gc.get_referents(G)) for x in (p, q)])
        gc.collect()
        print("after collect:", p, q)


def by_loop(L):
    for x in L:
        L[0] = 0
        max([10], [11], [12])
    yield len(L)


def by_assignment():
    y = D()
    max([10], [11], [12])
    y = None
    yield 1


for make in (lambda: by_loop([D(), 1]), by_assignment):
    G = make()
    for v in G:
        print("v", v)
    G = None
print("end")
