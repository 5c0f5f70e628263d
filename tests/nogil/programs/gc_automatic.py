# Four threads make garbage cycles with finalizers while the automatic collection runs (on whichever
# thread's count of new containers passes the threshold); gc.callbacks counts the collections.
import gc, threading

freed = [0] * 4
lock = threading.Lock()
runs = []
gc.callbacks.append(lambda phase, info: runs.append(info['collected']) if phase == 'stop' else None)

class Node:
    def __init__(self, k, peer=None):
        self.k = k
        self.peer = peer
    def __del__(self):
        with lock:  # finalizers of two threads' collections may run at the same time
            freed[self.k] += 1

def churn(k, n):
    for i in range(n):
        a = Node(k)
        b = Node(k, a)
        a.peer = b
        l = [i, {'me': None}]
        l[1]['me'] = l

threads = [threading.Thread(target=churn, args=(k, 800)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print('automatic collections ran:', len(runs) > 0, sum(runs) > 0)
gc.collect()
print(freed, sum(freed))
