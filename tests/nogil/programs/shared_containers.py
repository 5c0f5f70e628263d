# Four threads append to one list, pop from it, set keys of one dict and add to one set at the same time
# (no-GIL mode: the list, dict and set operations take the objects' locks). The counts are exact.
import threading

l = []
d = {}
s = set()


def work(k):
    for i in range(5000):
        l.append(i)
        d[(k, i)] = i
        s.add((k, i))
    for i in range(1000):
        l.pop()


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(l), len(d), len(s), sum(d.values()) == 4 * sum(range(5000)))
