# Collections while other threads wait in every way a thread can: sleeping, on a lock, in join, on an
# Event with and without a timeout, on a Condition, on a queue, at a Barrier, and a daemon sleeping
# until the end. None of them keeps a collection waiting (each collection stops every running thread).
import gc, queue, threading, time

lock = threading.Lock()
lock.acquire()
event = threading.Event()
cond = threading.Condition()
q = queue.Queue()
barrier = threading.Barrier(3)
results = []

def sleeper():
    time.sleep(0.3)
    results.append('slept')
def locker():
    with lock:
        results.append('locked')
def event_waiter():
    results.append(('event', event.wait()))
def timed_waiter():
    results.append(('timed', event.wait(0.2)))
def cond_waiter():
    with cond:
        cond.wait_for(lambda: 'go' in results)
    results.append('notified')
def getter():
    results.append(('got', q.get()))
def barrier_waiter():
    barrier.wait()
    results.append('barrier')
def joiner(t):
    t.join()
    results.append('joined')
def daemon():
    time.sleep(1000)

threading.Thread(target=daemon, daemon=True).start()
ts = [threading.Thread(target=f) for f in (sleeper, locker, event_waiter, timed_waiter, cond_waiter, getter,
                                           barrier_waiter, barrier_waiter)]
ts.append(threading.Thread(target=joiner, args=(ts[1],)))
for t in ts: t.start()
time.sleep(0.1)

def garbage():
    l = []
    l.append(l)
for round in range(3):
    garbage()
    print('round', round, gc.collect())
    time.sleep(0.05)
lock.release()
event.set()
with cond:
    results.append('go')
    cond.notify_all()
q.put(42)
barrier.wait()
for t in ts: t.join()
garbage()
print('end', gc.collect())
print(sorted(map(str, results)))
