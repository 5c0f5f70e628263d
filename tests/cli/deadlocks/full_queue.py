import queue
q = queue.Queue(maxsize=2)
for i in range(3):
    q.put(i)
