# Producer and consumers around a bounded queue.Queue: put() blocks while the queue is full, get()
# while it is empty; each blocking call releases the GIL so the other side can run.
#   gilpy --stats examples/04_producer_consumer.py   shows the voluntary releases (blocking calls)
import queue
import threading

tasks = queue.Queue(maxsize=3)
done = []
done_lock = threading.Lock()

def producer(n):
    for i in range(n):
        tasks.put(i)              # blocks while 3 items wait
    for _ in range(2):
        tasks.put(None)           # one stop signal per consumer

def consumer(name):
    while True:
        item = tasks.get()        # blocks while the queue is empty
        if item is None:
            break
        with done_lock:
            done.append((name, item * item))

workers = [threading.Thread(target=consumer, args=(f"consumer-{k}",)) for k in range(2)]
for w in workers:
    w.start()
producer(10)
for w in workers:
    w.join()
print(sorted(v for _, v in done))
print({name: sum(1 for n, _ in done if n == name) for name in ("consumer-0", "consumer-1")})
