# No-GIL mode: two threads read a shared list's items by subscript (the loop's inlined fast path) while
# two others append to it and pop from it. Every read sees a live item (the read takes the list's lock);
# the reads are counted, not listed, since what they see depends on timing. (A stress test: the window it
# guards, between reading an item and counting it, is a few instructions wide, so it rarely fails even
# without the lock; the lock's own tests are tests/nogil/containers.test.ts.)
import threading

l = [(0, 'seed')] * 100
seen = [0, 0]


def churn():
    for i in range(20000):
        l.append((i, 'x' * (i % 7)))
        l.pop(0)


def read(k):
    n = 0
    for i in range(20000):
        try:
            item = l[i % 100]
        except IndexError:
            continue
        if item[0] >= 0 and isinstance(item[1], str):
            n += 1
    seen[k] = n


ts = [threading.Thread(target=churn) for _ in range(2)] + [threading.Thread(target=read, args=(k,)) for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(l), seen[0] == 20000 and seen[1] == 20000)
