# No-GIL mode: four threads append to and pop from both ends of one collections.deque, rotate it and read
# it by index at once (each deque method holds the deque's lock, as CPython 3.13's critical sections):
# every item put in is popped or still there, exactly once.
import threading
from collections import deque

q = deque(range(64))
popped = [[] for _ in range(4)]


def work(w):
    got = popped[w]
    for i in range(1000):
        x = (w, i)
        if i % 2:
            q.append(x)
        else:
            q.appendleft(x)
        if i % 10 == 0:
            q.rotate(3)
        if i % 3 == 0:
            got.append(q.pop() if i % 2 else q.popleft())
        y = q[0], q[-1], len(q)


ts = [threading.Thread(target=work, args=(w,)) for w in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
items = list(q) + [x for g in popped for x in g]
print(len(q), len(items), sorted(items, key=str) == sorted(list(range(64)) + [(w, i) for w in range(4) for i in range(1000)], key=str))
