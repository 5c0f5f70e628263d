# A __del__ run by a collection waits for a lock that another thread holds while it runs Python code:
# the collection lets the other threads go on before it runs finalizers (as CPython 3.13 does).
import gc, threading, time
lock = threading.Lock()
log = []
class Node:
    def __del__(self):
        with lock:
            log.append('del')
lock_taken = threading.Event()
def start():
    lock.acquire()
    lock_taken.set()
    s = 0
    for i in range(200000): s += i
    time.sleep(0.2)
    log.append('holder')
    lock.release()
t = threading.Thread(target=start); t.start()
lock_taken.wait()
a = Node(); b = Node(); a.p = b; b.p = a
del a, b
print(gc.collect() > 0)
t.join()
print(log)
