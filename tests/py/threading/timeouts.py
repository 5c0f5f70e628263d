# Waits that time out: Event.wait, Condition.wait, Queue.get/put, Lock.acquire, join on a live thread
import threading
import queue

ev = threading.Event()
print(ev.wait(0.01), ev.wait(timeout=0))
cond = threading.Condition()
with cond:
    print(cond.wait(0.01), cond.wait_for(lambda: False, timeout=0.01))
q = queue.Queue(maxsize=1)
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("get timed out")
q.put("x")
try:
    q.put("y", timeout=0.01)
except queue.Full:
    print("put timed out")
lock = threading.Lock()
lock.acquire()
print(lock.acquire(timeout=0.01), lock.acquire(blocking=False))
release = threading.Event()
def worker():
    release.wait()
t = threading.Thread(target=worker)
t.start()
t.join(timeout=0.01)
print("alive after timed join:", t.is_alive())
release.set()
t.join()
print("alive after join:", t.is_alive())
lock.release()
sem = threading.Semaphore(0)
print(sem.acquire(timeout=0.01))
b = threading.Barrier(2)
try:
    b.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("barrier broken by timeout", b.broken)
