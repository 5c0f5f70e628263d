# itertools objects in reference cycles are found by the cycle collector; their finalizable contents run __del__
import gc
import itertools
import operator

class Sentinel:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

def cycle_through(make):
    box = [Sentinel(make.__name__)]
    it = make(box)
    box.append(it)
    del box, it
    print('collected something:', gc.collect() > 0)

def via_cycle(box):
    return itertools.cycle(box)
def via_chain(box):
    return itertools.chain(box, box)
def via_repeat(box):
    return itertools.repeat(box, 3)
def via_count(box):
    return itertools.count(0, 1) if False else itertools.starmap(len, [box])
def via_tee(box):
    a, b = itertools.tee(box)
    next(a)
    return b
def via_getter(box):
    return operator.itemgetter(box)
def via_methodcaller(box):
    return operator.methodcaller('f', box)
def via_accumulate(box):
    return itertools.accumulate(box, initial=box)
def via_zip_longest(box):
    return itertools.zip_longest(box, fillvalue=box)

gc.collect()
for make in [via_cycle, via_chain, via_repeat, via_count, via_tee, via_getter, via_methodcaller, via_accumulate,
             via_zip_longest]:
    cycle_through(make)

# groupby and its groupers
data = [Sentinel('grouped')]
g = itertools.groupby(data * 3)
k, grp = next(g)
data.append(g)
del data, g, k, grp
print('collected something:', gc.collect() > 0)
print('done')
