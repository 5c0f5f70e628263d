# Lock and RLock: acquire/release, non-blocking and timed acquires, re-entrancy, errors
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)
with lock:
    print("inside with", lock.locked())
print("after with", lock.locked())
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))

r = threading.RLock()
with r:
    with r:
        print("nested RLock ok")
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))

# a lock held by another thread: a timed acquire gives up, a blocking one waits
held = threading.Lock()
held.acquire()
got = []
def try_it():
    got.append(held.acquire(timeout=0.02))
t = threading.Thread(target=try_it)
t.start()
t.join()
print("timed out:", got)

def wait_for_it():
    held.acquire()
    got.append("acquired after release")
    held.release()
t = threading.Thread(target=wait_for_it)
t.start()
held.release()
t.join()
print(got)

# an RLock belongs to its owner
r = threading.RLock()
r.acquire()
def steal():
    try:
        r.release()
    except RuntimeError as e:
        got.append(str(e))
t = threading.Thread(target=steal)
t.start()
t.join()
print(got[-1])
r.release()

# many threads incrementing under a lock never lose an update
counter = 0
def inc():
    global counter
    for _ in range(2000):
        with lock:
            counter += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)
