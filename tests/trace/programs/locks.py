# Threads that block: a lock, an event and a sleep (run under --clock=virtual), for the GIL checks.
import threading
import time

lock = threading.Lock()
ready = threading.Event()
total = []


def worker(k):
    ready.wait()
    for i in range(50):
        with lock:
            total.append(k)
        if i % 10 == 0:
            time.sleep(0.001)


ts = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
time.sleep(0.01)
ready.set()
for t in ts:
    t.join()
print(len(total))
