# The _thread module that threading is built on: start_new_thread, allocate_lock, RLock, get_ident
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
out = []
def worker(a, b, c=0):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
done.acquire()
print(out, isinstance(ident, int), ident != main_ident)

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, lock.locked(), lock.acquire(), lock.locked(), lock.acquire(0))
lock.release()
print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
try:
    lock.release()
except _thread.error as e:
    print("error:", e, _thread.error is RuntimeError)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
print(r._is_owned(), _thread.TIMEOUT_MAX > 1e6)
for bad in [lambda: _thread.start_new_thread(worker, [1, 2]), lambda: _thread.start_new_thread(worker, (1,), [])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
# a thread still running when its lock is waited on with a timeout
slow = _thread.allocate_lock()
slow.acquire()
def sleeper():
    time.sleep(0.05)
    slow.release()
_thread.start_new_thread(sleeper, ())
print(slow.acquire(timeout=5))
