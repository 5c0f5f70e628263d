# A thread that never blocks, and threads started after it on the same worker: they start all the same.
import threading
stop = threading.Event()
def churn():
    while not stop.is_set():
        a = [1]
t = threading.Thread(target=churn)
t.start()
got = []
ss = [threading.Thread(target=got.append, args=(i,)) for i in range(3)]
for s in ss: s.start()
for s in ss: s.join()
stop.set()
t.join()
print(sorted(got))
