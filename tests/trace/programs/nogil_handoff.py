# Two threads without the GIL (tests/trace/nogil.test.ts): `make` builds N lists on its worker and hands
# them over; `drop` (on the other worker) drops the last reference to each, once `make` has let go of its
# own (the event orders the two, so every count change of a list comes from one worker at a time).
# `make` waits until `drop` runs, so that it is still alive when `drop` starts: the host gives each
# new thread to the worker with the fewest live threads, so they run on different workers.
import threading, queue

N = 20
box = queue.Queue()
handed = threading.Event()
both = threading.Event()


def make():
    both.wait()
    objs = [[i] for i in range(N)]
    box.put(objs)
    del objs
    handed.set()


def drop():
    both.set()
    handed.wait()
    objs = box.get()
    n = 0
    while objs:
        x = objs.pop()
        n += len(x)
        del x
    print('dropped', n)


a = threading.Thread(target=make)
b = threading.Thread(target=drop)
a.start()
b.start()
a.join()
b.join()
