# gc.callbacks: called with "start" and "stop" and an info dict around every collection, explicit or
# automatic; the "stop" info reports how many objects were collected.
import gc

events = []


def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.callbacks.append(cb)
gc.collect()
print(events)
del events[:]
gc.collect(1)
print(events)
del events[:]


class Node:
    pass


a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print("found", gc.collect(0) > 0)
print(events[0], events[1][:2], events[1][2] > 0)
del events[:]
keep = []
for i in range(20000):
    keep.append((i, [i]))
print("automatic collections reported", len(events) >= 2)
print("phases alternate", all(events[i][0] == ("start" if i % 2 == 0 else "stop") for i in range(len(events))))
print("generations", sorted(set(e[1] for e in events))[:1])
gc.callbacks.remove(cb)
del events[:]
gc.collect()
print("removed", events)
print("callbacks", gc.callbacks)
