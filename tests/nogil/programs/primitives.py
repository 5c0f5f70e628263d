# Lock, RLock, Event, Condition, Semaphore, Barrier, queue.Queue and join across threads.
import threading, queue

total = 0
lock = threading.Lock()
def add(k):
    global total
    for _ in range(k):
        with lock:
            total += 1
ts = [threading.Thread(target=add, args=(2000,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("locked total", total)

r = threading.RLock()
with r:
    with r:
        print("rlock reentered")

ev = threading.Event()
got = []
def waiter():
    ev.wait()
    got.append("woken")
w = threading.Thread(target=waiter)
w.start()
ev.set()
w.join()
print(got)
print("timeout", threading.Event().wait(0.05))

q = queue.Queue()
def producer():
    for i in range(100):
        q.put(i)
    q.put(None)
out = []
def consumer():
    while True:
        x = q.get()
        if x is None:
            break
        out.append(x)
p = threading.Thread(target=producer); c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print("queue", sum(out), len(out))

sem = threading.Semaphore(2)
inside = []
def sem_user(i):
    with sem:
        inside.append(i)
ss = [threading.Thread(target=sem_user, args=(i,)) for i in range(4)]
for t in ss: t.start()
for t in ss: t.join()
print("semaphore", sorted(inside))

b = threading.Barrier(3)
passed = []
def at_barrier(i):
    b.wait()
    passed.append(i)
bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(2)]
for t in bs: t.start()
b.wait()
for t in bs: t.join()
print("barrier", sorted(passed))

cond = threading.Condition()
ready = []
def notifier():
    with cond:
        ready.append(1)
        cond.notify()
with cond:
    n = threading.Thread(target=notifier)
    n.start()
    cond.wait_for(lambda: ready)
n.join()
print("condition", ready)
print("timed acquire", lock.acquire(timeout=0.01), lock.acquire(timeout=0.01))
