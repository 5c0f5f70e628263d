# Generations: a new container is in generation 0, survives into 1, then 2; gc.get_objects(generation),
# gc.get_stats() counting collections per generation, and automatic collections of the older generations.
import gc


def gen_of(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None


gc.disable()
gc.collect()
o = []
print("new", gen_of(o))
gc.collect(0)
print("after collect(0)", gen_of(o))
gc.collect(0)
print("again collect(0)", gen_of(o))
gc.collect(1)
print("after collect(1)", gen_of(o))
p = [o]
gc.collect()
print("after full collect", gen_of(o), gen_of(p))
print("all objects contain it", any(x is o for x in gc.get_objects()))
print("an int is not tracked", gen_of(12345))
print("-1 means all", any(x is o for x in gc.get_objects(-1)))
for bad in [-2, 3]:
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError", e)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print("uncollectable", [s["uncollectable"] for s in stats])
before = [s["collections"] for s in gc.get_stats()]
gc.collect(0)
gc.collect(1)
gc.collect(2)
after = [s["collections"] for s in gc.get_stats()]
print("one more each", [a - b for a, b in zip(after, before)])
c = gc.get_stats()[2]["collected"]
a = []
a.append(a)
del a
print("collected", gc.collect() >= 1, gc.get_stats()[2]["collected"] - c >= 1)

# automatic collections: many young ones, and some older ones too
gc.enable()
before = [s["collections"] for s in gc.get_stats()]
keep = []
for i in range(30000):
    keep.append([i])
after = [s["collections"] for s in gc.get_stats()]
young = after[0] - before[0]
print("young collections happened", young > 10)
print("older ones less often", after[1] - before[1] < young, after[1] - before[1] >= 1)
print("survivors reached generation 2", gen_of(keep[0]) == 2)
