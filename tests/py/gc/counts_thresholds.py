# gc.get_count / get_threshold / set_threshold: the count grows with container allocations, shrinks when
# they are freed, resets after a collection; the older counts count collections of the younger generation.
import gc

print("threshold", gc.get_threshold())
gc.disable()
gc.collect()
print("after collect", gc.get_count())
c0 = gc.get_count()[0]
keep = [[] for i in range(100)]
c1 = gc.get_count()[0]
print("grew by at least 100", c1 - c0 >= 100)
del keep
c2 = gc.get_count()[0]
print("shrank after freeing", c2 < c1)
ints = [i * 1000 for i in range(100)]
c3 = gc.get_count()[0]
print("ints are not counted", c3 - c2 < 5)
gc.collect(0)
print("collect(0)", gc.get_count())
gc.collect(0)
print("collect(0) again", gc.get_count())
gc.collect(1)
print("collect(1)", gc.get_count())
gc.collect(0)
gc.collect(2)
print("collect(2)", gc.get_count())
gc.set_threshold(500)
print("set one", gc.get_threshold())
gc.set_threshold(800, 20)
print("set two", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("set three", gc.get_threshold())
for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    gc.set_threshold(1.5)
except TypeError as e:
    print("TypeError", e)
for g in [-1, 3]:
    try:
        gc.collect(g)
    except ValueError as e:
        print("ValueError", e)
print("collect(generation=0)", gc.collect(generation=0))
gc.enable()
