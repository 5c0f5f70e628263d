# Event, Condition, Semaphore, BoundedSemaphore: signalling between threads
import threading

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
log = []
def waiter(i):
    ev.wait()
    with lock:
        log.append(i)
lock = threading.Lock()
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts: t.start()
log.append("setting")
ev.set()
for t in ts: t.join()
print(log[0], sorted(log[1:]))
print(ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set())

# condition: a consumer waits for items a producer adds
cond = threading.Condition()
items = []
consumed = []
def consumer():
    with cond:
        while len(consumed) < 5:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start(); p.start(); p.join(); c.join()
print(consumed)

# wait_for with a predicate, and a timeout that expires
with cond:
    print(cond.wait_for(lambda: True), cond.wait(0.01))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# notify_all wakes everyone
ready = []
def sleeper(i):
    with cond:
        cond.wait()
        ready.append(i)
ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(4)]
for t in ts: t.start()
import time
while True:
    with cond:
        if len(cond._waiters) == 4:
            cond.notify_all()
            break
    time.sleep(0.001)
for t in ts: t.join()
print(sorted(ready))

# semaphores bound concurrency
sem = threading.Semaphore(2)
inside = 0
peak = 0
def limited():
    global inside, peak
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.002)
        with lock:
            inside -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak, "inside", inside)
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
print(threading.Semaphore(0).acquire(timeout=0.01), threading.Semaphore(1).acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
