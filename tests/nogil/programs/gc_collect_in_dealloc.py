# gc.collect() called by a __del__ that a dealloc runs, without the GIL: the container being freed (its
# whole count already 0, its own part and the shared part) is not garbage to the collector, which must
# not free it a second time (tests/py/gc/collect_in_dealloc.py is the GIL-mode program). First on the
# main thread, in order, then on three threads at once, each freeing what it made (lists, dicts, tuples,
# suspended generators holding lists, cycles), while the others' collections stop it.
import gc
import threading

lock = threading.Lock()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        ok = gc.collect() >= 0
        with lock:
            log.append((self.name, ok))


def g(items):
    yield len(items)


def scenario(k):
    it = g([D(("in a suspended generator's list", k))])
    next(it)
    del it
    holder = [D(("in a list", k)), [1, 2], {"k": D(("in a dict in the list", k))}]
    del holder
    pair = (D(("in a tuple", k)), D(("beside it", k)))
    pair = None


scenario("main")
for entry in log:
    print(entry)


def work(k):
    for _ in range(15):
        scenario(k)
        cycle = [D(("in a cycle", k))]
        cycle.append(cycle)
        del cycle


del log[:]
threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
counts = {}
for (name, k), ok in log:
    counts[name, k] = counts.get((name, k), 0) + ok
print(sorted(counts.items()))
