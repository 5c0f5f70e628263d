# Objects one thread made and another dropped (their last references handed over through a list): the
# dropping worker queues them to their owner (brc.ts), whose thread has ended, so the worker is idle. It
# is woken to merge them: they are freed, their __del__ run, while the program goes on (the loop below
# waits for that, without the GIL; with it they are freed at once). A second batch may still be queued
# when the program ends: freed as the worker leaves, their __del__ run on a stack still alive.
import threading
import time

log = []


class D:
    def __del__(self):
        log.append(1)


handed = []


def make(n):
    for _ in range(n):
        handed.append([D(), {"d": D()}])


def drop(ready):
    ready.wait()
    while handed:
        x = handed.pop()
        del x


for n in (40, 20):
    # the dropping thread starts first, so that the two run at once (on two workers when there are two)
    ready = threading.Event()
    dropper = threading.Thread(target=drop, args=(ready,))
    dropper.start()
    maker = threading.Thread(target=make, args=(n,))
    maker.start()
    maker.join()
    ready.set()
    dropper.join()
    if n == 40:
        while len(log) < 80:
            time.sleep(0.001)
        print(len(log))
print("end")
