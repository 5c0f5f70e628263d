# the same acquire(timeout=...) call blocked twice: the second wait gets its own deadline
import threading, time
L = threading.Lock()
res = []
go = threading.Event()
def worker():
    for i in range(2):
        got = L.acquire(timeout=0.5)
        res.append(got)
        if got:
            L.release()
        if i == 0:
            go.wait()
L.acquire()
t = threading.Thread(target=worker)
t.start()
time.sleep(0.1)
L.release()
time.sleep(0.1)
L.acquire()
go.set()
time.sleep(0.45)
L.release()
t.join()
print(res)
