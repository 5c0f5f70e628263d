# gc.collect() called by a __del__ that a dealloc runs: the container being freed (its count already 0)
# is not garbage to the collector, which must not free it a second time.
import gc

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(("del", self.name, gc.collect() >= 0))


def g(items):
    yield len(items)


it = g([D("in a suspended generator's list")])
next(it)
del it

holder = [D("in a list"), [1, 2], {"k": D("in a dict in the list")}]
del holder

pair = (D("in a tuple"), D("beside it"))
pair = None

for entry in log:
    print(entry)
print("end")
