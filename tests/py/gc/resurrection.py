# A __del__ that stores a reference to its object (or to what the object holds) brings it back: the
# collector must then leave it intact, and __del__ does not run a second time.
import gc

saved = None

class Keeper:
    def __del__(self):
        global saved
        print("__del__ of", self.name)
        saved = self

k = Keeper(); k.name = "k"; k.me = k; k.x = 5
del k
print("collected:", gc.collect())
print("resurrected keeps its state:", saved.x, saved.me is saved)
saved.me = None
saved = None
print("second time, no __del__:", gc.collect())

class HoldsList:
    def __del__(self):
        global saved
        saved = self.items

h = HoldsList(); h.items = [1, 2, h]; h.me = h
del h
gc.collect()
print(len(saved), saved[:2])
saved = None
gc.collect()

def make_adder():
    a = 1; b = 2
    def add(c=3):
        return a + b + c
    return add

class HoldsClosure:
    def __del__(self):
        global saved
        saved = self.f

hc = HoldsClosure(); hc.f = make_adder(); hc.me = hc
del hc
gc.collect()
print("closure and defaults intact:", saved(), saved(10))
saved = None
gc.collect()

class Once:
    def __del__(self):
        print("Once.__del__")
o = Once()
o.self = o
del o
gc.collect()
gc.collect()
