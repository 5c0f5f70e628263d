# Producer and consumers around a bounded queue.Queue, the usual safe way for threads to share work:
# put() blocks while the queue is full (3 items), get() while it is empty, and each blocking call
# releases the GIL so that the other side can run; no lock is needed around the queue. Look for all ten
# squares on the first line, whichever consumer computed them, and on the second for how the items were
# shared out between the two consumers, which depends on when the threads switched (gilpy's scheduler
# is deterministic, so one set of flags always gives the same split: try --switch-interval=20;
# python3's can change from run to run). Add --stats to see the voluntary releases (blocking calls)
# next to the forced switches.
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
