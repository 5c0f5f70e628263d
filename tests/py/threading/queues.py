# queue: producer/consumer, task_done/join, LIFO and priority order, Empty and Full
import queue
import threading

q = queue.Queue()
results = []
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 10)
        q.task_done()
workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers: w.start()
for i in range(20):
    q.put(i)
q.join()
print(sorted(results))
for _ in workers: q.put(None)
for w in workers: w.join()
print(q.empty(), q.qsize())

# a bounded queue blocks the producer until the consumer catches up
bq = queue.Queue(maxsize=2)
got = []
def slow_consumer():
    for _ in range(6):
        got.append(bq.get())
c = threading.Thread(target=slow_consumer)
c.start()
for i in range(6):
    bq.put(i)
c.join()
print(got, bq.full(), bq.maxsize)

lq = queue.LifoQueue()
for x in "abc": lq.put(x)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for p in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]: pq.put(p)
print([pq.get() for _ in range(4)])

try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
full = queue.Queue(1)
full.put(1)
try:
    full.put_nowait(2)
except queue.Full:
    print("Full")
try:
    full.put(2, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    full.task_done(); full.task_done()
except ValueError as e:
    print("ValueError:", e)
sq = queue.SimpleQueue()
sq.put(1); sq.put(2)
print(sq.get(), sq.get(), sq.empty())
